"""Indicators and bilan on one year of a region (issue 5).

500 desks, 1,000,000 contacts, 250,000 referrals written straight into the coordinator's
merged tables (not timed; the database is cached under bench/out/), then:

- every indicator (`compute_indicators`, target < 5 s), against a baseline measured in the
  same run: one plain GROUP BY over the whole contact table, as SQLite does it unaided;
- the XLSX and the PDF bilan (target < 15 s each), CSV and JSON;
- peak memory: Python allocations (tracemalloc, a second pass) and the process's peak RSS;
- the cost of keeping the merged state at import: merging 20,000 bundle events, against
  inserting the same events into a plain table.

    python bench/bench_report.py            # the full region (first run generates ~5 min)
    python bench/bench_report.py --quick    # 50 desks, 100,000 contacts, 25,000 referrals
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import BENCH_OUT

from spro_desk.reports.exports import write_csv, write_json, write_xlsx
from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.pdf import write_pdf
from spro_desk.reports.publish import build_bilan
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk.sync.merged import MergeEvent, merge_events
from spro_desk_dev.synthetic import Dataset, generate

FULL = {"desks": 500, "contacts": 1_000_000, "referrals": 250_000}
QUICK = {"desks": 50, "contacts": 100_000, "referrals": 25_000}
TARGETS = {"indicators": 5.0, "xlsx": 15.0, "pdf": 15.0}


def _database(
    scale: dict[str, int], rebuild: bool, name: str = "report", folder: Path = BENCH_OUT,
    **options: Any,
) -> tuple[Database, Dataset]:  # fmt: skip
    """The generated year in a SQLite file (cached: a marker says it is complete); `options`
    go to the generator (départements, deferred indexes)."""
    path = folder / f"{name}-{scale['desks']}-{scale['contacts']}.sqlite"
    marker = path.with_suffix(".done")
    if rebuild or not marker.exists():
        for leftover in (path, path.with_name(path.name + "-wal"), marker):
            leftover.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        Database(path).close()  # the schema, migrated
        started = time.perf_counter()
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA synchronous=OFF")  # generated data: durability not needed
        connection.execute("PRAGMA cache_size=-2000000")  # 2 GB: the code index is large
        dataset = generate(connection, previous_year_share=0.0, keep=False, **scale, **options)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        marker.write_text(json.dumps({"year": dataset.year}))
        print(f"generated {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    db = Database(path)
    year = json.loads(marker.read_text())["year"]
    # the generator's reference moment: the data as seen on 10 January of the next year
    return db, Dataset([], year, datetime(year + 1, 1, 10, 12, 0, tzinfo=UTC))


def _timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def _baseline(db: Database) -> float:
    """SQLite unaided: one GROUP BY over every contact, no index to help."""
    connection = sqlite3.connect(db.path)
    started = time.perf_counter()
    connection.execute(
        "SELECT statut, COUNT(*) FROM merged_contact NOT INDEXED GROUP BY statut"
    ).fetchall()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def _merge_cost(events: int = 20_000) -> tuple[float, float]:
    """Merging bundle events vs inserting them as rows: the import-time cost of issue 5."""
    path = BENCH_OUT / "report-merge.sqlite"
    for leftover in (path, path.with_name(path.name + "-wal")):
        leftover.unlink(missing_ok=True)
    Database(path).close()
    payload = {
        "occurred_at": "2026-03-02T09:30:00+00:00", "canal": "telephone", "statut": "etudiant",
        "tranche_age": "18-25", "sexe": "femme", "handicap": None, "commune": "18033",
        "besoins": ["choisir-un-metier", "se-former--trouver-sa-formation"],
        "reponses": ["information-orale"], "deleted_at": None,
    }  # fmt: skip
    batch = [MergeEvent("desk", n + 1, "contact", f"c{n:08d}", "create", payload)
             for n in range(events)]  # fmt: skip
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE plain (id TEXT PRIMARY KEY, desk TEXT, seq INT, body TEXT)")
    started = time.perf_counter()
    connection.executemany(
        "INSERT INTO plain VALUES (?, ?, ?, ?)",
        [(e.entity_id, e.desk_id, e.seq, json.dumps(e.payload)) for e in batch],
    )
    connection.commit()
    plain = time.perf_counter() - started
    connection.close()
    db = Database(path)
    started = time.perf_counter()
    with db.engine.begin() as merging:
        merge_events(merging, batch)
    merged = time.perf_counter() - started
    db.close()
    return plain, merged


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the region")
    parser.add_argument("--rebuild", action="store_true", help="generate the data again")
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    db, dataset = _database(scale, args.rebuild)
    source, filters = CoordinatorSource(db), Filters(dataset.period)
    options = Options(as_of=dataset.as_of)
    out = BENCH_OUT / "report"
    out.mkdir(parents=True, exist_ok=True)

    baselines, runs, cpu = [], [], []
    for _ in range(5):  # alternate baseline and indicators
        baselines.append(_baseline(db))
        started_cpu = time.process_time()  # all threads: the work, whatever the contention
        indicators, elapsed = _timed(compute_indicators, source, filters, options)
        cpu.append(time.process_time() - started_cpu)
        runs.append(elapsed)
    baseline, best = statistics.median(baselines), statistics.median(runs)
    _, site_time = _timed(
        compute_indicators, source, Filters(dataset.period, site="desk-0001"), options
    )
    bilan, build_time = _timed(build_bilan, indicators)
    times = {"indicators": best, "indicators_one_site": site_time, "publish": build_time}
    for fmt, writer in (("json", write_json), ("csv", write_csv), ("xlsx", write_xlsx),
                        ("pdf", write_pdf)):  # fmt: skip
        _, elapsed = _timed(writer, bilan, out / f"bilan.{fmt}")
        times[fmt] = elapsed + build_time  # a bilan export = publish + write

    tracemalloc.start()  # second pass, for memory only (tracemalloc slows Python down)
    peaks = {}
    for name, step in (
        ("indicators", lambda: compute_indicators(source, filters, options)),
        ("xlsx", lambda: write_xlsx(build_bilan(indicators), out / "bilan-m.xlsx")),
        ("pdf", lambda: write_pdf(build_bilan(indicators), out / "bilan-m.pdf")),
    ):
        tracemalloc.reset_peak()
        step()
        peaks[name] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    plain, merged = _merge_cost()

    contacts = indicators.figures["contacts"].value
    referrals = indicators.figures["orientations"].value
    print(f"\nregion: {scale['desks']} desks, {contacts:,} contacts, {referrals:,} referrals "
          f"(database {db.path.stat().st_size / 2**20:.0f} MiB)")  # fmt: skip
    print(f"baseline (one unaided GROUP BY over all contacts): {baseline:.2f} s")
    print(
        f"indicators, median of 5: {best:.2f} s wall, {statistics.median(cpu):.2f} s CPU "
        f"(all threads); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    for name, seconds in times.items():
        target = TARGETS.get(name)
        verdict = f"target < {target:g} s: {'met' if seconds < target else 'MISSED'}" if (
            target) else ""  # fmt: skip
        print(f"{name:>20}: {seconds:6.2f} s  ({seconds / baseline:5.1f}× baseline)  {verdict}")
    print("peak Python memory: " + ", ".join(f"{k} {v:.0f} MiB" for k, v in peaks.items()))
    print(f"peak RSS of the process: {rss:.0f} MiB")
    print(f"merging 20,000 bundle events: {merged:.2f} s vs {plain:.2f} s to insert them "
          f"as plain rows ({merged / plain:.1f}×)")  # fmt: skip
    results = {
        "scale": scale, "baseline_s": baseline, "times_s": times, "peak_mib": peaks,
        "rss_mib": rss, "merge_s": merged, "merge_plain_s": plain, "runs_s": runs,
        "cpu_s": cpu, "load_average": os.getloadavg()[0],
    }  # fmt: skip
    name = "quick" if args.quick else "region"
    (BENCH_OUT / f"results-report-{name}.json").write_text(json.dumps(results, indent=1))
    db.close()


if __name__ == "__main__":
    main()
