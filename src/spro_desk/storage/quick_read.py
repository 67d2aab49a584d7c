"""What the window needs for its first paint, read with the sqlite3 module alone.

The database layer (SQLAlchemy, SQLModel, the migrations) takes about half a second to import,
longer than Qt itself. The window is drawn first from these few values — the desk's language,
default channel and permanence places, whether a directory is loaded — while the database opens
in the background (ui/common/startup.py). Read-only and forgiving: any problem answers
"nothing known", and the real opening then reports it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StartupSnapshot:
    settings: dict[str, Any] = field(default_factory=dict)  # setting key → value
    has_directory: bool = False
    # The desk's active accounts (id, name), as the lock screen lists them: a desk with
    # accounts opens on its lock screen, shown before the database layer is loaded. Account
    # names only (an agent, never a person received); nothing sealed is read here.
    agents: tuple[tuple[str, str], ...] = ()


def read_startup_snapshot(path: Path, keys: Iterable[str]) -> StartupSnapshot:
    if not path.is_file():
        return StartupSnapshot()
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return StartupSnapshot()
    try:
        settings = _settings(connection, tuple(keys))
        has_directory = _has_directory(connection)
        return StartupSnapshot(settings, has_directory, _agents_or_none(connection))
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return StartupSnapshot()
    finally:
        connection.close()


def _settings(connection: sqlite3.Connection, keys: tuple[str, ...]) -> dict[str, Any]:
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    rows = connection.execute(f"SELECT key, value FROM setting WHERE key IN ({marks})", keys)
    return {key: json.loads(value)["v"] for key, value in rows}


# As agents.accounts.list_agents orders them (SQLite's lower() folds ASCII only, alike).
AGENTS_QUERY = "SELECT id, nom FROM agent WHERE disabled_at IS NULL ORDER BY lower(nom)"


def _agents_or_none(connection: sqlite3.Connection) -> tuple[tuple[str, str], ...]:
    try:
        return tuple((str(id_), str(nom)) for id_, nom in connection.execute(AGENTS_QUERY))
    except sqlite3.Error:  # a database older than the accounts: the opening migrates it
        return ()


def _has_directory(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT EXISTS (SELECT 1 FROM service)").fetchone()[0] == 1


# A new database holds no setting (site, language, identity…), no contact and no directory.
CONFIGURED_QUERY = (
    "SELECT EXISTS (SELECT 1 FROM setting) OR EXISTS (SELECT 1 FROM contact)"
    " OR EXISTS (SELECT 1 FROM service)"
)


def database_looks_new(path: Path) -> bool:
    """Nothing set up or recorded in the database yet (read-only sqlite3, no migration)."""
    if not path.is_file():
        return True
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return False  # the real opening explains what is wrong with it
    try:
        return not connection.execute(CONFIGURED_QUERY).fetchone()[0]
    except sqlite3.Error:
        return True  # an empty file, or no table yet: nothing configured
    finally:
        connection.close()
