"""Quit once the first window is usable: the installer's smoke test and the start benchmark.

Armed by the hidden option ``--smoke-quit-after MS``. "Usable" means what
``bench/ui_start_probe.py`` measures: a top-level window (the main window, or the first-run
assistant on a new data folder) is shown, has painted once, and the event loop then ran a 0 ms
timer. The program prints one JSON line on stdout — the wall clock at that moment in
nanoseconds (``time.time_ns()``, comparable with the parent's) and the window's class — waits
MS milliseconds more (a frozen build gets to run its event loop for a while), closes its windows
and leaves the event loop.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from spro_desk.ui.common.startup import after_first_paint

POLL_MS = 5
_app: QApplication | None = None


def _report_usable(window: QWidget, after_ms: int) -> None:
    report = {"usable_ns": time.time_ns(), "window": type(window).__name__}
    print(json.dumps(report), flush=True)
    QTimer.singleShot(after_ms, _quit)


def _quit() -> None:
    # A modal assistant runs its own event loop: closing the windows ends it (as a cancel).
    QApplication.closeAllWindows()
    QApplication.quit()


class _Watcher(QObject):
    """Polls until a top-level window is visible, then waits for its first paint."""

    def __init__(self, after_ms: int) -> None:
        super().__init__(QApplication.instance())
        self._after_ms = after_ms
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        if not shown:
            return
        self._timer.stop()
        window = shown[0]
        target = window.centralWidget() if hasattr(window, "centralWidget") else None
        watched = target or window
        after_ms = self._after_ms
        after_first_paint(watched, lambda: _report_usable(window, after_ms))


def quit_when_usable(after_ms: int) -> None:
    """Arm the watcher; creates the QApplication the window will use if there is none yet."""
    global _app
    if QApplication.instance() is None:
        _app = QApplication(sys.argv[:1])  # kept referenced: run_app adopts it
    _Watcher(max(after_ms, 0))
