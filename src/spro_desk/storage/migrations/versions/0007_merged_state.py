"""Merged state for indicators: the latest contact and referral of every desk.

Derived from `received_event` (see `spro_desk.sync.merged`), filled here from what the
coordinator already received by the live catch-up before the first figure (see below).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

import json

import sqlalchemy as sa
from alembic import op

Text = sa.String

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merged_version",
        sa.Column("entity_id", Text(), nullable=False),
        sa.Column("entity", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "merged_contact",
        sa.Column("id", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("occurred_at", Text(), nullable=False),
        sa.Column("day", Text(), nullable=False),
        sa.Column("week", Text(), nullable=False),
        sa.Column("month", Text(), nullable=False),
        sa.Column("canal", Text(), nullable=False),
        sa.Column("statut", Text(), nullable=False),
        sa.Column("tranche_age", Text(), nullable=False),
        sa.Column("sexe", Text(), nullable=False),
        sa.Column("handicap", Text(), nullable=False),
        sa.Column("commune", Text(), nullable=True),
        sa.Column("duree", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_merged_contact_day_desk", "merged_contact", ["day", "desk_id"])
    op.create_index(
        "ix_merged_contact_profile",
        "merged_contact",
        ["canal", "statut", "tranche_age", "sexe", "handicap", "day", "desk_id"],
    )
    op.create_index("ix_merged_contact_commune", "merged_contact", ["commune", "day", "desk_id"])
    op.create_index("ix_merged_contact_desk_canal", "merged_contact", ["desk_id", "canal", "day"])
    op.create_table(
        "merged_contact_code",
        sa.Column("kind", Text(), nullable=False),
        sa.Column("code", Text(), nullable=False),
        sa.Column("day", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("contact_id", Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "code", "day", "desk_id", "contact_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_merged_contact_code_contact", "merged_contact_code", ["contact_id"])
    op.create_table(
        "merged_referral",
        sa.Column("id", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("contact_id", Text(), nullable=False),
        sa.Column("contact_day", Text(), nullable=True),
        sa.Column("contact_at", Text(), nullable=True),
        sa.Column("service_id", Text(), nullable=False),
        sa.Column("structure_id", Text(), nullable=False),
        sa.Column("structure_nom", Text(), nullable=False),
        sa.Column("service_nom", Text(), nullable=False),
        sa.Column("type", Text(), nullable=False),
        sa.Column("statut", Text(), nullable=False),
        sa.Column("rdv_at", Text(), nullable=True),
        sa.Column("rdv_day", Text(), nullable=True),
        sa.Column("created_at", Text(), nullable=False),
        sa.Column("updated_at", Text(), nullable=False),
        sa.Column("reseau", Text(), nullable=True),
        sa.Column("niveau", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_merged_referral_contact_id", "merged_referral", ["contact_id"])
    op.create_index("ix_merged_referral_day_desk", "merged_referral", ["contact_day", "desk_id"])
    op.create_table(
        "merged_desk",
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=False),
        sa.Column("bundle_created_at", Text(), nullable=True),
        sa.Column("directory_version", Text(), nullable=True),
        sa.Column("directory_published_at", Text(), nullable=True),
        sa.Column("directory_imported_at", Text(), nullable=True),
        sa.PrimaryKeyConstraint("desk_id"),
    )
    _fill_from_received_events()


# Frozen copy of the key spro_desk.sync.merged reads ({"rowid": highest event merged}).
_WATERMARK_KEY = "coordinator.merged_upto"


def _fill_from_received_events() -> None:
    """A coordinator upgraded with bundles already received gets its merged state from the
    live code's catch-up (run before any figure is read): the watermark says nothing is merged.

    Why not merge here: the merged state is derived data, and the live merge changes with the
    indicators; a migration calling it would change meaning with them.
    """
    connection = op.get_bind()
    if connection.exec_driver_sql("SELECT 1 FROM received_event LIMIT 1").first() is None:
        return
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
        (_WATERMARK_KEY, json.dumps({"rowid": 0})),
    )


def downgrade() -> None:
    op.drop_table("merged_desk")
    op.drop_index("ix_merged_referral_day_desk", table_name="merged_referral")
    op.drop_index("ix_merged_referral_contact_id", table_name="merged_referral")
    op.drop_table("merged_referral")
    op.drop_index("ix_merged_contact_code_contact", table_name="merged_contact_code")
    op.drop_table("merged_contact_code")
    for index in ("desk_canal", "commune", "profile", "day_desk"):
        op.drop_index(f"ix_merged_contact_{index}", table_name="merged_contact")
    op.drop_table("merged_contact")
    op.drop_table("merged_version")
