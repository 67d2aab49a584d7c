"""A lighter merged state (issue 19): fewer B-tree rows written per event the coordinator merges.

The merged state wrote ~210,000 B-tree rows for 45,000 events. Now:

- a contact's needs and responses are two columns of `merged_contact` (the sorted codes as a
  JSON array), counted by grouping contacts on them, the need categories derived from the needs
  when counted: `merged_contact_code` (three rows per contact, and its index) goes;
- the rank of each live entity (branch, seq, desk, event id) is kept in its own row of
  `merged_contact` / `merged_referral`, and only deleted entities keep a row of their own, in
  `merged_tombstone`: `merged_version` (one row per entity) goes;
- one index of `merged_contact` in the order of that grouping (codes, then day and desk), so
  counting them reads no table row and sorts nothing (30,000 entries for 500 desk-weeks where
  `merged_contact_code` wrote 130,000 rows and as many index entries).

Data moved from the old tables on both databases, so no catch-up is needed after the upgrade.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import json
from itertools import groupby

import sqlalchemy as sa
from alembic import op

Text = sa.String

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_BATCH = 5_000


def _rank_columns() -> list[sa.Column]:
    return [
        sa.Column("branch", Text(), nullable=False, server_default=""),
        sa.Column("event_id", Text(), nullable=False, server_default=""),
    ]


def upgrade() -> None:
    op.create_table(
        "merged_tombstone",
        sa.Column("entity_id", Text(), nullable=False),
        sa.Column("entity", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("branch", Text(), nullable=False, server_default=""),
        sa.Column("event_id", Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("entity_id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("merged_contact", schema=None) as batch:
        batch.add_column(sa.Column("besoins", Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("reponses", Text(), nullable=False, server_default="[]"))
        for column in _rank_columns():
            batch.add_column(column)
    with op.batch_alter_table("merged_referral", schema=None) as batch:
        for column in _rank_columns():
            batch.add_column(column)
    _move_data()
    op.drop_index("ix_merged_contact_code_contact", table_name="merged_contact_code")
    op.drop_table("merged_contact_code")
    op.drop_table("merged_version")
    op.create_index(
        "ix_merged_contact_codes", "merged_contact", ["besoins", "reponses", "day", "desk_id"]
    )


def _move_data() -> None:
    bind = op.get_bind()
    for table in ("merged_contact", "merged_referral"):
        bind.execute(
            sa.text(
                f"UPDATE {table} SET "
                "branch = (SELECT v.branch FROM merged_version v WHERE v.entity_id = id), "
                "event_id = (SELECT v.event_id FROM merged_version v WHERE v.entity_id = id) "
                f"WHERE id IN (SELECT entity_id FROM merged_version)"
            )
        )
    bind.execute(
        sa.text(
            "INSERT INTO merged_tombstone (entity_id, entity, desk_id, seq, branch, event_id) "
            "SELECT entity_id, entity, desk_id, seq, branch, event_id FROM merged_version "
            "WHERE NOT live"
        )
    )
    rows = bind.execute(
        sa.text(
            "SELECT contact_id, kind, code FROM merged_contact_code "
            "WHERE kind IN ('besoin', 'reponse') ORDER BY contact_id, kind, code"
        )
    )
    update = sa.text("UPDATE merged_contact SET besoins = :b, reponses = :r WHERE id = :id")
    pending: list[dict[str, str]] = []
    for contact_id, codes in groupby(rows, key=lambda row: row[0]):
        kinds: dict[str, list[str]] = {"besoin": [], "reponse": []}
        for _contact, kind, code in codes:
            kinds[kind].append(code)
        pending.append(
            {"id": contact_id, "b": _codes(kinds["besoin"]), "r": _codes(kinds["reponse"])}
        )
        if len(pending) >= _BATCH:
            bind.execute(update, pending)
            pending = []
    if pending:
        bind.execute(update, pending)


def _codes(codes: list[str]) -> str:
    """Frozen copy of spro_desk.sync.merged's format: the sorted codes as a compact array."""
    return json.dumps(sorted(set(codes)), ensure_ascii=False, separators=(",", ":"))


def downgrade() -> None:
    op.create_table(
        "merged_version",
        sa.Column("entity_id", Text(), nullable=False),
        sa.Column("entity", Text(), nullable=False),
        sa.Column("desk_id", Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.Column("branch", Text(), nullable=False, server_default=""),
        sa.Column("event_id", Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("entity_id"),
        sqlite_with_rowid=False,
    )
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
    # The merged state is derived: the older code's catch-up rebuilds it from received_event
    # when the watermark says nothing is merged (as migration 0007 leaves it).
    for table in ("merged_tombstone", "merged_contact", "merged_referral"):
        op.execute(f"DELETE FROM {table}")
    op.execute("DELETE FROM setting WHERE key = 'coordinator.merged_upto'")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM received_event LIMIT 1")).first() is not None:
        bind.execute(
            sa.text("INSERT INTO setting (key, value) VALUES ('coordinator.merged_upto', :v)"),
            {"v": json.dumps({"rowid": 0})},
        )
    op.drop_table("merged_tombstone")
    op.drop_index("ix_merged_contact_codes", table_name="merged_contact")
    for table, names in (
        ("merged_contact", ("event_id", "branch", "reponses", "besoins")),
        ("merged_referral", ("event_id", "branch")),
    ):
        with op.batch_alter_table(table, schema=None) as batch:
            for name in names:
                batch.drop_column(name)
