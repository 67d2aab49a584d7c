"""The controlled vocabularies of a contact and a referral, and the data·inclusion ones.

French labels here are domain data (the codes' official wording), shown by the CLI and the UI;
the UI wraps them in its own translatable strings where it needs other languages.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from spro_desk.resources import resource_path
from spro_desk.text import WordedError

# Generated from data-inclusion-schema by tools/build_vocab.py (a test keeps them equal): the
# schema package costs a tenth of a second to import, the desk's first screen only needs labels.
DATA_INCLUSION_VOCAB = ("vocab", "data-inclusion-v1.json")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the very name lupdate looks for
    """Marks a French label for the interface's translation catalogue (no Qt here: the
    interface translates it at display time, in the "Vocabulary" context)."""
    return source


CANAUX: dict[str, str] = {
    "accueil-physique": QT_TRANSLATE_NOOP("Vocabulary", "Accueil physique"),
    "telephone": QT_TRANSLATE_NOOP("Vocabulary", "Téléphone"),
    "courriel": QT_TRANSLATE_NOOP("Vocabulary", "Courriel"),
    "visio": QT_TRANSLATE_NOOP("Vocabulary", "Visioconférence"),
    "permanence": QT_TRANSLATE_NOOP("Vocabulary", "Permanence"),
    "evenement": QT_TRANSLATE_NOOP("Vocabulary", "Événement"),
}

STATUTS: dict[str, str] = {
    "scolaire": QT_TRANSLATE_NOOP("Vocabulary", "Scolaire (collégien, lycéen)"),
    "etudiant": QT_TRANSLATE_NOOP("Vocabulary", "Étudiant"),
    "apprenti": QT_TRANSLATE_NOOP("Vocabulary", "Apprenti"),
    "decrocheur": QT_TRANSLATE_NOOP(
        "Vocabulary", "Jeune sorti sans diplôme, sans emploi ni formation"
    ),
    "demandeur-emploi": QT_TRANSLATE_NOOP("Vocabulary", "Demandeur d'emploi"),
    "salarie": QT_TRANSLATE_NOOP("Vocabulary", "Salarié"),
    "cadre": QT_TRANSLATE_NOOP("Vocabulary", "Cadre"),
    "independant": QT_TRANSLATE_NOOP("Vocabulary", "Indépendant"),
    "benevole": QT_TRANSLATE_NOOP("Vocabulary", "Bénévole"),
    "retraite": QT_TRANSLATE_NOOP("Vocabulary", "Retraité"),
    "famille": QT_TRANSLATE_NOOP("Vocabulary", "Parent, famille"),
    "autre": QT_TRANSLATE_NOOP("Vocabulary", "Autre"),
}

TRANCHES_AGE: dict[str, str] = {
    "moins-16": QT_TRANSLATE_NOOP("Vocabulary", "Moins de 16 ans"),
    "16-17": QT_TRANSLATE_NOOP("Vocabulary", "16-17 ans"),
    "18-25": QT_TRANSLATE_NOOP("Vocabulary", "18-25 ans"),
    "26-44": QT_TRANSLATE_NOOP("Vocabulary", "26-44 ans"),
    "45-54": QT_TRANSLATE_NOOP("Vocabulary", "45-54 ans"),
    "55-plus": QT_TRANSLATE_NOOP("Vocabulary", "55 ans et plus"),
    "non-renseigne": QT_TRANSLATE_NOOP("Vocabulary", "Non renseigné"),
}

SEXES: dict[str, str] = {
    "femme": QT_TRANSLATE_NOOP("Vocabulary", "Femme"),
    "homme": QT_TRANSLATE_NOOP("Vocabulary", "Homme"),
    "autre": QT_TRANSLATE_NOOP("Vocabulary", "Autre"),
    "non-renseigne": QT_TRANSLATE_NOOP("Vocabulary", "Non renseigné"),
}

REPONSES: dict[str, str] = {
    "information-orale": QT_TRANSLATE_NOOP("Vocabulary", "Information orale"),
    "documentation": QT_TRANSLATE_NOOP("Vocabulary", "Documentation remise"),
    "outil-numerique": QT_TRANSLATE_NOOP("Vocabulary", "Outil numérique"),
    "atelier-collectif": QT_TRANSLATE_NOOP("Vocabulary", "Atelier collectif"),
    "orientation": QT_TRANSLATE_NOOP("Vocabulary", "Orientation vers un partenaire"),
    "rendez-vous": QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous pris"),
}

REFERRAL_TYPES: dict[str, str] = {
    "information": QT_TRANSLATE_NOOP("Vocabulary", "Information (adresse remise)"),
    "rendez-vous": QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous"),
}

REFERRAL_STATUTS: dict[str, str] = {
    "propose": QT_TRANSLATE_NOOP("Vocabulary", "Proposé"),
    "rdv-pris": QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous pris"),
    "honore": QT_TRANSLATE_NOOP("Vocabulary", "Honoré"),
    "non-honore": QT_TRANSLATE_NOOP("Vocabulary", "Non honoré"),
    "annule": QT_TRANSLATE_NOOP("Vocabulary", "Annulé"),
}

# Statuts whose age band is young enough for the mandates of the 16-25 networks.
YOUTH_AGE_MAX = 25
# The one purpose personal data is kept for (contacts record it, privacy sets its retention).
CONSENT_PURPOSE_FOLLOW_UP = "prise-de-rendez-vous-et-suivi"


@cache
def _data_inclusion() -> dict[str, Any]:
    return json.loads(resource_path(*DATA_INCLUSION_VOCAB).read_text(encoding="utf-8"))


def categories() -> dict[str, str]:
    return _data_inclusion()["categories"]


def thematiques() -> dict[str, str]:
    """Every sub-thématique code with its label."""
    return _data_inclusion()["thematiques"]


def category_of(thematique: str) -> str:
    return thematique.split("--", 1)[0]


def is_category(code: str) -> bool:
    return code in categories()


def is_need(code: str) -> bool:
    """A need is a data·inclusion category or sub-thématique."""
    return code in categories() or code in thematiques()


def need_label(code: str) -> str:
    return categories().get(code) or thematiques().get(code) or code


def publics() -> dict[str, str]:
    return _data_inclusion()["publics"]


def modes_accueil() -> dict[str, str]:
    return _data_inclusion()["modes_accueil"]


def reseaux_porteurs() -> dict[str, str]:
    return _data_inclusion()["reseaux_porteurs"]


def age_band(age: int) -> str:
    """The tranche d'âge of an age in years."""
    bands = ((15, "moins-16"), (17, "16-17"), (25, "18-25"), (44, "26-44"), (54, "45-54"))
    return next((band for limit, band in bands if age <= limit), "55-plus")


