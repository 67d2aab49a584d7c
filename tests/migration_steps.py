"""Alembic steps on a test database file, as the app migrates (foreign keys off)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic.config import Config

from spro_desk.storage.engine import make_engine
from spro_desk.storage.migrate import alembic_config


def migrate(path: Path, step: Callable[[Config, str], None], revision: str) -> None:
    """Alembic's upgrade or downgrade to `revision`, foreign keys off as the app migrates."""
    engine = make_engine(path)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            step(config, revision)
    engine.dispose()
