"""Structures without any service get one row in `service`, flagged structure_only.

A structure that data·inclusion publishes without services (every France Travail agency) must
be found by search, by the network filter and by orientation like the others: its row in
`service` carries the structure's own name, place, hours and contacts, and is indexed with
them. The flag keeps it out of the service counts and out of the need-based suggestions.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite adds a column with a constant default without copying rows.
    op.add_column(
        "service",
        sa.Column("structure_only", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.execute("DELETE FROM service WHERE structure_only")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("structure_only")
