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
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.sync.changelog import STATE_KEY, uuid7


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
    except sqlite3.DatabaseError:
        return empty
    state = json.loads(row[0]) if row else {}
    return DeskHistory(
        bundle=int(state.get("bundle") or 0),
        last_seq=int(last or 0),
        acked=int(state.get("acked") or 0),
        branch_number=branch_number(state),
        bundle_hash=state.get("hash"),
    )


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
    now, then = read_history(current), read_history(backup)
    return RestoreOutlook(
        bundles_sent_after_backup=max(0, now.bundle - then.bundle),
        events_after_backup=max(0, now.last_seq - then.last_seq),
        new_branch=max(now.branch_number, then.branch_number) + 1,
    )


def start_branch(db: Database, replaced: Path | None) -> dict[str, Any]:
    """Open a new branch on a desk database just restored; `replaced` is the database the
    restore replaced (kept by the restore), read for the numbers this computer already used.

    Bundle numbers continue after the highest one written, so no two bundles of this computer
    ever share a name, and the chain of bundle hashes goes on from the last one sent.
    """
    state = load_state(db)
    before = read_history(replaced) if replaced is not None else DeskHistory(0, 0, 0, 1, None)
    with db.session() as session:
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
    save_state(db, state)
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
