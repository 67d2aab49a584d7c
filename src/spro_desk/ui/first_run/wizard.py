"""The first-run assistant: role, site, first agent, directory, then where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget, QWizard

from spro_desk.geo import Geography
from spro_desk.storage.engine import Database
from spro_desk.ui.common.announce import announce
from spro_desk.ui.common.background import Runner, TaskRunner
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.icon import app_icon
from spro_desk.ui.first_run.agent_page import AgentPage
from spro_desk.ui.first_run.directory_page import DirectoryPage
from spro_desk.ui.first_run.import_page import ImportPage
from spro_desk.ui.first_run.role_page import RolePage
from spro_desk.ui.first_run.setup import FirstRunChoices, Role, apply_choices
from spro_desk.ui.first_run.site_page import SitePage
from spro_desk.ui.first_run.summary_page import SummaryPage

ROLE, SITE, AGENT, DIRECTORY, SUMMARY, IMPORT = range(6)
SIZE_EM = (80, 34)


class FirstRunWizard(QWizard):
    """Nothing is written before the summary page's « Créer »; the import comes after it."""

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        geo: Geography,
        *,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._data_dir = data_dir
        self._runner = runner or TaskRunner(self)
        self.applied = False
        # The first agent's id and code once a desk is set up: its window opens signed in
        # (she has just chosen the code; asking for it again at once is no protection).
        self.sign_in: tuple[str, str] | None = None
        self.confirm: Confirm = ask
        self.setWindowTitle(self.tr("SPRO Desk — premier démarrage"))
        self.setWindowIcon(app_icon())
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.role_page = RolePage()
        self.site_page = SitePage(geo)
        self.agent_page = AgentPage()
        self.directory_page = DirectoryPage()
        self.summary_page = SummaryPage(data_dir, self._apply)
        self.import_page = ImportPage(db, self._runner)
        for page_id, page in (
            (ROLE, self.role_page),
            (SITE, self.site_page),
            (AGENT, self.agent_page),
            (DIRECTORY, self.directory_page),
            (SUMMARY, self.summary_page),
            (IMPORT, self.import_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(ROLE)
        self.currentIdChanged.connect(self._entered)
        width, height = SIZE_EM
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * width, metrics.height() * height)

    # --- what the agent chose -------------------------------------------------------------------

    def is_desk(self) -> bool:
        return self.role_page.role() is Role.DESK

    def choices(self) -> FirstRunChoices:
        desk = self.is_desk()
        return FirstRunChoices(
            role=self.role_page.role(),
            agent_name=self.agent_page.agent_name(),
            agent_pin=self.agent_page.agent_pin(),
            site=self.site_page.choice() if desk else None,
            coordinator_identity=self.directory_page.coordinator_identity() if desk else None,
        )

    # --- navigation -------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == ROLE:
            return SITE if self.is_desk() else AGENT
        if current == IMPORT:
            return -1
        return current + 1

    def _entered(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None:  # a screen reader hears where the agent now is
            announce(self, f"{page.title()}. {page.subTitle()}".strip(" ."))
        if page_id == SUMMARY:
            self.summary_page.show_choices(self.choices(), self.directory_page.choice())
        elif page_id == IMPORT:
            self.import_page.start(self.directory_page.choice(), self._next_steps())

    def _apply(self) -> None:
        choices = self.choices()
        agent_id = apply_choices(self._db, self._data_dir, choices)
        self.applied = True
        if self.is_desk():  # a coordination's window has its own sign-in
            self.sign_in = (agent_id, choices.agent_pin)

    def _next_steps(self) -> str:
        if self.is_desk():
            return self.tr(
                "Terminer ouvre l'Accueil : un passage s'enregistre en quelques touches. "
                "Pour les envois à la coordination, donnez-lui le fichier d'enregistrement du "
                "poste (spro-desk desk registration --out FICHIER)."
            )
        return self.tr(
            "Terminer ouvre SPRO Desk. Remettez à chaque poste le fichier d'identité de la "
            "coordination (spro-desk coordinator identity --out FICHIER) et enregistrez le "
            "fichier de chaque poste (spro-desk coordinator register FICHIER)."
        )

    # --- lifetime ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Échap used to close the assistant at once, dropping everything typed: it asks first.
        if event.key() == Qt.Key.Key_Escape and not self.applied:
            question = self.tr(
                "Quitter l'assistant ? Rien n'est encore enregistré : SPRO Desk se fermera et "
                "l'assistant reviendra au prochain démarrage."
            )
            if self.confirm(
                self, self.tr("Quitter l'assistant"), question, self.tr("Quitter"), False
            ):
                self.reject()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self.import_page.running:  # closing mid-import (window closed): stop it first
            self.import_page.cancel()
        self._runner.shutdown()
        super().done(result)
