"""The desk's safety duties once its database is open: integrity check, daily backups.

Both read the whole file, so they run on a worker thread of their own after the window is
shown. Until the check has answered, writes wait at the database's gate (a save in the first
second waits a moment); a damaged file closes the gate for good and the agent is told in French
and offered the newest sound backup. While the window is open, the daily backup is made when
the last one is a day old (looked at every hour).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from spro_desk.security.files import clean_temporaries, privacy_folder
from spro_desk.storage.backup import (
    BackupPreview,
    automatic_backup,
    clean_leftovers,
    latest_sound_backup,
)
from spro_desk.storage.engine import Database
from spro_desk.storage.errors import StorageError
from spro_desk.storage.integrity import IntegrityReport, check_and_gate
from spro_desk.ui.common.background import Callbacks, TaskContext, TaskRunner
from spro_desk.ui.common.backup_dialog import open_backup_dialog, preview_text
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.errors import message_box

log = logging.getLogger(__name__)

LOOK_FOR_DUE_BACKUP_MS = 60 * 60 * 1000
MESSAGE_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class StartupOutcome:
    report: IntegrityReport
    backup: Path | None = None
    backup_error: StorageError | None = None
    offer: BackupPreview | None = None  # the newest sound backup, when the file is damaged


def startup_duties(db: Database) -> StartupOutcome:
    """Check the file (writes wait meanwhile), then make the daily backup if it is due."""
    report = check_and_gate(db.path, db.gate)
    clean_leftovers(db.path)  # a backup killed mid-way, at the last start
    clean_temporaries(privacy_folder(db.path))  # a key file's rewrite cut by a crash
    if not report.ok:
        log.error("Integrity check failed: %s", report.summary())
        return StartupOutcome(report, offer=latest_sound_backup(db.path))
    try:
        return StartupOutcome(report, backup=automatic_backup(db.path))
    except StorageError as error:  # no room for a backup: said, but the desk works on
        log.warning("Automatic backup failed: %s", type(error).__name__)
        return StartupOutcome(report, backup_error=error)


class ResilienceController(QObject):
    """Runs the start-up check and the daily backups of one window; stops when it closes."""

    def __init__(self, window: QMainWindow, context: DeskContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.runner = TaskRunner(self)
        self.outcome: StartupOutcome | None = None
        self.damage_box: QMessageBox | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_FOR_DUE_BACKUP_MS)
        self._timer.timeout.connect(self.backup_if_due)
        window.installEventFilter(self)

    def start(self) -> None:
        db = self.context.database
        db.gate.hold()  # before the worker even starts: no write slips in ahead of the check
        self.runner.submit(
            lambda _task: startup_duties(db),
            Callbacks(on_result=self._started, on_error=self._worker_failed),
        )
        self._timer.start()

    def backup_if_due(self) -> None:
        path = self.context.database.path

        def work(_task: TaskContext) -> Path | None:
            return automatic_backup(path)

        self.runner.submit(work, Callbacks(self._backed_up, self._worker_failed))

    def shutdown(self) -> None:
        self._timer.stop()
        self.runner.shutdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window:  # the event first
            self.shutdown()
        return False

    # --- outcomes -----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_TIMEOUT_MS)

    def _started(self, outcome: StartupOutcome) -> None:
        self.outcome = outcome
        if not outcome.report.ok:
            self._tell_damage(outcome)
        elif outcome.backup_error is not None:
            self._say(self.tr("Sauvegarde du jour impossible : %s") % outcome.backup_error)
        else:
            self._backed_up(outcome.backup)

    def _backed_up(self, backup: Path | None) -> None:
        if backup is not None:  # the file's name keeps its sortable stamp; the agent reads the wall
            done = self.context.clock()
            self._say(self.tr("Sauvegarde du jour faite à %s.") % f"{done:%H:%M}")

    def _worker_failed(self, error: Exception) -> None:
        if isinstance(error, StorageError):
            self._say(self.tr("Sauvegarde du jour impossible : %s") % error)
            return
        raise error

    def _tell_damage(self, outcome: StartupOutcome) -> None:
        text = self.tr(
            "La base de données de SPRO Desk est endommagée ({problem}). Pour ne rien aggraver, "
            "SPRO Desk n'y enregistre plus rien : les contacts ne peuvent pas être saisis."
        ).format(problem=outcome.report.summary())
        box = message_box(
            self.window, QMessageBox.Icon.Critical, self.tr("Base de données endommagée"), text
        )
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        if outcome.offer is not None:
            box.setInformativeText(
                self.tr("La dernière sauvegarde en bon état :\n%s\n\nLa restaurer maintenant ?")
                % preview_text(outcome.offer)
            )
            self.restore_latest_button = box.addButton(
                self.tr("Restaurer cette sauvegarde"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            box.setInformativeText(
                self.tr("Aucune sauvegarde en bon état n'a été trouvée : appelez le support.")
            )
        box.addButton(self.tr("Choisir une sauvegarde…"), QMessageBox.ButtonRole.ActionRole)
        later = box.addButton(self.tr("Plus tard"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(later)
        box.buttonClicked.connect(lambda button: self._damage_answer(box, button, outcome))
        self.damage_box = box
        box.open()

    def _damage_answer(self, box: QMessageBox, button: object, outcome: StartupOutcome) -> None:
        role = box.buttonRole(button)  # type: ignore[arg-type]
        if role == QMessageBox.ButtonRole.AcceptRole and outcome.offer is not None:
            dialog = open_backup_dialog(self.context, self.window, self._restored)
            dialog.restore(outcome.offer.path)
        elif role == QMessageBox.ButtonRole.ActionRole:
            open_backup_dialog(self.context, self.window, self._restored)
        else:
            self._say(self.tr("Base endommagée : aucune saisie possible avant une restauration."))

    def _restored(self, _result: object) -> None:
        self._say(self.tr("Sauvegarde restaurée : SPRO Desk enregistre de nouveau."))


def start_resilience(window: QMainWindow, context: DeskContext) -> ResilienceController:
    """Called once the database is attached to the window (ui/app/start.py)."""
    controller = ResilienceController(window, context)
    controller.start()
    return controller
