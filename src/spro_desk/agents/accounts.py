"""Agents' accounts: a name, a role, and a PIN or password stored as an Argon2id hash.

An account whose role reads personal data also holds the desk's private key, wrapped under a
key derived from its secret (`spro_desk.security.crypto`): the secret both proves who is at the
desk and opens the personal data. Forgetting it loses nothing as long as another such account
or the OS keyring holds the key; the only one forgetting it makes personal data unreadable,
by design.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlmodel import Session, col, func, select

from spro_desk.agents.code_check import (
    AGENT_KEY_VERSION,
    DEFAULT_COST,
    AgentError,
    AgentView,
    agent_key_context,
    block_after,
    checked,
    hasher,
    outdated,
    refusal_if_unusable,
    too_short,
    view,
    wrong_code,
)
from spro_desk.security import crypto, failures, grants
from spro_desk.security.keys import known_key_ids, vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Agent

NAME_MAX_CHARS = 60
SALT_BYTES = 16


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _checked_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise AgentError("Indiquez le nom de l'agent.")
    if len(clean) > NAME_MAX_CHARS or not clean.isprintable():
        raise AgentError(
            f"Le nom de l'agent : {NAME_MAX_CHARS} caractères au plus, sans saut de ligne."
        )
    return clean


# --- reading -----------------------------------------------------------------------------------


def has_agents(db: Database) -> bool:
    """Whether the desk has an active account (then every access to personal data needs one)."""
    with db.session() as session:
        row = session.exec(select(Agent.id).where(col(Agent.disabled_at).is_(None)).limit(1))
        return row.first() is not None


def list_agents(db: Database, *, include_disabled: bool = False) -> list[AgentView]:
    query = select(Agent).order_by(func.lower(Agent.nom))
    if not include_disabled:
        query = query.where(col(Agent.disabled_at).is_(None))
    with db.session() as session:
        return [view(row) for row in session.exec(query).all()]


def get_agent(db: Database, agent_id: str) -> AgentView:
    with db.session() as session:
        return view(_existing(session, agent_id))


def _existing(session: Session, agent_id: str) -> Agent:
    row = session.get(Agent, agent_id)
    if row is None:
        raise AgentError("Cet agent n'existe pas sur ce poste.")
    return row


# --- creating ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wrapped:
    salt: bytes
    wrapped: bytes
    public: X25519PublicKey
    desk_keys: list[X25519PrivateKey]


def _wrap_for(db: Database, agent_id: str, secret: str, cost: crypto.KdfCost) -> _Wrapped:
    """A key pair of the agent's own, its private half wrapped under the secret; the desk keys
    to seal to it (the desk must be unlocked, or new: the key is created)."""
    vault(db).public()
    vault(db).private()
    own = X25519PrivateKey.generate()
    salt = os.urandom(SALT_BYTES)
    kek = crypto.derive_kek(secret, salt, cost)
    wrapped = crypto.wrap(kek, own.private_bytes_raw(), agent_key_context(agent_id))
    return _Wrapped(salt, wrapped, own.public_key(), vault(db).privates())


def _cost_record(cost: crypto.KdfCost) -> dict[str, int]:
    # "v": 2 — the wrap holds the agent's own key (desk keys are granted to it), not a desk key.
    return cost.as_json() | {"v": AGENT_KEY_VERSION}


# --- opening -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    agent: AgentView
    privates: list[X25519PrivateKey]  # the desk keys this account may use
    must_change_secret: bool = False  # the code is shorter than today's rules allow


class _DatabaseKeys:
    """The key records, read through the database layer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def has_desk_key(self) -> bool:
        return vault(self._db).existing_public() is not None

    def grants(self) -> dict[str, Any]:
        return grants.granted_record(self._db)

    def known_key_ids(self) -> list[str]:
        return known_key_ids(self._db)


def record_failure_copy(db: Database, agent_id: str, count: int, now: datetime) -> None:
    """The database's copy of the wrong-code counter (for display; the waits are counted from
    the file beside the keys, `security.failures`)."""
    with db.transaction() as session:
        row = _existing(session, agent_id)
        row.failed_attempts = max(count, row.failed_attempts)
        block = block_after(row.failed_attempts)
        row.blocked_until = now + block if block else None
        session.add(row)


def _record_failure(db: Database, agent_id: str, now: datetime) -> None:
    with db.transaction() as session:
        known = _existing(session, agent_id).failed_attempts
    record_failure_copy(db, agent_id, failures.record_failure(db, agent_id, known, now), now)


def record_success_copy(db: Database, agent_id: str) -> None:
    with db.transaction() as session:
        row = _existing(session, agent_id)
        if row.failed_attempts or row.blocked_until:
            row.failed_attempts, row.blocked_until = 0, None
            session.add(row)


def _record_success(db: Database, agent_id: str) -> None:
    failures.reset(db, agent_id)
    record_success_copy(db, agent_id)


def rewrap_if_outdated(
    db: Database, agent_id: str, secret: str, privates: list[X25519PrivateKey]
) -> None:
    with db.session() as session:
        row = _existing(session, agent_id)
    if outdated(row):
        _rewrap(db, row, secret, privates)


def _rewrap(db: Database, row: Agent, secret: str, privates: list[X25519PrivateKey]) -> None:
    own = X25519PrivateKey.generate()
    salt = os.urandom(SALT_BYTES)
    kek = crypto.derive_kek(secret, salt, DEFAULT_COST)
    wrapped = crypto.wrap(kek, own.private_bytes_raw(), agent_key_context(row.id))
    with db.transaction() as session:
        current = _existing(session, row.id)
        current.secret_hash = hasher(DEFAULT_COST).hash(secret)
        current.kek_cost = _cost_record(DEFAULT_COST)
        if current.wrapped_key is not None:
            current.kek_salt, current.wrapped_key = salt, wrapped
            grants.grant(session.connection(), row.id, own.public_key(), privates)
        session.add(current)


def open_account(
    db: Database, agent_id: str, secret: str, *, now: datetime | None = None
) -> Opened:
    """Check the secret (with growing waits after repeated failures) and unwrap the key."""
    moment = _now(now)
    with db.session() as session:
        row = _existing(session, agent_id)
    refusal_if_unusable(row, failures.read(db, row.id), moment)
    privates = checked(_DatabaseKeys(db), row, secret)
    if privates is None:
        _record_failure(db, agent_id, moment)
        raise wrong_code()
    _record_success(db, agent_id)
    if outdated(row):
        _rewrap(db, row, secret, privates)
    return Opened(view(row), privates, too_short(secret))
