"""Several people at the coordination: accounts, their audit trail, the automatic collection.

`coordinator_account`: a person of the regional team with a role and an Argon2id password hash.
`coordination_audit`: every sensitive action (who, when, what, target, note).
`watch_item`: each bundle the automatic collection fetched and what became of it, so that a
collection stopped mid-way imports on restart what it had fetched, and only once.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

Text = sa.String

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coordinator_account",
        sa.Column("id", Text(), nullable=False),
        sa.Column("nom", Text(), nullable=False),
        sa.Column("role", Text(), nullable=False),
        sa.Column("secret_hash", Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nom"),
    )
    op.create_table(
        "coordination_audit",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account", Text(), nullable=True),
        sa.Column("role", Text(), nullable=True),
        sa.Column("action", Text(), nullable=False),
        sa.Column("target", Text(), nullable=False),
        sa.Column("note", Text(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_coordination_audit_at", "coordination_audit", ["at"])
    op.create_table(
        "watch_item",
        sa.Column("source", Text(), nullable=False),
        sa.Column("name", Text(), nullable=False),
        sa.Column("fingerprint", Text(), nullable=False),
        sa.Column("local_path", Text(), nullable=False),
        sa.Column("sha256", Text(), nullable=True),
        sa.Column("state", Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=True),
        sa.Column("detail", Text(), nullable=True),
        sa.PrimaryKeyConstraint("source", "name"),
    )
    op.create_index("ix_watch_item_state", "watch_item", ["state"])


def downgrade() -> None:
    op.drop_index("ix_watch_item_state", "watch_item")
    op.drop_table("watch_item")
    op.drop_index("ix_coordination_audit_at", "coordination_audit")
    op.drop_table("coordination_audit")
    op.drop_table("coordinator_account")
