"""Translatable labels of the desk's vocabularies, and the single key that picks each value.

The codes and their French labels are `spro_desk.vocab`'s (marked there for the translation
catalogue, context "Vocabulary"); this module adds what only the interface needs: the order of
each list on screen and its keys. Keys are mnemonic in French and never change with the day's
activity: agents learn them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from spro_desk import vocab

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


def _choices(labels: dict[str, str], keys: dict[str, str]) -> tuple[Choice, ...]:
    """The vocabulary's codes in the screen's order (that of `keys`), each with its key."""
    if set(keys) != set(labels):
        raise ValueError(f"keys and vocabulary differ: {sorted(set(keys) ^ set(labels))}")
    return tuple(Choice(code, key, labels[code]) for code, key in keys.items())


STATUTS = _choices(
    vocab.STATUTS,
    {"scolaire": "S", "etudiant": "E", "apprenti": "A", "decrocheur": "J",
     "demandeur-emploi": "D", "salarie": "L", "cadre": "C", "independant": "I", "benevole": "B",
     "retraite": "R", "famille": "P", "autre": "U"},
)  # fmt: skip
TRANCHES_AGE = _choices(
    vocab.TRANCHES_AGE,
    {"non-renseigne": "0", "moins-16": "1", "16-17": "2", "18-25": "3", "26-44": "4",
     "45-54": "5", "55-plus": "6"},
)  # fmt: skip
SEXES = _choices(vocab.SEXES, {"non-renseigne": "N", "femme": "F", "homme": "H", "autre": "A"})
CANAUX = _choices(
    vocab.CANAUX,
    {"accueil-physique": "A", "telephone": "T", "courriel": "C", "visio": "V", "permanence": "P",
     "evenement": "E"},
)  # fmt: skip
REPONSES = _choices(
    vocab.REPONSES,
    {"information-orale": "I", "documentation": "D", "outil-numerique": "N",
     "atelier-collectif": "A", "orientation": "O", "rendez-vous": "R"},
)  # fmt: skip
REFERRAL_STATUTS = _choices(
    vocab.REFERRAL_STATUTS,
    {"propose": "P", "rdv-pris": "R", "honore": "H", "non-honore": "N", "annule": "A"},
)
REFERRAL_TYPES = _choices(vocab.REFERRAL_TYPES, {"information": "I", "rendez-vous": "R"})

# Codes of the handicap field: the domain stores True, False or None (not asked); an
# interface-only vocabulary.
HANDICAP_NOT_ASKED = "non-demande"
HANDICAPS: tuple[Choice, ...] = (
    Choice(HANDICAP_NOT_ASKED, "D", QT_TRANSLATE_NOOP("Vocabulary", "Non demandé")),
    Choice("oui", "O", QT_TRANSLATE_NOOP("Vocabulary", "Oui")),
    Choice("non", "N", QT_TRANSLATE_NOOP("Vocabulary", "Non")),
)


def purpose_label(code: str) -> str:
    """The purpose of a consent (privacy.policy.PURPOSES), in the window's language."""
    labels = {
        vocab.CONSENT_PURPOSE_FOLLOW_UP: QCoreApplication.translate(
            "Vocabulary", "Prise de rendez-vous et suivi de l'orientation"
        )
    }
    return labels.get(code, code)


def label_of(choices: tuple[Choice, ...], code: str | None) -> str:
    """The translated label of a code; an unknown code is shown as stored."""
    if code is None:
        return ""
    return next((c.label for c in choices if c.code == code), code)


def key_of(choices: tuple[Choice, ...], code: str) -> str:
    """The key that picks a code (the tally sheet's letter); an unknown code as stored."""
    return next((c.key for c in choices if c.code == code), code)


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


def referral_type_labels() -> dict[str, str]:
    return labels_of(REFERRAL_TYPES)


def referral_type_label(code: str) -> str:
    return label_of(REFERRAL_TYPES, code)
