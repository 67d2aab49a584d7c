"""What the Synchronisation screen says, in sentences, from the desk's synchronisation state.

Read off the UI thread in one go (`read_state`), then turned into text on it: the screen shows
the same moment everywhere (pending counts, queue, directory).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from spro_desk.clock import day_of, wall_clock
from spro_desk.ui.common.formatting import count_phrase, french_datetime, one_line

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database
    from spro_desk.sync.directory_update import DirectoryFreshness, InstalledSnapshot
    from spro_desk.sync.transport import SyncOverview


@dataclass(frozen=True)
class SyncState:
    overview: SyncOverview
    snapshot: InstalledSnapshot | None
    freshness: DirectoryFreshness
    today: date  # the site's day when it was read: « hier » is a day, not 24 hours ago


def read_state(db: Database, now: datetime) -> SyncState:
    """Everything the screen shows; runs on a worker thread."""
    from spro_desk.sync.directory_update import directory_freshness, installed_snapshot
    from spro_desk.sync.transport import sync_overview

    return SyncState(
        overview=sync_overview(db, data_dir(db)),
        snapshot=installed_snapshot(db),
        freshness=directory_freshness(db, now),
        today=(wall_clock(now) if now.tzinfo else now).date(),
    )


def data_dir(db: Database) -> Path:
    """The desk's data folder (keys, outbox) is the database's folder."""
    return db.path.parent


def readiness_text(state: SyncState) -> str | None:
    """What is missing before the desk can send anything, and what to do; None when ready."""
    overview = state.overview
    if overview.desk_id is None:
        return QCoreApplication.translate(
            "SyncSummary",
            "Ce poste n'a pas encore d'identité de synchronisation : créez-la (elle reprend le "
            "nom, le réseau et la commune du site réglés dans Paramètres), puis envoyez le "
            "fichier d'inscription à votre coordination.",
        )
    if not overview.coordinator_trusted:
        return QCoreApplication.translate(
            "SyncSummary",
            "Ce poste ne connaît pas encore son coordinateur : importez le fichier d'identité "
            "que votre coordination vous a remis. Sans lui, rien ne peut être chiffré pour elle.",
        )
    if not overview.registration_confirmed:
        return QCoreApplication.translate(
            "SyncSummary",
            "Ce poste n'est pas encore inscrit auprès de votre coordination (aucun accusé de "
            "réception reçu) : tant qu'elle n'a pas importé son fichier d'inscription, elle "
            "refuse ses envois. Enregistrez le fichier d'inscription et remettez-le-lui.",
        )
    return None


def pending_text(state: SyncState) -> str:
    overview = state.overview
    events = count_phrase(
        overview.events_pending,
        QCoreApplication.translate(
            "SyncSummary", "{n} événement pas encore confirmé par le coordinateur"
        ),
        QCoreApplication.translate(
            "SyncSummary", "{n} événements pas encore confirmés par le coordinateur"
        ),
    )
    queued = count_phrase(
        len(overview.queue),
        QCoreApplication.translate("SyncSummary", "{n} envoi dans la file vers le serveur"),
        QCoreApplication.translate("SyncSummary", "{n} envois dans la file vers le serveur"),
    )
    return f"{events}\n{queued}"


def export_text(state: SyncState) -> str:
    export = state.overview.last_export
    if export is None:
        if state.overview.bundles_made:
            return QCoreApplication.translate(
                "SyncSummary", "Envoi n° {n} préparé (aucun export sur clé depuis cet écran)."
            ).format(n=state.overview.bundles_made)
        return QCoreApplication.translate("SyncSummary", "Aucun export pour l'instant.")
    events = count_phrase(
        export.events,
        QCoreApplication.translate("SyncSummary", "{n} événement"),
        QCoreApplication.translate("SyncSummary", "{n} événements"),
    )
    return QCoreApplication.translate(
        "SyncSummary", "Envoi n° {sequence}, le {when}, dans {folder} ({events})."
    ).format(
        sequence=export.sequence,
        when=french_datetime(export.at),
        folder=one_line(export.folder),
        events=events,
    )


def acknowledgement_text(state: SyncState) -> str:
    overview = state.overview
    if overview.acked_seq == 0:
        return QCoreApplication.translate(
            "SyncSummary", "Aucun accusé de réception du coordinateur pour l'instant."
        )
    if overview.last_ack_at is None:
        return QCoreApplication.translate(
            "SyncSummary", "Le coordinateur a tout reçu jusqu'à l'événement n° {n}."
        ).format(n=overview.acked_seq)
    return QCoreApplication.translate(
        "SyncSummary", "Le coordinateur a tout reçu jusqu'à l'événement n° {n} (reçu le {when})."
    ).format(n=overview.acked_seq, when=french_datetime(overview.last_ack_at))


def _ago(days: int) -> str:
    """« aujourd'hui », « hier », « il y a 3 jours » (never « il y a 0 jour »)."""
    if days <= 0:
        return QCoreApplication.translate("SyncSummary", "aujourd'hui")
    if days == 1:
        return QCoreApplication.translate("SyncSummary", "hier")
    return QCoreApplication.translate("SyncSummary", "il y a {n} jours").format(n=days)


def directory_text(state: SyncState) -> str:
    freshness, snapshot = state.freshness, state.snapshot
    if freshness.imported_at is None:
        return QCoreApplication.translate("SyncSummary", "Aucun annuaire installé.")
    age = _ago((state.today - day_of(freshness.imported_at)).days)
    if snapshot is None:
        return QCoreApplication.translate(
            "SyncSummary", "Annuaire importé le {when} ({age}), hors mise à jour signée."
        ).format(when=french_datetime(freshness.imported_at), age=age)
    return QCoreApplication.translate(
        "SyncSummary",
        "Version {version}, importée le {when} ({age}), valable jusqu'au {until}.",
    ).format(
        version=snapshot.version,
        when=french_datetime(freshness.imported_at),
        age=age,
        until=wall_clock(snapshot.expires_at).strftime("%d/%m/%Y"),
    )


def server_text(state: SyncState) -> str:
    overview = state.overview
    if overview.endpoint_url is None:
        return QCoreApplication.translate(
            "SyncSummary",
            "Aucun serveur réglé : les envois partent sur clé USB. Pour envoyer par Internet, "
            "indiquez l'adresse WebDAV de votre coordination dans Paramètres.",
        )
    text = QCoreApplication.translate("SyncSummary", "Serveur : {url}").format(
        url=one_line(overview.endpoint_url)
    )
    if overview.last_round_at is None:
        return (
            text
            + "\n"
            + QCoreApplication.translate(
                "SyncSummary", "Aucun échange avec le serveur pour l'instant."
            )
        )
    if overview.last_round_message:
        return (
            text
            + "\n"
            + QCoreApplication.translate(
                "SyncSummary", "Dernier échange le {when} : {message}"
            ).format(
                when=french_datetime(overview.last_round_at),
                message=one_line(overview.last_round_message),
            )
        )
    return (
        text
        + "\n"
        + QCoreApplication.translate("SyncSummary", "Dernier échange réussi le {when}.").format(
            when=french_datetime(overview.last_round_at)
        )
    )
