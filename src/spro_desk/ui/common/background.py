"""Run work off the UI thread and hear back on it: results, errors and progress in one place.

Work functions receive a `TaskContext` (cancel flag, progress reporting) and never touch
widgets; their callbacks always run on the UI thread. `ImmediateRunner` has the same interface
and runs everything synchronously, for tests that do not need real threads.
"""

from __future__ import annotations

import functools
import itertools
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


class _Task:
    """A submitted work and what became of it, owned by the runner on the UI thread.

    The worker thread only borrows it and drops every reference it took before it signals the
    UI thread: the last reference to what the work holds (a widget its bound method belongs
    to, a database session) and to its result or error is therefore always dropped on the UI
    thread. Dropped on the worker, it would destroy Qt objects off their thread, or hand
    them to a garbage collection started there: a crash that only a loaded machine shows.
    """

    __slots__ = ("callbacks", "context", "error", "result", "work")

    def __init__(self, work: Work, context: TaskContext, callbacks: Callbacks) -> None:
        self.work = work
        self.context = context
        self.callbacks = callbacks
        self.result: Any = None
        self.error: Exception | None = None


class _Relay(QObject):
    """Lives as long as its runner, on the UI thread: what workers emit is queued there, and
    only task numbers cross the threads."""

    progressed = Signal(int, str, int, int)
    finished = Signal(int)


def _execute(tasks: dict[int, _Task], key: int, relay: _Relay) -> None:
    """Body of the worker thread: nothing may escape it, Qt would only print it."""
    task = tasks[key]
    try:
        task.result = task.work(task.context)
    except Exception as error:
        task.error = error
    del task  # before the UI thread hears of it, so that it drops the last references
    relay.finished.emit(key)


class TaskRunner(QObject):
    """A private thread pool; one thread by default so database writes never overlap."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        # The pool first: Qt deletes children in order, and the pool waits for its workers.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._tasks: dict[int, _Task] = {}
        self._numbers = itertools.count()
        self._closed = False

    def submit(self, work: Work, callbacks: Callbacks = Callbacks()) -> TaskContext:
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        key = next(self._numbers)
        context = TaskContext(functools.partial(self._relay.progressed.emit, key))
        self._tasks[key] = _Task(work, context, callbacks)
        tasks, relay = self._tasks, self._relay
        self._pool.start(lambda: _execute(tasks, key, relay))
        return context

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.context.cancel()

    def shutdown(self) -> None:
        """Cancel, wait for the workers, and drop callbacks still queued for the UI thread."""
        self._closed = True
        self.cancel_all()
        self._pool.waitForDone()
        self._tasks.clear()

    @Slot(int, str, int, int)
    def _on_progress(self, key: int, label: str, done: int, total: int) -> None:
        task = self._tasks.get(key)
        if task is not None and task.callbacks.on_progress is not None:
            task.callbacks.on_progress(label, done, total)

    @Slot(int)
    def _on_finished(self, key: int) -> None:
        task = self._tasks.pop(key, None)
        if task is None:  # shut down meanwhile
            return
        if task.error is not None:
            _deliver_error(task.callbacks, task.error)
        else:
            _deliver_result(task.callbacks, task.result)


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
