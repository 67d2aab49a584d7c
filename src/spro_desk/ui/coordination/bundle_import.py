"""Importing bundle files (chosen ones, or every one of a drop folder) off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.sync.coordinator_views import BatchImport, bundle_files_in, import_bundle_files
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.coordination.context import CoordinatorContext

log = logging.getLogger(__name__)


class BundleImportController(QObject):
    """One import at a time; every outcome ends with `finished`."""

    started = Signal(str)
    progressed = Signal(str, int, int)
    succeeded = Signal(object)  # BatchImport
    failed = Signal(str)  # a French message
    finished = Signal()

    def __init__(self, context: CoordinatorContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: TaskContext | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def import_files(self, paths: list[Path]) -> bool:
        label = count_phrase(
            len(paths), self.tr("Import de {n} envoi…"), self.tr("Import de {n} envois…")
        )
        return self._start(lambda: list(paths), label)

    def import_folder(self, folder: Path) -> bool:
        # Listed in the worker: a USB stick can be slow to read.
        label = self.tr("Import du dossier « {name} »…").format(name=folder.name)
        return self._start(lambda: bundle_files_in(folder), label)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _start(self, paths: Callable[[], list[Path]], label: str) -> bool:
        if self._running:
            return False
        db, data_dir = self._context.db, self._context.data_dir

        def work(task: TaskContext) -> BatchImport:
            return import_bundle_files(
                db, data_dir, paths(), progress=task.progress, is_cancelled=task.is_cancelled
            )

        self._running = True
        self.started.emit(label)
        task = self._context.runner.submit(
            work, Callbacks(self._on_result, self._on_error, self._on_progress)
        )
        # A synchronous runner has already finished by now: keep no stale task.
        self._task = task if self._running else None
        return True

    def _on_progress(self, name: str, done: int, total: int) -> None:
        label = self.tr("Import des envois : {done} sur {total}").format(done=done, total=total)
        self.progressed.emit(f"{label} — {name}" if name else label, done, total)

    def _on_result(self, batch: BatchImport) -> None:
        self._running, self._task = False, None
        self.succeeded.emit(batch)
        self.finished.emit()

    def _on_error(self, error: Exception) -> None:
        self._running, self._task = False, None
        if isinstance(error, CoordinationDenied):
            message = str(error)
        elif isinstance(error, OSError):
            message = self.tr("Le dossier ou les fichiers n'ont pas pu être lus ({error}).").format(
                error=error.strerror or type(error).__name__
            )
        else:
            log.error("Bundle import failed", exc_info=error)
            message = self.tr(
                "L'import s'est arrêté sur une erreur inattendue ({error}). Les envois déjà "
                "importés sont conservés ; les autres n'ont pas été modifiés."
            ).format(error=type(error).__name__)
        self.failed.emit(message)
        self.finished.emit()


# --- what to tell the coordinator ----------------------------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate("BundleImport", text)


def batch_summary(batch: BatchImport) -> str:
    """One paragraph: accepted, refused, events, alerts, and whether it was cancelled."""
    total = len(batch.accepted) + len(batch.refused) + len(batch.not_imported)
    if total == 0:
        return _tr("Aucun envoi à importer : aucun fichier .spro-bundle n'a été trouvé.")
    accepted = count_phrase(
        len(batch.accepted), _tr("{n} envoi accepté"), _tr("{n} envois acceptés")
    )
    refused = count_phrase(len(batch.refused), _tr("{n} refusé"), _tr("{n} refusés"))
    events = count_phrase(
        batch.events_new, _tr("{n} événement nouveau"), _tr("{n} événements nouveaux")
    )
    duplicates = count_phrase(batch.events_duplicate, _tr("{n} déjà reçu"), _tr("{n} déjà reçus"))
    text = _tr("{accepted}, {refused} : {events}, {duplicates}.").format(
        accepted=accepted, refused=refused, events=events, duplicates=duplicates
    )
    if batch.alerts:
        alerts = count_phrase(len(batch.alerts), _tr("{n} alerte"), _tr("{n} alertes"))
        text += " " + _tr("{alerts} à examiner dans l'écran Alertes.").format(alerts=alerts)
    if batch.cancelled:
        skipped = count_phrase(
            len(batch.not_imported),
            _tr("{n} fichier n'a pas été importé"),
            _tr("{n} fichiers n'ont pas été importés"),
        )
        text += " " + _tr(
            "Import interrompu : {skipped} ; relancez l'import pour terminer (un envoi déjà "
            "reçu n'est jamais compté deux fois)."
        ).format(skipped=skipped)
    return text


def refused_lines(batch: BatchImport) -> list[str]:
    """One line per refused file: its name and why, in French."""
    return [
        _tr("{file} : {reason}").format(file=refused.path.name, reason=refused.reason)
        for refused in batch.refused
    ]
