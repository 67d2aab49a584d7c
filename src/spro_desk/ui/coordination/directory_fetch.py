"""Fetching the region's directory from the data·inclusion API off the UI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.directory.source import DirectoryImportError
from spro_desk.site.settings import SiteSettings
from spro_desk.sync.directory_fetch import (
    COMPLETE_MARKER,
    DEFAULT_API_URL,
    PAGE_SIZE,
    DirectoryFetchError,
    FetchResult,
    fetch_directory,
)
from spro_desk.sync.directory_update import PublishResult, SnapshotRefused, publish_directory
from spro_desk.sync.identity import IdentityError
from spro_desk.ui.common.background import TaskContext
from spro_desk.ui.coordination.task_controller import TaskController

log = logging.getLogger(__name__)

STAGING_FOLDER = "annuaire-api"  # under the data folder: an interrupted fetch resumes there


class DirectoryFetchController(TaskController):
    """One fetch at a time; `succeeded` carries a FetchResult."""

    page_size = PAGE_SIZE

    def staging(self) -> Path:
        return self._context.data_dir / STAGING_FOLDER

    def complete(self) -> bool:
        """Whether the staging folder holds a whole download (its marker is written last)."""
        return (self.staging() / COMPLETE_MARKER).exists()

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


class DirectoryPublishController(TaskController):
    """Signs a complete download as the next snapshot for the desks; `succeeded` carries a
    PublishResult. Validating the national directory takes seconds: off the UI thread."""

    def publish(self, source: Path, out: Path) -> bool:
        db, data_dir = self._context.db, self._context.data_dir

        def work(_task: TaskContext) -> PublishResult:
            return publish_directory(db, data_dir, source, out)

        return self._run(work, self.tr("Vérification et signature de l'annuaire…"))

    def _message(self, error: Exception) -> str:
        if isinstance(error, SnapshotRefused | IdentityError | CoordinationDenied):
            return str(error)  # already French, and says what to do
        if isinstance(error, DirectoryImportError):
            return self.tr(
                "L'annuaire téléchargé n'a pas pu être lu ({error}). Téléchargez-le à nouveau ; "
                "rien n'a été publié."
            ).format(error=error)
        if isinstance(error, OSError):
            return self.tr(
                "La mise à jour n'a pas pu être écrite ({error}). Choisissez un autre dossier ; "
                "rien n'a été publié."
            ).format(error=error.strerror or type(error).__name__)
        log.error("Directory publication failed", exc_info=error)
        return self.tr(
            "La publication s'est arrêtée sur une erreur inattendue ({error}). Rien n'a été publié."
        ).format(error=type(error).__name__)
