"""Folded search text on each service, for searches restricted by a filter.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Frozen copy of spro_desk.directory.rows.search_text as of this revision: the text written
# here must not change when the live folding does (a later migration would rewrite it).
_FIELD_SEPARATOR = "\x1f"
_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_text(nom: str, structure_nom: str, description: str, commune: str) -> str:
    fields = (nom, structure_nom, description, commune)
    return _FIELD_SEPARATOR.join(
        "".join(" " + word for word in _WORD.findall(_fold(field))) for field in fields
    )


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
