"""The desk's key pair for personal data, and where its private half is kept.

- The public half is in the database (`setting` record `privacy.desk_key`): anything may seal.
- The private half is never in the database in clear. It is wrapped under each agent's secret
  (see `spro_desk.agents.accounts`), and also kept in the OS keyring where one exists
  (Windows Credential Manager, macOS Keychain, Secret Service): then the desk opens it without
  a PIN, as safely as the OS session is.
- Before any agent exists and without a keyring (a fresh desk, an old database just migrated,
  the command line on a new machine), it waits in a *provisional key file* readable by the
  OS user only, next to the database, never inside it or its backups. Creating the first agent
  wraps the key and shreds that file.

A `KeyVault` per open database holds the private key in memory while the desk is unlocked.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import text

from spro_desk.security import crypto
from spro_desk.security.files import wipe, write_whole
from spro_desk.security.grant_records import DESK_KEY_RECORD as DESK_KEY_RECORD
from spro_desk.security.grant_records import GRANTS_RECORD as GRANTS_RECORD
from spro_desk.security.grant_records import RETIRED_KEYS_RECORD as RETIRED_KEYS_RECORD
from spro_desk.storage.engine import Database, one_per_database
from spro_desk.storage.records import read_record

log = logging.getLogger(__name__)

KEYRING_SERVICE = "SPRO Desk"
# Set to 0 to keep the key out of the OS keyring (a Windows session shared by several people).
KEYRING_ENV = "SPRO_DESK_KEYRING"
PRIVACY_DIR = "privacy"


class PersonalDataLocked(RuntimeError):
    """The private key is not in memory: an agent must unlock the desk first."""

    def __init__(self) -> None:
        super().__init__(
            "Les données personnelles sont verrouillées : un agent doit se connecter avec son "
            "code pour les afficher."
        )


@dataclass(frozen=True)
class DeskPublicKey:
    key_id: str  # hex of crypto.key_id
    public: X25519PublicKey


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text_value: str) -> bytes:
    return base64.b64decode(text_value.encode("ascii"), validate=True)


# --- the OS keyring (optional) ----------------------------------------------------------------


def os_keyring() -> Any | None:
    """The OS keyring backend, or None where there is none (headless Linux, disabled)."""
    if os.environ.get(KEYRING_ENV, "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        usable = not isinstance(backend, fail.Keyring) and float(backend.priority) > 0
    except Exception:  # a broken D-Bus or registry: no keyring rather than no desk
        log.warning("OS keyring unusable", exc_info=True)
        return None
    return backend if usable else None


def _keyring_user(key_id: str) -> str:
    return f"cle-donnees-personnelles-{key_id}"


def keyring_store(key_id: str, private: X25519PrivateKey) -> bool:
    """Best effort: 44 characters, far below every keyring's size limit (2.5 KB on Windows)."""
    backend = os_keyring()
    if backend is None:
        return False
    try:
        secret = _b64(private.private_bytes_raw())
        backend.set_password(KEYRING_SERVICE, _keyring_user(key_id), secret)
    except Exception:
        log.warning("Cannot store the desk key in the OS keyring", exc_info=True)
        return False
    return True


def keyring_load(key_id: str) -> X25519PrivateKey | None:
    backend = os_keyring()
    if backend is None:
        return None
    try:
        stored = backend.get_password(KEYRING_SERVICE, _keyring_user(key_id))
        return crypto.private_from_bytes(_unb64(stored)) if stored else None
    except Exception:
        log.warning("Cannot read the desk key from the OS keyring", exc_info=True)
        return None


# --- the provisional key file ------------------------------------------------------------------


def provisional_key_path(db_path: Path, key_id: str) -> Path:
    return db_path.parent / PRIVACY_DIR / f"{db_path.name}.cle-provisoire-{key_id}"


def _write_private_file(path: Path, data: bytes) -> None:
    """Durably, readable by the owner only; an existing file is never half-written."""
    write_whole(path, data)


# --- the desk key ------------------------------------------------------------------------------


def read_desk_key(db: Database) -> DeskPublicKey | None:
    with db.engine.connect() as connection:
        value = connection.execute(
            text("SELECT value FROM setting WHERE key = :key"), {"key": DESK_KEY_RECORD}
        ).scalar()
    if value is None:
        return None
    record = json.loads(value) if isinstance(value, str) else value
    return DeskPublicKey(record["key_id"], crypto.public_from_bytes(_unb64(record["public"])))


def new_desk_key(db_path: Path) -> tuple[dict[str, str], X25519PrivateKey]:
    """A new key pair and its record; the private half goes to the keyring or the provisional
    file *before* the record is written, so no row is ever sealed to a key nobody holds."""
    private = X25519PrivateKey.generate()
    public = private.public_key()
    key_hex = crypto.key_id(public).hex()
    if not keyring_store(key_hex, private):
        _write_private_file(provisional_key_path(db_path, key_hex), private.private_bytes_raw())
    record = {
        "key_id": key_hex,
        "public": _b64(public.public_bytes_raw()),
        "created_at": datetime.now(UTC).isoformat(),
    }
    return record, private


