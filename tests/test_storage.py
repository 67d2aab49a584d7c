"""The desk database: durable settings, migrations, refusal of a newer schema, data folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coordination_db import model_differences
from spro_desk.contacts.service import ContactService
from spro_desk.directory.catalog import directory_info
from spro_desk.paths import ensure_private_dir, resolve_data_dir
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import (
    NewerDatabaseError,
    backup_before_migration,
    current_revision,
    head_revision,
)

from conftest import DATA

SCHEMAS = DATA / "schemas"


def test_connections_are_durable(db: Database) -> None:
    with db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1


def test_a_new_database_is_at_the_head_revision(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()


@pytest.mark.parametrize("fixture", sorted(SCHEMAS.glob("desk-*.sqlite")), ids=lambda p: p.stem)
def test_every_past_schema_upgrades_and_keeps_its_data(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "desk.sqlite"
    shutil.copy(fixture, copy)
    database = Database(copy)
    assert current_revision(database.engine) == head_revision()
    [contact] = ContactService(database).list()
    assert contact.statut == "scolaire" and len(contact.referrals) == 1
    assert directory_info(database).structures == 3
    database.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    Database(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="version plus récente"):
        Database(path)
    assert path.read_bytes() == before


def test_backup_before_migration_is_a_readable_copy(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    shutil.copy(SCHEMAS / "desk-0001.sqlite", path)
    backup = backup_before_migration(path, "0001")
    assert backup.parent == tmp_path / "backups" and backup.name.startswith("avant-migration-0001-")
    with sqlite3.connect(backup) as raw:
        assert raw.execute("SELECT COUNT(*) FROM contact").fetchone() == (1,)


def test_data_dir_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPRO_DESK_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "from-cli") == tmp_path / "from-cli"
    monkeypatch.delenv("SPRO_DESK_DATA_DIR")
    assert "spro-desk" in str(resolve_data_dir(None))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_dir_is_private(tmp_path: Path) -> None:
    folder = ensure_private_dir(tmp_path / "desk")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_migrations_and_table_models_agree(db: Database) -> None:
    """A model change without its Alembic migration would show up here."""
    assert model_differences(db) == []


def test_the_shipped_revision_list_matches_the_migration_scripts() -> None:
    from spro_desk.storage.migrate import SHIPPED_REVISIONS, script_revisions

    assert list(SHIPPED_REVISIONS) == script_revisions()


def test_a_desk_never_loads_the_postgresql_dialect() -> None:
    """A dialect's options on a model (e.g. postgresql_include) load that dialect's modules:
    ~90 ms on every desk's start, before its database is attached."""
    code = (
        "import sys, spro_desk.contacts.service, spro_desk.storage.engine; "
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
