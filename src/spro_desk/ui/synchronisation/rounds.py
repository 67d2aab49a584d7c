"""Background synchronisation rounds while the window is open, never in the agent's way.

A timer asks for a round now and then; the round itself (network, bundle, updates) runs on a
thread of its own, so a slow server never delays the directory import or a PDF on the
window's worker, and nothing it does opens a dialog: its outcome is a line in the status bar
and on the Synchronisation screen. Closing the window cuts a request in flight.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from spro_desk.clock import wall_clock
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext, TaskRunner
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.common.named_values import set_by_name

if TYPE_CHECKING:  # loaded by the first round, not when the window opens
    from spro_desk.sync.transport import RoundReport, Transport

log = logging.getLogger(__name__)

FIRST_ROUND_MS = 30_000  # after the window opens: its start is not slowed by the network
CHECK_INTERVAL_MS = 5 * 60_000  # a round then decides for itself what is due (backoff)


class SyncRounds(QObject):
    started = Signal()
    progressed = Signal(str, int, int)
    finished = Signal(object)  # the RoundReport, or None when no server is configured
    failed = Signal(str)  # French: the round could not run (desk not set up…)
    directory_installed = Signal()

    def __init__(
        self,
        context: DeskContext,
        parent: QObject | None = None,
        *,
        runner: Runner | None = None,
        first_round_ms: int = FIRST_ROUND_MS,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._runner = runner or TaskRunner(self)
        self._interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setInterval(first_round_ms)
        self._timer.timeout.connect(self._tick)
        self._transport: Transport | None = None  # the round in flight, to cut it on close
        self._running = False
        self._closed = False
        self.last_report: RoundReport | None = None
        self.last_failure: str | None = None
        self.indicator = QLabel()
        set_by_name(self.indicator, "textFormat", "PlainText")

    # --- lifetime -----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the timed rounds (the database is open)."""
        if not self._closed and self.context.db is not None:
            self._timer.start()

    def shutdown(self) -> None:
        """Stop the timer, cut the request in flight and wait for the thread; safe twice."""
        self._closed = True
        self._timer.stop()
        if isinstance(self._runner, TaskRunner):
            self._runner.cancel_all()  # requests not yet started fail at once
        transport = self._transport
        if transport is not None:
            transport.abort()  # the one in flight is cut now, not at its timeout
        self._runner.shutdown()

    @property
    def is_running(self) -> bool:
        return self._running

    # --- rounds -------------------------------------------------------------------------------

    def run_now(self) -> bool:
        """« Envoyer maintenant »: a round whatever the backoff says; False if one is running."""
        return self._submit(force=True)

    def _tick(self) -> None:
        self._timer.setInterval(self._interval_ms)
        self._submit(force=False)

    def _submit(self, *, force: bool) -> bool:
        db = self.context.db
        if self._running or self._closed or db is None:
            return False
        self._running = True
        if force:  # a timed check that turns out to have nothing due changes nothing shown
            self.indicator.setText(self.tr("Synchronisation en cours…"))
        self.started.emit()

        def work(task: TaskContext) -> RoundReport | None:
            from spro_desk.sync.transport import Transport, endpoint_from_settings

            if not force and endpoint_from_settings(db) is None:
                return None  # USB stick only: the timer has nothing to do
            self._transport = transport = Transport(db, db.path.parent)
            try:
                return transport.run_round(
                    force=force, cancel=task.is_cancelled, progress=task.progress
                )
            finally:
                self._transport = None

        callbacks = Callbacks(
            on_result=self._finished, on_error=self._failed, on_progress=self.progressed.emit
        )
        self._runner.submit(work, callbacks)
        return True

    def _finished(self, report: RoundReport | None) -> None:
        self._running = False
        if report is not None:
            self.last_report, self.last_failure = report, None
            if report.directory_installed:
                self.directory_installed.emit()
                self.context.navigator.directory_changed.emit()
        if report is not None and (report.contacted or report.busy):
            self.indicator.setText(self._indicator_text(report))
        self.finished.emit(report)

    def _failed(self, error: Exception) -> None:
        from spro_desk.sync.identity import IdentityError
        from spro_desk.sync.transport import TransportError

        self._running = False
        if isinstance(error, IdentityError | TransportError):
            message = str(error)
        else:  # a bug or a disk fault: logged for support, never a traceback on screen
            log.error("A synchronisation round failed", exc_info=error)
            message = self.tr(
                "La synchronisation a échoué de façon inattendue ; les envois restent en "
                "attente et seront réessayés."
            )
        self.last_failure = message
        self.indicator.setText(self.tr("Synchronisation impossible (voir l'écran Synchronisation)"))
        self.failed.emit(message)

    def _indicator_text(self, report: RoundReport) -> str:
        if report.busy:
            return self.tr("Synchronisation déjà en cours ailleurs")
        if report.error or report.failed:
            waiting = count_phrase(
                report.pending, self.tr("{n} envoi en attente"), self.tr("{n} envois en attente")
            )
            return self.tr("Synchronisation : {waiting}, nouvel essai plus tard").format(
                waiting=waiting
            )
        return self.tr("Synchronisé à {time}").format(time=wall_clock(report.at).strftime("%H:%M"))
