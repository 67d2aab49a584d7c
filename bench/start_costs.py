"""What the start's remaining and removed costs are (issue 3): each in fresh processes, medians.

Usage: ``python bench/start_costs.py [--runs N]`` (11 processes per variant by default, the
variants of one figure taking turns).

Backs the breakdown in BENCHMARKS.md (issue 3), in fresh offscreen processes (``.pyc`` files
written first):

- **feature scan**: importing the interface (``spro_desk.ui.app.start`` and the Accueil screen's
  modules: what is imported before the first paint) after PySide6, with PySide's
  ``__feature__`` source scan turned off as the app does (``ui/app/feature_scan.py``), and with it
  left on; how many modules the scan reads, and the time spent inside it;
- **Qt namespace**: ``from PySide6.QtCore import Qt`` after QtWidgets (PySide6 creates its
  Python enum classes on that first use);
- **QStyle**: ``from PySide6.QtWidgets import QProxyStyle`` after that (what the focus style's
  class costs to define);
- **styleHint override**: the main window built, then shown and painted once, under the focus style
  as shipped, and under the same style with the Python ``styleHint`` override it used to have
  (returning 0 for the animation duration); the override's calls are counted;
- **style overrides at the first paint**: the window's first paint under the focus style
  against plain Fusion (no Python override, so no ``QStyleOption`` class handed to Python);
- **pixelMetric override**: the same window under the focus style with the Python
  ``pixelMetric`` override it had until issue 18 (the lists' 2 px frame, now given by
  ``subElementRect``); both overrides' calls are counted;
- **Qt-made viewport**: in a fresh process, the first ``viewport()`` of a QScrollArea whose
  viewport Qt made (PySide6 then sets up every QWidget subclass) against one made in Python
  (``ui/common/widgets.scroll_area``), with the number of enum classes each creates;
- **a second thread during the imports**: ``import PySide6.QtWidgets`` alone, and while another
  Python thread runs (as the database opener would if it started before the first paint): why
  the opener waits for the first paint.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ui import offscreen_environment
from support import PROJECT_ROOT, machine_description

CHILD_PRELUDE = """
import json, sys, time
from PySide6.QtWidgets import QApplication
"""

FEATURE_SCAN = (
    CHILD_PRELUDE
    + """
import types
import PySide6.QtCore
feature = sys.modules["PySide6.support.feature"]
calls, inside = [0], [0.0]
scan = feature._mod_uses_pyside
def counted(module):
    calls[0] += 1
    entered = time.perf_counter()
    try:
        return scan(module)
    finally:
        inside[0] += time.perf_counter() - entered
feature._mod_uses_pyside = counted
if sys.argv[1] == "on":  # the interface then turns off a stand-in, not the real scan
    sys.modules["PySide6.support.feature"] = types.SimpleNamespace(_mod_uses_pyside=None)
started = time.perf_counter()
import spro_desk.ui.app.start
import spro_desk.ui.accueil.screen  # the first screen's modules: imported before the paint too
print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "scanned": calls[0],
                  "scan_ms": inside[0] * 1000}))
"""
)

QT_NAMESPACE = (
    CHILD_PRELUDE
    + """
started = time.perf_counter()
from PySide6.QtCore import Qt
middle = time.perf_counter()
from PySide6.QtWidgets import QProxyStyle
done = time.perf_counter()
print(json.dumps({"qt_ms": (middle - started) * 1000, "qstyle_ms": (done - middle) * 1000}))
"""
)

WINDOW = (
    CHILD_PRELUDE
    + """
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QAbstractScrollArea, QProxyStyle, QStyle
import spro_desk.ui
from spro_desk.ui.app.focus_style import VisibleFocusStyle
from spro_desk.ui.app.main_window import MainWindow
import spro_desk.ui.accueil.screen  # imported apart: only building and painting are timed
calls = [0]
class WithPixelMetric(VisibleFocusStyle):
    def pixelMetric(self, metric, option=None, widget=None):
        calls[0] += 1
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(
            widget, QAbstractScrollArea
        ):
            return max(value, 2)
        return value
class CountedSubElement(VisibleFocusStyle):
    def subElementRect(self, element, option, widget=None):
        calls[0] += 1
        return super().subElementRect(element, option, widget)
class WithStyleHint(VisibleFocusStyle):
    def styleHint(self, hint, option=None, widget=None, returnData=None):
        calls[0] += 1
        if hint == QStyle.StyleHint.SH_Widget_Animation_Duration:
            return 0
        return super().styleHint(hint, option, widget, returnData)
styles = {"shipped": CountedSubElement, "styleHint": WithStyleHint, "fusion": QProxyStyle,
          "pixelMetric": WithPixelMetric}
app = QApplication([])
app.setStyle(styles[sys.argv[1]]("fusion"))
class FirstPaint(QObject):
    seen = False
    def eventFilter(self, _watched, event):
        FirstPaint.seen = FirstPaint.seen or event.type() == QEvent.Type.Paint
        return False
started, cpu = time.perf_counter(), time.process_time()
window = MainWindow(None, settings=QSettings(), startup_settings={}, has_directory=True)
built = time.perf_counter()
watcher = FirstPaint()
window.centralWidget().installEventFilter(watcher)
window.show()
while not FirstPaint.seen:  # the whole window paints in the pass that reaches it
    app.processEvents()
