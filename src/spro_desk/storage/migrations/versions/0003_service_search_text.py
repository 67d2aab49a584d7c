"""Folded search text on each service, for searches restricted by a filter.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from spro_desk.directory.rows import search_text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_text", sa.String(), nullable=False, server_default="")
        )
    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        "SELECT s.pk, s.nom, st.nom, COALESCE(s.description, '') || ' ' || "
        "COALESCE(st.description, ''), COALESCE(s.commune, st.commune, '') "
        "FROM service s JOIN structure st ON st.pk = s.structure_pk"
    ).all()
    updates = [(search_text(*row[1:]), row[0]) for row in rows]
    if updates:
        connection.exec_driver_sql("UPDATE service SET search_text = ? WHERE pk = ?", updates)


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("search_text")
