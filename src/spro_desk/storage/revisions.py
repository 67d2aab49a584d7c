"""The schema revisions this version ships, without SQLAlchemy nor Alembic: the lock screen's
check at start (`agents.early_unlock`) reads the database with sqlite3 only if its schema is
the shipped head."""

from __future__ import annotations

# The revisions shipped, oldest first (tests check them against the migration scripts): an
# up-to-date database opens without importing Alembic, a tenth of a second at every start.
SHIPPED_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
)


def head_revision() -> str:
    return SHIPPED_REVISIONS[-1]
