"""Shared pieces of the benchmarks: where the data lives, timing, percentiles, the machine."""

from __future__ import annotations

import hashlib
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The dev-only package (generators, synthetic regions) is not installed with the product: found in
# the tree, after whatever spro_desk the environment provides (snapshot.py points it elsewhere).
sys.path.append(str(PROJECT_ROOT / "src"))

import spro_desk  # noqa: E402

BENCH_OUT = PROJECT_ROOT / "bench" / "out"
DIRECTORY_FILES = ("structures.json", "services.json", "scenarios.json")
# Set by snapshot.py in the process it starts: the commit whose snapshot is measured.
SNAPSHOT_VARIABLE = "SPRO_BENCH_SNAPSHOT"


@dataclass(frozen=True)
class Dataset:
    """One generated directory: its name under bench/out/ and the generator's options."""

    name: str
    regions: str
    scale: float
    scenarios: int

    @property
    def folder(self) -> Path:
        return BENCH_OUT / self.name

    def generator_command(self) -> list[str]:
        """The command that writes the dataset (what ensure_dataset runs, for the record)."""
        return [
            sys.executable, "-m", "spro_desk_dev.gen_directory", str(self.folder),
            "--regions", self.regions, "--scale", f"{self.scale:g}",
            "--scenarios", str(self.scenarios),
        ]  # fmt: skip


NATIONAL = Dataset("national", regions="all", scale=7.5, scenarios=200)
REGIONAL = Dataset("regional-24", regions="24", scale=1.0, scenarios=200)


def ensure_dataset(dataset: Dataset) -> Path:
    """The folder of the dataset, generated first when one of its files is missing."""
    if all((dataset.folder / name).is_file() for name in DIRECTORY_FILES):
        return dataset.folder
    from spro_desk_dev.gen_directory import generate  # the project's own generator

    print("generating: " + " ".join(dataset.generator_command()), flush=True)
    generate(dataset.folder, dataset.regions, dataset.scale, dataset.scenarios)
    return dataset.folder


# The reference generator of the design folder (not part of the project): its scenarios carry
# the answers the orientation rules expect, which suggest_quality.py measures against. The
# project's own generator (spro_desk_dev.gen_directory) feeds every other benchmark.
REFERENCE_GENERATOR = PROJECT_ROOT / ".." / "shared" / "tools" / "gen_directory.py"
REFERENCE_GEO = PROJECT_ROOT / ".." / "shared" / "data" / "geo-fr.json"


def ensure_reference_dataset(dataset: Dataset) -> Path:
    """A dataset written by the reference generator (scenarios with expected answers)."""
    if all((dataset.folder / name).is_file() for name in DIRECTORY_FILES):
        return dataset.folder
    if not REFERENCE_GENERATOR.is_file():
        raise SystemExit(
            f"{dataset.name}: this measure compares with the answers of the reference generator "
            f"({REFERENCE_GENERATOR}), absent here; bench/run_all.py needs only the project."
        )
    command = [
        sys.executable, str(REFERENCE_GENERATOR.resolve()), str(REFERENCE_GEO.resolve()),
        str(dataset.folder), "--regions", dataset.regions, "--scale", f"{dataset.scale:g}",
        "--dirty", "0", "--scenarios", str(dataset.scenarios),
    ]  # fmt: skip
    print("generating: " + " ".join(command), flush=True)
    subprocess.run(command, check=True)
    return dataset.folder


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def milliseconds(action: Callable[[], object]) -> float:
    return seconds(action) * 1000


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (same rule as bench_geo.py)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Figure:
    """One line of the summary: a measured value against its target (and baseline if any)."""

    name: str
    value: float
    unit: str
    target: str
    met: bool | None
    baseline: float | None = None
    ratio: float | None = None

    def row(self) -> list[str]:
        baseline = "" if self.baseline is None else f"{self.baseline:.3g} {self.unit}"
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}×"
        met = {True: "yes", False: "NO", None: "-"}[self.met]
        return [self.name, f"{self.value:.3g} {self.unit}", baseline, ratio, self.target, met]


def print_table(figures: list[Figure]) -> None:
    header = ["figure", "value", "baseline", "ratio", "target", "met"]
    rows = [header, *(figure.row() for figure in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews the timings."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _git(*arguments: str) -> str:
    command = ["git", "-C", str(PROJECT_ROOT), *arguments]
    return subprocess.run(command, capture_output=True, text=True).stdout.strip()


def source_revision() -> str:
    """The commit measured, plus a digest of any uncommitted change under src/."""
    snapshot = os.environ.get(SNAPSHOT_VARIABLE)
    if snapshot:
        return f"{snapshot} (git archive snapshot, {Path(spro_desk.__file__).parent})"
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    changes = _git("diff", "HEAD", "--", "src") + _git("status", "--porcelain", "--", "src")
    if not changes:
        return commit
    return f"{commit} +uncommitted src/ changes {hashlib.sha1(changes.encode()).hexdigest()[:8]}"


def machine_description() -> dict[str, str]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
        "revision": source_revision(),
        "load at start": load_average(),
    }


CALLGRIND_TOTAL = re.compile(r"Collected : (\d+)")
THREAD_TOTAL = re.compile(r"^(?:summary|totals): (\d+)", re.MULTILINE)


@dataclass(frozen=True)
class Counted:
    """What callgrind counted: the process's exit status, its instructions, and per thread."""

    status: int
    instructions: int
    threads: list[int]  # main thread first; empty without --separate-threads=yes


def callgrind(
    command: list[str], environment: dict[str, str], *options: str, timeout: float
) -> Counted:
    """`command` run under valgrind's callgrind with `options`; its instructions (``Ir``)."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", *options, f"--callgrind-out-file={out}/cg", *command],
            env=environment, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        threads = [
            int(found.group(1))
            for part in sorted(Path(out).glob("cg-*"))
            if (found := THREAD_TOTAL.search(part.read_text(encoding="utf-8")))
        ]
    total = CALLGRIND_TOTAL.search(done.stderr)
    if total is None:
        raise RuntimeError(f"no callgrind total\n{done.stderr[-2000:]}")
    return Counted(done.returncode, int(total.group(1)), threads)
