"""Last page: the chosen directory is imported off the UI thread, with progress and cancel."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWizard, QWizardPage

from spro_desk.directory.importer import ImportCancelled, ImportReport
from spro_desk.directory.source import DirectoryImportError
from spro_desk.storage.engine import Database
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext
from spro_desk.ui.common.import_flow import report_message
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.first_run.setup import DirectoryChoice, SetupRefused, import_chosen_directory

log = logging.getLogger(__name__)


def _refusals() -> tuple[type[Exception], ...]:
    from spro_desk.sync.directory_update import SnapshotRefused

    return DirectoryImportError, SnapshotRefused, SetupRefused


class ImportPage(QWizardPage):
    def __init__(self, db: Database, runner: Runner) -> None:
        super().__init__()
        self._db = db
        self._runner = runner
        self._task: TaskContext | None = None
        self.setTitle(self.tr("C'est prêt"))
        self.status = StatusLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progression de l'import"))
        self.bar.hide()
        self.cancel_button = QPushButton(self.tr("&Arrêter l'import"))
        self.cancel_button.setAccessibleDescription(
            self.tr("L'annuaire pourra être importé plus tard (Fichier > Importer un annuaire).")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.next_steps = plain_label(name=self.tr("Et ensuite"))
        layout = QVBoxLayout(self)
        for widget in (self.status, self.bar, self.cancel_button, self.next_steps):
            layout.addWidget(widget)
        layout.addStretch(1)

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, choice: DirectoryChoice, next_steps: str) -> None:
        self.next_steps.setText(next_steps)
        if not choice.needs_import:
            self.status.set_message(
                self.tr(
                    "Le poste est prêt. Importez l'annuaire quand vous l'aurez "
                    "(Fichier > Importer un annuaire)."
                )
            )
            return
        db = self._db
        self.status.set_message(self.tr("Import de l'annuaire…"))
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self._task = self._runner.submit(
            lambda task: import_chosen_directory(
                db, choice, progress=task.progress, is_cancelled=task.is_cancelled
            ),
            Callbacks(self._succeeded, self._failed, self._progressed),
        )
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.set_message(self.tr("Arrêt de l'import…"))
            self.cancel_button.setEnabled(False)

    def _progressed(self, label: str, done: int, total: int) -> None:
        self.status.set_message(label)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _succeeded(self, report: ImportReport) -> None:
        self._finish(report_message(report))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ImportCancelled):
            message = self.tr("Import arrêté : le poste est prêt, sans annuaire pour l'instant.")
        elif isinstance(error, _refusals()):
            message = self.tr("Annuaire refusé : {reason} Le poste est prêt quand même.").format(
                reason=error
            )
        else:
            log.error("First-run directory import failed", exc_info=error)
            message = self.tr(
                "L'import a échoué à cause d'une erreur inattendue ({error}). Le poste est prêt ; "
                "importez l'annuaire plus tard."
            ).format(error=type(error).__name__)
        self._finish(message)

    def _finish(self, message: str) -> None:
        self._task = None
        self.status.set_message(message)
        self.bar.hide()
        self.cancel_button.hide()
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:  # the focus was on the hidden « Arrêter »: Entrée must finish
            finish = wizard.button(QWizard.WizardButton.FinishButton)
            finish.setFocus(Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:
        return not self.running
