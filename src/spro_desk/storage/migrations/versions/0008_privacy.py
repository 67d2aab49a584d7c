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
import json
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
import sqlmodel
from alembic import op

from spro_desk.privacy.legacy import (
    UPGRADE_PENDING_RECORD,
    legacy_note,
    parse_legacy_note,
)
from spro_desk.privacy.personal import FIELDS, seal_values
from spro_desk.security import crypto
from spro_desk.security.keys import DESK_KEY_RECORD, new_desk_key

Text = sqlmodel.sql.sqltypes.AutoString
Moment = sqlmodel.sql.sqltypes.UTCDateTime

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
