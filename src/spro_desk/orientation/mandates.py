"""Which networks hold the mandate for a person (the table of orientation-rules.md, row 4).

The designated operator is decided once per profile, from the situation and every need ticked,
never per service: a France Travail workshop that also covers CV writing does not make France
Travail the operator of a person with a disability who looks for a job.
"""

from __future__ import annotations

from spro_desk.orientation.profile import VisitorProfile
from spro_desk.vocab import category_of

# Career advice and guidance: the designated operators rank first for these needs.
CAREER_CATEGORIES = frozenset(
    {"choisir-un-metier", "trouver-un-emploi", "se-former", "creer-une-entreprise"}
)
# "When the need is about a job": Cap emploi's row. Choosing a métier or a training is about a
# job for people in working life; for a pupil or a student it is the CIO's or the SUIO's.
_JOB_CATEGORIES = frozenset({"trouver-un-emploi", "preparer-sa-candidature"})
_WORKING_LIFE_JOB_CATEGORIES = frozenset({"choisir-un-metier", "se-former"})
_WORKING_LIFE = frozenset({"demandeur-emploi", "salarie", "cadre", "independant"})
FINANCING_TRAINING = "se-former--monter-son-dossier-de-formation"
CREATION = "creer-une-entreprise"
# "Validate experience (VAE)": data·inclusion has no VAE thématique; recognising one's skills
# is how a VAE request is filed (the relays' own services carry it).
VAE_NEEDS = frozenset({"preparer-sa-candidature--valoriser-ses-competences"})
# Outside career needs, the networks that specialise in the need win.
_FRANCE_SERVICES_CATEGORIES = frozenset({"numerique", "difficultes-administratives-ou-juridiques"})
_YOUTH_INFORMATION_CATEGORIES = frozenset(
    {"logement-hebergement", "souvrir-a-linternational", "sante"}
)


def is_advice_need(need: str) -> bool:
    return category_of(need) in CAREER_CATEGORIES


def designated_networks(profile: VisitorProfile, needs: tuple[str, ...]) -> tuple[str, ...]:
    """The networks holding the mandate for this person and these needs, best first.

    Order of the rows, from the most specific to the most general: a disability with a job
    need (Cap emploi serves whatever the status); a need that names its operator (creating a
    business; funding a career-change training for an employee); the status's CEP operator for
    the career needs; the VAE relay for recognising experience; the specialists of the other
    needs (France services, Information Jeunesse).
    """
    categories = {category_of(need) for need in needs}
    advice = bool(categories & CAREER_CATEGORIES)
    networks: list[str] = []
    if profile.handicap and _about_a_job(profile, categories):
        networks.append("cap-emploi")
    if CREATION in categories:
        networks += ["cma", "cci"]
    if advice:
        networks += _mandate_by_statut(profile, funding=FINANCING_TRAINING in needs)
    if VAE_NEEDS & set(needs):
        networks.append("vae")
    if categories & _FRANCE_SERVICES_CATEGORIES:
        networks.append("france-services")
    if categories & _YOUTH_INFORMATION_CATEGORIES and profile.is_young:
        networks.append("information-jeunesse")
    return tuple(dict.fromkeys(networks))


def _about_a_job(profile: VisitorProfile, categories: set[str]) -> bool:
    if categories & _JOB_CATEGORIES:
        return True
    return profile.statut in _WORKING_LIFE and bool(categories & _WORKING_LIFE_JOB_CATEGORIES)


def _mandate_by_statut(profile: VisitorProfile, funding: bool) -> list[str]:
    statut = profile.statut
    if statut in {"scolaire", "famille"}:
        return ["cio"]
    if statut == "etudiant":
        return ["suio", "cio"]
    if statut == "decrocheur" or (
        statut in {"demandeur-emploi", "autre"} and profile.is_young_adult
    ):
        return ["mission-locale"]
    if statut == "demandeur-emploi":
        return ["france-travail"]
    if statut == "salarie":
        pair = ["avenir-actifs", "transitions-pro"]
        return pair[::-1] if funding else pair
    if statut == "independant":
        return ["avenir-actifs"]
    if statut == "cadre":
        return ["apec"]
    return []
