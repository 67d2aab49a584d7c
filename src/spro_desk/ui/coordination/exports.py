"""What the coordination hands to the desks: acknowledgements, and its public identity."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.sync.acknowledgement import write_acknowledgements
from spro_desk.sync.coordinator_views import write_identity_file
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.errors import show_warning
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.coordination.context import CoordinatorContext

log = logging.getLogger(__name__)

IDENTITY_FILE_NAME = "coordination-spro.json"


class CoordinatorExports(QObject):
    def __init__(self, context: CoordinatorContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.acknowledge_action = QAction(self.tr("Produire les &accusés de réception…"), self)
        self.acknowledge_action.setShortcut(QKeySequence("Ctrl+K"))
        self.acknowledge_action.setToolTip(
            self.tr("Écrire un accusé de réception signé par poste, à renvoyer à chaque site")
        )
        self.acknowledge_action.triggered.connect(self.choose_acknowledgement_folder)
        self.identity_action = QAction(self.tr("Exporter l'&identité du coordinateur…"), self)
        self.identity_action.setToolTip(
            self.tr("Le fichier que chaque poste importe une fois pour chiffrer ses envois")
        )
        self.identity_action.triggered.connect(self.choose_identity_file)

    def menu_actions(self) -> list[QAction]:
        return [self.acknowledge_action, self.identity_action]

    # --- acknowledgements ---------------------------------------------------------------------

    def choose_acknowledgement_folder(self) -> None:
        selected = QFileDialog.getExistingDirectory(
            self._window, self.tr("Dossier des accusés de réception"), str(Path.home())
        )
        if selected:
            self.acknowledge(Path(selected))

    def acknowledge(self, folder: Path) -> None:
        db, data_dir = self._context.db, self._context.data_dir

        def work(_task: TaskContext) -> list[Path]:
            return write_acknowledgements(db, data_dir, folder)

        self._context.runner.submit(work, Callbacks(
            on_result=lambda written: self._acknowledged(written, folder),
            on_error=self._failed,
        ))  # fmt: skip

    def _acknowledged(self, written: list[Path], folder: Path) -> None:
        files = count_phrase(
            len(written), self.tr("{n} accusé de réception écrit"),
            self.tr("{n} accusés de réception écrits"),
        )  # fmt: skip
        self._context.navigator.message.emit(
            self.tr(
                "{files} dans « {folder} » : envoyez à chaque site le fichier qui porte "
                "l'identifiant de son poste."
            ).format(files=files, folder=folder)
        )

    # --- identity -----------------------------------------------------------------------------

    def choose_identity_file(self) -> None:
        selected, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Exporter l'identité du coordinateur"),
            str(Path.home() / IDENTITY_FILE_NAME),
            self.tr("Identité de coordinateur (*.json)"),
        )
        if selected:
            self.export_identity(Path(selected))

    def export_identity(self, path: Path) -> None:
        data_dir = self._context.data_dir

        def work(_task: TaskContext) -> Path:
            return write_identity_file(data_dir, path)

        self._context.runner.submit(
            work, Callbacks(on_result=self._identity_written, on_error=self._failed)
        )

    def _identity_written(self, path: Path) -> None:
        self._context.navigator.message.emit(
            self.tr(
                "Identité écrite dans « {path} » : chaque site l'importe une fois "
                "(spro-desk desk trust-coordinator)."
            ).format(path=path)
        )

    # --- failures -----------------------------------------------------------------------------

    def _failed(self, error: Exception) -> None:
        if isinstance(error, CoordinationDenied):
            text = str(error)
        elif isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            text = self.tr(
                "Le fichier n'a pas pu être écrit ({error}) : choisissez un autre dossier."
            ).format(error=reason)
        else:
            log.error("A coordinator export failed", exc_info=error)
            text = self.tr("L'export n'a pas abouti ({error}).").format(error=type(error).__name__)
        show_warning(self._window, self.tr("Export impossible"), text)
