"""What can be suggested: the services of an eligible zone that answer a need, and the structures
that publish no service but whose network holds the mandate.

Both are a `Candidate`, so that one ranking judges them by the same signals; what a structure
does not publish (thématiques, publics, fees, level) stays unknown and never counts as a match.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.catalog import ServiceSummary

_AGE_RANGE = re.compile(r"(\d{1,2})\s*(?:à|a|-|–)\s*(\d{1,2})\s*ans", re.IGNORECASE)

# The zone's services are few; a category tag (« trouver-un-emploi ») holds tens of thousands
# nationally: probing each zone service's tags by primary key beats listing the category's
# services (27 ms → 2 ms mean on the national directory with two needs, bench/suggest_quality).
CANDIDATE_COLUMNS = """
SELECT s.pk, s.id, st.id, s.nom, st.nom, COALESCE(s.commune, st.commune),
       COALESCE(s.code_insee, st.code_insee), COALESCE(s.horaires_accueil, st.horaires_accueil),
       st.reseau, s.modes_accueil,
       s.thematiques, s.publics, s.spro_publics, s.age_min, s.age_max, s.operateur_cep,
       st.operateur_cep, s.niveau, s.type, st.reseau_infere, s.zone_eligibilite,
       s.publics_precisions, s.conditions_acces,
       COALESCE(s.latitude, st.latitude), COALESCE(s.longitude, st.longitude),
       s.frais, st.reseaux_porteurs
FROM service s JOIN structure st ON st.pk = s.structure_pk
"""
_SELECT = (
    CANDIDATE_COLUMNS
    + """WHERE s.pk IN (SELECT service_pk FROM service_tag
               WHERE kind = 'zone' AND value IN ({zones}))
  AND EXISTS (SELECT 1 FROM service_tag t
              WHERE t.kind = 'thematique' AND t.value IN ({needs}) AND t.service_pk = s.pk)
ORDER BY s.pk
"""
)

# Structures that publish no service, with a network (the directory keeps them: many
# real structures, France Travail agencies among them, come without any service). Their own
# row in `service` (structure_only, migration 0010) makes them searchable; it is no service.
_SELECT_STRUCTURES = """
SELECT st.pk, st.id, st.nom, st.commune, st.code_insee, st.horaires_accueil, st.reseau,
       st.reseau_infere, st.operateur_cep, st.niveaux, st.latitude, st.longitude,
       st.reseaux_porteurs, st.telephone, st.courriel
FROM structure st
WHERE st.reseau IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM service s WHERE s.structure_pk = st.pk AND NOT s.structure_only)
"""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A service, or a structure without any service (`has_service` false), to be ranked."""

    summary: ServiceSummary
    thematiques: frozenset[str]
    publics: frozenset[str]
    spro_publics: frozenset[str] | None
    age_min: int | None
    age_max: int | None
    ages_inferred: bool
    operateur_cep: bool
    niveau: int | None
    type: str | None
    reseau_infere: bool
    zones: tuple[str, ...]
    conditions_acces: str | None
    coordinates: tuple[float, float] | None
    frais: str | None = None
    reseaux_porteurs: tuple[str, ...] = ()
    has_service: bool = True
    contacts: tuple[str, ...] = ()

    @property
    def remote(self) -> bool:
        return "a-distance" in self.summary.modes_accueil

    @property
    def in_person(self) -> bool:
        """Received somewhere: a service without modes declared is taken to receive people."""
        modes = self.summary.modes_accueil
        return not modes or "en-presentiel" in modes

    @property
    def key(self) -> str:
        """Stable identity for the day's rotation."""
        return self.summary.service_id or self.summary.structure_id


def inferred_ages(
    age_min: int | None, age_max: int | None, spro_publics: str | None, precisions: str | None
) -> tuple[int | None, int | None, bool]:
    """The age limits, and whether they were read from publics_precisions."""
    if age_min is not None or age_max is not None or spro_publics is not None:
        return age_min, age_max, False
    match = _AGE_RANGE.search(precisions or "")
    if match:  # a plain export: read "De 16 à 25 ans." from publics_precisions
        return int(match.group(1)), int(match.group(2)), True
    return None, None, False


@lru_cache(maxsize=8192)
def codes_of(text: str | None) -> frozenset[str]:
    """A JSON list of codes; a national directory repeats a few hundred lists ~100,000 times."""
    return frozenset(json.loads(text)) if text else frozenset()


@lru_cache(maxsize=8192)
def ordered_codes(text: str | None) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def candidate_of(row: tuple[Any, ...]) -> Candidate:
    """A candidate from a row of CANDIDATE_COLUMNS."""
    age_min, age_max, inferred = inferred_ages(row[13], row[14], row[12], row[21])
    cep = row[15] if row[15] is not None else bool(row[16])
    has_coordinates = row[23] is not None and row[24] is not None
    summary = ServiceSummary.from_row(row[:10], ordered_codes)
    return Candidate(
        summary=summary,
        thematiques=codes_of(row[10]),
        publics=codes_of(row[11]),
        spro_publics=codes_of(row[12]) if row[12] is not None else None,
        age_min=age_min,
        age_max=age_max,
        ages_inferred=inferred,
        operateur_cep=bool(cep),
        niveau=row[17],
        type=row[18],
        reseau_infere=bool(row[19]),
        zones=ordered_codes(row[20]),
        conditions_acces=row[22],
        coordinates=(row[23], row[24]) if has_coordinates else None,
        frais=row[25],
        reseaux_porteurs=ordered_codes(row[26]),
    )


