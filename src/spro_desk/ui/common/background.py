"""Run work off the UI thread and hear back on it: results, errors and progress in one place.

Work functions receive a `TaskContext` (cancel flag, progress reporting) and never touch
widgets; their callbacks always run on the UI thread. `ImmediateRunner` has the same interface
and runs everything synchronously, for tests that do not need real threads.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressHandler = Callable[[str, int, int], None]


class TaskContext:
    """What a work function sees of its task; safe to use from any thread."""

    def __init__(self, report: ProgressHandler | None = None) -> None:
        self._cancelled = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, label: str, done: int, total: int) -> None:
        if self._report is not None:
            self._report(label, done, total)


Work = Callable[[TaskContext], Any]


@dataclass(frozen=True)
class Callbacks:
    """Called on the UI thread. Without `on_error`, an error goes to sys.excepthook."""

    on_result: Callable[[Any], None] | None = None
    on_error: Callable[[Exception], None] | None = None
    on_progress: ProgressHandler | None = None


def _deliver_result(callbacks: Callbacks, result: Any) -> None:
    if callbacks.on_result is not None:
        callbacks.on_result(result)


def _deliver_error(callbacks: Callbacks, error: Exception) -> None:
    if callbacks.on_error is not None:
        callbacks.on_error(error)
    else:
        sys.excepthook(type(error), error, error.__traceback__)


class Runner(Protocol):
    def submit(self, work: Work, callbacks: Callbacks = ...) -> TaskContext: ...

    def is_busy(self) -> bool: ...

    def shutdown(self) -> None: ...


class _Bridge(QObject):
    """Created on the UI thread, so signals the worker emits on it are queued to the UI thread."""

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, callbacks: Callbacks, forget: Callable[[_Bridge], None]) -> None:
        super().__init__()
        self.active = True
        self._callbacks = callbacks
        self._forget = forget
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    @Slot(str, int, int)
    def _on_progress(self, label: str, done: int, total: int) -> None:
        if self.active and self._callbacks.on_progress is not None:
            self._callbacks.on_progress(label, done, total)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        if self._finish():
            _deliver_result(self._callbacks, result)

    @Slot(object)
    def _on_failure(self, error: Exception) -> None:
        if self._finish():
            _deliver_error(self._callbacks, error)

    def _finish(self) -> bool:
        was_active, self.active = self.active, False
        self._forget(self)
        return was_active


def _execute(work: Work, context: TaskContext, bridge: _Bridge) -> None:
    """Body of the worker thread: nothing may escape it, Qt would only print it."""
    try:
        result = work(context)
    except Exception as error:
        bridge.failed.emit(error)
    else:
        bridge.succeeded.emit(result)


class TaskRunner(QObject):
    """A private thread pool; one thread by default so database writes never overlap."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: dict[_Bridge, TaskContext] = {}
        self._closed = False

    def submit(self, work: Work, callbacks: Callbacks = Callbacks()) -> TaskContext:
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        bridge = _Bridge(callbacks, self._forget)
        context = TaskContext(bridge.progressed.emit)
        self._running[bridge] = context
        self._pool.start(lambda: _execute(work, context, bridge))
        return context

    def is_busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for context in self._running.values():
            context.cancel()

    def shutdown(self) -> None:
        """Cancel, wait for the workers, and drop callbacks still queued for the UI thread."""
        self._closed = True
        self.cancel_all()
        self._pool.waitForDone()
        for bridge in self._running:
            bridge.active = False
        self._running.clear()

    def _forget(self, bridge: _Bridge) -> None:
        self._running.pop(bridge, None)


class ImmediateRunner:
    """Runs the work on the calling thread before `submit` returns (tests, scripts)."""

    def submit(self, work: Work, callbacks: Callbacks = Callbacks()) -> TaskContext:
        context = TaskContext(callbacks.on_progress)
        try:
            result = work(context)
        except Exception as error:
            _deliver_error(callbacks, error)
        else:
            _deliver_result(callbacks, result)
        return context

    def is_busy(self) -> bool:
        return False

    def shutdown(self) -> None:
        """Nothing runs between calls: nothing to wait for."""