def create_desk_key(db: Database) -> tuple[DeskPublicKey, X25519PrivateKey]:
    """Two processes racing to create the desk key: the first one wins, the other's is shred."""
    record, private = new_desk_key(db.path)
    public, key_hex = private.public_key(), record["key_id"]
    with db.engine.begin() as connection:
        inserted = connection.execute(
            text("INSERT OR IGNORE INTO setting (key, value) VALUES (:key, :value)"),
            {"key": DESK_KEY_RECORD, "value": json.dumps(record)},
        ).rowcount
    if not inserted:  # another process created the desk key meanwhile: use it
        wipe(provisional_key_path(db.path, key_hex))
        existing = read_desk_key(db)
        assert existing is not None
        return existing, private  # private is not the desk's: callers re-read
    return DeskPublicKey(key_hex, public), private


def known_key_ids(db: Database) -> list[str]:
    """The current desk key's id first, then the retired ones, newest first."""
    current = read_desk_key(db)
    retired = read_record(db, RETIRED_KEYS_RECORD) or {"keys": []}
    ids = [current.key_id] if current else []
    return ids + [entry["key_id"] for entry in reversed(retired["keys"])]


def has_agent_wraps(db: Database) -> bool:
    """Whether an active agent holds the key: then no provisional file may remain."""
    with db.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT 1 FROM agent WHERE wrapped_key IS NOT NULL AND disabled_at IS NULL LIMIT 1"
            )
        ).first()
    return row is not None


class KeyVault:
    """The desk keys of one open database: the current one (new data is sealed to it) and the
    retired ones (older data), with their private halves while the desk is unlocked."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._privates: dict[str, X25519PrivateKey] = {}

    def existing_public(self) -> DeskPublicKey | None:
        # Read each time: another process (or this one) may have rotated the key since.
        return read_desk_key(self._db)

    def public(self) -> DeskPublicKey:
        """The desk's current public key, created with the first personal data ever recorded."""
        existing = self.existing_public()
        if existing is not None:
            return existing
        created, private = create_desk_key(self._db)
        current = read_desk_key(self._db) or created
        if current.key_id == created.key_id:
            self._privates[current.key_id] = private
        return current

    def is_unlocked(self) -> bool:
        return bool(self._privates)

    def private(self) -> X25519PrivateKey:
        """The current key's private half; from the keyring or the provisional file when there."""
        desk = self.existing_public()
        if desk is None:
            raise PersonalDataLocked()
        return self.private_for(desk.key_id)

    def private_for(self, key_hex: str) -> X25519PrivateKey:
        """The private half of this desk key (current or retired), or PersonalDataLocked."""
        found = self._privates.get(key_hex)
        if found is None:
            found = self._automatic_private(key_hex)
            if found is not None:
                self._privates[key_hex] = found
        if found is None:
            raise PersonalDataLocked()
        return found

    def privates(self) -> list[X25519PrivateKey]:
        """Every desk key held now (the current one first attempted from the keyring)."""
        with contextlib.suppress(PersonalDataLocked):
            self.private()
        return list(self._privates.values())

    def _automatic_private(self, key_hex: str) -> X25519PrivateKey | None:
        from_keyring = keyring_load(key_hex)
        if from_keyring is not None:
            return from_keyring
        path = provisional_key_path(self._db.path, key_hex)
        if not path.exists():
            return None
        if has_agent_wraps(self._db):
            wipe(path)  # left over by a crash right after the first agent was created
            return None
        return crypto.private_from_bytes(path.read_bytes())

    def unlock(self, *privates: X25519PrivateKey) -> None:
        known = known_key_ids(self._db)
        for private in privates:
            key_hex = crypto.key_id(private.public_key()).hex()
            if key_hex not in known:
                raise crypto.SealError("not this desk's key")
            self._privates[key_hex] = private

    def adopt(self, private: X25519PrivateKey) -> None:
        """A key this process just created (rotation): held without checking the record, which
        the creating transaction has not committed yet."""
        self._privates[crypto.key_id(private.public_key()).hex()] = private

    def lock(self) -> None:
        """Forget the private keys (Python cannot wipe memory; the objects are dropped)."""
        self._privates.clear()

    def forget_provisional_file(self) -> None:
        """Called once an agent holds the key: the provisional file must not outlive that."""
        for key_hex in known_key_ids(self._db):
            wipe(provisional_key_path(self._db.path, key_hex))


vault = one_per_database(KeyVault)  # the vault of this open database
