"""The background helper: work off the UI thread, every callback back on it."""

from __future__ import annotations

import gc
import sys
import threading
import time
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from spro_desk.ui.common import background
from spro_desk.ui.common.background import Callbacks, ImmediateRunner, TaskContext, TaskRunner


class Recorder:
    def __init__(self) -> None:
        self.results: list[Any] = []
        self.errors: list[Exception] = []
        self.progress: list[tuple[str, int, int]] = []
        self.threads: set[threading.Thread] = set()

    def callbacks(self) -> Callbacks:
        return Callbacks(self._result, self._error, self._progress)

    def _result(self, value: Any) -> None:
        self.threads.add(threading.current_thread())
        self.results.append(value)

    def _error(self, error: Exception) -> None:
        self.threads.add(threading.current_thread())
        self.errors.append(error)

    def _progress(self, label: str, done: int, total: int) -> None:
        self.threads.add(threading.current_thread())
        self.progress.append((label, done, total))


@pytest.fixture
def runner() -> Any:
    pool = TaskRunner()
    yield pool
    pool.shutdown()
    assert not pool.is_busy()


def _work_thread_and_progress(task: TaskContext) -> threading.Thread:
    task.progress("Étape", 1, 2)
    return threading.current_thread()


def test_work_runs_elsewhere_and_reports_on_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    runner.submit(_work_thread_and_progress, seen.callbacks())
    qtbot.waitUntil(lambda: bool(seen.results))
    assert seen.results[0] is not threading.main_thread()
    assert seen.progress == [("Étape", 1, 2)]
    assert seen.threads == {threading.main_thread()}
    assert not runner.is_busy()


def test_errors_are_delivered_not_raised(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()

    def fail(_task: TaskContext) -> None:
        raise ValueError("mauvais annuaire")

    runner.submit(fail, seen.callbacks())
    qtbot.waitUntil(lambda: bool(seen.errors))
    assert str(seen.errors[0]) == "mauvais annuaire"
    assert seen.results == []


def test_an_unhandled_error_goes_to_the_crash_reporter(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _tb: reported.append(error))

    def fail(_task: TaskContext) -> None:
        raise RuntimeError("boom")

    runner.submit(fail)
    qtbot.waitUntil(lambda: bool(reported))
    assert isinstance(reported[0], RuntimeError)


def test_cancel_and_shutdown_wait_and_drop_late_callbacks(runner: TaskRunner) -> None:
    started = threading.Event()
    seen = Recorder()

    def wait_for_cancel(task: TaskContext) -> str:
        started.set()
        while not task.is_cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    runner.submit(wait_for_cancel, seen.callbacks())
    assert started.wait(5)
    assert runner.is_busy()
    runner.shutdown()  # cancels, then waits for the worker
    assert not runner.is_busy()
    assert seen.results == []  # the window that asked may be gone
    with pytest.raises(RuntimeError):
        runner.submit(wait_for_cancel)


def test_immediate_runner_has_the_same_contract() -> None:
    seen = Recorder()
    context = ImmediateRunner().submit(_work_thread_and_progress, seen.callbacks())
    assert seen.results == [threading.main_thread()]
    assert seen.progress == [("Étape", 1, 2)]
    assert not context.is_cancelled()
    ImmediateRunner().submit(lambda _task: 1 / 0, seen.callbacks())
    assert isinstance(seen.errors[0], ZeroDivisionError)


class _Witness:
    """Notes the thread its last reference is dropped on."""

    def __init__(self, threads: list[str]) -> None:
        self._threads = threads

    def __del__(self) -> None:
        self._threads.append(threading.current_thread().name)

    def succeed(self, _task: TaskContext) -> _Witness:
        return _Witness(self._threads)

    def fail(self, _task: TaskContext) -> None:
        raise ValueError("refusé", _Witness(self._threads))


def test_what_the_work_holds_is_released_on_the_ui_thread_even_if_the_worker_lags(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker may lose the processor right after it reports, on a loaded desk: if it held
    the last reference to a widget the work belongs to, or to the result, Qt objects would
    be destroyed off their thread (two segmentation faults seen in full-suite runs)."""
    lagging = background._execute

    def execute_then_lag(*args: Any) -> None:
        lagging(*args)
        time.sleep(0.3)

    monkeypatch.setattr(background, "_execute", execute_then_lag)
    released: list[str] = []
    delivered: list[str] = []
    # Bound methods, as screens submit them: the work holds its owner (a widget, in the app).
    runner.submit(_Witness(released).succeed, Callbacks(lambda _result: None))
    runner.submit(_Witness(released).fail, Callbacks(on_error=lambda e: delivered.append(str(e))))
    qtbot.waitUntil(lambda: bool(delivered) and not runner.is_busy(), timeout=5000)
    runner.shutdown()  # waits for the lagging worker
    assert [d[:9] for d in delivered] == ["('refusé'"]
    assert released == [threading.main_thread().name] * 4  # two works, a result, an error


class _Cycle(_Witness):
    """Garbage only the cycle collector finds, as a closed dialog with its lambdas."""

    def __init__(self, threads: list[str]) -> None:
        super().__init__(threads)
        self.me = self


def test_cyclic_garbage_is_collected_on_the_ui_thread_not_by_a_busy_worker(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    released: list[str] = []
    _Cycle(released)
    allocations = 20 * gc.get_threshold()[0]  # as a database query: a collection is due there
    done: list[int] = []
    runner.submit(lambda _task: len([[i] for i in range(allocations)]), Callbacks(done.append))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    runner.shutdown()
    assert released == []  # not by the worker
    gc.collect()
    assert released == [threading.main_thread().name]
