"""One long coordination task at a time (an import, a fetch) run off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.coordination.context import CoordinatorContext


class TaskController(QObject):
    """Every outcome ends with `finished`; subclasses say what a failure means in French."""

    started = Signal(str)
    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)  # a French message
    finished = Signal()

    def __init__(self, context: CoordinatorContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: TaskContext | None = None
        self._running = False

    def bind(
        self,
        started: Callable[[str], None],
        succeeded: Callable[[Any], None],
        failed: Callable[[str], None],
        finished: Callable[[], None],
        progressed: Callable[[str, int, int], None] | None = None,
    ) -> None:
        """Connect a screen to every outcome at once (it must hear each of them)."""
        self.started.connect(started)
        if progressed is not None:
            self.progressed.connect(progressed)
        self.succeeded.connect(succeeded)
        self.failed.connect(failed)
        self.finished.connect(finished)

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _run(self, work: Callable[[TaskContext], Any], label: str) -> bool:
        if self._running:
            return False
        self._running = True
        self.started.emit(label)
        task = self._context.runner.submit(
            work, Callbacks(self._on_result, self._on_error, self._on_progress)
        )
        # A synchronous runner has already finished by now: keep no stale task.
        self._task = task if self._running else None
        return True

    def _on_progress(self, label: str, done: int, total: int) -> None:
        self.progressed.emit(label, done, total)

    def _on_result(self, result: object) -> None:
        self._running, self._task = False, None
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_error(self, error: Exception) -> None:
        self._running, self._task = False, None
        self.failed.emit(self._message(error))
        self.finished.emit()

    def _message(self, error: Exception) -> str:
        raise NotImplementedError
