"""Fetching the region's directory from the data·inclusion API off the UI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from spro_desk.site.settings import SiteSettings
from spro_desk.sync.directory_fetch import (
    DEFAULT_API_URL,
    PAGE_SIZE,
    DirectoryFetchError,
    FetchResult,
    fetch_directory,
)
from spro_desk.ui.common.background import TaskContext
from spro_desk.ui.coordination.task_controller import TaskController

log = logging.getLogger(__name__)

STAGING_FOLDER = "annuaire-api"  # under the data folder: an interrupted fetch resumes there


class DirectoryFetchController(TaskController):
    """One fetch at a time; `succeeded` carries a FetchResult."""

    page_size = PAGE_SIZE

    def staging(self) -> Path:
        return self._context.data_dir / STAGING_FOLDER

    def fetch(self) -> bool:
        """Start fetching with the site's settings (URL, token, region); False when busy."""
        if self.running:
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

        return self._run(work, self.tr("Téléchargement de l'annuaire data·inclusion…"))

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
