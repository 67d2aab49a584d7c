"""Import time of a directory against a raw-JSON-into-SQLite baseline, in the same run."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from support import Figure

from spro_desk.directory.importer import ImportReport, import_directory
from spro_desk.storage.engine import Database

IMPORT_TARGET = 4.0  # ours at most 4 times the baseline


@dataclass(frozen=True)
class ImportTiming:
    baseline_s: float
    open_s: float  # creating the fresh Database (schema migrations)
    import_s: float  # import_directory itself
    structures: int
    services: int
    rejected: int
    warnings: int

    @property
    def ours_s(self) -> float:
        return self.open_s + self.import_s

    @property
    def ratio(self) -> float:
        return self.ours_s / self.baseline_s


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def warm_file_cache(folder: Path) -> None:
    """Read both files once so that neither contender pays for the first disk read."""
    for name in ("structures.json", "services.json"):
        (folder / name).read_bytes()


def baseline_import(folder: Path, target: Path) -> float:
    """json.load both files, then insert every raw row into one table in one transaction."""
    remove_database(target)
    start = time.perf_counter()
    with (folder / "structures.json").open(encoding="utf-8") as handle:
        structures = json.load(handle)
    with (folder / "services.json").open(encoding="utf-8") as handle:
        services = json.load(handle)
    connection = sqlite3.connect(target)
    try:
        connection.execute("CREATE TABLE raw_row (id TEXT, json TEXT)")
        with connection:
            connection.executemany(
                "INSERT INTO raw_row (id, json) VALUES (?, ?)",
                ((row.get("id"), json.dumps(row)) for row in chain(structures, services)),
            )
    finally:
        connection.close()
    return time.perf_counter() - start


def our_import(folder: Path, target: Path) -> tuple[float, float, ImportReport]:
    """Open a fresh desk database and import the directory; (open s, import s, report)."""
    remove_database(target)
    start = time.perf_counter()
    db = Database(target)
    opened = time.perf_counter()
    try:
        report = import_directory(db, folder)
    finally:
        db.close()
    return opened - start, time.perf_counter() - opened, report


def measure_import(folder: Path, database: Path, runs: int) -> ImportTiming:
    """Best of `runs` for each contender, alternating; leaves our database at `database`."""
    warm_file_cache(folder)
    baseline_file = database.with_name("baseline.sqlite3")
    baselines, ours = [], []
    report: ImportReport | None = None
    for run in range(1, runs + 1):
        baselines.append(baseline_import(folder, baseline_file))
        print(f"  import run {run}: baseline {baselines[-1]:.1f} s", flush=True)
        open_s, import_s, report = our_import(folder, database)
        ours.append((open_s + import_s, open_s, import_s))
        print(f"  import run {run}: ours {open_s + import_s:.1f} s", flush=True)
    remove_database(baseline_file)
    assert report is not None
    _, open_s, import_s = min(ours)
    return ImportTiming(
        baseline_s=min(baselines),
        open_s=open_s,
        import_s=import_s,
        structures=report.structures,
        services=report.services,
        rejected=len(report.rejected),
        warnings=len(report.warnings),
    )


def import_figures(timing: ImportTiming) -> list[Figure]:
    return [
        Figure(
            "import (open + import_directory)",
            timing.ours_s,
            "s",
            target=f"≤ {IMPORT_TARGET:g}× baseline",
            met=timing.ratio <= IMPORT_TARGET,
            baseline=timing.baseline_s,
            ratio=timing.ratio,
        )
    ]