def structure_candidate(
    *,
    structure_id: str,
    nom: str,
    reseau: str | None,
    code_insee: str | None,
    commune: str | None = None,
    horaires: str | None = None,
    reseau_infere: bool = False,
    operateur_cep: bool = False,
    niveaux: tuple[int, ...] = (),
    coordinates: tuple[float, float] | None = None,
    reseaux_porteurs: tuple[str, ...] = (),
    contacts: tuple[str, ...] = (),
    pk: int = 0,
) -> Candidate:
    """A structure that publishes no service: only its own fields are known."""
    summary = ServiceSummary(
        pk=pk, service_id="", structure_id=structure_id, service_nom="", structure_nom=nom,
        commune=commune, code_insee=code_insee, horaires=horaires, reseau=reseau,
        modes_accueil=(),
    )  # fmt: skip
    return Candidate(
        summary=summary,
        thematiques=frozenset(),
        publics=frozenset(),
        spro_publics=None,
        age_min=None,
        age_max=None,
        ages_inferred=False,
        operateur_cep=operateur_cep,
        niveau=max(niveaux) if niveaux else None,
        type=None,
        reseau_infere=reseau_infere,
        zones=(),
        conditions_acces=None,
        coordinates=coordinates,
        reseaux_porteurs=reseaux_porteurs,
        has_service=False,
        contacts=contacts,
    )


def _structure_row(row: tuple[Any, ...]) -> Candidate:
    has_coordinates = row[10] is not None and row[11] is not None
    return structure_candidate(
        pk=row[0],
        structure_id=row[1],
        nom=row[2],
        commune=row[3],
        code_insee=row[4],
        horaires=row[5],
        reseau=row[6],
        reseau_infere=bool(row[7]),
        operateur_cep=bool(row[8]),
        niveaux=tuple(json.loads(row[9] or "[]")),
        coordinates=(row[10], row[11]) if has_coordinates else None,
        reseaux_porteurs=tuple(json.loads(row[12] or "[]")),
        contacts=tuple(c for c in (row[13], row[14]) if c),
    )


def load_candidates(
    connection: Connection, zones: tuple[str, ...], needs: tuple[str, ...]
) -> list[Candidate]:
    sql = _SELECT.format(zones=", ".join("?" for _ in zones), needs=", ".join("?" for _ in needs))
    rows = connection.exec_driver_sql(sql, (*zones, *needs)).all()
    return [candidate_of(tuple(row)) for row in rows]


@dataclass(frozen=True)
class DirectoryFacts:
    """What one version of the directory says once for every request: the structures that
    publish no service (by network), and where each commune is from the rows located in it.

    Both need a scan of every structure (no index serves them); a desk asks many suggestions of
    one directory, so they are read once per import (`directory_facts`).
    """

    structures_without_services: dict[str, tuple[Candidate, ...]]
    commune_centres: dict[str, tuple[float, float]]

    def structure_candidates(self, networks: tuple[str, ...]) -> list[Candidate]:
        return [c for n in networks for c in self.structures_without_services.get(n, ())]


_FACTS: dict[str, tuple[Any, DirectoryFacts]] = {}


def directory_facts(connection: Connection, database_key: str) -> DirectoryFacts:
    """The facts of the directory now in `database_key`, read again after each import."""
    version = directory_version(connection)
    cached = _FACTS.get(database_key)
    if cached is not None and cached[0] == version:
        return cached[1]
    facts = DirectoryFacts(_structures_without_services(connection), _centres(connection))
    _FACTS.clear()  # one directory at a time: a desk has one
    _FACTS[database_key] = (version, facts)
    return facts


def directory_version(connection: Connection) -> Any:
    """What changes with each import of the directory (its latest import, and their count)."""
    return connection.exec_driver_sql(
        "SELECT pk, imported_at, (SELECT COUNT(*) FROM directory_import) "
        "FROM directory_import ORDER BY pk DESC LIMIT 1"
    ).one_or_none()


def _structures_without_services(connection: Connection) -> dict[str, tuple[Candidate, ...]]:
    by_network: dict[str, list[Candidate]] = {}
    for row in connection.exec_driver_sql(_SELECT_STRUCTURES):
        candidate = _structure_row(tuple(row))
        by_network.setdefault(candidate.summary.reseau or "", []).append(candidate)
    return {network: tuple(found) for network, found in by_network.items()}


def _centres(connection: Connection) -> dict[str, tuple[float, float]]:
    rows = connection.exec_driver_sql(
        "SELECT code_insee, AVG(latitude), AVG(longitude) FROM structure "
        "WHERE code_insee IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL "
        "GROUP BY code_insee"
    )
    return {code: (lat, lon) for code, lat, lon in rows}
