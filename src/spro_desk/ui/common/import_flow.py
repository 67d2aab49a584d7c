"""Importing a directory in the background and telling the window how it went."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from spro_desk.directory.source import DirectoryImportError, DirectoryShrinkRefused
from spro_desk.resources import resource_path
from spro_desk.storage.engine import Database
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext
from spro_desk.ui.common.formatting import count_phrase, services_count, structures_count

if TYPE_CHECKING:  # the importer (data·inclusion's models) loads with the first import
    from spro_desk.directory.importer import ImportReport

log = logging.getLogger(__name__)


def sample_directory() -> Path:
    return resource_path("sample-directory")


def chosen_source(selected: Path) -> Path:
    """A picked structures.json, services.json or API page stands for the folder that holds it;
    a data.gouv.fr file (structures-inclusion-<date>.csv…) for itself and its sibling.

    One file dialog cannot offer both folders and files, so the dialog asks for a file.
    """
    name = selected.name.lower()
    if name in ("structures.json", "services.json") or "page" in name:
        return selected.parent
    return selected


class DirectoryImportController(QObject):
    """One import at a time; every outcome ends with `finished`."""

    started = Signal(str)
    progressed = Signal(str, int, int)
    succeeded = Signal(object)  # ImportReport
    failed = Signal(str)  # a French message for the agent
    # The import would shrink the directory a lot: (French message, path) for a confirmation
    confirmation_needed = Signal(str, object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, db: Database, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._running = False
        self._task: TaskContext | None = None
        self._path: Path | None = None

    @property
    def running(self) -> bool:
        return self._running

    def import_sample(self) -> bool:
        return self.start(sample_directory(), self.tr("Chargement de l'annuaire d'exemple…"))

    def import_path(self, path: Path, force: bool = False) -> bool:
        label = self.tr("Import de «\u00a0{name}\u00a0»…").format(name=path.name)
        return self.start(chosen_source(path), label, force)

    def start(self, path: Path, label: str, force: bool = False) -> bool:
        if self._running:
            return False
        self._path = path
        db = self._db
        from spro_desk.directory.importer import import_directory

        callbacks = Callbacks(self._on_result, self._on_error, self.progressed.emit)
        self._running = True
        self.started.emit(label)
        task = self._runner.submit(
            lambda task: import_directory(
                db, path, progress=task.progress, is_cancelled=task.is_cancelled, force=force
            ),
            callbacks,
        )
        # A synchronous runner has already finished by now: keep no stale task.
        self._task = task if self._running else None
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_result(self, report: ImportReport) -> None:
        self._running, self._task = False, None
        self.succeeded.emit(report)
        self.finished.emit()

    def _on_error(self, error: Exception) -> None:
        self._running, self._task = False, None
        from spro_desk.directory.importer import ImportCancelled

        if isinstance(error, ImportCancelled):
            self.cancelled.emit()
        elif isinstance(error, DirectoryShrinkRefused):
            # This import is over; the confirmed one, if any, starts as a new import.
            self.finished.emit()
            self.confirmation_needed.emit(str(error), self._path)
            return
        elif isinstance(error, DirectoryImportError):
            self.failed.emit(str(error))
        else:
            log.error("Directory import failed", exc_info=error)
            self.failed.emit(
                self.tr(
                    "L'import a échoué à cause d'une erreur inattendue ({error}). "
                    "L'annuaire actuel est conservé."
                ).format(error=type(error).__name__)
            )
        self.finished.emit()


def report_message(report: ImportReport) -> str:
    """One status-bar line summing up a finished import."""
    text = QCoreApplication.translate("ImportFlow", "Annuaire importé : {structures}, {services}")
    message = text.format(
        structures=structures_count(report.structures),
        services=services_count(report.services),
    )
    if report.rejected or report.warnings:
        message += " ({}, {})".format(
            count_phrase(
                len(report.rejected),
                QCoreApplication.translate("ImportFlow", "{n} ligne rejetée"),
                QCoreApplication.translate("ImportFlow", "{n} lignes rejetées"),
            ),
            count_phrase(
                len(report.warnings),
                QCoreApplication.translate("ImportFlow", "{n} avertissement"),
                QCoreApplication.translate("ImportFlow", "{n} avertissements"),
            ),
        )
    return message + "."
