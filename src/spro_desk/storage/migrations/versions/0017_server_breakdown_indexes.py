"""On PostgreSQL, `merged_contact` without the four breakdown indexes (issue 19: an import's cost).

Every contact an import merges is written into each B-tree of `merged_contact`; on PostgreSQL
there were seven, and their inserts were most of the server's work in an import (COPY of the
merged rows ≈ the COPY of all the events). Four of them only give SQLite's breakdowns their
GROUP BY order: `ix_merged_contact_profile`, `_commune`, `_desk_canal` and `_codes`.
PostgreSQL gains little from that order — it groups a period's rows by hashing them, and
takes no index hints — and migration 0016's covering index `(desk_id, day) INCLUDE (...)`
already holds every column these breakdowns count, in the order a site or a region reads
them. So on PostgreSQL they go; what stays: the primary key, `(day, desk_id)` for a period of
every site, and the covering index (BENCHMARKS.md: the import's server CPU and the national
figures with and without them).

SQLite keeps them: its breakdowns read them in order, without sorting (BENCHMARKS.md,
branch issue-i19m: each is worth 3–4 s of a region's bilan there).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The indexes this migration drops on PostgreSQL, frozen as migration 0007 and 0014 made them.
BREAKDOWN_INDEXES = {
    "ix_merged_contact_profile": (
        "canal", "statut", "tranche_age", "sexe", "handicap", "day", "desk_id",
    ),
    "ix_merged_contact_commune": ("commune", "day", "desk_id"),
    "ix_merged_contact_desk_canal": ("desk_id", "canal", "day"),
    "ix_merged_contact_codes": ("besoins", "reponses", "day", "desk_id"),
}  # fmt: skip


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _on_server():
        for name in BREAKDOWN_INDEXES:
            op.drop_index(name, table_name="merged_contact")


def downgrade() -> None:
    if _on_server():
        for name, columns in BREAKDOWN_INDEXES.items():
            op.create_index(name, "merged_contact", list(columns))
