"""A synthetic Centre-Val de Loire shaped like issue 19's finding: the Cher is the CIO de
Bourges plus the small Vierzon site, so Cher minus Bourges is Vierzon.

Contacts are drawn per site (seeded), and every territory's tables are built by the product's
own table builders from the contacts of its sites — as the bilan builds them.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from spro_desk.reports.table import Table, cross, one_way
from spro_desk.vocab import CANAUX, SEXES, STATUTS, TRANCHES_AGE

# territory -> its children (a partition); leaves are sites
HIERARCHY: dict[str, list[str]] = {
    "region": ["dep:18", "dep:36"],
    "dep:18": ["bassin:bourges", "bassin:vierzon"],
    "dep:36": ["bassin:chateauroux", "bassin:issoudun"],
    "bassin:bourges": ["site:cio-bourges"],
    "bassin:vierzon": ["site:vierzon"],
    "bassin:chateauroux": ["site:cio-chateauroux", "site:ml-chateauroux"],
    "bassin:issoudun": ["site:issoudun"],
}
SITE_SIZES = {  # contacts in the period: Vierzon is small, so most of its cells are small
    "site:cio-bourges": 900,
    "site:vierzon": 70,
    "site:cio-chateauroux": 600,
    "site:ml-chateauroux": 250,
    "site:issoudun": 60,
}
MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]


@dataclass(frozen=True)
class Contact:
    canal: str
    statut: str
    tranche: str
    sexe: str
    month: str


def draw(seed: int = 19) -> dict[str, list[Contact]]:
    rng = random.Random(seed)
    weights = {
        "canal": [50, 25, 10, 5, 7, 3],
        "statut": [30, 15, 5, 4, 20, 12, 2, 3, 1, 2, 4, 2],
        "tranche": [8, 20, 35, 20, 8, 6, 3],
        "sexe": [52, 45, 1, 2],
    }
    contacts: dict[str, list[Contact]] = {}
    for site, size in SITE_SIZES.items():
        contacts[site] = [
            Contact(
                rng.choices(list(CANAUX), weights["canal"])[0],
                rng.choices(list(STATUTS), weights["statut"])[0],
                rng.choices(list(TRANCHES_AGE), weights["tranche"])[0],
                rng.choices(list(SEXES), weights["sexe"])[0],
                rng.choice(MONTHS),
            )
            for _ in range(size)
        ]
    return contacts


def sites_of(territory: str) -> list[str]:
    if territory not in HIERARCHY:
        return [territory]
    return [site for child in HIERARCHY[territory] for site in sites_of(child)]


def tables_of(territory: str, contacts: dict[str, list[Contact]]) -> dict[str, Table]:
    people = [c for site in sites_of(territory) for c in contacts[site]]
    canal = Counter(c.canal for c in people)
    statut = Counter(c.statut for c in people)
    months = Counter(c.month for c in people)
    sexe_age = Counter((c.sexe, c.tranche) for c in people)
    by_site = Counter((site, c.canal) for site in sites_of(territory) for c in contacts[site])
    return {
        "contacts.canal": one_way("contacts.canal", "Canal", "Canal", canal, CANAUX, order=CANAUX),
        "contacts.statut": one_way(
            "contacts.statut", "Statut", "Statut", statut, STATUTS, order=STATUTS
        ),
        "contacts.mois": one_way("contacts.mois", "Mois", "Mois", months, order=MONTHS),
        "contacts.sexe_age": cross(
            "contacts.sexe_age", "Sexe × âge", "Sexe", sexe_age, list(SEXES.items()),
            list(TRANCHES_AGE.items()),
        ),
        "sites.contacts": cross(
            "sites.contacts", "Sites", "Site", by_site,
            [(s, s) for s in sites_of(territory)], list(CANAUX.items()),
        ),
    }  # fmt: skip
