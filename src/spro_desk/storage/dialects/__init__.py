"""What differs between the databases the coordination can run on, one module per dialect.

The desk is SQLite only; the coordination runs on SQLite (one coordinator, the default) or on
PostgreSQL (a regional team sharing one server). Everything else speaks SQLAlchemy and the SQL
both understand (`INSERT ... ON CONFLICT`, window functions); what cannot be said the same way
(connection settings, how a writer takes the write lock, what a migration must do around its
run) lives in `sqlite.py` and `postgresql.py`, chosen here by the URL.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import Connection, CursorResult
from sqlalchemy.exc import DBAPIError

from spro_desk.storage.dialects import postgresql
from spro_desk.storage.dialects.postgresql import DatabaseUrlError, checked_url

# The URL's checks live with the server's dialect; found here by the window and the CLI.
__all__ = ["DatabaseUrlError", "checked_url"]

Rows: TypeAlias = CursorResult[*tuple[Any, ...]]  # rows of any length

DATABASE_URL_VARIABLE = "SPRO_DESK_DATABASE_URL"


def execute_many(connection: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """`sql` (with `?` for each value) run for every row by the driver's executemany, its
    placeholders written in the driver's style (SQLite's `?`, psycopg's `%s`).

    Why not `connection.execute(text(...), dicts)`: SQLAlchemy then processes every row's
    parameters in Python, which at the coordinator's 100,000 merged rows costs more than
    the inserts themselves (bench/bench_sync.py --profile).
    """
    if not rows:
        return
    if connection.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    connection.exec_driver_sql(sql, list(rows))


def insert_rows(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """`rows` (values in the order of `columns`) added to `table` the fastest way the database
    offers: SQLite's executemany of INSERTs of several rows each (`ROWS_PER_INSERT`),
    PostgreSQL's COPY (one stream, where an executemany is a round of the protocol per row:
    bench/bench_sync.py)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        postgresql.copy_rows(connection, table, columns, rows)
        return
    for sql, parameters in sqlite_insert_statements(table, columns, rows):
        execute_many(connection, sql, parameters)


def sqlite_insert_statements(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Iterator[tuple[str, list[Sequence[Any]]]]:
    """Each INSERT of several rows (`ROWS_PER_INSERT`) with the parameters of its executemany:
    `rows` in order, the largest statements first."""
    start = 0
    for size in ROWS_PER_INSERT:
        end = start + (len(rows) - start) // size * size
        if end == start:
            continue
        sql = _multi_row_insert(table, tuple(columns), size)
        if size == 1:
            yield sql, list(rows[start:end])
        else:
            flat = chain.from_iterable
            yield sql, [tuple(flat(rows[at : at + size])) for at in range(start, end, size)]
        start = end


# Rows per SQLite INSERT statement, the largest first (a rest of fewer rows takes the next).
# SQLite opens and closes a cursor on the table and on each of its indexes for every statement
# it runs, and the driver releases and takes back the GIL around each: one row per statement,
# that was a fifth of the work of inserting `received_event` rows (one-off callgrind count),
# and 10 % of the coordinator's import (bench/import_instructions.py). A few fixed sizes:
# a few statements for the driver to prepare and keep; at most 32 rows of 20 values, under
# the 999 parameters of older SQLite builds.
ROWS_PER_INSERT = (32, 8, 2, 1)


@functools.cache
def _multi_row_insert(table: str, columns: tuple[str, ...], size: int) -> str:
    """`size` rows' INSERT. OR FAIL, not SQLite's default (ABORT): a statement of several rows
    that may abort must first copy every page it changes into a statement journal, to undo
    its own earlier rows (that copy cost more than one row per statement saved). A constraint
    broken at row k keeps the statement's rows before k: every caller writes inside a
    transaction or savepoint that it rolls back on that error (the import, the merges)."""
    one = f"({', '.join('?' * len(columns))})"
    values = ", ".join([one] * size)
    return f"INSERT OR FAIL INTO {table} ({', '.join(columns)}) VALUES {values}"


def run_raw(connection: Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    """`sql` (with `?` for each value) run on the driver's own cursor, which is returned (its
    `fetchone`, `fetchall`, `rowcount`, rows by iteration), in the connection's transaction.

    For the import's many small statements (a dozen per bundle, thousands per import): even
    `exec_driver_sql` builds a SQLAlchemy result for each, which cost the import more than
    SQLite takes to answer (bench/bench_sync.py --profile). The driver's errors come out as
    SQLAlchemy's (IntegrityError, OperationalError...), as from any statement.
    """
    dbapi = connection.dialect.loaded_dbapi
    if connection.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
    except dbapi.Error as error:
        raise DBAPIError.instance(sql, params, error, dbapi.Error) from error
    return cursor


def run_raw_in(
    connection: Connection,
    sql: str,
    lists: dict[str, Sequence[Any]],
    tail: Sequence[Any] = (),
) -> Any:
    """`run_raw` of `sql` whose `IN :name` each stand for a list of values (an empty one
    matches nothing), then `?` for each of `tail` after them. SQLite binds each value; the
    server gets `= ANY(?)` and the list as one array: one statement text whatever the count,
    so it is prepared once (an IN of 90 or 91 values is another statement to parse and plan),
    ids sent as one JSON array (`postgresql.any_of`)."""
    server = connection.dialect.name == "postgresql"
    params: list[Any] = []
    for name, values in lists.items():
        if server:
            fragment, value = postgresql.any_of(values)
            bound = [value]
        else:
            fragment = f"IN ({','.join('?' * len(values))})" if values else "IN (NULL)"
            bound = list(values)
        sql = sql.replace(f"IN :{name}", fragment)
        params.extend(bound)
    return run_raw(connection, sql, [*params, *tail])


def run(connection: Connection, sql: str, params: Sequence[Any] = ()) -> Rows:
    """`sql` (with `?` for each value) run once by the driver, its placeholders written in the
    driver's style: the reports' queries, read without SQLAlchemy's per-row processing."""
    if connection.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    return connection.exec_driver_sql(sql, tuple(params))


def is_server_url(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql:", "postgresql+"))


def database_url_from(option: str | None) -> str | None:
    """The coordination's server URL: the option first, then SPRO_DESK_DATABASE_URL; None for
    the SQLite file of the data folder."""
    found = option or os.environ.get(DATABASE_URL_VARIABLE) or None
    if found is None:
        return None
    if found.startswith("sqlite:"):
        return None
    checked_url(found)
    return found
