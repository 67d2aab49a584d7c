"""Erasing personal data for good: on the person's request, and by the retention purge.

Only the `personal_data` row goes; the contact, its referrals and the consent record (what was
agreed, when, and now when it ended) stay: the anonymous statistics are untouched.

"For good" on disk: the erasing transaction runs with `PRAGMA secure_delete=ON`, so SQLite
overwrites the freed cell and pages with zeros instead of leaving them in the free list; then
a `wal_checkpoint(TRUNCATE)` copies the zeroed pages into the database file and empties the
write-ahead log, where older frames could still hold the row. The bytes were sealed anyway;
this makes sure that not even the ciphertext survives in the files SQLite manages.

Every other copy of the row (backups, the outbox, a file copied away) is erased by destroying
the person's key in the person-key file (`privacy.person_keys`), in the same transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session, col, delete, select

from spro_desk.agents.roles import Permission
from spro_desk.agents.sessions import require
from spro_desk.privacy.person_keys import person_keys
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Consent, PersonalData

log = logging.getLogger(__name__)

ON_REQUEST = "demande-de-la-personne"
BY_RETENTION = "duree-de-conservation"
AFTER_DELETION = "contact-supprime"


def secure_delete(session: Session) -> None:
    """Zero what this transaction frees (a per-connection flag; harmless to leave on)."""
    session.connection().exec_driver_sql("PRAGMA secure_delete=ON")


def erase_rows(
    db: Database, session: Session, contact_ids: Iterable[str], reason: str, now: datetime
) -> list[str]:
    """Remove the personal data of these contacts and close their consents; the erased ids."""
    ids = list(contact_ids)
    if not ids:
        return []
    secure_delete(session)
    held = list(
        session.exec(select(PersonalData.contact_id).where(col(PersonalData.contact_id).in_(ids)))
    )
    session.exec(delete(PersonalData).where(col(PersonalData.contact_id).in_(ids)))
    consents = session.exec(
        select(Consent).where(col(Consent.contact_id).in_(ids), col(Consent.erased_at).is_(None))
    ).all()
    for consent in consents:
        consent.erased_at, consent.erased_reason = now, reason
        session.add(consent)
    # Under the database's write lock; if the commit then fails the row stays unreadable,
    # which errs on the side of the erasure that was asked for.
    person_keys(db).discard(ids)
    return held


def forget_former_details(db: Database, contact_id: str, *, replaced: bool) -> None:
    """A correction: the key of the former details goes with them, so that their copies
    (backups, WAL frames, a copied file) open no more; `replaced` False (every field cleared):
    the person's key itself. Called in the correcting transaction, as `erase_rows` is."""
    keys = person_keys(db)
    if replaced:
        keys.drop_superseded()
    else:
        keys.discard([contact_id])


def flush_freed_pages(db: Database) -> bool:
    """Checkpoint the WAL into the database file and truncate it; False when a reader kept
    part of it (the next purge tries again)."""
    with db.engine.connect() as connection:
        busy, _log_frames, _done = connection.exec_driver_sql(
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).one()
        connection.commit()
    if busy:
        log.info("WAL checkpoint incomplete: a reader is still open")
    return not busy


def erase_person(db: Database, contact_id: str, *, now: datetime | None = None) -> bool:
    """« Effacer les données de cette personne »: at once, for an allowed agent; True when
    something was erased."""
    agent = require(db, Permission.ERASE_PERSONAL)
    moment = now or datetime.now(UTC)
    with db.transaction() as session:
        erased = erase_rows(db, session, [contact_id], ON_REQUEST, moment)
        if erased:
            audit_log(db).append(
                "effacement",
                agent=agent,
                contact_id=contact_id,
                detail={"motif": ON_REQUEST},
                now=moment,
                connection=session.connection(),
            )
    if erased:
        flush_freed_pages(db)
        erase_legacy_copies(db, erased)
    return bool(erased)


def erase_legacy_copies(db: Database, contact_ids: Iterable[str]) -> int:
    """Rows sealed by earlier versions straight to the desk key (no person key to destroy):
    removed from every backup too, each in its own transaction with `secure_delete` (a backup
    is one self-contained file: a crash leaves it as it was, or without the rows). Also the
    pre-0008 form of a backup (the envelope kept in `note`). How many rows were removed."""
    from spro_desk.privacy.legacy import BACKUPS_DIR, LEGACY_PREFIX

    ids = sorted(set(contact_ids))
    folder = db.path.parent / BACKUPS_DIR
    if not ids or not folder.is_dir():
        return 0
    removed = 0
    for path in sorted(folder.glob("*.sqlite")):
        try:
            removed += _erase_in_backup(path, ids, LEGACY_PREFIX)
        except sqlite3.Error:
            log.warning("Backup %s could not be checked for erased rows", path.name)
    return removed


def _erase_in_backup(path: Path, ids: list[str], legacy_prefix: str) -> int:
    connection = sqlite3.connect(path, timeout=30)
    try:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(personal_data)")}
        marks = ",".join("?" * len(ids))
        if "sealed" in columns:
            where = f"contact_id IN ({marks}) AND substr(sealed, 1, 1) <> X'02'"
        elif "note" in columns:
            where = f"contact_id IN ({marks}) AND note LIKE '{legacy_prefix}%'"
        else:
            return 0
        connection.execute("PRAGMA secure_delete=ON")
        with connection:
            return connection.execute(f"DELETE FROM personal_data WHERE {where}", ids).rowcount
    finally:
        connection.close()
