"""What the SQLite breakdowns cost without the indexes they force (reports/queries.py).

Each breakdown that does not read the indicators' summary forces, on SQLite, its covering
index (`INDEXED BY`) above `FORCE_INDEX_ABOVE` contacts. Dropping these indexes would spare
the import their upkeep (BENCHMARKS.md, branch issue-i19m); this measures what the reports
would pay instead, on the region of `bench_report.py` (generate it first):

    python bench/bench_report.py                      # makes bench/out/report-500-1000000.sqlite
    python bench/breakdown_indexes.py bench/out/report-500-1000000.sqlite

For each selection (the region's year, 100 desks over the year, a period that is not whole
months) and each breakdown: the median of 3 runs with its index forced (today), with no
index (`NOT INDEXED`: a scan, then a sort) and through the day index alone (what the planner
would choose without the breakdown indexes). Read-only: the database is not changed.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time

BREAKDOWNS = {
    "profile": ("ix_merged_contact_profile", "canal, statut, tranche_age, sexe, handicap"),
    "commune": ("ix_merged_contact_commune", "commune"),
    "desk × canal": ("ix_merged_contact_desk_canal", "desk_id, canal"),
    "needs × responses": ("ix_merged_contact_codes", "besoins, reponses"),
}
HINTS = {
    "its index": "INDEXED BY {index}",
    "no index": "NOT INDEXED",
    "day index": "INDEXED BY ix_merged_contact_day_desk",
}


def selections(connection: sqlite3.Connection) -> dict[str, tuple[str, tuple[str, ...]]]:
    desks = [d for (d,) in connection.execute("SELECT DISTINCT desk_id FROM merged_contact")]
    (year,) = connection.execute("SELECT substr(MIN(day), 1, 4) FROM merged_contact").fetchone()
    some = sorted(desks)[:100]
    return {
        "the region's year": ("day BETWEEN ? AND ?", (f"{year}-01-01", f"{year}-12-31")),
        "100 desks, the year": (
            f"day BETWEEN ? AND ? AND desk_id IN ({', '.join('?' * len(some))})",
            (f"{year}-01-01", f"{year}-12-31", *some),
        ),
        "the region, 15 Jan – 14 Jun": ("day BETWEEN ? AND ?", (f"{year}-01-15", f"{year}-06-14")),
    }


def timed(connection: sqlite3.Connection, sql: str, params: tuple[str, ...]) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        connection.execute(sql, params).fetchall()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    connection.execute("PRAGMA cache_size=-64000")  # as a report reads (prepare_reading)
    for name, (where, params) in selections(connection).items():
        query = f"SELECT COUNT(*) FROM merged_contact WHERE {where}"
        (n,) = connection.execute(query, params).fetchone()
        print(f"\n{name}: {n:,} contacts — wall / CPU seconds, medians of 3")
        for breakdown, (index, columns) in BREAKDOWNS.items():
            cells = []
            for label, hint in HINTS.items():
                sql = (
                    f"SELECT {columns}, COUNT(*) FROM merged_contact {hint.format(index=index)} "
                    f"WHERE {where} GROUP BY {columns}"
                )
                wall, cpu = timed(connection, sql, params)
                cells.append(f"{label} {wall:.2f} / {cpu:.2f}")
            print(f"  {breakdown:>18}: " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
