"""Alembic environment: migrations run on the connection handed over by spro_desk.storage."""

from alembic import context
from sqlmodel import SQLModel

from spro_desk.storage import tables  # noqa: F401  (registers the tables on the metadata)

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
