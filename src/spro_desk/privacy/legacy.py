"""Databases from before encryption (schema 0007 and older): what the upgrade leaves to do.

Migration 0008 seals every personal row in its own transaction (only the desk's public key is
needed, so it never waits for an agent). Two kinds of clear bytes can outlive it, and the first
purge after the upgrade (at start, off the UI thread; or `spro-desk privacy purge`) removes them:

- pages freed *before* the upgrade, when personal data was edited or deleted without
  `secure_delete`: the migration marks the database (`privacy.upgrade_pending`) when it ever held
  a consent, and the purge runs `VACUUM`, which rewrites the file without any free page;
- backups taken before the upgrade (`backups/*.sqlite`, among them the copy made just before
  migrating): their clear fields are sealed in place, the envelope kept in the `note` column
  behind `LEGACY_PREFIX` so that the backup stays a valid database of its own schema, and
  migration 0008 recognises it if that backup is ever restored.
"""

from __future__ import annotations

import base64
import logging
import sqlite3
from pathlib import Path

from sqlalchemy import text

from spro_desk.privacy.personal import FIELDS, seal_values
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

LEGACY_PREFIX = "spro-sealed-v1:"
UPGRADE_PENDING_RECORD = "privacy.upgrade_pending"
BACKUPS_DIR = "backups"


def legacy_note(public_raw: bytes, envelope: bytes) -> str:
    return (
        LEGACY_PREFIX
        + base64.b64encode(public_raw).decode()
        + ":"
        + base64.b64encode(envelope).decode()
    )


def parse_legacy_note(note: str | None) -> tuple[bytes, bytes] | None:
    """(desk public key, envelope) of a value sealed in an old-schema database, else None."""
    if not note or not note.startswith(LEGACY_PREFIX):
        return None
    public_b64, _, envelope_b64 = note[len(LEGACY_PREFIX) :].partition(":")
    try:
        return base64.b64decode(public_b64, validate=True), base64.b64decode(
            envelope_b64, validate=True
        )
    except ValueError:
        return None


def _clear_columns(connection: sqlite3.Connection) -> bool:
    columns = {row[1] for row in connection.execute("PRAGMA table_info(personal_data)")}
    return set(FIELDS) <= columns and "sealed" not in columns


def seal_backup(path: Path, db: Database) -> int:
    """Seal the clear personal rows of one old-schema backup in place; how many were."""
    connection = sqlite3.connect(path)
    try:
        if not _clear_columns(connection):
            return 0
        rows = connection.execute(
            "SELECT contact_id, nom, telephone, courriel, note FROM personal_data"
        ).fetchall()
        clear = [row for row in rows if parse_legacy_note(row[4]) is None]
        if not clear:
            return 0
        desk = vault(db).public()
        public_raw = desk.public.public_bytes_raw()
        connection.execute("PRAGMA secure_delete=ON")
        with connection:
            for contact_id, *values in clear:
                fields = dict(zip(FIELDS, values, strict=True))
                envelope = seal_values(desk.public, contact_id, fields)
                connection.execute(
                    "UPDATE personal_data SET nom = NULL, telephone = NULL, courriel = NULL, "
                    "note = ? WHERE contact_id = ?",
                    (legacy_note(public_raw, envelope), contact_id),
                )
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(clear)
    finally:
        connection.close()


def seal_old_backups(db: Database) -> int:
    folder = db.path.parent / BACKUPS_DIR
    sealed = 0
    for path in sorted(folder.glob("*.sqlite")) if folder.exists() else []:
        try:
            sealed += seal_backup(path, db)
        except sqlite3.Error:
            log.warning("Backup %s could not be checked for clear personal data", path.name)
    return sealed


def finish_upgrade(db: Database) -> int:
    """After migration 0008: rewrite the file if it may hold old free pages, seal old backups.
    Returns how many backup rows were sealed."""
    with db.engine.connect() as connection:
        pending = connection.execute(
            text("SELECT 1 FROM setting WHERE key = :key"), {"key": UPGRADE_PENDING_RECORD}
        ).first()
    if pending is not None:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
            connection.commit()
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql(
                "DELETE FROM setting WHERE key = ?", (UPGRADE_PENDING_RECORD,)
            )
            connection.commit()
    return seal_old_backups(db)