painted = time.perf_counter()
print(json.dumps({"build_ms": (built - started) * 1000, "paint_ms": (painted - built) * 1000,
                  "cpu_ms": (time.process_time() - cpu) * 1000, "calls": calls[0]}))
"""
)

VIEWPORT = (
    CHILD_PRELUDE
    + """
import enum
from PySide6.QtWidgets import QScrollArea
from spro_desk.ui.common.widgets import scroll_area
created = [0]
create = enum.EnumType._create_
def counted(*args, **kwargs):
    created[0] += 1
    return create(*args, **kwargs)
enum.EnumType._create_ = counted
app = QApplication([])
area = QScrollArea() if sys.argv[1] == "qt" else scroll_area()
started = time.process_time()
area.viewport()
print(json.dumps({"cpu_ms": (time.process_time() - started) * 1000, "enums": created[0]}))
"""
)

GIL = """
import json, sys, threading, time
sys.setswitchinterval(0.001)  # as the database opener sets it (ui/common/startup.py)
running = [True]
def busy():
    while running[0]:
        sum(range(1000))
if sys.argv[1] == "thread":
    threading.Thread(target=busy, daemon=True).start()
started = time.perf_counter()
import PySide6.QtWidgets
print(json.dumps({"import_ms": (time.perf_counter() - started) * 1000}))
running[0] = False
"""


def run_child(script: str, config: Path, *arguments: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        env=offscreen_environment(config), capture_output=True, text=True, timeout=120,
        check=True, cwd=PROJECT_ROOT,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def medians(runs: int, script: str, variants: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """For each variant (the child's argument), the median of each figure the child prints over
    `runs` processes. The variants take turns, so that a change of the machine's speed falls on
    all of them alike; one unmeasured warm-up of each first (page cache, .pyc files)."""
    samples: dict[str, list[dict[str, float]]] = {variant: [] for variant in variants}
    with tempfile.TemporaryDirectory(prefix="spro-start-costs-") as temp:
        config = Path(temp)
        for variant in variants:
            run_child(script, config, variant)
        for _ in range(runs):
            for variant in variants:
                samples[variant].append(run_child(script, config, variant))
    return {
        variant: {key: statistics.median(s[key] for s in runs_of) for key in runs_of[0]}
        for variant, runs_of in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="processes per variant")
    args = parser.parse_args()
    for key, value in machine_description().items():
        print(f"{key}: {value}")
    scans = medians(args.runs, FEATURE_SCAN, ("off", "on"))
    off, on = scans["off"], scans["on"]
    print(f"\nimporting the interface after PySide6 (median of {args.runs} processes, ms)")
    for label, figures in (("feature scan off (as shipped)", off), ("feature scan on", on)):
        print(f"  {label:29} {figures['ms']:7.1f}   modules scanned {figures['scanned']:.0f}"
              f"   time inside the scan {figures['scan_ms']:5.1f}")  # fmt: skip
    enums = medians(args.runs, QT_NAMESPACE, ("",))[""]
    print(f"\nfirst use of the Qt namespace     {enums['qt_ms']:7.1f} ms")
    print(f"first use of QStyle (QProxyStyle) {enums['qstyle_ms']:7.1f} ms")
    windows = medians(args.runs, WINDOW, ("shipped", "styleHint", "fusion", "pixelMetric"))
    print("\nthe main window built, then shown and painted once (ms)")
    for style, label, counted in (
        ("shipped", "focus style as shipped", "subElementRect"),
        ("styleHint", "with the old styleHint override", "styleHint"),
        ("pixelMetric", "plus the old pixelMetric override", "pixelMetric"),
        ("fusion", "plain Fusion, no Python override", ""),
    ):
        figures = windows[style]
        calls = f"   {counted} calls {figures['calls']:.0f}" if counted else ""
        print(f"  {label:35} build {figures['build_ms']:6.1f}   paint {figures['paint_ms']:6.1f}"
              f"   CPU {figures['cpu_ms']:6.1f}{calls}")  # fmt: skip
    shipped, old, plain = windows["shipped"], windows["styleHint"], windows["fusion"]
    print(
        f"  the styleHint override's cost: "
        f"{old['build_ms'] + old['paint_ms'] - shipped['build_ms'] - shipped['paint_ms']:.1f}"
    )
    print(
        f"  the pixelMetric override's cost (CPU): "
        f"{windows['pixelMetric']['cpu_ms'] - shipped['cpu_ms']:.1f}"
    )
    print(
        f"  the focus style's overrides at the first paint: "
        f"{shipped['paint_ms'] - plain['paint_ms']:.1f}"
    )
    viewports = medians(args.runs, VIEWPORT, ("qt", "python"))
    print("\nfirst viewport() of a QScrollArea, fresh process (CPU ms, enum classes created)")
    for kind, label in (("qt", "viewport made by Qt"), ("python", "made in Python (scroll_area)")):
        figures = viewports[kind]
        print(f"  {label:29} {figures['cpu_ms']:6.1f}   {figures['enums']:.0f}")
    imports = medians(args.runs, GIL, ("alone", "thread"))
    print("\nimport PySide6.QtWidgets (ms)")
    print(f"  alone                         {imports['alone']['import_ms']:6.1f}")
    print(f"  while another thread runs     {imports['thread']['import_ms']:6.1f}")


if __name__ == "__main__":
    main()
