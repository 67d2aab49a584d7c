"""service_tag loses its foreign key and second index: it is derived, rewritten at import.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CREATE = (
    "CREATE TABLE {name} (kind VARCHAR NOT NULL, value VARCHAR NOT NULL, "
    "service_pk INTEGER NOT NULL, PRIMARY KEY (kind, value, service_pk)){without_rowid}"
)


def _create(name: str) -> str:
    """WITHOUT ROWID is SQLite's (a coordination server on PostgreSQL has no rowid anyway)."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    return _CREATE.format(name=name, without_rowid=" WITHOUT ROWID" if sqlite else "")


def upgrade() -> None:
    op.execute(_create("service_tag_new"))
    op.execute(
        "INSERT INTO service_tag_new SELECT kind, value, service_pk FROM service_tag "
        "WHERE kind <> 'niveau' ORDER BY kind, value, service_pk"
    )
    op.execute("DROP TABLE service_tag")
    op.execute("ALTER TABLE service_tag_new RENAME TO service_tag")


def downgrade() -> None:
    op.execute(
        "CREATE TABLE service_tag_old (kind VARCHAR NOT NULL, value VARCHAR NOT NULL, "
        "service_pk INTEGER NOT NULL REFERENCES service (pk) ON DELETE CASCADE, "
        "PRIMARY KEY (kind, value, service_pk)) WITHOUT ROWID"
    )
    op.execute("INSERT INTO service_tag_old SELECT kind, value, service_pk FROM service_tag")
    op.execute("DROP TABLE service_tag")
    op.execute("ALTER TABLE service_tag_old RENAME TO service_tag")
    op.execute("CREATE INDEX ix_service_tag_service ON service_tag (service_pk)")
