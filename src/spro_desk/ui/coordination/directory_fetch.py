"""Fetching the region's directory from the data·inclusion API off the UI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from spro_desk.site.settings import SiteSettings
from spro_desk.sync.directory_fetch import (
    DEFAULT_API_URL,
    PAGE_SIZE,
    DirectoryFetchError,
    FetchResult,
    fetch_directory,
)
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.coordination.context import CoordinatorContext

log = logging.getLogger(__name__)

STAGING_FOLDER = "annuaire-api"  # under the data folder: an interrupted fetch resumes there


class DirectoryFetchController(QObject):
    """One fetch at a time; every outcome ends with `finished`."""

    started = Signal(str)
    progressed = Signal(str, int, int)
    succeeded = Signal(object)  # FetchResult
    failed = Signal(str)  # a French message
    finished = Signal()

    page_size = PAGE_SIZE

    def __init__(self, context: CoordinatorContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: TaskContext | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def staging(self) -> Path:
        return self._context.data_dir / STAGING_FOLDER

    def fetch(self) -> bool:
        """Start fetching with the site's settings (URL, token, region); False when busy."""
        if self._running:
            return False
        site = SiteSettings(self._context.db)  # read here: the settings are sealed in the db
        url = site.get("datainclusion.url") or DEFAULT_API_URL
        token = site.get("datainclusion.jeton") or ""
        region = site.get("datainclusion.region") or None
        staging, page_size = self.staging(), self.page_size

        def work(task: TaskContext) -> FetchResult:
            return fetch_directory(
                url,
                token,
                region,
                staging,
                progress=task.progress,
                is_cancelled=task.is_cancelled,
                page_size=page_size,
            )

        self._running = True
        self.started.emit(self.tr("Téléchargement de l'annuaire data·inclusion…"))
        task = self._context.runner.submit(
            work, Callbacks(self._on_result, self._on_error, self._on_progress)
        )
        self._task = task if self._running else None
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_progress(self, label: str, done: int, total: int) -> None:
        self.progressed.emit(label, done, total)

    def _on_result(self, result: FetchResult) -> None:
        self._running, self._task = False, None
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_error(self, error: Exception) -> None:
        self._running, self._task = False, None
        self.failed.emit(self._message(error))
        self.finished.emit()

    def _message(self, error: Exception) -> str:
        if isinstance(error, DirectoryFetchError):
            return str(error)  # already French, and says what is kept for a resume
        if isinstance(error, OSError):
            return self.tr(
                "Le dossier de téléchargement n'a pas pu être écrit ({error}). Les pages déjà "
                "reçues sont conservées."
            ).format(error=error.strerror or type(error).__name__)
        log.error("Directory fetch failed", exc_info=error)
        return self.tr(
            "Le téléchargement s'est arrêté sur une erreur inattendue ({error}). L'annuaire "
            "publié aux postes n'a pas changé."
        ).format(error=type(error).__name__)
