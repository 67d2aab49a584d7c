"""Instructions executed up to a usable window, bare PySide6 against SPRO Desk (valgrind).

Usage: ``python bench/start_instructions.py [--runs N]`` (valgrind's callgrind must be installed).

On a machine shared with other work, wall and even CPU times of a start swing by ±20 %;
the number of instructions executed (callgrind's ``Ir``) does not (±0.1 % from one run to the
next): it tells a change of a few milliseconds from noise. Each start runs once without
valgrind first (``.pyc`` files written), then under callgrind until the probe's "usable"
(bench/ui_start_probe.py: shown, painted once, a 0 ms timer run), where the process ends at
once: the database opener started after the first paint is counted only up to that moment,
as in bench_ui.py. The desk is the in-service folder of bench_ui.py (it opens locked).

With ``--settled``, the desk's count runs on to the end of the turn after its first paint
(``_after_paint`` in ui/app/start.py: the focus style, the keyboard focus marks, the contrast
re-check) and one more event-loop turn (the repaint it asks for): a key typed at "usable" is
answered only then. The bare window has no such turn; its count stops at "usable".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_ui import PROBE, offscreen_environment, prepare_desk_data
from support import callgrind

# Runs the probe, but reports at "usable" and leaves at once (no waiting for the database).
USABLE = 3  # the wrapper's exit status once the window was usable
WRAPPER = """
import os, sys
USABLE = {usable}
SETTLED = {settled}
ATTACHED = {attached}
sys.path.insert(0, {bench!r})
import ui_start_probe as probe
real_arm = probe.arm
def arm(window_of, *args, **kwargs):  # only "usable": no database milestone
    if ATTACHED and sys.argv[1] != "bare":  # the desk's own milestones, the ORM's included
        real_arm(window_of, *args, **kwargs)
    elif SETTLED and sys.argv[1] != "bare":  # the loop goes on after "usable"
        real_arm(window_of, also_wait=lambda _window: False)
    else:
        real_arm(window_of)
probe.arm = arm
real_mark = probe.mark
def mark(name):
    real_mark(name)
    if ATTACHED and sys.argv[1] != "bare":
        if name == "database_ready":
            os._exit(USABLE)
    elif name == "usable":
        if SETTLED and sys.argv[1] != "bare":
            settle()
        else:
            os._exit(USABLE)
def settle():
    from PySide6.QtCore import QTimer
    start = sys.modules["spro_desk.ui.app.start"]
    real_after_paint = start._after_paint
    def after_paint(*args, **kwargs):
        real_after_paint(*args, **kwargs)
        QTimer.singleShot(0, lambda: os._exit(USABLE))
    start._after_paint = after_paint
    focus_style = sys.modules.get("spro_desk.ui.app.focus_style")
    if focus_style and start.QApplication.instance().property(focus_style.FOCUS_MARKER):
        QTimer.singleShot(0, lambda: os._exit(USABLE))  # its turn came before "usable"
probe.mark = mark
if sys.argv[1] == "bare":
    probe.bare()
else:
    probe.desk(sys.argv[3])
"""


def instructions(
    kind: str, data_dir: Path, environment: dict[str, str], wrapper: Path
) -> tuple[int, int]:
    """Instructions of the whole process and of its main (UI) thread alone."""
    command = [sys.executable, str(wrapper), kind, str(time.time_ns()), str(data_dir)]
    subprocess.run(command, env=environment, capture_output=True, timeout=120, check=False)
    counted = callgrind(command, environment, "--separate-threads=yes", timeout=900)
    if counted.status != USABLE or not counted.threads:
        raise RuntimeError(f"{kind}: the probe ended with status {counted.status}")
    return counted.instructions, counted.threads[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--settled", action="store_true", help="desk: to the end of the turn after its first paint"
    )
    parser.add_argument(
        "--attached",
        action="store_true",
        help="desk: on to the ORM attached (the probe's database_ready), all threads",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spro-bench-ir-") as temp:
        root = Path(temp)
        data_dir = prepare_desk_data(root)
        environment = offscreen_environment(root / "config")
        environment["PYTHONHASHSEED"] = "0"
        wrapper = root / "probe_until_usable.py"
        wrapper.write_text(
            WRAPPER.format(
                bench=str(PROBE.parent),
                usable=USABLE,
                settled=args.settled,
                attached=args.attached,
            ),
            encoding="utf-8",
        )
        counts: dict[str, list[tuple[int, int]]] = {"bare": [], "desk": []}
        for _ in range(args.runs):
            for kind in counts:
                counts[kind].append(instructions(kind, data_dir, environment, wrapper))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    until = "the end of the turn after the first paint" if args.settled else "a usable window"
    if args.attached:
        until = "the ORM attached (bare: a usable window)"
    for index, scope in enumerate(("whole process", "UI thread only")):
        bare, desk = (statistics.median(run[index] for run in counts[k]) for k in counts)
        print(f"instructions to {until}, {scope}: bare {bare / 1e6:.1f} M, desk {desk / 1e6:.1f} M")
        print(f"  ratio: {desk / bare:.3f}× (runs: {counts})")


if __name__ == "__main__":
    main()
