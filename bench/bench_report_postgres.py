"""The indicators on a PostgreSQL coordination against the same region in a SQLite file (issue 19).

The region of bench_report.py (generated once, cached under bench/out/) is copied into a new
database on the server given by --url (not timed, then ANALYZE), and `compute_indicators`
runs alternately on the file and on the server, 5 times each, checking every figure equal.
The baseline, same run: one unaided GROUP BY over all contacts, on each database.

    url=$(bash scripts/test_postgres.sh)      # a throwaway server (prints its URL)
    python bench/bench_report_postgres.py --quick --url "$url"
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import FULL, QUICK, _database
from sqlalchemy import Boolean, create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage import coordination_tables, tables  # noqa: F401  (the metadata)
from spro_desk.storage.dialects import checked_url, execute_many
from spro_desk.storage.engine import Database

TABLES = (
    "registered_desk", "received_bundle", "merged_desk", "merged_tombstone", "merged_contact",
    "merged_referral",
)  # fmt: skip
CHUNK = 20_000


def _copy(path: Path, server: Database) -> None:
    """Row for row, by the driver's executemany (the SQLite text moments as they are)."""
    reading = sqlite3.connect(path)
    with server.engine.begin() as writing:
        for table in TABLES:
            cursor = reading.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            flags = [
                isinstance(SQLModel.metadata.tables[table].c[c].type, Boolean) for c in columns
            ]
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            while rows := cursor.fetchmany(CHUNK):
                if any(flags):  # SQLite's 0/1 as the server's booleans
                    rows = [
                        tuple(bool(v) if flag else v for v, flag in zip(row, flags, strict=True))
                        for row in rows
                    ]
                execute_many(writing, sql, rows)
    reading.close()
    with server.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def _baseline(db: Database) -> float:
    hint = "NOT INDEXED" if db.is_sqlite else ""
    with db.engine.connect() as connection:
        started = time.perf_counter()
        connection.execute(
            text(f"SELECT statut, COUNT(*) FROM merged_contact {hint} GROUP BY statut")
        ).fetchall()
        return time.perf_counter() - started


def _values(indicators: Indicators) -> tuple:
    return (
        {key: figure.value for key, figure in indicators.figures.items()},
        {key: table.cells for key, table in indicators.tables.items()},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the region")
    parser.add_argument("--url", required=True, help="postgresql://USER@HOST:PORT/BASE")
    args = parser.parse_args()
    file_db, dataset = _database(QUICK if args.quick else FULL, rebuild=False)
    name = f"spro_bench_{secrets.token_hex(4)}"
    admin = create_engine(checked_url(args.url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    server = Database(Path("unused.sqlite"), url=url)
    try:
        started = time.perf_counter()
        _copy(file_db.path, server)
        print(f"copied the region to the server in {time.perf_counter() - started:.0f} s")
        filters, options = Filters(dataset.period), Options(as_of=dataset.as_of)
        times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
        baselines: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
        results = {}
        for _ in range(5):
            for label, db in (("sqlite", file_db), ("postgresql", server)):
                baselines[label].append(_baseline(db))
                started = time.perf_counter()
                results[label] = compute_indicators(CoordinatorSource(db), filters, options)
                times[label].append(time.perf_counter() - started)
        same = _values(results["sqlite"]) == _values(results["postgresql"])
        contacts = results["sqlite"].figures["contacts"].value
        print(f"{contacts:,} contacts; every figure identical on both databases: {same}")
        for label in times:
            median, base = statistics.median(times[label]), statistics.median(baselines[label])
            print(f"{label:>10}: indicators {median:.2f} s (median of 5), baseline {base:.3f} s, "
                  f"{median / base:.1f}x baseline")  # fmt: skip
        ratio = statistics.median(times["postgresql"]) / statistics.median(times["sqlite"])
        print(f"PostgreSQL / SQLite: {ratio:.2f}x")
    finally:
        server.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


if __name__ == "__main__":
    main()
