"""The indicators' summary (issue 19): the merged state counted per month, kept by the merge.

`indicator_summary` holds, per month of the contact's day, the counts a bilan of whole months
adds up (see spro_desk.sync.indicator_summary). It starts empty and not ready: the first
import or catch-up of the merged state counts it (nothing on a new coordination, everything
once on an upgraded one); until then the indicators read the merged tables.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

Text = sa.String

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator_summary",
        sa.Column("month", Text(), nullable=False),
        sa.Column("kind", Text(), nullable=False),
        sa.Column("code", Text(), nullable=False),
        sa.Column("code2", Text(), nullable=False, server_default=""),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "kind", "code", "code2"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("indicator_summary")
