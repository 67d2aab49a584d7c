"""Privacy: agents' accounts, sealed personal data, erasure recorded on the consent.

Every clear personal row of an older database is sealed here, in the migration's transaction:
sealing needs only the desk's public key, created now if the desk has none (its private half
goes to the OS keyring or to the provisional key file, see spro_desk.security.keys). The clear
table is dropped with `secure_delete` on, so its pages are zeroed; the database is marked for a
`VACUUM` by the first purge when it ever held a consent (pages freed before this upgrade were
never zeroed), and the purge seals the clear rows of older backups (spro_desk.privacy.legacy).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

import base64
import hashlib
import json
import logging
import os
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

Text = sa.String


Moment = partial(sa.DateTime, timezone=True)  # what SQLModel's UTCDateTime renders as


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _setting(connection: sa.Connection, key: str) -> dict | None:
    value = connection.execute(
        sa.text("SELECT value FROM setting WHERE key = :key"), {"key": key}
    ).scalar()
    if value is None:
        return None
    return json.loads(value) if isinstance(value, str) else value


def _put_setting(connection: sa.Connection, key: str, value: dict) -> None:
    connection.execute(
        sa.text("INSERT OR REPLACE INTO setting (key, value) VALUES (:key, :value)"),
        {"key": key, "value": json.dumps(value)},
    )


def _desk_public(connection: sa.Connection, legacy_public: bytes | None) -> dict:
    """The desk key record: the existing one, the one a sealed backup names, or a new one."""
    record = _setting(connection, DESK_KEY_RECORD)
    if record is not None:
        return record
    if legacy_public is not None:
        public = crypto.public_from_bytes(legacy_public)
        record = {
            "key_id": crypto.key_id(public).hex(),
            "public": base64.b64encode(legacy_public).decode(),
            "created_at": datetime.now(UTC).isoformat(),
        }
    else:
        record, _private = new_desk_key(Path(connection.engine.url.database or ""))
    _put_setting(connection, DESK_KEY_RECORD, record)
    return record


def _sealed_rows(connection: sa.Connection) -> list[dict]:
    rows = connection.execute(
        sa.text("SELECT contact_id, consent_id, nom, telephone, courriel, note FROM personal_data")
    ).all()
    sealed = []
    for contact_id, consent_id, *values in rows:
        legacy = parse_legacy_note(values[3]) if not any(values[:3]) else None
        record = _desk_public(connection, legacy[0] if legacy else None)
        if legacy is not None:
            envelope = legacy[1]
        else:
            public = crypto.public_from_bytes(base64.b64decode(record["public"]))
            envelope = seal_values(public, contact_id, dict(zip(FIELDS, values, strict=True)))
        sealed.append(
            {
                "contact_id": contact_id,
                "consent_id": consent_id,
                "key_id": crypto.sealed_key_id(envelope).hex(),
                "sealed": envelope,
            }
        )
    return sealed


def upgrade() -> None:
    connection = op.get_bind()
    op.create_table(
        "agent",
        sa.Column("id", Text(), nullable=False),
        sa.Column("nom", sa.String(), nullable=False),
        sa.Column("role", Text(), nullable=False),
        sa.Column("secret_kind", Text(), nullable=False),
        sa.Column("secret_hash", Text(), nullable=False),
        sa.Column("kek_salt", sa.LargeBinary(), nullable=True),
        sa.Column("kek_cost", sa.JSON(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", Moment(), nullable=False),
        sa.Column("updated_at", Moment(), nullable=False),
        sa.Column("disabled_at", Moment(), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("blocked_until", Moment(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nom"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", Moment(), nullable=True))
        batch_op.add_column(sa.Column("erased_reason", Text(), nullable=True))

    # Zero what the clear table leaves behind (a per-connection flag, valid in a transaction).
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
    sealed = _sealed_rows(connection)
    op.create_table(
        "personal_data_sealed",
        sa.Column("contact_id", Text(), sa.ForeignKey("contact.id", ondelete="CASCADE")),
        sa.Column(
            "consent_id", Text(), sa.ForeignKey("consent.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("key_id", Text(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    if sealed:
        table = sa.table(
            "personal_data_sealed",
            sa.column("contact_id"),
            sa.column("consent_id"),
            sa.column("key_id"),
            sa.column("sealed", sa.LargeBinary()),
        )
        op.bulk_insert(table, sealed)
    op.drop_table("personal_data")
    op.rename_table("personal_data_sealed", "personal_data")
    consents = connection.execute(sa.text("SELECT COUNT(*) FROM consent")).scalar()
    if consents:
        _put_setting(connection, UPGRADE_PENDING_RECORD, {"depuis": "0008"})


def downgrade() -> None:
    """Back to clear columns, each row kept sealed in `note` (LEGACY_PREFIX): nothing is
    decrypted, and upgrading again restores the sealed column as it was."""
    connection = op.get_bind()
    connection.exec_driver_sql("PRAGMA secure_delete=ON")
    record = _setting(connection, DESK_KEY_RECORD)
    rows = connection.execute(
        sa.text("SELECT contact_id, consent_id, sealed FROM personal_data")
    ).all()
    op.create_table(
        "personal_data_clear",
        sa.Column("contact_id", Text(), sa.ForeignKey("contact.id", ondelete="CASCADE")),
        sa.Column(
            "consent_id", Text(), sa.ForeignKey("consent.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("nom", Text(), nullable=True),
        sa.Column("telephone", Text(), nullable=True),
        sa.Column("courriel", Text(), nullable=True),
        sa.Column("note", Text(), nullable=True),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    if rows and record is not None:
        public_raw = base64.b64decode(record["public"])
        table = sa.table(
            "personal_data_clear", sa.column("contact_id"), sa.column("consent_id"),
            sa.column("note"),
        )  # fmt: skip
        op.bulk_insert(
            table,
            [
                {"contact_id": c, "consent_id": k, "note": legacy_note(public_raw, bytes(s))}
                for c, k, s in rows
            ],
        )
    op.drop_table("personal_data")
    op.rename_table("personal_data_clear", "personal_data")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("erased_reason")
        batch_op.drop_column("erased_at")
    op.drop_table("agent")


# --- frozen copies ---------------------------------------------------------------------------
# What this revision needs of spro_desk.security (crypto, keys), spro_desk.privacy (personal,
# legacy), copied as they were when it was written: an old migration must keep its meaning when
# the live code changes. The envelope and the key record are formats the live code still reads
# (tests/test_privacy_migration.py opens what this writes with the live code).

log = logging.getLogger(__name__)

DESK_KEY_RECORD = "privacy.desk_key"
UPGRADE_PENDING_RECORD = "privacy.upgrade_pending"
LEGACY_PREFIX = "spro-sealed-v1:"
FIELDS = ("nom", "telephone", "courriel", "note")
_PAD_BYTES = 64
_ENVELOPE_V1 = 1
_KEY_ID_BYTES = 8
_NONCE_BYTES = 12
_HKDF_INFO = b"spro-desk personal data v1"
_KEYRING_SERVICE = "SPRO Desk"
_KEYRING_ENV = "SPRO_DESK_KEYRING"


class _Crypto:
    """spro_desk.privacy.crypto at revision 0008 (the names the code below calls)."""

    @staticmethod
    def key_id(public: X25519PublicKey) -> bytes:
        return hashlib.sha256(public.public_bytes_raw()).digest()[:_KEY_ID_BYTES]

    @staticmethod
    def public_from_bytes(raw: bytes) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(raw)

    @staticmethod
    def sealed_key_id(envelope: bytes) -> bytes:
        if len(envelope) < 1 + _KEY_ID_BYTES + 32 + _NONCE_BYTES or envelope[0] != _ENVELOPE_V1:
            raise ValueError("unknown envelope")
        return envelope[1 : 1 + _KEY_ID_BYTES]

    @staticmethod
    def seal(recipient: X25519PublicKey, plaintext: bytes, context: bytes) -> bytes:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_raw = ephemeral.public_key().public_bytes_raw()
        header = bytes([_ENVELOPE_V1]) + _Crypto.key_id(recipient) + ephemeral_raw
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=ephemeral_raw + recipient.public_bytes_raw(),
            info=_HKDF_INFO,
        )
        key = hkdf.derive(ephemeral.exchange(recipient))
        nonce = os.urandom(_NONCE_BYTES)
        return header + nonce + AESGCM(key).encrypt(nonce, plaintext, header + context)


crypto = _Crypto


def seal_values(public: X25519PublicKey, contact_id: str, values: dict[str, str | None]) -> bytes:
    present = {name: values[name] for name in FIELDS if values.get(name)}
    payload = json.dumps(present, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    padded = payload + b" " * (-len(payload) % _PAD_BYTES)
    context = b"spro-desk personal_data\x00" + contact_id.encode("utf-8")
    return crypto.seal(public, padded, context)


def legacy_note(public_raw: bytes, envelope: bytes) -> str:
    return (
        LEGACY_PREFIX + base64.b64encode(public_raw).decode() + ":"
        + base64.b64encode(envelope).decode()
    )  # fmt: skip


def parse_legacy_note(note: str | None) -> tuple[bytes, bytes] | None:
    if not note or not note.startswith(LEGACY_PREFIX):
        return None
    public_b64, _, envelope_b64 = note[len(LEGACY_PREFIX) :].partition(":")
    try:
        return (
            base64.b64decode(public_b64, validate=True),
            base64.b64decode(envelope_b64, validate=True),
        )
    except ValueError:
        return None


def _os_keyring() -> Any | None:
    if os.environ.get(_KEYRING_ENV, "1") == "0":
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


def _keyring_store(key_hex: str, private: X25519PrivateKey) -> bool:
    backend = _os_keyring()
    if backend is None:
        return False
    try:
        secret = base64.b64encode(private.private_bytes_raw()).decode("ascii")
        backend.set_password(_KEYRING_SERVICE, f"cle-donnees-personnelles-{key_hex}", secret)
    except Exception:
        log.warning("Cannot store the desk key in the OS keyring", exc_info=True)
        return False
    return True


def _write_private_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
    if hasattr(os, "O_DIRECTORY"):
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def new_desk_key(db_path: Path) -> tuple[dict[str, str], X25519PrivateKey]:
    """The private half goes to the keyring or the provisional file before the record exists."""
    private = X25519PrivateKey.generate()
    public = private.public_key()
    key_hex = crypto.key_id(public).hex()
    if not _keyring_store(key_hex, private):
        provisional = db_path.parent / "privacy" / f"{db_path.name}.cle-provisoire-{key_hex}"
        _write_private_file(provisional, private.private_bytes_raw())
    record = {
        "key_id": key_hex,
        "public": base64.b64encode(public.public_bytes_raw()).decode("ascii"),
        "created_at": datetime.now(UTC).isoformat(),
    }
    return record, private
