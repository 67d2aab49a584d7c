"""« Annuaire »: fetch the region's directory from the data·inclusion API, with progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from spro_desk.agents.coordination_roles import CoordinationPermission
from spro_desk.sync.directory_fetch import FetchResult
from spro_desk.sync.directory_update import PublishResult
from spro_desk.ui.common.confirm import ask
from spro_desk.ui.common.folders import last_folder, remember_folder
from spro_desk.ui.common.status import ProgressIndicator
from spro_desk.ui.common.widgets import action_bar, plain_label
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.directory_fetch import (
    DirectoryFetchController,
    DirectoryPublishController,
)

FOLDER_PURPOSE = "publication-annuaire"


class DirectoryScreen(CoordinatorScreen):
    name = "annuaire"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.fetcher = DirectoryFetchController(context, self)
        self.publisher = DirectoryPublishController(context, self)
        self.explanation = plain_label(
            self.tr(
                "Téléchargez l'annuaire de la région depuis l'API data·inclusion (adresse, jeton "
                "et région dans les Paramètres). Un téléchargement interrompu reprend où il "
                "s'était arrêté ; l'annuaire publié aux postes ne change qu'à la publication, "
                "qui écrit une mise à jour signée à déposer sur le serveur ou sur une clé USB."
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
        self.publish_action = QAction(self.tr("&Publier aux postes…"), self)
        self.publish_action.setShortcut(QKeySequence("Ctrl+U"))
        self.publish_action.triggered.connect(self.choose_publication)
        self.toolbar = action_bar(self.tr("Annuaire"), self.menu_actions())
        self._layout()
        self._connect()
        self._update_actions()

    def title(self) -> str:
        return self.tr("Annuaire")

    def menu_title(self) -> str:
        return self.tr("A&nnuaire")  # Alt+A opens « Aller à »

    def menu_actions(self) -> list[QAction]:
        return [self.fetch_action, self.publish_action]

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
        self.fetcher.bind(
            self._started, self._fetched, self._say, self._finished, self.progress.step
        )
        self.progress.cancel_requested.connect(self.cancel)
        self.publisher.bind(self._publishing, self._published, self._say, self._finished)

    def activate(self) -> None:
        self._update_actions()
        self.toolbar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _busy(self) -> bool:
        return self.fetcher.running or self.publisher.running

    def _update_actions(self) -> None:
        """Fetching and publishing are for the roles that publish the directory; publishing
        needs a whole download. Greyed actions say why in their tooltip."""
        refusal = self.refusal(CoordinationPermission.PUBLISH_DIRECTORY)
        self.fetch_action.setEnabled(refusal is None and not self._busy())
        self.publish_action.setEnabled(
            refusal is None and not self._busy() and self.fetcher.complete()
        )
        if refusal is not None:
            self.fetch_action.setToolTip(refusal)
            self.publish_action.setToolTip(refusal)
        elif not self.fetcher.complete():
            self.publish_action.setToolTip(
                self.tr("Téléchargez d'abord l'annuaire en entier : il n'y a rien à publier.")
            )
        else:
            self.publish_action.setToolTip(
                self.tr("Signer l'annuaire téléchargé comme mise à jour pour les postes")
            )

    def fetch(self) -> None:
        self.fetcher.fetch()

    def cancel(self) -> None:
        self.progress.cancelling()
        self.fetcher.cancel()

    def choose_publication(self) -> None:
        """Where to write the signed update, then a confirmation naming what goes out."""
        if not self.publish_action.isEnabled():
            return
        settings = self.context.qsettings
        default = last_folder(settings, FOLDER_PURPOSE) / f"annuaire-{date.today()}.spro-directory"
        selected, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Publier l'annuaire aux postes"),
            str(default),
            self.tr("Mise à jour de l'annuaire (*.spro-directory)"),
        )
        if not selected:
            return
        remember_folder(settings, FOLDER_PURPOSE, selected)
        question = self.tr(
            "Publier l'annuaire téléchargé comme nouvelle version pour tous les postes ? "
            "Chaque poste le chargera à sa prochaine synchronisation (il vérifie d'abord la "
            "signature). La publication est inscrite au journal."
        )
        # A published version cannot be taken back: Entrée does not go ahead.
        if ask(self, self.tr("Publier l'annuaire"), question, self.tr("&Publier"), False):
            self.publish(Path(selected))

    def publish(self, out: Path) -> bool:
        return self.publisher.publish(self.fetcher.staging(), out)

    def _started(self, label: str) -> None:
        self.fetch_action.setEnabled(False)
        self.publish_action.setEnabled(False)
        self.report.setText(label)
        self.progress.begin(label)

    def _publishing(self, label: str) -> None:
        self._started(label)
        # Signing is short and all-or-nothing: no cancel button that would not cancel.
        self.progress.cancel_button.setEnabled(False)

    def _fetched(self, result: FetchResult) -> None:
        text = self.tr(
            "Annuaire téléchargé : {structures} structures et {services} services dans « "
            "{folder} ». Publiez-le aux postes (Ctrl+U) quand vous le souhaitez."
        ).format(structures=result.structures, services=result.services, folder=result.folder)
        self._say(text)

    def _published(self, result: PublishResult) -> None:
        text = self.tr(
            "Annuaire publié : version {version}, {structures} structures et {services} "
            "services, valable jusqu'au {expires}, dans « {path} ». Déposez ce fichier sur le "
            "serveur des postes ou sur une clé USB."
        ).format(
            version=result.version,
            structures=result.report.structures,
            services=result.report.services,
            expires=result.expires_at.strftime("%d/%m/%Y"),
            path=result.path,
        )
        self._say(text)

    def _say(self, text: str) -> None:
        """In the report and the status bar (which a screen reader announces)."""
        self.report.setText(text)
        self.context.navigator.message.emit(text)

    def _finished(self) -> None:
        self.progress.end()
        self._update_actions()

    def shutdown(self) -> None:
        self.fetcher.cancel()
        self.progress.end()
