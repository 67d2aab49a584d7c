"""Translatable labels of the desk's vocabularies, and the single key that picks each value.

The French wording matches `spro_desk.vocab` (the domain's labels); it is repeated here inside
QT_TRANSLATE_NOOP so that lupdate extracts it and other interface languages can translate it.
Keys are mnemonic in French and never change with the day's activity: agents learn them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

CONTEXT = "Vocabulary"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate reads this very name
    """Marks `source` for lupdate and returns it: PySide's own is typed as returning object."""
    return source


@dataclass(frozen=True)
class Choice:
    code: str
    key: str  # one character typed while the field has focus
    source: str  # French label, translated at display time

    @property
    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source)


STATUTS: tuple[Choice, ...] = (
    Choice("scolaire", "S", QT_TRANSLATE_NOOP("Vocabulary", "Scolaire (collégien, lycéen)")),
    Choice("etudiant", "E", QT_TRANSLATE_NOOP("Vocabulary", "Étudiant")),
    Choice("apprenti", "A", QT_TRANSLATE_NOOP("Vocabulary", "Apprenti")),
    Choice(
        "decrocheur",
        "J",
        QT_TRANSLATE_NOOP("Vocabulary", "Jeune sorti sans diplôme, sans emploi ni formation"),
    ),
    Choice("demandeur-emploi", "D", QT_TRANSLATE_NOOP("Vocabulary", "Demandeur d'emploi")),
    Choice("salarie", "L", QT_TRANSLATE_NOOP("Vocabulary", "Salarié")),
    Choice("cadre", "C", QT_TRANSLATE_NOOP("Vocabulary", "Cadre")),
    Choice("independant", "I", QT_TRANSLATE_NOOP("Vocabulary", "Indépendant")),
    Choice("benevole", "B", QT_TRANSLATE_NOOP("Vocabulary", "Bénévole")),
    Choice("retraite", "R", QT_TRANSLATE_NOOP("Vocabulary", "Retraité")),
    Choice("famille", "P", QT_TRANSLATE_NOOP("Vocabulary", "Parent, famille")),
    Choice("autre", "U", QT_TRANSLATE_NOOP("Vocabulary", "Autre")),
)

TRANCHES_AGE: tuple[Choice, ...] = (
    Choice("non-renseigne", "0", QT_TRANSLATE_NOOP("Vocabulary", "Non renseigné")),
    Choice("moins-16", "1", QT_TRANSLATE_NOOP("Vocabulary", "Moins de 16 ans")),
    Choice("16-17", "2", QT_TRANSLATE_NOOP("Vocabulary", "16-17 ans")),
    Choice("18-25", "3", QT_TRANSLATE_NOOP("Vocabulary", "18-25 ans")),
    Choice("26-44", "4", QT_TRANSLATE_NOOP("Vocabulary", "26-44 ans")),
    Choice("45-54", "5", QT_TRANSLATE_NOOP("Vocabulary", "45-54 ans")),
    Choice("55-plus", "6", QT_TRANSLATE_NOOP("Vocabulary", "55 ans et plus")),
)

SEXES: tuple[Choice, ...] = (
    Choice("non-renseigne", "N", QT_TRANSLATE_NOOP("Vocabulary", "Non renseigné")),
    Choice("femme", "F", QT_TRANSLATE_NOOP("Vocabulary", "Femme")),
    Choice("homme", "H", QT_TRANSLATE_NOOP("Vocabulary", "Homme")),
    Choice("autre", "A", QT_TRANSLATE_NOOP("Vocabulary", "Autre")),
)

# Codes of the handicap field: the domain stores True, False or None (not asked).
HANDICAP_NOT_ASKED = "non-demande"
HANDICAPS: tuple[Choice, ...] = (
    Choice(HANDICAP_NOT_ASKED, "D", QT_TRANSLATE_NOOP("Vocabulary", "Non demandé")),
    Choice("oui", "O", QT_TRANSLATE_NOOP("Vocabulary", "Oui")),
    Choice("non", "N", QT_TRANSLATE_NOOP("Vocabulary", "Non")),
)

CANAUX: tuple[Choice, ...] = (
    Choice("accueil-physique", "A", QT_TRANSLATE_NOOP("Vocabulary", "Accueil physique")),
    Choice("telephone", "T", QT_TRANSLATE_NOOP("Vocabulary", "Téléphone")),
    Choice("courriel", "C", QT_TRANSLATE_NOOP("Vocabulary", "Courriel")),
    Choice("visio", "V", QT_TRANSLATE_NOOP("Vocabulary", "Visioconférence")),
    Choice("permanence", "P", QT_TRANSLATE_NOOP("Vocabulary", "Permanence")),
    Choice("evenement", "E", QT_TRANSLATE_NOOP("Vocabulary", "Événement")),
)

REPONSES: tuple[Choice, ...] = (
    Choice("information-orale", "I", QT_TRANSLATE_NOOP("Vocabulary", "Information orale")),
    Choice("documentation", "D", QT_TRANSLATE_NOOP("Vocabulary", "Documentation remise")),
    Choice("outil-numerique", "N", QT_TRANSLATE_NOOP("Vocabulary", "Outil numérique")),
    Choice("atelier-collectif", "A", QT_TRANSLATE_NOOP("Vocabulary", "Atelier collectif")),
    Choice("orientation", "O", QT_TRANSLATE_NOOP("Vocabulary", "Orientation vers un partenaire")),
    Choice("rendez-vous", "R", QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous pris")),
)

REFERRAL_STATUTS: tuple[Choice, ...] = (
    Choice("propose", "P", QT_TRANSLATE_NOOP("Vocabulary", "Proposé")),
    Choice("rdv-pris", "R", QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous pris")),
    Choice("honore", "H", QT_TRANSLATE_NOOP("Vocabulary", "Honoré")),
    Choice("non-honore", "N", QT_TRANSLATE_NOOP("Vocabulary", "Non honoré")),
    Choice("annule", "A", QT_TRANSLATE_NOOP("Vocabulary", "Annulé")),
)

REFERRAL_TYPES: tuple[Choice, ...] = (
    Choice("information", "I", QT_TRANSLATE_NOOP("Vocabulary", "Information")),
    Choice("rendez-vous", "R", QT_TRANSLATE_NOOP("Vocabulary", "Rendez-vous")),
)


def label_of(choices: tuple[Choice, ...], code: str | None) -> str:
    """The translated label of a code; an unknown code is shown as stored."""
    if code is None:
        return ""
    return next((c.label for c in choices if c.code == code), code)


def handicap_code(value: bool | None) -> str:
    if value is None:
        return HANDICAP_NOT_ASKED
    return "oui" if value else "non"


def handicap_value(code: str) -> bool | None:
    return {"oui": True, "non": False}.get(code)


def labels_of(choices: tuple[Choice, ...]) -> dict[str, str]:
    """Code → translated label, in the vocabulary's order."""
    return {choice.code: choice.label for choice in choices}


def statut_labels() -> dict[str, str]:
    return labels_of(STATUTS)


def referral_status_labels() -> dict[str, str]:
    return labels_of(REFERRAL_STATUTS)


def referral_status_label(code: str) -> str:
    return label_of(REFERRAL_STATUTS, code)


def referral_type_label(code: str) -> str:
    return label_of(REFERRAL_TYPES, code)
