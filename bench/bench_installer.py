"""Installer benchmark (issue 7): the build's size and time, frozen cold start against source.

Usage::

    python bench/bench_installer.py              # build into bench/out/installer/, then measure
    python bench/bench_installer.py --no-build   # measure the build already there
    python bench/bench_installer.py --runs 9

**Build.** ``bash installer/build-linux.sh --dist bench/out/installer`` timed from outside;
sizes are bytes of regular files (MB = 10⁶ bytes; PyInstaller's symbolic links counted once).

**Cold start to a usable window**, the method of ``bench/bench_ui.py``: fresh processes,
offscreen, on a data folder already holding the sample directory and a desk identity (so the
window opens, not the first-run assistant). The parent reads ``time.time_ns()`` just before it
starts a process; the program, started with the hidden ``--smoke-quit-after 0``, prints the
wall clock once its window has been shown, painted once and the event loop ran a 0 ms timer
(``spro_desk/ui/app/smoke.py``, the definition of ``bench/ui_start_probe.py``), then quits. Three
kinds alternate, one unmeasured start of each first (page cache): the frozen program, the same
start from source (``python -m spro_desk``, ``src`` on ``PYTHONPATH``), and a bare PySide6
window (``ui_start_probe.py bare``) as the floor. Target: frozen median ≤ source median.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support import BENCH_OUT, PROJECT_ROOT, load_average, machine_description

OUT = BENCH_OUT / "installer"
WORK = BENCH_OUT / "installer-work"  # its own scratch: a test suite may be building too
RESULTS = BENCH_OUT / "results-installer.json"
PROBE = Path(__file__).resolve().parent / "ui_start_probe.py"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts"))
KINDS = ("frozen", "source", "bare")


def build() -> float:
    started = time.perf_counter()
    script = PROJECT_ROOT / "installer" / "build-linux.sh"
    subprocess.run(["bash", str(script), "--dist", str(OUT), "--work", str(WORK)], check=True)
    return time.perf_counter() - started


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def environment(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPRO_DESK_", "PYTHON"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(root / "config"),
        SPRO_DESK_KEYRING="0",
        PYTHONPATH=str(PROJECT_ROOT / "src"),  # the source start; ignored by the frozen one
    )
    font_dir = next((d for d in FONT_DIRS if d.is_dir()), None)
    if font_dir is not None:
        env.setdefault("QT_QPA_FONTDIR", str(font_dir))
    return env


def prepare_data(root: Path, program: Path, env: dict[str, str]) -> Path:
    """The sample directory and a desk identity, written by the frozen program itself."""
    data = root / "donnees"
    sample = program.parent / "_internal" / "resources" / "sample-directory"
    for args in (
        ["directory", "import", str(sample)],
        ["desk", "init", "--site-nom", "Banc d'essai", "--reseau", "cio", "--commune", "18033"],
    ):
        subprocess.run([str(program), "--data-dir", str(data), *args], env=env, check=True,
                       capture_output=True)  # fmt: skip
    return data


def command(kind: str, program: Path, data: Path) -> list[str]:
    if kind == "frozen":
        return [str(program), "--data-dir", str(data), "--smoke-quit-after", "0"]
    if kind == "source":
        return [sys.executable, "-m", "spro_desk", "--data-dir", str(data),
                "--smoke-quit-after", "0"]  # fmt: skip
    return [sys.executable, str(PROBE), "bare", "T0"]


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_once(kind: str, program: Path, data: Path, env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from just before the process starts to its usable window, and the CPU
    time of the whole process (user + system: less sensitive to a busy machine)."""
    args = command(kind, program, data)
    cpu_before = _cpu_seconds()
    t0 = time.time_ns()
    if kind == "bare":
        args[-1] = str(t0)
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    cpu_ms = (_cpu_seconds() - cpu_before) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{kind} start failed ({done.returncode}):\n{done.stderr}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if kind == "bare":
        return float(report["usable"]), cpu_ms
    if report.get("window") != "MainWindow":
        raise RuntimeError(f"{kind}: {report.get('window')} opened, not the main window")
    return (report["usable_ns"] - t0) / 1e6, cpu_ms


def measure(program: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Usable-window times and CPU times, per kind (ms)."""
    results: dict[str, list[float]] = {kind: [] for kind in KINDS}
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="spro-bench-installer-") as temp:
        root = Path(temp)
        env = environment(root)
        data = prepare_data(root, program, env)
        for kind in KINDS:  # warm-up: page cache, .pyc files
            start_once(kind, program, data, env)
        for run in range(runs):
            order = KINDS if run % 2 == 0 else tuple(reversed(KINDS))
            for kind in order:
                usable, cpu_ms = start_once(kind, program, data, env)
                results[kind].append(usable)
                cpu[kind].append(cpu_ms)
            print(f"  run {run + 1}/{runs}: " + ", ".join(
                f"{kind} {results[kind][-1]:.0f} ms" for kind in KINDS), flush=True)  # fmt: skip
    return results, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure bench/out/installer")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    machine = machine_description()
    load_before = load_average()
    build_seconds = None if args.no_build else build()
    folder = OUT / "spro-desk"
    program = folder / "spro-desk"
    debs = sorted(OUT.glob("spro-desk_*.deb"))
    if not program.is_file():
        raise SystemExit(f"no build in {OUT}: run without --no-build")
    starts, cpu = measure(program, args.runs)
    medians = {kind: statistics.median(values) for kind, values in starts.items()}
    cpu_medians = {kind: statistics.median(values) for kind, values in cpu.items()}
    summary = {
        "machine": machine,
        "load_average": {"before": load_before, "after": load_average()},
        "build_seconds": build_seconds,
        "folder_mb": size_mb(folder),
        "deb_mb": size_mb(debs[-1]) if debs else None,
        "starts_ms": starts,
        "medians_ms": medians,
        "cpu_ms": cpu,
        "cpu_medians_ms": cpu_medians,
        "frozen_over_source": medians["frozen"] / medians["source"],
    }
    RESULTS.write_text(json.dumps(summary, indent=1), "utf-8")
    print()
    if build_seconds is not None:
        print(f"build (bash installer/build-linux.sh): {build_seconds:.0f} s")
    print(f"one-folder build: {summary['folder_mb']:.1f} MB (target < 200 MB)")
    if debs:
        print(f".deb: {summary['deb_mb']:.1f} MB ({debs[-1].name})")
    print(f"{'cold start to a usable window':32}{'median':>9}{'min':>9}{'max':>9}"
          f"{'CPU median':>12}")  # fmt: skip
    for kind, label in (("frozen", "frozen (one folder)"), ("source", "from source"),
                        ("bare", "bare PySide6 window")):  # fmt: skip
        values = starts[kind]
        print(f"{label:32}{medians[kind]:9.1f}{min(values):9.1f}{max(values):9.1f}"
              f"{cpu_medians[kind]:12.1f}")  # fmt: skip
    print("(CPU: user + system time of the whole process, window, database opening and exit)")
    ratio = summary["frozen_over_source"]
    print(f"frozen / source: {ratio:.2f}× (target ≤ 1): {'yes' if ratio <= 1 else 'NO'}")
    print(f"load average {load_before} → {summary['load_average']['after']}")
    shutil.rmtree(WORK / "deb", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
