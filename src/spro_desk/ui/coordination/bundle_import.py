"""Importing bundle files (chosen ones, or every one of a drop folder) off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.sync.coordinator_views import BatchImport, bundle_files_in, import_bundle_files
from spro_desk.ui.common.background import TaskContext
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.coordination.task_controller import TaskController

log = logging.getLogger(__name__)


class BundleImportController(TaskController):
    """One import at a time; `succeeded` carries a BatchImport."""

    def import_files(self, paths: list[Path]) -> bool:
        label = count_phrase(
            len(paths), self.tr("Import de {n} envoi…"), self.tr("Import de {n} envois…")
        )
        return self._start(lambda: list(paths), label)

    def import_folder(self, folder: Path) -> bool:
        # Listed in the worker: a USB stick can be slow to read.
        label = self.tr("Import du dossier « {name} »…").format(name=folder.name)
        return self._start(lambda: bundle_files_in(folder), label)

    def _start(self, paths: Callable[[], list[Path]], label: str) -> bool:
        if self.running:
            return False
        db, data_dir = self._context.db, self._context.data_dir

        def work(task: TaskContext) -> BatchImport:
            return import_bundle_files(
                db, data_dir, paths(), progress=task.progress, is_cancelled=task.is_cancelled
            )

        return self._run(work, label)

    def _on_progress(self, name: str, done: int, total: int) -> None:
        label = self.tr("Import des envois : {done} sur {total}").format(done=done, total=total)
        self.progressed.emit(f"{label} — {name}" if name else label, done, total)

    def _message(self, error: Exception) -> str:
        if isinstance(error, CoordinationDenied):
            return str(error)
        if isinstance(error, OSError):
            return self.tr("Le dossier ou les fichiers n'ont pas pu être lus ({error}).").format(
                error=error.strerror or type(error).__name__
            )
        log.error("Bundle import failed", exc_info=error)
        return self.tr(
            "L'import s'est arrêté sur une erreur inattendue ({error}). Les envois déjà "
            "importés sont conservés ; les autres n'ont pas été modifiés."
        ).format(error=type(error).__name__)


# --- what to tell the coordinator ----------------------------------------------------------


def batch_summary(batch: BatchImport) -> str:
    """One paragraph: accepted, refused, events, alerts, and whether it was cancelled."""
    total = len(batch.accepted) + len(batch.refused) + len(batch.not_imported)
    if total == 0:
        return QCoreApplication.translate(
            "BundleImport", "Aucun envoi à importer : aucun fichier .spro-bundle n'a été trouvé."
        )
    accepted = count_phrase(
        len(batch.accepted),
        QCoreApplication.translate("BundleImport", "{n} envoi accepté"),
        QCoreApplication.translate("BundleImport", "{n} envois acceptés"),
    )
    refused = count_phrase(
        len(batch.refused),
        QCoreApplication.translate("BundleImport", "{n} refusé"),
        QCoreApplication.translate("BundleImport", "{n} refusés"),
    )
    events = count_phrase(
        batch.events_new,
        QCoreApplication.translate("BundleImport", "{n} événement nouveau"),
        QCoreApplication.translate("BundleImport", "{n} événements nouveaux"),
    )
    duplicates = count_phrase(
        batch.events_duplicate,
        QCoreApplication.translate("BundleImport", "{n} déjà reçu"),
        QCoreApplication.translate("BundleImport", "{n} déjà reçus"),
    )
    text = QCoreApplication.translate(
        "BundleImport", "{accepted}, {refused} : {events}, {duplicates}."
    ).format(accepted=accepted, refused=refused, events=events, duplicates=duplicates)
    if batch.alerts:
        alerts = count_phrase(
            len(batch.alerts),
            QCoreApplication.translate("BundleImport", "{n} alerte"),
            QCoreApplication.translate("BundleImport", "{n} alertes"),
        )
        text += " " + QCoreApplication.translate(
            "BundleImport", "{alerts} à examiner dans l'écran Alertes."
        ).format(alerts=alerts)
    if batch.cancelled:
        skipped = count_phrase(
            len(batch.not_imported),
            QCoreApplication.translate("BundleImport", "{n} fichier n'a pas été importé"),
            QCoreApplication.translate("BundleImport", "{n} fichiers n'ont pas été importés"),
        )
        text += " " + QCoreApplication.translate(
            "BundleImport",
            "Import interrompu : {skipped} ; relancez l'import pour terminer (un envoi déjà "
            "reçu n'est jamais compté deux fois).",
        ).format(skipped=skipped)
    return text


def refused_lines(batch: BatchImport) -> list[str]:
    """One line per refused file: its name and why, in French."""
    return [
        QCoreApplication.translate("BundleImport", "{file} : {reason}").format(
            file=refused.path.name, reason=refused.reason
        )
        for refused in batch.refused
    ]
