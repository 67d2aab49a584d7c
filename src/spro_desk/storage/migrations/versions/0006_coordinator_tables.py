"""Coordinator tables: registered desks, received bundles and events, alerts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from functools import partial

import sqlalchemy as sa
from alembic import op

Text = sa.String
Moment = partial(sa.DateTime, timezone=True)  # what SQLModel's UTCDateTime renders as

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registered_desk",
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("public_key", Text(), nullable=False),
        sa.Column("site_nom", Text(), nullable=False),
        sa.Column("reseau", Text(), nullable=False),
        sa.Column("commune", Text(), nullable=False),
        sa.Column("registered_at", Moment(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("desk_id"),
    )
    op.create_table(
        "received_bundle",
        sa.Column("sha256", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=False),
        sa.Column("previous_sha256", Text(), nullable=True),
        sa.Column("received_at", Moment(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "received_event",
        sa.Column("id", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content_sha256", Text(), nullable=False),
        sa.Column("entity", Text(), nullable=False),
        sa.Column("entity_id", Text(), nullable=False),
        sa.Column("op", Text(), nullable=False),
        sa.Column("at", Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_alert",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("kind", Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("raised_at", Moment(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_received_bundle_desk_id"), ["desk_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        # The order of arrival the merged state's watermark follows: SQLite's rowid, which a
        # PostgreSQL table lacks (sync.merged; writers are serialised, so it is commit order).
        op.execute(
            "ALTER TABLE received_event ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY "
            "CONSTRAINT uq_received_event_rowid UNIQUE"
        )
    with op.batch_alter_table("received_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_received_event_desk_id"), ["desk_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_received_event_entity_id"), ["entity_id"], unique=False
        )

    with op.batch_alter_table("sync_alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_alert_desk_id"), ["desk_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_alert_desk_id"))

    op.drop_table("sync_alert")
    op.drop_table("registered_desk")
    with op.batch_alter_table("received_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_event_entity_id"))
        batch_op.drop_index(batch_op.f("ix_received_event_desk_id"))

    op.drop_table("received_event")
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_bundle_desk_id"))

    op.drop_table("received_bundle")
    # ### end Alembic commands ###
