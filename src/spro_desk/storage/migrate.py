"""Apply the Alembic migrations shipped in the package; refuse a database from the future."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from spro_desk.storage.dialects import postgresql, sqlite
from spro_desk.storage.revisions import SHIPPED_REVISIONS as SHIPPED_REVISIONS
from spro_desk.storage.revisions import head_revision as head_revision

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer SPRO Desk: opening it could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            "Cette base de données a été créée par une version plus récente de SPRO Desk "
            f"(schéma « {revision} »). Installez la dernière version de SPRO Desk pour l'ouvrir ; "
            "aucune donnée n'a été modifiée."
        )
        self.revision = revision


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_revisions() -> list[str]:
    """The revisions of the migration scripts, oldest first (read by Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _dialect(engine: Engine) -> ModuleType:
    return postgresql if engine.dialect.name == postgresql.NAME else sqlite


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not _dialect(engine).has_table(connection, "alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def backup_before_migration(path: Path, revision: str) -> Path:
    """Copy the database (SQLite online backup) next to it before its schema changes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"avant-migration-{revision}-{stamp}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    copy.close()
    return target


def upgrade_to_head(engine: Engine, path: Path | None) -> None:
    """`path`: the SQLite file, copied before its schema changes; None on a server, whose
    backups are its administrator's (pg_dump)."""
    current = current_revision(engine)
    if current is not None and current not in SHIPPED_REVISIONS:
        raise NewerDatabaseError(current)
    if current == head_revision():
        return
    if current is not None and path is not None:
        backup_before_migration(path, current)
    from alembic import command

    config = alembic_config()
    dialect = _dialect(engine)
    with engine.connect() as connection:
        dialect.before_migrations(connection)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                dialect.check_migrated(connection)
        finally:
            dialect.after_migrations(connection)
