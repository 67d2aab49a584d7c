"""History branches: a desk restored from a backup continues on a new branch.

After a restore, the desk's next events take sequence numbers that the lost history (events
written after the backup, perhaps already sent) used too. Were they on the same branch, an
acknowledgement of the lost history would make the desk skip its new events (issue 12, finding
1). So the restore opens a new branch: its events carry the branch's id, bundles carry the
desk's lineage (`[[branch, first seq], …]`), and acknowledgements name the event they end on
(sync.acknowledgement): the desk applies one only if that event is its own.

Branch ids are UUIDv7 (time-ordered): the coordinator ranks a later branch's change above an
older branch's, whatever the import order (sync.merged). The branch number is for people and
file names: one more than any this computer used (the database replaced by the restore is kept,
and read for it).

A database put back by hand (an older copy of the file laid over the live one, not through
`backup restore`) would reuse, on the same branch, numbers already sent. So each bundle written
and each branch opened leave a high-water mark in the data folder, outside the database
(`sync-high-water.json`: bundle number and hash, branch): a database behind the mark of its own
desk is a copy put back, and opens a new branch before it writes an event or a bundle
(`follow_copy_back`, called by the contacts service and the export), as a restore does.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import weakref
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from spro_desk.storage.engine import Database
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.storage.records import get_record, put_record, read_record, write_record
from spro_desk.sync.changelog import STATE_KEY, uuid7
from spro_desk.sync.identity import IDENTITY_KEY

log = logging.getLogger(__name__)

HIGH_WATER_FILE = "sync-high-water.json"
HIGH_WATER_FORMAT = "spro-desk-high-water/1"


def load_state(db: Database) -> dict[str, Any]:
    return read_record(db, STATE_KEY) or {"bundle": 0, "hash": None, "acked": 0}


def save_state(db: Database, state: dict[str, Any]) -> None:
    write_record(db, STATE_KEY, state)


def lineage(state: dict[str, Any]) -> list[list[Any]]:
    """The desk's history as `[[branch, first seq], …]`, oldest first."""
    return [list(step) for step in state.get("lineage") or [["", 1]]]


def branch_number(state: dict[str, Any]) -> int:
    return int(state.get("branch_number") or 1)


@dataclass(frozen=True)
class DeskHistory:
    """What a desk database says of its sync history (read without migrating it)."""

    bundle: int  # bundles written
    last_seq: int  # events written
    acked: int
    branch_number: int
    bundle_hash: str | None
    desk_id: str | None = None

    @property
    def known(self) -> bool:
        return self.bundle > 0 or self.last_seq > 0


def read_history(path: Path) -> DeskHistory:
    """The history recorded in a desk database file (a backup, or the database in use)."""
    empty = DeskHistory(0, 0, 0, 1, None)
    if not path.is_file():
        return empty
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute(
                "SELECT value FROM setting WHERE key = ?", (STATE_KEY,)
            ).fetchone()
            (last,) = connection.execute("SELECT MAX(seq) FROM event").fetchone()
            identity = connection.execute(
                "SELECT value FROM setting WHERE key = ?", (IDENTITY_KEY,)
            ).fetchone()
    except sqlite3.DatabaseError:
        return empty
    state = json.loads(row[0]) if row else {}
    return DeskHistory(
        bundle=int(state.get("bundle") or 0),
        last_seq=int(last or 0),
        acked=int(state.get("acked") or 0),
        branch_number=branch_number(state),
        bundle_hash=state.get("hash"),
        desk_id=json.loads(identity[0]).get("desk_id") if identity else None,
    )


def _newest(first: DeskHistory, second: DeskHistory) -> DeskHistory:
    """What two records of one desk's history say together: the further bundle (and its hash),
    the highest numbers."""
    ahead = first if first.bundle >= second.bundle else second
    return DeskHistory(
        bundle=ahead.bundle,
        last_seq=max(first.last_seq, second.last_seq),
        acked=max(first.acked, second.acked),
        branch_number=max(first.branch_number, second.branch_number),
        bundle_hash=ahead.bundle_hash,
        desk_id=first.desk_id or second.desk_id,
    )


# --- the high-water mark beside the database ---------------------------------------------------


def high_water_path(database: Path) -> Path:
    return database.parent / HIGH_WATER_FILE


