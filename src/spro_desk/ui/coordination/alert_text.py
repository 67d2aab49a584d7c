"""Alerts in words: a label per kind, a one-line summary, and what it means and what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spro_desk.sync.coordinator_views import AlertView
from spro_desk.ui.common.formatting import count_phrase, number, one_line

FORK, GAP, QUARANTINE, AUDIT = "fork", "gap", "quarantine", "audit"
# What the import writes in a fork's detail, and how the coordinator reads it.
REUSED_NUMBER = "numéro réutilisé"
AUDIT_RESTORED = "restauration"


def alert_kind_label(kind: str) -> str:
    labels = {
        FORK: QCoreApplication.translate("AlertText", "Bifurcation"),
        GAP: QCoreApplication.translate("AlertText", "Événements manquants"),
        QUARANTINE: QCoreApplication.translate("AlertText", "Quarantaine"),
        AUDIT: QCoreApplication.translate("AlertText", "Journal des accès"),
    }
    return labels.get(kind, kind)


def ranges_text(ranges: tuple[tuple[int, int], ...]) -> str:
    """« 4 à 7, 12 »: missing event numbers read as ranges."""
    span = QCoreApplication.translate("AlertText", "{first} à {last}")
    parts = [
        number(first) if first == last else span.format(first=number(first), last=number(last))
        for first, last in ranges
    ]
    return ", ".join(parts)


def _site(alert: AlertView) -> str:
    return one_line(alert.site_nom) or alert.desk_id


def alert_summary(alert: AlertView) -> str:
    if alert.kind == FORK:
        why = (
            QCoreApplication.translate("AlertText", "numéro déjà reçu avec un autre contenu")
            if alert.reason == REUSED_NUMBER
            else QCoreApplication.translate("AlertText", "ne suit pas l'envoi précédent")
        )
        return QCoreApplication.translate("AlertText", "Envoi n° {seq} : {why}").format(
            seq=number(alert.bundle_seq or 0), why=why
        )
    if alert.kind == GAP:
        count = count_phrase(
            alert.missing_count,
            QCoreApplication.translate("AlertText", "{n} événement manquant"),
            QCoreApplication.translate("AlertText", "{n} événements manquants"),
        )
        return QCoreApplication.translate("AlertText", "{count} : n° {ranges}").format(
            count=count, ranges=ranges_text(alert.missing)
        )
    if alert.kind == QUARANTINE:
        return QCoreApplication.translate(
            "AlertText", "Événement n° {seq} reçu deux fois avec des contenus différents"
        ).format(seq=number(alert.event_seq or 0))
    if alert.kind == AUDIT:
        what = (
            QCoreApplication.translate(
                "AlertText", "journal des accès revenu en arrière après une restauration"
            )
            if alert.reason == AUDIT_RESTORED
            else QCoreApplication.translate(
                "AlertText", "journal des accès du poste raccourci ou réécrit"
            )
        )
        return QCoreApplication.translate("AlertText", "Envoi n° {seq} : {what}").format(
            seq=number(alert.bundle_seq or 0), what=what
        )
    return alert.kind


def alert_explanation(alert: AlertView) -> str:
    """What happened, what SPRO Desk did about it, and what the coordinator should do."""
    site = _site(alert)
    if alert.kind == FORK:
        return QCoreApplication.translate(
            "AlertText",
            "Le poste « {site} » a envoyé un envoi n° {seq} qui ne prolonge pas ceux déjà "
            "reçus. Cela arrive presque toujours quand l'ordinateur du site a été restauré "
            "depuis une ancienne sauvegarde ou remplacé par une copie : il repart d'un état "
            "ancien et renumérote ses envois.\n\n"
            "Rien n'a été écrasé : ce qui avait déjà été reçu est conservé et les nouveaux "
            "événements ont été ajoutés.\n\n"
            "À faire : appelez le site pour savoir si l'ordinateur a été restauré, et depuis "
            "quelle date : des contacts saisis après la sauvegarde puis ressaisis après la "
            "restauration seraient comptés deux fois. Si le poste a été perdu ou volé, "
            "révoquez-le dans l'écran Postes.",
        ).format(site=site, seq=number(alert.bundle_seq or 0))
    if alert.kind == GAP:
        return QCoreApplication.translate(
            "AlertText",
            "Il manque au poste « {site} » les événements n° {ranges} ({count} en tout), alors "
            "que des événements plus récents sont arrivés. Un envoi perdu en route n'en est pas "
            "la cause : chaque envoi reprend tout ce que la coordination n'a pas encore accusé. "
            "Ces événements avaient donc déjà été reçus puis accusés : la base de la "
            "coordination a été restaurée depuis une sauvegarde, ou ces envois ont été importés "
            "sur un autre ordinateur.\n\n"
            "Les chiffres de ce poste sont incomplets tant que le trou n'est pas comblé ; "
            "l'alerte disparaît d'elle-même quand les événements manquants arrivent.\n\n"
            "À faire : importez à nouveau les envois de ce poste que vous avez encore (dossier "
            "de dépôt, clé USB, sauvegarde, autre ordinateur de la coordination).",
        ).format(site=site, ranges=ranges_text(alert.missing), count=number(alert.missing_count))
    if alert.kind == QUARANTINE:
        return QCoreApplication.translate(
            "AlertText",
            "Le poste « {site} » a renvoyé l'événement n° {seq} (identifiant {event}) avec un "
            "contenu différent de celui déjà reçu sous le même identifiant. Un poste ne "
            "modifie jamais un événement envoyé : sa base a été modifiée à la main, ou sa "
            "clé est utilisée par un autre ordinateur.\n\n"
            "La première version est conservée ; la seconde est mise de côté (en quarantaine) "
            "et n'entre dans aucun chiffre.\n\n"
            "À faire : contactez le site pour comprendre ce qui s'est passé. Si vous "
            "soupçonnez que sa clé a été copiée, révoquez le poste dans l'écran Postes et "
            "faites-le enregistrer à nouveau avec une nouvelle identité.",
        ).format(site=site, seq=number(alert.event_seq or 0), event=alert.event_id)
    if alert.kind == AUDIT and alert.message:
        # Written at import in French with the counts; the advice is the same for every case.
        return (
            alert.message
            + "\n\n"
            + QCoreApplication.translate(
                "AlertText",
                "Le journal des accès d'un poste ne fait que s'allonger : seule une personne ayant "
                "eu accès aux fichiers du poste peut le raccourcir. À faire : appelez le site, "
                "faites vérifier son journal et, si l'ordinateur a pu être copié ou volé, "
                "révoquez le poste dans l'écran Postes.",
            )
        )
    return QCoreApplication.translate(
        "AlertText", "Alerte de type « {kind} » du poste « {site} »."
    ).format(kind=alert.kind, site=site)
