"""A site's indicators from its own rows (issue 19: a site < 1 s on a national database).

A site's (or a few sites') bilan reads its desks' rows over a period. With only the day-first
indexes, PostgreSQL walked the whole period of `merged_referral` (2.6 M entries for a national
year) and fetched each of the site's contacts from the heap, where a desk's rows lie scattered
among every other desk's: about 1.5 s for the busiest site. Two desk-first indexes:

- `merged_referral (desk_id, contact_day)`, on both databases;
- on PostgreSQL only, `merged_contact (desk_id, day)` carrying every column the breakdowns
  count (INCLUDE): each of them is an index-only scan of the site's entries. SQLite has no
  INCLUDE, and its single coordinator does not hold a nation: no such index there, its
  imports do not pay for it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# What the breakdowns of a site's contacts count (reports.queries), frozen here as of 0016.
BREAKDOWN_COLUMNS = (
    "canal",
    "statut",
    "tranche_age",
    "sexe",
    "handicap",
    "commune",
    "besoins",
    "reponses",
)


def upgrade() -> None:
    op.create_index("ix_merged_referral_desk_day", "merged_referral", ["desk_id", "contact_day"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_merged_contact_desk_day",
            "merged_contact",
            ["desk_id", "day"],
            postgresql_include=list(BREAKDOWN_COLUMNS),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_merged_contact_desk_day", table_name="merged_contact")
    op.drop_index("ix_merged_referral_desk_day", table_name="merged_referral")