# An age inside each band for the orientation engine, which reasons on ages: within each band
# the youth mandates (16-25, up to 30) give the same answer for every age of the band but 26-44,
# where 35 stands for the band's majority.
_REPRESENTATIVE_AGE = {
    "moins-16": 15,
    "16-17": 17,
    "18-25": 21,
    "26-44": 35,
    "45-54": 50,
    "55-plus": 60,
}


# The ages each band covers; 120 closes the last one.
_BAND_RANGES = {
    "moins-16": (0, 15),
    "16-17": (16, 17),
    "18-25": (18, 25),
    "26-44": (26, 44),
    "45-54": (45, 54),
    "55-plus": (55, 120),
}
MAX_AGE = 120
# Below these ages the statut cannot be right (compulsory schooling until 16, work from 16,
# apprenticeship from 15): a typing slip, refused with the reason.
MIN_AGE_BY_STATUT = {
    "demandeur-emploi": 16,
    "salarie": 16,
    "cadre": 18,
    "independant": 16,
    "apprenti": 15,
    "etudiant": 15,
    "decrocheur": 16,
    "retraite": 40,
    "famille": 16,
}
MIN_AGE = 10  # the first orientation questions come in the collège


def age_band_range(band: str | None) -> tuple[int, int] | None:
    """The youngest and oldest age of a tranche d'âge; None when unknown or not given."""
    return _BAND_RANGES.get(band) if band else None


def age_problem(age: int, statut: str | None) -> WordedError | None:
    """Why this age cannot be right for this statut (its str is French); None when it can."""
    if age > MAX_AGE:
        return WordedError(
            QT_TRANSLATE_NOOP("DomainErrors", "Âge de {age} ans impossible : {most} ans au plus."),
            age=age,
            most=MAX_AGE,
        )
    low = MIN_AGE_BY_STATUT.get(statut or "", MIN_AGE)
    if age >= low:
        return None
    if statut in STATUTS:
        return WordedError(
            QT_TRANSLATE_NOOP(
                "DomainErrors",
                "Âge de {age} ans impossible pour le statut « {statut} » : {least} ans au moins.",
            ),
            age=age,
            statut=STATUTS[statut],
            least=low,
        )
    return WordedError(
        QT_TRANSLATE_NOOP(
            "DomainErrors", "Âge de {age} ans impossible ici : {least} ans au moins."
        ),
        age=age,
        least=low,
    )


def representative_age(band: str) -> int | None:
    """An age that stands for a tranche d'âge; None when the band is not known."""
    return _REPRESENTATIVE_AGE.get(band)
