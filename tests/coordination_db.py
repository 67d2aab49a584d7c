"""The coordination's database for the tests that run on both SQLite and PostgreSQL.

PostgreSQL comes from SPRO_TEST_POSTGRES_URL (`.ci/run` starts a throwaway server with
scripts/test_postgres.sh and sets it). Each database opened here is a new PostgreSQL database
with a random name, dropped at the end of the test: tests can run in parallel on one server.
Without the URL the PostgreSQL variants skip — except in CI (CI=1), where they fail, so that a
broken PostgreSQL set-up cannot pass for green.
"""

from __future__ import annotations

import atexit
import os
import secrets
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from spro_desk.storage.engine import Database

URL_VARIABLE = "SPRO_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")
# Made by a migration on PostgreSQL only, not declared in the models (migrations 0016, 0017).
SERVER_ONLY_INDEXES = ("ix_merged_contact_desk_day", "ix_merged_contact_day_cover")
# Declared in the models, dropped on PostgreSQL by migration 0017 (SQLite's breakdown order).
SQLITE_ONLY_INDEXES = (
    "ix_merged_contact_day_desk",
    "ix_merged_contact_profile",
    "ix_merged_contact_commune",
    "ix_merged_contact_desk_canal",
    "ix_merged_contact_codes",
)


def server_url() -> str:
    """The test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get(URL_VARIABLE)
    if url:
        return url
    message = f"{URL_VARIABLE} absent : pas de serveur PostgreSQL pour ce test"
    if os.environ.get("CI"):
        pytest.fail(message + " (obligatoire en CI : scripts/test_postgres.sh)")
    pytest.skip(message)


def _admin(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    plain = make_url(url).set(drivername="postgresql")
    return psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True)


_templates: dict[str, str] = {}


def _url_of(base: str, name: str) -> str:
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def _migrated_template(base: str) -> str:
    """A database migrated to head by the app, kept for this process (dropped at its exit)."""
    if base in _templates:
        return _templates[base]
    name = f"spro_template_{secrets.token_hex(6)}"
    with _admin(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    Database(Path("unused.sqlite"), url=_url_of(base, name)).close()  # closes every connection
    _templates[base] = name
    atexit.register(_drop, base, name)
    return name


def _drop(base: str, name: str) -> None:
    with _admin(base) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Coordinations:
    """Opens coordination databases on one backend; drops the server's ones at the end."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.base = server_url() if backend == "postgresql" else None
        self.created: list[str] = []
        self.opened: list[Database] = []

    def new_url(self, *, empty: bool = False) -> str:
        """A new database on the server (its URL), dropped at the end of the test: a copy of
        one migrated once per test process (migrating each would cost seconds), or `empty`."""
        assert self.base is not None
        name = f"spro_test_{secrets.token_hex(6)}"
        template = "" if empty else f' TEMPLATE "{_migrated_template(self.base)}"'
        with _admin(self.base) as admin:
            admin.execute(f'CREATE DATABASE "{name}"{template}')
        self.created.append(name)
        return _url_of(self.base, name)

    def open(self, path: Path, *, url: str | None = None) -> Database:
        """A coordination database: the SQLite file `path`, or a new server database (a URL
        given opens that one again). `path` names the data folder's file either way."""
        if self.backend == "sqlite":
            db = Database(path)
        else:
            db = Database(path, url=url or self.new_url())
        self.opened.append(db)
        return db

    def close(self) -> None:
        for db in self.opened:
            db.close()
        if self.base is None or not self.created:
            return
        with _admin(self.base) as admin:
            for name in self.created:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


REPORTED_TABLES = (
    "registered_desk", "received_bundle", "merged_desk", "merged_tombstone", "merged_contact",
    "merged_referral", "indicator_summary",
)  # fmt: skip


def copy_reported_tables(source: Database, target: Database) -> None:
    """What the indicators read, copied row for row from one coordination to another (a
    region generated in SQLite by spro_desk_dev.synthetic, then put on the server)."""
    from sqlmodel import SQLModel

    import spro_desk.storage.coordination_tables  # noqa: F401  (registered_desk, received_bundle)

    with source.engine.connect() as reading, target.engine.begin() as writing:
        for name in REPORTED_TABLES:
            table = SQLModel.metadata.tables[name]
            rows = [dict(row._mapping) for row in reading.execute(table.select())]
            writing.execute(table.delete())
            if rows:
                writing.execute(table.insert(), rows)


def model_differences(db: Database) -> list[object]:
    """What Alembic's autogenerate finds between `db`'s migrated schema and the table models
    (desk and coordination): a model change without its migration shows up here."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    # The coordination's and the directory's table classes, apart from storage.tables.
    from spro_desk.storage import coordination_tables, directory_tables  # noqa: F401

    elsewhere = SERVER_ONLY_INDEXES + (() if db.is_sqlite else SQLITE_ONLY_INDEXES)

    def for_this_database(item: object, name: object, kind: str, *_: object) -> bool:
        return not (kind == "index" and name in elsewhere)

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": for_this_database})
        differences = compare_metadata(context, SQLModel.metadata)
    return [d for d in differences if "service_fts" not in str(d)]