def read_high_water(database: Path) -> dict[str, Any] | None:
    """The mark left in the database's folder (None: none, or unreadable: nothing to compare)."""
    try:
        mark = json.loads(high_water_path(database).read_bytes())
    except (OSError, ValueError):
        return None
    return mark if isinstance(mark, dict) and mark.get("format") == HIGH_WATER_FORMAT else None


def _marked_history(mark: dict[str, Any] | None) -> DeskHistory:
    if mark is None:
        return DeskHistory(0, 0, 0, 1, None)
    return DeskHistory(
        bundle=int(mark.get("bundle") or 0),
        last_seq=int(mark.get("last_seq") or 0),
        acked=0,
        branch_number=int(mark.get("branch_number") or 1),
        bundle_hash=mark.get("hash"),
    )


def note_high_water(
    db: Database, state: dict[str, Any], desk_id: str | None = None, last_seq: int | None = None
) -> None:
    """Leave the mark of `state` (just saved: a bundle written, a branch opened) beside the
    database; `desk_id` and `last_seq` are read from it when the caller does not know them. A
    mark that cannot be written only weakens the check: the bundle stands."""
    if desk_id is None:
        desk_id = (read_record(db, IDENTITY_KEY) or {}).get("desk_id")
    if last_seq is None:
        with db.session() as session:
            last = session.connection().exec_driver_sql("SELECT MAX(seq) FROM event").scalar()
        last_seq = int(last or 0)
    mark = {
        "format": HIGH_WATER_FORMAT,
        "desk_id": desk_id,
        "bundle": int(state.get("bundle") or 0),
        "hash": state.get("hash"),
        "branch": state.get("branch") or "",
        "branch_number": branch_number(state),
        "last_seq": last_seq,
    }
    try:
        data = json.dumps(mark, indent=1).encode()
        write_atomically(high_water_path(db.path), data, Durability.CONTENTS_SYNCED)
    except OSError:
        log.warning("Cannot write the sync high-water mark beside %s", db.path, exc_info=True)


def copied_back(state: dict[str, Any], desk_id: str | None, mark: dict[str, Any] | None) -> bool:
    """Whether the database (its sync `state`) is behind the mark its desk left: an older copy
    put back. A mark of another desk, or none, says nothing."""
    if mark is None or desk_id is None or mark.get("desk_id") != desk_id:
        return False
    bundle, marked = int(state.get("bundle") or 0), int(mark.get("bundle") or 0)
    if bundle != marked:
        return bundle < marked
    held = (state.get("hash"), state.get("branch") or "")
    return held != (mark.get("hash"), mark.get("branch") or "")


_followed: weakref.WeakKeyDictionary[Database, bool] = weakref.WeakKeyDictionary()


def follow_copy_back(db: Database) -> dict[str, Any] | None:
    """Open a new branch if the database is a copy put back by hand; the new state, or None.
    Checked once per open database (a file cannot be laid over a database in use)."""
    if _followed.get(db):
        return None
    mark = read_high_water(db.path)
    opened = None
    if mark is not None and _behind(db, mark):
        with db.transaction() as session:  # one writer: two processes cannot both branch
            if _behind_in(session, mark):
                opened = _branch_in(session, _marked_history(mark))
    _followed[db] = True
    if opened is not None:
        log.warning("The desk database is behind its high-water mark: new branch b%s",
                    opened["branch_number"])  # fmt: skip
        note_high_water(db, opened)
    return opened


def _behind(db: Database, mark: dict[str, Any]) -> bool:
    """Read first, without the write lock: the usual answer (no) never waits for a writer."""
    with db.session() as session:
        return _behind_in(session, mark)


def _behind_in(session: Session, mark: dict[str, Any]) -> bool:
    state = get_record(session, STATE_KEY) or {}
    desk_id = (get_record(session, IDENTITY_KEY) or {}).get("desk_id")
    return copied_back(state, desk_id, mark)


def _own_mark(db: Database) -> dict[str, Any] | None:
    """The high-water mark beside `db` if its desk left it."""
    mark = read_high_water(db.path)
    desk_id = (read_record(db, IDENTITY_KEY) or {}).get("desk_id")
    return mark if mark is not None and desk_id and mark.get("desk_id") == desk_id else None


