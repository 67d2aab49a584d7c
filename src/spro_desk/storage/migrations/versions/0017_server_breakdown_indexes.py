"""On PostgreSQL, `merged_contact` with three indexes instead of seven (issue 19: an import's cost).

Every contact an import merges is written into each B-tree of `merged_contact`; on PostgreSQL
there were seven, and their inserts were most of the server's work in an import (the COPY of
the merged rows cost as much as the COPY of all the events). Four of them give SQLite's
breakdowns their GROUP BY order: `ix_merged_contact_profile`, `_commune`, `_desk_canal` and
`_codes`. PostgreSQL groups by hashing and takes no index hints; what it needs is to read a
selection's columns without the table. So on PostgreSQL:

- the four breakdown indexes go;
- `(day, desk_id)` becomes `ix_merged_contact_day_cover`, carrying every column the breakdowns
  count (INCLUDE, as migration 0016's `(desk_id, day)` one): a period of every site (the
  nation over a week, five months…) is an index-only scan of that period's entries, where it
  read the whole of each breakdown index before — and without them would read the whole table;
- the primary key and 0016's `(desk_id, day) INCLUDE (...)` (a site, a région) stay.

An import then writes three B-trees per merged contact instead of seven: the COPY of the 500
desk-weeks' merged rows costs the server about half the CPU (BENCHMARKS.md, branch
issue-i19p, with the national figures before and after). Building the covering index on a
server that already holds a national year takes minutes, once.

SQLite keeps its five: its breakdowns read them in order without sorting (BENCHMARKS.md,
branch issue-i19m: each is worth 3–4 s of a region's bilan there), and it has no INCLUDE.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The indexes this migration drops on PostgreSQL, frozen as migrations 0007 and 0014 made them.
BREAKDOWN_INDEXES = {
    "ix_merged_contact_profile": (
        "canal", "statut", "tranche_age", "sexe", "handicap", "day", "desk_id",
    ),
    "ix_merged_contact_commune": ("commune", "day", "desk_id"),
    "ix_merged_contact_desk_canal": ("desk_id", "canal", "day"),
    "ix_merged_contact_codes": ("besoins", "reponses", "day", "desk_id"),
}  # fmt: skip
# What the breakdowns count (as migration 0016's covering index), frozen here as of 0017.
COUNTED_COLUMNS = (
    "canal", "statut", "tranche_age", "sexe", "handicap", "commune", "besoins", "reponses",
)  # fmt: skip


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_server():
        return
    for name in BREAKDOWN_INDEXES:
        op.drop_index(name, table_name="merged_contact")
    op.create_index(
        "ix_merged_contact_day_cover",
        "merged_contact",
        ["day", "desk_id"],
        postgresql_include=list(COUNTED_COLUMNS),
    )
    op.drop_index("ix_merged_contact_day_desk", table_name="merged_contact")


def downgrade() -> None:
    if not _on_server():
        return
    op.create_index("ix_merged_contact_day_desk", "merged_contact", ["day", "desk_id"])
    op.drop_index("ix_merged_contact_day_cover", table_name="merged_contact")
    for name, columns in BREAKDOWN_INDEXES.items():
        op.create_index(name, "merged_contact", list(columns))
