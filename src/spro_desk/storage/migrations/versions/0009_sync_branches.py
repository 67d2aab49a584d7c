"""Sync integrity (issue 12): history branches, checked bundles, handled alerts.

- `event.branch` / `received_event.branch`: the history branch an event was written on (empty:
  the desk's first history); a desk restored from a backup continues on a new branch;
- `received_bundle`: its branch, lineage, the SHA-256 of its signed manifest (the same content
  re-encrypted is no fork) and when the desk made it ("late" is measured from it);
- `merged_version`: the winner's branch and event id, so the latest state is one whatever the
  import order;
- `sync_alert`: a fingerprint (an alert raised again is counted, not duplicated) and its handling;
  `sync_alert_log` keeps every handling with its note (the audit trail).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from functools import partial

import sqlalchemy as sa
from alembic import op

Text = sa.String
Moment = partial(sa.DateTime, timezone=True)  # what SQLModel's UTCDateTime renders as

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _branch() -> sa.Column:
    return sa.Column("branch", Text(), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch:
        batch.add_column(_branch())
    with op.batch_alter_table("received_event", schema=None) as batch:
        batch.add_column(_branch())
        batch.create_index("ix_received_event_desk_seq", ["desk_id", "seq"], unique=False)
    with op.batch_alter_table("received_bundle", schema=None) as batch:
        batch.add_column(_branch())
        batch.add_column(sa.Column("lineage", Text(), nullable=True))
        batch.add_column(sa.Column("manifest_sha256", Text(), nullable=True))
        batch.add_column(sa.Column("created_at", Text(), nullable=True))
    with op.batch_alter_table("merged_version", schema=None) as batch:
        batch.add_column(_branch())
        batch.add_column(sa.Column("event_id", Text(), nullable=False, server_default=""))
    with op.batch_alter_table("sync_alert", schema=None) as batch:
        batch.add_column(sa.Column("fingerprint", Text(), nullable=True))
        batch.add_column(sa.Column("occurrences", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("last_raised_at", Moment(), nullable=True))
        batch.add_column(sa.Column("handled_at", Moment(), nullable=True))
        batch.add_column(sa.Column("handled_note", Text(), nullable=True))
        batch.create_index("ix_sync_alert_fingerprint", ["fingerprint"], unique=False)
    op.create_table(
        "sync_alert_log",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("alert_pk", sa.Integer(), nullable=False),
        sa.Column("at", Moment(), nullable=False),
        sa.Column("action", Text(), nullable=False),
        sa.Column("note", Text(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_sync_alert_log_alert_pk", "sync_alert_log", ["alert_pk"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sync_alert_log_alert_pk", table_name="sync_alert_log")
    op.drop_table("sync_alert_log")
    with op.batch_alter_table("sync_alert", schema=None) as batch:
        batch.drop_index("ix_sync_alert_fingerprint")
        for name in ("handled_note", "handled_at", "last_raised_at", "occurrences", "fingerprint"):
            batch.drop_column(name)
    with op.batch_alter_table("merged_version", schema=None) as batch:
        batch.drop_column("event_id")
        batch.drop_column("branch")
    with op.batch_alter_table("received_bundle", schema=None) as batch:
        for name in ("created_at", "manifest_sha256", "lineage", "branch"):
            batch.drop_column(name)
    with op.batch_alter_table("received_event", schema=None) as batch:
        batch.drop_index("ix_received_event_desk_seq")
        batch.drop_column("branch")
    with op.batch_alter_table("event", schema=None) as batch:
        batch.drop_column("branch")