@dataclass(frozen=True)
class RestoreOutlook:
    """What restoring a backup does to the desk's synchronisation, said before it is done."""

    bundles_sent_after_backup: int
    events_after_backup: int
    new_branch: int

    def message(self) -> str:
        if self.bundles_sent_after_backup == 0 and self.events_after_backup == 0:
            return "Synchronisation : rien n'a été envoyé ni enregistré depuis cette sauvegarde."
        return (
            f"Synchronisation : {self.bundles_sent_after_backup} envoi(s) au coordinateur et "
            f"{self.events_after_backup} changement(s) ont été faits après cette sauvegarde. "
            "Ce qui a déjà été envoyé reste chez le coordinateur ; ce qui n'a pas été envoyé "
            "sera perdu sur ce poste. Le poste repartira sur une nouvelle branche d'historique "
            f"(b{self.new_branch}) : ses nouveaux envois ne seront jamais confondus avec les "
            "anciens, et le coordinateur garde les deux."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "bundles_sent_after_backup": self.bundles_sent_after_backup,
            "events_after_backup": self.events_after_backup,
            "new_branch": self.new_branch,
            "message": self.message(),
        }


def restore_outlook(current: Path, backup: Path) -> RestoreOutlook:
    now = read_history(current)
    mark = read_high_water(current)
    if mark is not None and now.desk_id and mark.get("desk_id") == now.desk_id:
        now = _newest(now, _marked_history(mark))  # a database put back by hand is behind it
    then = read_history(backup)
    return RestoreOutlook(
        bundles_sent_after_backup=max(0, now.bundle - then.bundle),
        events_after_backup=max(0, now.last_seq - then.last_seq),
        new_branch=max(now.branch_number, then.branch_number) + 1,
    )


def start_branch(db: Database, replaced: Path | None) -> dict[str, Any]:
    """Open a new branch on a desk database just restored; `replaced` is the database the
    restore replaced (kept by the restore), read with the high-water mark for the numbers this
    computer already used."""
    before = _newest(
        read_history(replaced) if replaced is not None else DeskHistory(0, 0, 0, 1, None),
        _marked_history(_own_mark(db)),
    )
    with db.transaction() as session:
        state = _branch_in(session, before)
    note_high_water(db, state)
    return state


def _branch_in(session: Session, before: DeskHistory) -> dict[str, Any]:
    """The new branch's state, saved in `session`; `before`: the furthest history this desk
    reached elsewhere (the replaced database, the high-water mark).

    Bundle numbers continue after the highest one written, so no two bundles of this computer
    ever share a name, and the chain of bundle hashes goes on from the last one sent.
    """
    state = get_record(session, STATE_KEY) or {"bundle": 0, "hash": None, "acked": 0}
    last = session.connection().exec_driver_sql("SELECT MAX(seq) FROM event").scalar()
    label = uuid7()
    number = max(before.branch_number, branch_number(state)) + 1
    first = int(last or 0) + 1
    # A branch that wrote nothing on this history (restored again at once) leaves no step.
    history = [*(step for step in lineage(state) if step[1] < first), [label, first]]
    newer_elsewhere = before.bundle > int(state.get("bundle") or 0)
    state = {
        **state,
        "branch": label,
        "branch_number": number,
        "lineage": history,
        "bundle": max(before.bundle, int(state.get("bundle") or 0)),
        "hash": before.bundle_hash if newer_elsewhere else state.get("hash"),
    }
    put_record(session, STATE_KEY, state)
    return state


def start_branch_at(db_path: Path, replaced: Path | None) -> dict[str, Any]:
    """`start_branch` on a database file that nothing has open."""
    db = Database(db_path)
    try:
        return start_branch(db, replaced)
    finally:
        db.close()


def restore_desk_backup(
    db_path: Path, backup: Path, engine: Any = None, db: Database | None = None
) -> tuple[Any, RestoreOutlook, dict[str, Any] | None]:
    """Restore `backup` in place of the desk database and, for a desk with a sync history,
    open a new branch: the restore itself (storage.backup) and what it means for the sync.

    `engine`/`db`: the running application's (its connections stay usable); without them the
    database file is opened here once restored. Returns the restore's result, what was said
    before it (`restore_outlook`) and the new sync state (None: no sync history)."""
    from spro_desk.storage.backup import restore_backup

    outlook = restore_outlook(db_path, backup)
    synced = read_history(db_path).known or read_history(backup).known
    result = restore_backup(db_path, backup, engine)
    if not synced:
        return result, outlook, None
    if db is not None:
        return result, outlook, start_branch(db, result.previous_copy)
    return result, outlook, start_branch_at(db_path, result.previous_copy)
