"""The coordinator's dashboard on one year of a region (issue 5): does the window stay live?

The region of bench/bench_report.py (500 desks, 1,000,000 contacts, 250,000 referrals, cached
under bench/out/; generated on first use), opened in the real CoordinatorWindow offscreen, its
real background runner, the « Tableau de bord » tab. While each step runs, a 10 ms QTimer on
the UI thread records how late it fires: the longest lateness is the longest the window could
not answer (a stall).

- *first show*: the tab shown, Qt Charts imported, the year computed and drawn;
- *filter change*: a network chosen in the filter bar → the charts updated and repainted
  (the filter bar waits 300 ms for a pause first: reported apart, and without it);
- *drill-down*: contacts → by network → its sites (the same figures: no computation), a site →
  its months, a month → its weeks (computed again), back (kept: instant);
- *baseline*, same run: `compute_indicators` on a plain thread for the same filters, no
  dashboard — what the dashboard adds is the ratio; the stall it causes is the floor (SQLite's
  threads and the machine's load, the dashboard or not); an idle second gives the timer's own.

    python bench/bench_dashboard.py            # the full region
    python bench/bench_dashboard.py --quick    # 50 desks, 100,000 contacts
    python bench/bench_dashboard.py --gc-freeze   # what-if: no full garbage collection pauses

The stalls that remain are Python's full garbage collections (a pause of every thread, the UI
thread included, proportional to the objects alive): `--gc-freeze` shows them gone.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import FULL, QUICK, _database
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from support import BENCH_OUT

from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.source import CoordinatorSource
from spro_desk.ui.common.dashboard.periods import LAST_YEAR
from spro_desk.ui.common.dashboard.view import DashboardView
from spro_desk.ui.coordination import TABLEAU
from spro_desk.ui.coordination.dashboard_screen import PRESET_KEY
from spro_desk.ui.coordination.window import CoordinatorWindow

TICK_MS = 10
TIMEOUT_S = 120
NETWORKS = ("cio", "mission-locale", "france-travail", "information-jeunesse", "cap-emploi")


class StallMonitor:
    """A timer every 10 ms on the UI thread; how late it fires is how long the thread was busy."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - TICK_MS / 1000)
        self._last = now


def run_until(condition: Callable[[], bool]) -> None:
    """The real event loop until `condition` holds (checked every few milliseconds)."""
    loop, poll = QEventLoop(), QTimer()
    deadline = time.perf_counter() + TIMEOUT_S
    poll.timeout.connect(lambda: loop.quit() if condition() or time.perf_counter() > deadline
                         else None)  # fmt: skip
    poll.start(2)
    if not condition():
        loop.exec()
    poll.stop()
    if not condition():
        raise TimeoutError("the dashboard did not settle")


class Slices:
    """How long each piece of the dashboard's own UI-thread work takes (the commit of new
    figures, the drawing of one chart, the repaint): the part of a stall that is its doing."""

    def __init__(self) -> None:
        self.durations: list[float] = []

    def wrap(self, owner: type, name: str) -> None:
        original = getattr(owner, name)

        def timed(*args: object) -> object:
            started = time.perf_counter()
            try:
                return original(*args)
            finally:
                self.durations.append(time.perf_counter() - started)

        setattr(owner, name, timed)

    def take(self) -> tuple[float, float]:
        """(longest piece, total) since the last call."""
        durations, self.durations = self.durations, []
        return max(durations, default=0.0), sum(durations)


SLICES = Slices()


class Step:
    """Times one user action to the dashboard updated and repainted, with the worst stall."""

    def __init__(self, view: DashboardView, monitor: StallMonitor) -> None:
        self.view, self.monitor = view, monitor
        self.changed_at = 0.0
        view.filter_bar.changed.connect(self._changed)

    def _changed(self) -> None:
        self.changed_at = time.perf_counter()

    def measure(self, action: Callable[[], None]) -> dict[str, float]:
        view = self.view
        self.changed_at = 0.0
        self.monitor.start()
        started = time.perf_counter()
        SLICES.take()
        action()
        run_until(lambda: view.settled)
        painted = time.perf_counter()
        view.window().repaint()  # the charts drawn, not only given their data
        done = time.perf_counter()
        stall = self.monitor.stop()
        SLICES.durations.append(done - painted)
        longest, work = SLICES.take()
        timing = {"total_s": done - started, "stall_s": stall, "slice_s": longest,
                  "ui_work_s": work}  # fmt: skip
        if self.changed_at:
            timing["after_pause_s"] = done - self.changed_at
        return timing


def _bare(monitor: StallMonitor, source: CoordinatorSource, filters: Filters,
          options: Options) -> dict[str, float]:  # fmt: skip
    """The same computation on a plain thread, no dashboard: its time, and the stall the UI
    thread sees meanwhile (SQLite and the machine's load, not the dashboard's doing)."""
    thread = threading.Thread(target=compute_indicators, args=(source, filters, options))
    monitor.start()
    started = time.perf_counter()
    thread.start()
    run_until(lambda: not thread.is_alive())
    return {"total_s": time.perf_counter() - started, "stall_s": monitor.stop()}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """Medians of the runs, and the worst stall of any run."""
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    if "stall_s" in medians:
        medians["worst_stall_s"] = max(run["stall_s"] for run in runs)
    return medians


