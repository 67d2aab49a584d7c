"""The one SQLite file of a desk: opening it durably and bringing its schema up to date."""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from spro_desk.storage.errors import storage_errors
from spro_desk.storage.integrity import WriteGate
from spro_desk.storage.migrate import upgrade_to_head
from spro_desk.storage.placement import check_placement


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: in WAL mode a commit returns only after the WAL is synced, so an acknowledged
    # contact survives a power cut. NORMAL syncs only at checkpoints: it survives an
    # application crash but a power cut can roll back the last commits. The cost, one fsync
    # per commit, is a few milliseconds per contact (tests/test_power_loss.py checks it).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA cache_size=-32000")
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


class Database:
    """Owns the engine of one desk database; everything else asks it for sessions."""

    def __init__(self, path: Path, *, migrate: bool = True) -> None:
        self.path = path
        check_placement(path.parent)  # never on a network share or a removable disk
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(path)
        # Writes wait for the start-up integrity check and stop for good on a damaged file.
        self.gate = WriteGate()
        if migrate:
            with storage_errors():
                upgrade_to_head(self.engine, path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Disk faults (full, read-only, I/O error) come out as French StorageErrors."""
        with storage_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error.

        BEGIN IMMEDIATE takes the write lock first, waiting up to busy_timeout for another
        writer (a second window, a CLI command). A deferred transaction that reads first and
        writes later would instead fail with SQLITE_BUSY when another process committed in
        between, and what it read (a sequence number, the responses of a contact) could be
        stale by the time it writes.
        """
        self.gate.before_write()
        with self.session() as session, session.begin():
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection (caller closes it) for bulk work and FTS queries."""
        return self.engine.raw_connection().driver_connection  # type: ignore[return-value]

    def close(self) -> None:
        self.engine.dispose()


Companion = TypeVar("Companion")


def one_per_database(make: Callable[[Database], Companion]) -> Callable[[Database], Companion]:
    """A function giving `make(db)`, made once per open Database object and kept while that
    object lives (the desk's session, its key vault, its access log)."""
    made: weakref.WeakKeyDictionary[Database, Companion] = weakref.WeakKeyDictionary()

    def companion(db: Database) -> Companion:
        found = made.get(db)
        if found is None:
            found = made[db] = make(db)
        return found

    return companion
