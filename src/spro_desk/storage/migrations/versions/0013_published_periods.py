"""What the coordination published (issue 19): periods, editions and the published set.

`bilan_period`: a period bilans were published for, closed at its first publication, its
edition, and the moment after which a received bundle is late for it. `published_bilan`: every
bilan published, with its territory (sites) and its figures as published and as computed, so
that a new publication is checked against the earlier ones of its period (statistical secrecy
across publications) and a late bundle shows as a revision.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from functools import partial

import sqlalchemy as sa
from alembic import op

Text = sa.String
Moment = partial(sa.DateTime, timezone=True)  # what SQLModel's datetime renders as

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bilan_period",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("first_day", Text(), nullable=False),
        sa.Column("last_day", Text(), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("closed_at", Moment(), nullable=True),
        sa.Column("closed_by", Text(), nullable=True),
        sa.Column("revised_at", Moment(), nullable=True),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("first_day", "last_day", name="uq_bilan_period_days"),
    )
    op.create_table(
        "published_bilan",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("period_pk", sa.Integer(), sa.ForeignKey("bilan_period.pk"), nullable=True),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("scope_key", Text(), nullable=False),
        sa.Column("scope_label", Text(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("sites", sa.JSON(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("published_at", Moment(), nullable=False),
        sa.Column("published_by", Text(), nullable=False),
        sa.Column("tables", sa.JSON(), nullable=False),
        sa.Column("computed", sa.JSON(), nullable=False),
        sa.Column("masked", sa.Integer(), nullable=False),
        sa.Column("out", Text(), nullable=True),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("period_pk", "edition", "scope_key", name="uq_published_bilan_scope"),
    )
    op.create_index("ix_published_bilan_period_pk", "published_bilan", ["period_pk"])


def downgrade() -> None:
    op.drop_index("ix_published_bilan_period_pk", table_name="published_bilan")
    op.drop_table("published_bilan")
    op.drop_table("bilan_period")
