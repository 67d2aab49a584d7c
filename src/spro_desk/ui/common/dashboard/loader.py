"""Indicators computed off the UI thread: one request at a time, cancellable, with progress.

A new request cancels the one running; cancelling interrupts SQLite inside the query it is
running (its progress handler), so a region-size computation stops at once; on PostgreSQL it
stops before the next statement. The last results
are kept by filters, so going back in a drill-down, or returning to the tab, is instant.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Connection, event

from spro_desk.geo.cog import Geography
from spro_desk.reports.filters import Filters, Options, Period, Site
from spro_desk.reports.source import Source
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext
from spro_desk.ui.common.dashboard.data import DashboardData

log = logging.getLogger(__name__)

CACHE_SIZE = 8  # sets of filters kept: a drill-down path and its way back
INTERRUPT_EVERY = 200_000  # SQLite steps between two looks at the cancel flag (~20 ms)


class Cancelled(Exception):
    """The computation was cancelled (or replaced by a newer one)."""


class InterruptibleSource:
    """A source whose connections stop as soon as the task is cancelled; it counts the
    statements run, which is the computation's progress."""

    def __init__(self, source: Source, task: TaskContext, progress: Callable[[int], None]) -> None:
        self._source = source
        self._task = task
        self._progress = progress
        self._sites: list[Site] | None = None
        self.label = source.label
        self.tracks_bundles = source.tracks_bundles
        self.parallel = source.parallel  # each connection gets its own interrupt
        self.summarised = source.summarised
        self.statements = 0  # approximate when connections run in parallel: progress only

    def check(self) -> None:
        if self._task.is_cancelled():
            raise Cancelled

    @contextmanager
    def connect(self, periods: Sequence[Period] = ()) -> Iterator[Connection]:
        self.check()
        with self._source.connect(periods) as connection:
            event.listen(connection, "before_cursor_execute", self._before_statement)
            driver = connection.connection.driver_connection
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # SQLite also stops inside a long statement
                driver.set_progress_handler(self._interrupt, INTERRUPT_EVERY)  # type: ignore[union-attr]
            try:
                yield connection
            finally:
                event.remove(connection, "before_cursor_execute", self._before_statement)
                if sqlite:  # a pooled connection: nothing of this task stays on it
                    driver.set_progress_handler(None, 0)  # type: ignore[union-attr]

    def _before_statement(self, *_args: Any) -> None:
        self.check()
        self._statement("")

    def _interrupt(self) -> int:
        return int(self._task.is_cancelled())  # non-zero: SQLite stops with "interrupted"

    def _statement(self, _sql: str) -> None:
        self.statements += 1
        self._progress(self.statements)

    def sites(self) -> list[Site]:
        self.check()
        if self._sites is None:
            self._sites = self._source.sites()
        return self._sites

    def freshness(self) -> datetime | None:
        return self._source.freshness()


SourceFactory = Callable[[], Source]  # called on the worker thread (sources read the database)
OptionsFactory = Callable[[], Options]


class IndicatorsLoader(QObject):
    started = Signal(str)  # label of the work
    progressed = Signal(str, int, int)
    loaded = Signal(object)  # DashboardData of the latest request
    failed = Signal(str)  # a French message; the figures shown stay
    cancelled = Signal()
    finished = Signal()  # after loaded, failed or cancelled

    def __init__(
        self,
        runner: Runner,
        make_source: SourceFactory,
        make_options: OptionsFactory,
        geo: Callable[[], Geography],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._make_source = make_source
        self._make_options = make_options
        self._geo = geo
        self._cache: OrderedDict[Filters, DashboardData] = OrderedDict()
        self._task: TaskContext | None = None  # of the request under way, to cancel it
        self._active: int | None = None  # its token (an ImmediateRunner answers within submit)
        self._token = 0
        self._expected = 0  # statements of the last complete computation: progress's total

    @property
    def busy(self) -> bool:
        return self._active is not None

    def cached(self, filters: Filters) -> DashboardData | None:
        data = self._cache.get(filters)
        if data is not None:
            self._cache.move_to_end(filters)
        return data

    def invalidate(self) -> None:
        """Forget every result: the data changed (bundles imported, a contact recorded)."""
        self._cache.clear()

    def load(self, filters: Filters) -> None:
        """Compute the dashboard for `filters`; a computation already running is cancelled."""
        if self._task is not None:
            self._task.cancel()
        self._token += 1
        token, label = self._token, self.tr("Calcul des indicateurs…")
        self._active, self._task = token, None
        self.started.emit(label)
        task = self._runner.submit(
            self._work(filters, label),
            Callbacks(
                on_result=lambda result: self._done(token, result),
                on_error=lambda error: self._failed(token, error),
                on_progress=lambda text, done, total: self._progress(token, text, done, total),
            ),
        )
        if self._active == token:
            self._task = task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    # --- worker -------------------------------------------------------------------------------

    def _work(self, filters: Filters, label: str) -> Callable[[TaskContext], Any]:
        expected = self._expected
        make_source, make_options, geo = self._make_source, self._make_options, self._geo

        def work(task: TaskContext) -> tuple[DashboardData, int]:
            from spro_desk.reports.indicators import compute_indicators
            from spro_desk.ui.common.dashboard.data import build_dashboard_data

            if task.is_cancelled():
                raise Cancelled

            def step(done: int) -> None:
                task.progress(label, min(done, expected), expected)

            source = InterruptibleSource(make_source(), task, step)
            indicators = compute_indicators(source, filters, make_options(), geo())
            source.check()
            several = source.tracks_bundles
            return build_dashboard_data(indicators, source.sites(), several), source.statements

        return work

    # --- UI thread ----------------------------------------------------------------------------

    def _progress(self, token: int, label: str, done: int, total: int) -> None:
        if token == self._token:
            self.progressed.emit(label, done, total)

    def _done(self, token: int, result: tuple[DashboardData, int]) -> None:
        data, statements = result
        self._cache[data.indicators.filters] = data
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        if token != self._token:
            return  # a newer request is under way: it reports
        self._expected = statements
        self._active, self._task = None, None
        self.loaded.emit(data)
        self.finished.emit()

    def _failed(self, token: int, error: Exception) -> None:
        if token != self._token:
            return
        task, self._task, self._active = self._task, None, None
        if isinstance(error, Cancelled) or (task is not None and task.is_cancelled()):
            self.cancelled.emit()
        else:
            log.error("The dashboard's indicators failed", exc_info=error)
            self.failed.emit(
                self.tr(
                    "Les indicateurs n'ont pas pu être calculés ({error}) : les chiffres "
                    "affichés sont les précédents. Réessayez ; si l'erreur revient, signalez-la "
                    "avec le journal de SPRO Desk."
                ).format(error=type(error).__name__)
            )
        self.finished.emit()
