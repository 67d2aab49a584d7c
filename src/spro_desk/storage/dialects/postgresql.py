"""PostgreSQL: the coordination of a regional team on one shared server (psycopg 3).

Writers are serialised like SQLite's BEGIN IMMEDIATE, with a transaction-scoped advisory lock:
an import reads what is stored (duplicates, chains, gaps, the watermark of the merged state)
before it writes, and two imports of the same bundles at the same moment must each see the
other's committed events, so that every event is applied exactly once. Readers (indicators,
the window's lists) never wait for it. The unique keys stay the last line of defence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

NAME = "postgresql"
WRITE_LOCK = 0x5350_524F_4445_534B  # "SPRODESK": the coordination's one write lock


class DatabaseUrlError(ValueError):
    """A database URL the coordination cannot use (said in French, nothing opened)."""


def checked_url(url: str) -> str:
    """The URL for SQLAlchemy's psycopg (v3) driver; a clear error for anything else."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUrlError(f"Adresse de base de données illisible : « {url} ».") from error
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseUrlError(
            f"Base de données non prise en charge : « {parsed.get_backend_name()} ». Indiquez "
            "une adresse postgresql://utilisateur@serveur/base, ou rien pour le fichier SQLite."
        )
    if not parsed.database:
        raise DatabaseUrlError("Adresse PostgreSQL sans nom de base : postgresql://…/NOM.")
    _require_driver()
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _require_driver() -> None:
    """The desks' installer leaves the PostgreSQL driver out (desks keep their SQLite file);
    a coordination server installs it with the `coordination` extra."""
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise DatabaseUrlError(
            "Le pilote PostgreSQL (psycopg) n'est pas installé avec ce programme. La "
            "coordination sur PostgreSQL s'installe avec « pip install 'spro-desk[coordination]' »"
            " (voir le README) ; sans adresse, la coordination garde son fichier SQLite."
        ) from error


def make_engine(url: str) -> Engine:
    return create_engine(checked_url(url), pool_size=4, pool_pre_ping=True)


def begin_write(connection: Connection, wait_s: float | None = None) -> None:
    """Waits for the writer before it as long as it takes (a server has no busy timeout to
    run out); released by the commit or the rollback."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def end_write(connection: Connection, wait_s: float | None = None) -> None:
    """Nothing to restore: the lock goes with the transaction."""


def copy_rows(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """`rows` streamed into `table` by COPY, in the connection's transaction; a refusal (a
    unique key, a constraint) comes out as SQLAlchemy's error, as from any statement."""
    import psycopg

    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    driver = connection.connection.driver_connection
    assert driver is not None  # a connection in use has its driver's
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as error:
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def add_counts(
    connection: Connection, table: str, keys: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Each row's count (its last value) added to `table`'s `n` for its key (the others, text,
    in the order of `keys`); a row whose count falls to zero goes. The rows' keys are distinct.

    One statement for all of them, the rows as one JSON parameter: an executemany of an
    upsert per row was a protocol round per row, ~9,300 for an import of 500 desk-weeks, each
    parsed, bound and run by the server apart (bench/bench_sync.py)."""
    if not rows:
        return
    columns = ", ".join(keys)
    values = ", ".join(f"r->>{position}" for position in range(len(keys)))
    source = "FROM json_array_elements(CAST(%s AS JSON)) AS r"
    driver = connection.connection.driver_connection
    assert driver is not None  # a connection in use has its driver's
    import psycopg

    upsert = (
        f"INSERT INTO {table} ({columns}, n) "
        f"SELECT {values}, CAST(r->>{len(keys)} AS BIGINT) {source} "
        f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n"
    )
    fallen = [row for row in rows if row[-1] < 0]  # only a count taken away can reach zero
    drop = f"DELETE FROM {table} WHERE ({columns}) IN (SELECT {values} {source}) AND n = 0"
    statement = upsert
    try:
        with driver.cursor() as cursor:
            cursor.execute(upsert, (orjson.dumps(rows).decode(),))
            if fallen:
                statement = drop
                cursor.execute(drop, (orjson.dumps(fallen).decode(),))
    except psycopg.Error as error:
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def any_of(values: Sequence[Any]) -> tuple[str, Any]:
    """`= ANY(...)` of a list parameter, and the value to bind. Texts and integers go as one
    JSON array, unpacked by the server: psycopg dumps a list element by element in Python
    (the text format after a regular-expression search of each), which cost the import more
    client time than the server takes to answer (bench/bench_sync.py); typed so that an empty
    list is one too."""
    if all(type(value) is str for value in values):
        return TEXT_LIST, orjson.dumps(list(values)).decode()
    if all(type(value) is int for value in values):
        return INTEGER_LIST, orjson.dumps(list(values)).decode()
    return "= ANY(?)", list(values)


TEXT_LIST = "= ANY(ARRAY(SELECT json_array_elements_text(CAST(? AS JSON))))"
INTEGER_LIST = "= ANY(ARRAY(SELECT CAST(json_array_elements_text(CAST(? AS JSON)) AS BIGINT)))"


def json_list(values: Sequence[Any]) -> str:
    """The value `TEXT_LIST` or `INTEGER_LIST` binds."""
    return orjson.dumps(list(values)).decode()


def analyse_if_unknown(connection: Connection, table: str, columns: Sequence[str] = ()) -> None:
    """ANALYZE `table` when the planner knows nothing of its rows (never analysed, or empty
    when it was): a new coordination's first import. Without statistics the planner guesses
    200 distinct values per column, so a look-up of 90 entity ids `= ANY(...)` reads the whole
    table instead of its index, and a statement prepared meanwhile keeps that plan: every
    bundle then pays a scan of every event stored before it (bench/bench_sync.py).

    `columns`: only those the import's look-ups filter on, a third of the time of every
    column (sorting each one's sample); the others are left to autovacuum, which still sees
    the table as never analysed in full (a partial ANALYZE does not reset its count)."""
    cursor = connection.connection.cursor()
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = CAST(%s AS regclass)", (table,))
    found = cursor.fetchone()
    if found is not None and found[0] is not None and found[0] <= 0:
        cursor.execute(f"ANALYZE {table}" + (f" ({', '.join(columns)})" if columns else ""))


def has_table(connection: Connection, name: str) -> bool:
    found = connection.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar()
    return found is not None


def before_migrations(connection: Connection) -> None:
    """Two coordinators starting at once on a new server: the second waits for the first's
    migrations (session lock: Alembic commits as it goes)."""
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITE_LOCK})
    connection.commit()


def check_migrated(connection: Connection) -> None:
    """PostgreSQL checks foreign keys on every statement: nothing left to check."""


def after_migrations(connection: Connection) -> None:
    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITE_LOCK})
    connection.commit()


# --- what the reports say differently (reports/queries.py) -------------------------------------


def index_hint(index: str) -> str:
    """PostgreSQL has no index hints: its planner chooses from the statistics."""
    return ""


def full_scan_hint() -> str:
    return ""


def days_between(later: str, earlier: str) -> str:
    """Whole days from one ISO day column to another (a date difference is an integer)."""
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


def prepare_reading(connection: Connection) -> None:
    """Nothing to set: the server's memory settings are the administrator's."""


def end_reading(connection: Connection) -> None:
    """Nothing was set."""


def prepare_import(connection: Connection) -> None:
    """Nothing to set: the server's memory settings are the administrator's."""


def end_import(connection: Connection) -> None:
    """Nothing was set."""
