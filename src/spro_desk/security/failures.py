"""The wrong-code counter of each account, kept beside the keys (`privacy/<database>.echecs`).

The database keeps a copy for display, but the waits are counted from this file: one SQL
`UPDATE agent SET failed_attempts = 0` does not give an attacker at the keyboard five fresh
tries, and the time of the last failure is kept so that a clock set back does not end a wait.
Only a right code resets it.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Protocol

from spro_desk.security.files import locked, privacy_folder, write_whole

SUFFIX = ".echecs"


class Database(Protocol):
    """What the counter needs of a database: its file (an open `storage.engine.Database`, or
    the lock screen's check made before the database layer is loaded)."""

    @property
    def path(self) -> Path: ...


def _path(db: Database) -> Path:
    return privacy_folder(db.path) / f"{db.path.name}{SUFFIX}"


def _load(db: Database) -> dict[str, dict[str, object]]:
    try:
        return json.loads(_path(db).read_bytes())
    except (FileNotFoundError, ValueError):
        return {}


def read(db: Database, agent_id: str) -> tuple[int, datetime | None]:
    entry = _load(db).get(agent_id)
    if not entry:
        return 0, None
    return int(entry["n"]), datetime.fromisoformat(str(entry["last"]))  # type: ignore[call-overload]


def record_failure(db: Database, agent_id: str, known: int, now: datetime) -> int:
    """One more wrong code; the count (never lower than what the database knew)."""
    with locked(_path(db)):
        counts = _load(db)
        count, last = read(db, agent_id)
        count = max(count, known) + 1
        latest = max(last, now) if last is not None else now
        counts[agent_id] = {"n": count, "last": latest.isoformat()}
        write_whole(_path(db), json.dumps(counts).encode())
    return count


def reset(db: Database, agent_id: str) -> None:
    with locked(_path(db)):
        counts = _load(db)
        if counts.pop(agent_id, None) is not None:
            write_whole(_path(db), json.dumps(counts).encode())
