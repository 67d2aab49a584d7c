"""The coordinator keeps each desk's access-log head as a witness (issue 15).

`audit_witness`: per desk, the head (entry count and MAC) carried by the newest bundle received,
its branch, and that bundle's number and making time. A later bundle carrying a shorter head
(or the same count with another MAC on the same branch) raises an alert.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

Text = sa.String

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_witness",
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("branch", Text(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_mac", Text(), nullable=True),
        sa.Column("bundle_seq", sa.Integer(), nullable=False),
        sa.Column("bundle_created_at", Text(), nullable=True),
        sa.PrimaryKeyConstraint("desk_id"),
    )


def downgrade() -> None:
    op.drop_table("audit_witness")
