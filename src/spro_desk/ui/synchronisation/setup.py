"""Setting a desk up for synchronisation from its screen: its identity, the registration file
the coordination imports, and the coordinator's identity it trusts.

The same services as `spro-desk desk init | registration | trust-coordinator`, run off the UI
thread; the outcome is a French sentence for the screen, never a dialog of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from spro_desk.ui.common.background import Callbacks, TaskContext, Work
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.folders import last_folder, remember_folder
from spro_desk.ui.synchronisation.summary import data_dir

log = logging.getLogger(__name__)


class DeskSetup(QObject):
    answered = Signal(str)  # what happened, in French
    changed = Signal()  # the desk's set-up changed: the screen reads it again

    def __init__(self, context: DeskContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget

    def create_identity(self) -> None:
        db = self.context.db
        if db is None:
            return
        missing = self.tr(
            "Renseignez d'abord le nom et la commune du site dans Paramètres, puis revenez "
            "créer l'identité du poste."
        )

        def work(_task: TaskContext) -> str:
            from spro_desk.site.settings import SiteSettings
            from spro_desk.sync.identity import IdentityError, init_desk

            site = SiteSettings(db)  # read now: Paramètres may have changed since the screen
            nom, reseau, commune = (
                site.get(k) for k in ("site.nom", "site.reseau", "site.commune")
            )
            if not nom or not commune:
                raise IdentityError(missing)
            return init_desk(db, data_dir(db), nom, reseau or "", commune).desk_id

        done = self.tr("Identité du poste créée. Enregistrez maintenant le fichier d'inscription.")
        self._run_setup(work, done)

    def choose_registration_file(self) -> None:
        selected, _filter = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Enregistrer le fichier d'inscription du poste"),
            str(last_folder(self.context.qsettings, "inscription") / "inscription-poste.json"),
            self.tr("Inscription SPRO Desk (*.json)"),
        )
        db = self.context.db
        if not selected or db is None:
            return
        remember_folder(self.context.qsettings, "inscription", selected)

        def work(_task: TaskContext) -> str:
            from spro_desk.sync.identity import IdentityError, load_identity, write_registration

            identity = load_identity(db)
            if identity is None:
                raise IdentityError("Ce poste n'a pas encore d'identité.")
            return str(write_registration(identity, Path(selected)))

        done = self.tr("Fichier d'inscription enregistré : remettez-le à votre coordination.")
        self._run_setup(work, done)

    def choose_coordinator_identity(self) -> None:
        selected, _filter = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Importer l'identité du coordinateur"),
            str(last_folder(self.context.qsettings, "identite-coordinateur")),
            self.tr("Identité du coordinateur (*.json);;Tous les fichiers (*)"),
        )
        db = self.context.db
        if not selected or db is None:
            return
        remember_folder(self.context.qsettings, "identite-coordinateur", selected)

        def work(_task: TaskContext) -> str:
            from spro_desk.sync.coordinator_identity import trust_coordinator

            trust_coordinator(db, Path(selected))
            return selected

        done = self.tr("Identité du coordinateur importée : les envois lui sont chiffrés.")
        self._run_setup(work, done)

    def _run_setup(self, work: Work, done: str) -> None:
        def succeeded(_result: object) -> None:
            self.answered.emit(done)
            self.changed.emit()

        self.context.runner.submit(
            work, Callbacks(on_result=succeeded, on_error=self._setup_failed)
        )

    def _setup_failed(self, error: Exception) -> None:
        from spro_desk.sync.identity import IdentityError

        if isinstance(error, IdentityError):
            self.answered.emit(str(error))
            return
        log.error("Setting the desk's synchronisation up failed", exc_info=error)
        self.answered.emit(self.tr("L'opération a échoué ; rien n'a été modifié."))
