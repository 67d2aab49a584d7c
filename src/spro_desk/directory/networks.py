"""SPRO networks: their names, their mandates, and inferring them when x_spro is absent."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spro_desk.text import fold

NETWORK_LABELS: dict[str, str] = {
    "cio": "CIO",
    "mission-locale": "Mission locale",
    "information-jeunesse": "Information Jeunesse",
    "france-travail": "France Travail",
    "cap-emploi": "Cap emploi",
    "avenir-actifs": "Avenir Actifs",
    "apec": "Apec",
    "transitions-pro": "Transitions Pro",
    "cma": "Chambre de métiers et de l'artisanat",
    "cci": "CCI",
    "suio": "SUIO",
    "vae": "Point relais conseil VAE",
    "e2c": "École de la 2e chance",
    "cidff": "CIDFF",
    "france-services": "France services",
}

# The five operators of the conseil en évolution professionnelle.
CEP_OPERATORS = frozenset(
    {"france-travail", "cap-emploi", "apec", "mission-locale", "avenir-actifs"}
)

# data·inclusion `reseaux_porteurs` codes that name one SPRO network unambiguously.
_FROM_RESEAU_PORTEUR = {
    "mission-locale": "mission-locale",
    "france-travail": "france-travail",
    "cap-emploi-reseau-cheops": "cap-emploi",
    "reseau-information-jeunesse": "information-jeunesse",
    "ecoles-de-la-deuxieme-chance": "e2c",
    "cidff": "cidff",
    "france-service": "france-services",
    "msap": "france-services",
}

# Patterns over the folded (accent-free, lower-case) name; first match wins.
_FROM_NAME: tuple[tuple[str, str], ...] = (
    (r"\bcio\b|centre d.information et d.orientation", "cio"),
    (r"\bmissions? locales?\b|\bpaio\b", "mission-locale"),
    (r"information jeunesse|\b[bp]ij\b|\bcrij\b|\binfo.jeunes?\b", "information-jeunesse"),
    (r"\bfrance.travail\b|\bpole.emploi\b", "france-travail"),
    (r"\bcap.?emploi\b", "cap-emploi"),
    (r"\bavenir.actifs?\b", "avenir-actifs"),
    (r"\bapec\b|association pour l.emploi des cadres", "apec"),
    (r"\btransitions? pro\b|transitions? professionnelles?|\bfongecif\b", "transitions-pro"),
    (r"chambres? (de|des) metiers|\bcma\b", "cma"),
    (r"\bcci\b|chambre de commerce", "cci"),
    (r"\bsc?uio|service (commun )?universitaire d.(information|orientation)|\bbaip\b", "suio"),
    (r"\bvae\b|validation des acquis|point relais conseil|\bprc\b|\bdava\b", "vae"),
    (r"ecole de la (2e|deuxieme) chance|\be2c\b", "e2c"),
    (r"\bcidff\b", "cidff"),
    (r"\bfrance services?\b", "france-services"),
)


@cache
def _name_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Compiled when first needed (an import, a search): the window's first paint imports this
    # module for the networks' labels only.
    return tuple((re.compile(pattern), network) for pattern, network in _FROM_NAME)


# What agents type for the structures they send people to, beside the networks above: each
# acronym also finds the folded words of its full name (all of them, in any order).
ACRONYMS: dict[str, tuple[str, ...]] = {
    "pij": ("information", "jeunesse"),
    "bij": ("information", "jeunesse"),
    "crij": ("information", "jeunesse"),
    "cij": ("information", "jeunesse"),
    "cio": ("information", "orientation"),
    "ml": ("mission", "locale"),
    "ft": ("france", "travail"),
    "pe": ("pole", "emploi"),
    "caf": ("allocations", "familiales"),
    "ccas": ("communal", "action", "sociale"),
    "cias": ("intercommunal", "action", "sociale"),
    "pmi": ("protection", "maternelle", "infantile"),
    "cpam": ("assurance", "maladie"),
    "msa": ("mutualite", "sociale", "agricole"),
    "mds": ("maison", "solidarites"),
    "e2c": ("ecole", "chance"),
    "epide": ("insertion", "defense"),
    "cma": ("chambre", "metiers"),
    "cci": ("chambre", "commerce"),
    "suio": ("universitaire", "information", "orientation"),
    "vae": ("validation", "acquis"),
    "cep": ("conseil", "evolution", "professionnelle"),
    "cidff": ("droits", "femmes"),
    "apec": ("emploi", "cadres"),
    "fs": ("france", "services"),
}


def network_label(code: str | None) -> str:
    if not code:
        return "Autre réseau"
    return NETWORK_LABELS.get(code, code)


def infer_network(nom: str, reseaux_porteurs: Iterable[str] = ()) -> str | None:
    """The SPRO network of a structure that has no x_spro, from its data·inclusion fields."""
    for code in reseaux_porteurs:
        if code in _FROM_RESEAU_PORTEUR:
            return _FROM_RESEAU_PORTEUR[code]
    folded = fold(nom)
    return next((network for pattern, network in _name_patterns() if pattern.search(folded)), None)


def infer_level(service_type: str | None) -> int:
    """Information services are level 1; advice, support, workshops and training level 2."""
    return 1 if service_type == "information" else 2
