"""The lock screen's code check while the database layer is still loading at start.

A desk in service opens on its lock screen before SQLAlchemy and SQLModel are imported
(ui/common/startup.py): about a second on this machine. The agent's code is checked meanwhile
with the sqlite3 module and the same rules and cryptography as the sign-in through the
database layer (`agents.code_check`: Argon2id, the wrapped key, the grants; the wrong-code
counter beside the keys, `security.failures`). What that sign-in also writes through the
database layer — the counter's copy in the `agent` row, a re-wrap at today's cost, the access
log's entry — is done once the layer is attached (`DeskSession.adopt`, `record_early`), with
the time of the attempt. Nothing sealed is read here: only the agent's row and the key records.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from spro_desk.agents.code_check import (
    AccountRow,
    AgentError,
    AgentView,
    checked,
    outdated,
    refusal_if_unusable,
    too_short,
    view,
    wrong_code,
)
from spro_desk.security import failures
from spro_desk.security.grant_records import DESK_KEY_RECORD, GRANTS_RECORD, RETIRED_KEYS_RECORD
from spro_desk.storage.revisions import head_revision

ACCOUNT_QUERY = (
    "SELECT id, nom, role, secret_kind, secret_hash, kek_salt, kek_cost, wrapped_key,"
    " created_at, disabled_at, failed_attempts, blocked_until FROM agent WHERE id = ?"
)


class NotReady(Exception):
    """This code is for the database layer to check (schema to migrate, unknown account, a
    file sqlite3 cannot read): the lock screen waits for it, as before."""


@dataclass(frozen=True)
class EarlyOpened:
    agent: AgentView
    privates: list[X25519PrivateKey]  # the desk keys this account may use
    must_change_secret: bool
    at: datetime
    # The code, kept until the layer is attached only when the account's wrap is outdated
    # (re-wrapped at today's cost, as the sign-in does while the secret is at hand).
    secret_to_rewrap: str | None = None


class EarlyRefused(AgentError):
    """A code refused before the database layer was attached; `failures`: the counter after
    a wrong code (None: refused without trying it, a disabled or waiting account)."""

    def __init__(self, message: str, agent_id: str, at: datetime, failures: int | None) -> None:
        super().__init__(message)
        self.agent_id, self.at, self.failures = agent_id, at, failures


@dataclass(frozen=True)
class DatabaseFile:
    """The desk's database by its path, for the counter beside the keys."""

    path: Path


class _SqliteKeys:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def _record(self, key: str) -> dict[str, Any] | None:
        row = self._connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row is not None else None

    def has_desk_key(self) -> bool:
        return self._record(DESK_KEY_RECORD) is not None

    def grants(self) -> dict[str, Any]:
        return self._record(GRANTS_RECORD) or {}

    def known_key_ids(self) -> list[str]:
        current = self._record(DESK_KEY_RECORD)
        retired = self._record(RETIRED_KEYS_RECORD) or {"keys": []}
        ids = [current["key_id"]] if current else []
        return ids + [entry["key_id"] for entry in reversed(retired["keys"])]


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _account(connection: sqlite3.Connection, agent_id: str) -> AccountRow:
    found = connection.execute(ACCOUNT_QUERY, (agent_id,)).fetchone()
    if found is None:
        raise NotReady("unknown account")
    id_, nom, role, kind, hashed, salt, cost, wrapped, created, disabled, failed, until = found
    return AccountRow(
        id=id_,
        nom=nom,
        role=role,
        secret_kind=kind,
        secret_hash=hashed,
        kek_salt=salt,
        kek_cost=json.loads(cost),
        wrapped_key=wrapped,
        created_at=datetime.fromisoformat(created),
        disabled_at=_moment(disabled),
        failed_attempts=int(failed or 0),
        blocked_until=_moment(until),
    )


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The database at the shipped schema, read-only; NotReady for anything else."""
    if not path.is_file():
        raise NotReady("no database")
    try:
        with closing(
            sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5.0)
        ) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != head_revision():
                raise NotReady("schema to migrate")
            yield connection
    except sqlite3.Error as error:
        raise NotReady(type(error).__name__) from error


def open_account_early(
    path: Path, agent_id: str, secret: str, *, now: datetime | None = None
) -> EarlyOpened:
    """As `accounts.open_account`, before the database layer is loaded: EarlyOpened, or
    EarlyRefused (the counter beside the keys counted the wrong code), or NotReady."""
    moment = now if now is not None else datetime.now(UTC)
    counter = DatabaseFile(path)
    with _read_only(path) as connection:
        row = _account(connection, agent_id)
        try:
            refusal_if_unusable(row, failures.read(counter, row.id), moment)
            privates = checked(_SqliteKeys(connection), row, secret)
        except AgentError as error:
            raise EarlyRefused(str(error), agent_id, moment, None) from None
    if privates is None:
        count = failures.record_failure(counter, agent_id, row.failed_attempts, moment)
        raise EarlyRefused(str(wrong_code()), agent_id, moment, count)
    failures.reset(counter, agent_id)
    kept = secret if outdated(row) else None
    return EarlyOpened(view(row), privates, too_short(secret), moment, kept)
