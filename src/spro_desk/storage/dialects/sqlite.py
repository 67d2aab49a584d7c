"""SQLite: the desk's database and the default coordination file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

NAME = "sqlite"
BUSY_TIMEOUT_MS = 5000  # the app's wait for another writer (a window, a command)


# Page caches, in KiB. A batch of 500 desk-weeks changes ≈ 70 MB of pages: in the usual cache
# SQLite evicts pages it needs again and reads them back (71 MB more read per import,
# BENCHMARKS.md, issue-i19o). A cache grows only as far as it is used.
USUAL_CACHE_KIB = 32_000
READING_CACHE_KIB = 64_000
IMPORT_CACHE_KIB = 160_000

# Page size of a new database file, in bytes. An import writes ~70 MB of B-tree pages: with
# 8 KiB pages it splits and logs half as many, and its inserts and commit (WAL write, fsync,
# checkpoint) took ~25 % less than with SQLite's 4 KiB (BENCHMARKS.md, issue 19). A file that
# exists keeps its size: in WAL mode only a VACUUM could change it, and nothing here needs it.
PAGE_SIZE = 8192


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    # Before anything writes the file's header (journal_mode=WAL does): a no-op on a file that
    # already has tables, whatever its size.
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: in WAL mode a commit returns only after the WAL is synced, so an acknowledged
    # contact survives a power cut. NORMAL syncs only at checkpoints: it survives an
    # application crash but a power cut can roll back the last commits. The cost, one fsync
    # per commit, is a few milliseconds per contact (tests/test_power_loss.py checks it).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size=-{USUAL_CACHE_KIB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=QueuePool,
        pool_size=4,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _configure_connection)
    return engine


def begin_write(connection: Connection, wait_s: float | None = None) -> None:
    """BEGIN IMMEDIATE takes the write lock first, waiting up to busy_timeout for another
    writer (a second window, a CLI command). A deferred transaction that reads first and
    writes later would instead fail with SQLITE_BUSY when another process committed in
    between, and what it read (a sequence number, the responses of a contact) could be
    stale by the time it writes.

    `wait_s`: a longer wait for this transaction only (a coordinator import queued behind
    another colleague's import of a thousand bundles), set back at the end by `end_write`."""
    if wait_s is not None:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def end_write(connection: Connection, wait_s: float | None = None) -> None:
    if wait_s is not None:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def has_table(connection: Connection, name: str) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).first()
    return found is not None


def before_migrations(connection: Connection) -> None:
    """SQLite rebuilds a table to alter it: with foreign keys on, dropping the old copy would
    cascade into referrals and consents. Checked again before committing."""
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()  # a pragma opens no SQLite transaction: end SQLAlchemy's autobegin


def check_migrated(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise RuntimeError(f"Migration refusée : clé étrangère rompue ({broken}).")


def after_migrations(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    connection.commit()
    # Older frames of the write-ahead log may hold what a migration rewrote (0008: clear
    # personal data): copy the new pages into the file and empty the log.
    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.commit()


# --- what the reports say differently (reports/queries.py) -------------------------------------


def index_hint(index: str) -> str:
    """Forces the covering index a breakdown reads in its GROUP BY order (SQLite's planner
    would otherwise prefer the day index, then sort a million rows)."""
    return f"INDEXED BY {index}"


def full_scan_hint() -> str:
    return "NOT INDEXED"


def days_between(later: str, earlier: str) -> str:
    """Whole days from one ISO day column to another."""
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def prepare_reading(connection: Connection) -> None:
    """A larger page cache for the duration of a report (set back by `end_reading`)."""
    connection.exec_driver_sql(f"PRAGMA cache_size=-{READING_CACHE_KIB}")


def end_reading(connection: Connection) -> None:
    connection.exec_driver_sql(f"PRAGMA cache_size=-{USUAL_CACHE_KIB}")


def prepare_import(connection: Connection) -> None:
    """A larger page cache for the duration of an import's batch (set back by `end_import`)."""
    connection.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")


def end_import(connection: Connection) -> None:
    connection.exec_driver_sql(f"PRAGMA cache_size=-{USUAL_CACHE_KIB}")
