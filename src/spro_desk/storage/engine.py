"""The database: a desk's one SQLite file, or the coordination's (SQLite file or PostgreSQL
server), opened durably and brought up to date."""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from spro_desk.storage.dialects import postgresql, sqlite
from spro_desk.storage.errors import storage_errors
from spro_desk.storage.integrity import WriteGate
from spro_desk.storage.migrate import upgrade_to_head
from spro_desk.storage.placement import check_placement


def make_engine(path: Path) -> Engine:
    """The desk's SQLite engine (kept here: the desk and its tests open it by path)."""
    return sqlite.make_engine(path)


class Database:
    """Owns the engine of one database; everything else asks it for sessions.

    `path` is the SQLite file, or, with a server `url` (the coordination on PostgreSQL), the
    file the data folder would hold: the companions keyed by it (caches, key files) stay in
    that folder, and nothing opens it as a database (`is_sqlite` says which it is).
    """

    def __init__(self, path: Path, *, migrate: bool = True, url: str | None = None) -> None:
        self.path = path
        self.url = url
        self.dialect: ModuleType = postgresql if url is not None else sqlite
        if url is not None:
            self.engine = postgresql.make_engine(url)
        else:
            check_placement(path.parent)  # never on a network share or a removable disk
            path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = make_engine(path)
        # Writes wait for the start-up integrity check and stop for good on a damaged file.
        self.gate = WriteGate()
        if migrate:
            with storage_errors():
                upgrade_to_head(self.engine, None if url is not None else path)

    @property
    def is_sqlite(self) -> bool:
        return self.url is None

    @property
    def name(self) -> str:
        """What the user knows the database by (the file, or the server without password)."""
        if self.url is None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Disk faults (full, read-only, I/O error) come out as French StorageErrors."""
        with storage_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self, *, wait_s: float | None = None) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error, holding
        the database's write lock from its start (see `begin_write` of each dialect): what it
        reads before writing cannot be changed by another writer meanwhile. `wait_s`: how
        long to wait for that lock when not the app's default (a coordinator's import)."""
        self.gate.before_write()
        with self.session() as session, session.begin():
            connection = session.connection()
            try:
                self.dialect.begin_write(connection, wait_s)
                yield session
            finally:
                if wait_s is not None:  # on this connection, before it goes back to the pool
                    self.dialect.end_write(connection, wait_s)

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