def _drills(view: DashboardView, run: int, year: int) -> list[tuple[str, Callable[[], None]]]:
    def first_row(key: str, number: int = 0) -> Callable[[], None]:
        return lambda: _drill(view, key, view.current_breakdown().rows[number].code)()  # type: ignore[union-attr]

    return [
        ("tile Contacts → by network", view.summary.buttons["contacts"].click),
        ("network → its sites", first_row("contacts.reseau")),
        ("site → its months (computed)", first_row("contacts.site", run)),
        ("month → its weeks (computed)", _drill(view, "contacts.mois", f"{year}-{3 + run:02d}")),
        ("back (Alt+←, kept)", view.breadcrumb.back_action.trigger),
    ]


def _choose_network(view: DashboardView, code: str) -> Callable[[], None]:
    def choose() -> None:
        combo = view.filter_bar.site_combos["reseau"]
        index = combo.findData(code) if code else 0  # 0: every network
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what a click or a key in the list does

    return choose


def _drill(view: DashboardView, key: str, code: str) -> Callable[[], None]:
    def drill() -> None:
        data = view.data()
        assert data is not None
        level = view.path[-1]
        breakdown = data.breakdown(key, level.focus if level.breakdown == key else "")
        view.drill(breakdown, code)

    return drill


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the region")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="what-if: gc.freeze() once the window is up (see BENCHMARKS.md)",
    )
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    db, dataset = _database(scale, rebuild=False)
    from spro_desk.ui.common.dashboard.pages import OverviewPage

    SLICES.wrap(DashboardView, "_commit")
    SLICES.wrap(OverviewPage, "_draw_next_chart")
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="spro-bench-dashboard-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(PRESET_KEY, LAST_YEAR)  # the generated year, seen in January after it
    window = CoordinatorWindow(db, folder, settings=settings, clock=lambda: dataset.as_of)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    monitor = StallMonitor()
    screen = window.screens[TABLEAU]
    view: DashboardView = screen.view  # type: ignore[attr-defined]
    step = Step(view, monitor)
    results: dict[str, dict[str, float]] = {}
    monitor.start()  # the machine's own lateness, nothing running: what a stall compares to
    idle_until = time.perf_counter() + 1
    run_until(lambda: time.perf_counter() > idle_until)
    results["idle window (1 s, for comparison)"] = {"total_s": 1.0, "stall_s": monitor.stop()}
    results["first show"] = step.measure(lambda: window.show_screen(TABLEAU))
    if args.gc_freeze:  # what was allocated so far is never scanned again by a full collection
        gc.freeze()

    changes = [step.measure(_choose_network(view, code)) for code in NETWORKS[: args.runs]]
    results["filter change (network)"] = _median(changes)

    options = Options(as_of=dataset.as_of)
    source = CoordinatorSource(db)
    baseline = [_bare(monitor, source, Filters(dataset.period, reseau=code), options)
                for code in NETWORKS[: args.runs]]  # fmt: skip
    results["baseline: same work, plain thread"] = _median(baseline)

    results["back to the whole region (kept)"] = step.measure(_choose_network(view, ""))
    results["whole region, computed again"] = _median(
        [step.measure(view.refresh) for _ in range(args.runs)]
    )
    drills: dict[str, list[dict[str, float]]] = {}
    for run in range(args.runs):  # another site and another month each time: never kept
        view.breadcrumb.step_requested.emit(0)
        for name, action in _drills(view, run, dataset.year):
            drills.setdefault(name, []).append(step.measure(action))
    results |= {name: _median(runs) for name, runs in drills.items()}

    window.close()
    window.shutdown()
    db.close()
    _report(scale, results, "-gc-freeze" if args.gc_freeze else "")


def _ms(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds * 1000:.0f} ms"


def _report(scale: dict[str, int], results: dict[str, dict[str, float]], variant: str) -> None:
    baseline = results["baseline: same work, plain thread"]["total_s"]
    print(f"\nregion: {scale['desks']} desks, {scale['contacts']:,} contacts, "
          f"{scale['referrals']:,} referrals; UI-thread tick every {TICK_MS} ms")  # fmt: skip
    print(f"{'step (median of runs)':<36} {'to updated':>10} {'after pause':>11} "
          f"{'× baseline':>10} {'stall':>7} {'(worst)':>8} {'UI work':>8} "
          f"{'longest piece':>13}")  # fmt: skip
    for name, timing in results.items():
        print(f"{name:<36} {_ms(timing['total_s']):>10} {_ms(timing.get('after_pause_s')):>11} "
              f"{timing['total_s'] / baseline:>9.2f}× {_ms(timing.get('stall_s')):>7} "
              f"{_ms(timing.get('worst_stall_s')):>8} {_ms(timing.get('ui_work_s')):>8} "
              f"{_ms(timing.get('slice_s')):>13}")  # fmt: skip
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        "stall: the 10 ms tick's longest lateness (an idle second shows the timer's own); UI "
        "work: the dashboard's commit, chart drawing and repaint; longest piece: the longest "
        "of those in one go"
    )
    print(f"load average at the end: {load:.1f} (2 cores shared: figures vary with it)")
    name = ("quick" if scale is QUICK else "region") + variant
    out = BENCH_OUT / f"results-dashboard-{name}.json"
    out.write_text(json.dumps({"scale": scale, "results": results, "load": load}, indent=1))


if __name__ == "__main__":
    main()
