"""Alembic environment: migrations run on the connection handed over by spro_desk.storage."""

from alembic import context
from sqlmodel import SQLModel

# These modules register their tables on the metadata (the coordination's and the directory's
# are apart, see there).
from spro_desk.storage import coordination_tables, directory_tables, tables  # noqa: F401

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app drives migrations
    raise RuntimeError("Les migrations SPRO Desk s'appliquent depuis l'application.")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
