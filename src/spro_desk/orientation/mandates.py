"""Which networks hold the mandate for a situation (the table of orientation-rules.md)."""

from __future__ import annotations

from spro_desk.orientation.profile import VisitorProfile
from spro_desk.vocab import category_of

# Career advice and guidance: the designated operators rank first for these needs.
CAREER_CATEGORIES = frozenset(
    {"choisir-un-metier", "trouver-un-emploi", "se-former", "creer-une-entreprise"}
)
FINANCING_TRAINING = "se-former--monter-son-dossier-de-formation"
# Outside career needs, the networks that specialise in the need win.
_FRANCE_SERVICES_CATEGORIES = frozenset({"numerique", "difficultes-administratives-ou-juridiques"})
_YOUTH_INFORMATION_CATEGORIES = frozenset(
    {"logement-hebergement", "souvrir-a-linternational", "sante"}
)


def is_advice_need(need: str) -> bool:
    return category_of(need) in CAREER_CATEGORIES


def preferred_networks(profile: VisitorProfile, need: str) -> list[str]:
    """The networks to rank first for this need, best first (empty: no preference)."""
    category = category_of(need)
    if category == "creer-une-entreprise":
        return ["cma", "cci"]
    if category in CAREER_CATEGORIES:
        return _career_mandate(profile, need, category)
    if category in _FRANCE_SERVICES_CATEGORIES:
        return ["france-services"]
    if category in _YOUTH_INFORMATION_CATEGORIES and profile.is_young:
        return ["information-jeunesse"]
    return []


def _career_mandate(profile: VisitorProfile, need: str, category: str) -> list[str]:
    networks = ["cap-emploi"] if profile.handicap and category == "trouver-un-emploi" else []
    return networks + _mandate_by_statut(profile, need)


def _mandate_by_statut(profile: VisitorProfile, need: str) -> list[str]:
    statut = profile.statut
    if statut in {"scolaire", "famille"}:
        return ["cio"]
    if statut == "etudiant":
        return ["suio", "cio"]
    if statut == "decrocheur" or (statut == "demandeur-emploi" and profile.is_young_adult):
        return ["mission-locale"]
    if statut == "demandeur-emploi":
        return ["france-travail"]
    if statut == "salarie":
        pair = ["avenir-actifs", "transitions-pro"]
        return pair[::-1] if need == FINANCING_TRAINING else pair
    if statut == "independant":
        return ["avenir-actifs"]
    if statut == "cadre":
        return ["apec"]
    return []
