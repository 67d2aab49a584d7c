"""Who holds which desk key, and the rotation when an agent leaves.

Each account that reads personal data has its own X25519 key pair: the private half wrapped
under its code (Argon2id, `agents.accounts`), the public half here, in the `GRANTS_RECORD`,
with every desk key the agent may use sealed to it. Giving the desk keys to an agent needs the
desk unlocked; *rotating* does not: a new desk key is sealed to the public keys of the agents
who stay, so a site manager disabling an account never needs the others' codes.

After the rotation everything recorded is sealed to the new key (person keys included): the
disabled agent's code, even tried on an old copy of the database, opens at most the keys that
existed while the account was active.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, text

from spro_desk.security import crypto
from spro_desk.security.grant_records import grant_context as _context
from spro_desk.security.grant_records import open_granted_record
from spro_desk.security.keys import (
    DESK_KEY_RECORD,
    GRANTS_RECORD,
    RETIRED_KEYS_RECORD,
    keyring_store,
    os_keyring,
    vault,
)
from spro_desk.storage.engine import Database


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _read(connection: Connection, key: str) -> dict[str, Any] | None:
    value = connection.execute(
        text("SELECT value FROM setting WHERE key = :k"), {"k": key}
    ).scalar()
    if value is None:
        return None
    return json.loads(value) if isinstance(value, str) else dict(value)


def _write(connection: Connection, key: str, value: dict[str, Any]) -> None:
    connection.execute(
        text(
            "INSERT INTO setting (key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": json.dumps(value)},
    )


def grant(
    connection: Connection,
    agent_id: str,
    agent_public: X25519PublicKey,
    privates: Iterable[X25519PrivateKey],
) -> None:
    """Seal these desk keys to the agent (in the caller's transaction)."""
    grants = _read(connection, GRANTS_RECORD) or {}
    sealed: dict[str, str] = {}
    for private in privates:
        key_hex = crypto.key_id(private.public_key()).hex()
        envelope = crypto.seal(
            agent_public, private.private_bytes_raw(), _context(agent_id, key_hex)
        )
        sealed[key_hex] = _b64(envelope)
    grants[agent_id] = {"public": _b64(agent_public.public_bytes_raw()), "desk": sealed}
    _write(connection, GRANTS_RECORD, grants)


def revoke(connection: Connection, agent_id: str) -> None:
    grants = _read(connection, GRANTS_RECORD) or {}
    if grants.pop(agent_id, None) is not None:
        _write(connection, GRANTS_RECORD, grants)


def is_granted(db: Database, agent_id: str) -> bool:
    with db.engine.connect() as connection:
        return agent_id in (_read(connection, GRANTS_RECORD) or {})


def granted_record(db: Database) -> dict[str, Any]:
    with db.engine.connect() as connection:
        return _read(connection, GRANTS_RECORD) or {}


def open_granted(
    db: Database, agent_id: str, agent_private: X25519PrivateKey
) -> list[X25519PrivateKey]:
    """The desk keys sealed to this agent, opened with the agent's private key."""
    return open_granted_record(granted_record(db), agent_id, agent_private)


def rotate(connection: Connection, db: Database, now: datetime | None = None) -> str:
    """A new current desk key, sealed to every agent still granted (in the caller's
    transaction); the old key is retired. Returns the new key's id."""
    private = X25519PrivateKey.generate()
    public = private.public_key()
    key_hex = crypto.key_id(public).hex()
    moment = (now or datetime.now(UTC)).isoformat()
    if os_keyring() is not None:
        keyring_store(key_hex, private)
    grants = _read(connection, GRANTS_RECORD) or {}
    for agent_id, held in grants.items():
        agent_public = crypto.public_from_bytes(base64.b64decode(held["public"]))
        envelope = crypto.seal(
            agent_public, private.private_bytes_raw(), _context(agent_id, key_hex)
        )
        held["desk"][key_hex] = _b64(envelope)
    old = _read(connection, DESK_KEY_RECORD)
    retired = _read(connection, RETIRED_KEYS_RECORD) or {"keys": []}
    if old is not None:
        retired["keys"].append(old | {"retired_at": moment})
    _write(connection, GRANTS_RECORD, grants)
    _write(connection, RETIRED_KEYS_RECORD, retired)
    record = {"key_id": key_hex, "public": _b64(public.public_bytes_raw()), "created_at": moment}
    _write(connection, DESK_KEY_RECORD, record)
    vault(db).adopt(private)
    return key_hex
