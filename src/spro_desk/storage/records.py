"""Small keyed records of the desk (settings, identities, sync state) in the `setting` table."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Setting


def read_record(db: Database, key: str) -> dict[str, Any] | None:
    with db.session() as session:
        return get_record(session, key)


def get_record(session: Session, key: str) -> dict[str, Any] | None:
    """The record as the caller's transaction sees it (a copy), or None."""
    row = session.get(Setting, key)
    return dict(row.value) if row is not None else None


def write_record(db: Database, key: str, value: dict[str, Any]) -> None:
    """Create or replace the record, in its own transaction."""
    write_records(db, {key: value})


def write_records(db: Database, records: dict[str, dict[str, Any]]) -> None:
    """Create or replace every record in one transaction: all of them, or none."""
    with db.transaction() as session:
        for key, value in records.items():
            put_record(session, key, value)


def put_record(session: Session, key: str, value: dict[str, Any]) -> None:
    """Create or replace the record within the caller's transaction."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
