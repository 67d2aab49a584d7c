"""« Annuaire »: fetch the region's directory from the data·inclusion API, with progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from spro_desk.sync.directory_fetch import FetchResult
from spro_desk.ui.common.status import ProgressIndicator
from spro_desk.ui.common.widgets import action_bar, plain_label
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.directory_fetch import DirectoryFetchController


class DirectoryScreen(CoordinatorScreen):
    name = "annuaire"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.fetcher = DirectoryFetchController(context, self)
        self.explanation = plain_label(
            self.tr(
                "Téléchargez l'annuaire de la région depuis l'API data·inclusion (adresse, jeton "
                "et région dans les Paramètres). Un téléchargement interrompu reprend où il "
                "s'était arrêté ; l'annuaire publié aux postes ne change qu'à la publication."
            ),
            "explication",
        )
        self.report = plain_label("", self.tr("Compte rendu du dernier téléchargement"))
        self.progress = ProgressIndicator()
        self.fetch_action = QAction(self.tr("&Télécharger l'annuaire"), self)
        self.fetch_action.setShortcut(QKeySequence("Ctrl+T"))
        self.fetch_action.setToolTip(
            self.tr("Télécharger l'annuaire de la région depuis l'API data·inclusion")
        )
        self.fetch_action.triggered.connect(self.fetch)
        self.toolbar = action_bar(self.tr("Annuaire"), self.menu_actions())
        self._layout()
        self._connect()

    def title(self) -> str:
        return self.tr("Annuaire")

    def menu_title(self) -> str:
        return self.tr("A&nnuaire")  # Alt+A opens « Aller à »

    def menu_actions(self) -> list[QAction]:
        return [self.fetch_action]

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.toolbar)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)
        layout.addWidget(self.report)
        layout.addStretch(1)

    def _connect(self) -> None:
        fetcher = self.fetcher
        fetcher.started.connect(self._started)
        fetcher.progressed.connect(self.progress.step)
        fetcher.succeeded.connect(self._fetched)
        fetcher.failed.connect(self._failed)
        fetcher.finished.connect(self._finished)
        self.progress.cancel_requested.connect(self.cancel)

    def activate(self) -> None:
        self.fetch_action.setEnabled(not self.fetcher.running)
        self.toolbar.setFocus(Qt.FocusReason.OtherFocusReason)

    def fetch(self) -> None:
        self.fetcher.fetch()

    def cancel(self) -> None:
        self.progress.cancelling()
        self.fetcher.cancel()

    def _started(self, label: str) -> None:
        self.fetch_action.setEnabled(False)
        self.report.setText(label)
        self.progress.begin(label)

    def _fetched(self, result: FetchResult) -> None:
        text = self.tr(
            "Annuaire téléchargé : {structures} structures et {services} services dans « "
            "{folder} ». Publiez-le aux postes avec « spro-desk coordinator publish-directory »."
        ).format(structures=result.structures, services=result.services, folder=result.folder)
        self.report.setText(text)
        self.context.navigator.message.emit(text)

    def _failed(self, message: str) -> None:
        self.report.setText(message)
        self.context.navigator.message.emit(message)

    def _finished(self) -> None:
        self.progress.end()
        self.fetch_action.setEnabled(True)

    def shutdown(self) -> None:
        self.fetcher.cancel()
        self.progress.end()
