"""Translatable labels of the codes shown on these screens.

`spro_desk.vocab` holds the official French wording as domain data; the interface wraps the
codes it shows in its own strings so that lupdate sees them and other languages can exist.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spro_desk.vocab import REFERRAL_STATUTS, STATUTS


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrientationLabels", text)


def referral_status_labels() -> dict[str, str]:
    return {
        "propose": _tr("Proposé"),
        "rdv-pris": _tr("Rendez-vous pris"),
        "honore": _tr("Honoré"),
        "non-honore": _tr("Non honoré"),
        "annule": _tr("Annulé"),
    }


def referral_status_label(code: str) -> str:
    return referral_status_labels().get(code) or REFERRAL_STATUTS.get(code, code)


def referral_type_label(code: str) -> str:
    labels = {"information": _tr("Information"), "rendez-vous": _tr("Rendez-vous")}
    return labels.get(code, code)


def statut_labels() -> dict[str, str]:
    labels = {
        "scolaire": _tr("Scolaire (collégien, lycéen)"),
        "etudiant": _tr("Étudiant"),
        "apprenti": _tr("Apprenti"),
        "decrocheur": _tr("Jeune sorti sans diplôme, sans emploi ni formation"),
        "demandeur-emploi": _tr("Demandeur d'emploi"),
        "salarie": _tr("Salarié"),
        "cadre": _tr("Cadre"),
        "independant": _tr("Indépendant"),
        "benevole": _tr("Bénévole"),
        "retraite": _tr("Retraité"),
        "famille": _tr("Parent, famille"),
        "autre": _tr("Autre"),
    }
    # A statut added to the vocabulary later still shows, with its domain wording.
    return {code: labels.get(code, label) for code, label in STATUTS.items()}
