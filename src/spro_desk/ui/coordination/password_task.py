"""A password hashed or checked (Argon2: about half a second of CPU and tens of MB) off the UI
thread: the dialog stays responsive and says it is working, its fields greyed meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from spro_desk.ui.common.background import Callbacks, Runner, TaskRunner

log = logging.getLogger(__name__)


class PasswordTask(QObject):
    """One password operation at a time for `dialog`, on its own worker thread (the
    window's worker may be busy with a long import: a sign-in does not wait behind it)."""

    def __init__(self, dialog: QDialog, runner: Runner | None = None) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._runner: Runner = runner or TaskRunner(self)
        self._busy = False
        self._greyed: list[QWidget] = []

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        work: Callable[[], Any],
        widgets: Sequence[QWidget],
        status: QLabel,
        text: str,
        done: Callable[[Any], None],
        refused: Callable[[Exception], None],
    ) -> None:
        """`work` on the worker thread; then `done(result)` or `refused(error)` on the UI
        thread, the widgets usable again."""
        if self._busy:
            return
        self._busy = True
        self._greyed = [widget for widget in widgets if widget.isEnabled()]
        for widget in self._greyed:
            widget.setEnabled(False)
        status.setText(text)
        self._dialog.setCursor(Qt.CursorShape.BusyCursor)
        self._runner.submit(
            lambda _task: work(),
            Callbacks(
                on_result=lambda result: self._end(done, result),
                on_error=lambda error: self._end(refused, error),
            ),
        )

    def _end(self, then: Callable[[Any], None], value: Any) -> None:
        self._busy = False
        for widget in self._greyed:
            widget.setEnabled(True)
        self._greyed = []
        self._dialog.unsetCursor()
        then(value)

    def shutdown(self) -> None:
        self._runner.shutdown()


def unexpected(error: Exception) -> None:
    """What the dialog cannot explain is logged with its traceback for the maintainers."""
    log.error("A password operation failed", exc_info=error)
