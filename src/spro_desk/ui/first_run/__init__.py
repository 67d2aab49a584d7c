"""The first-run assistant, shown when the data folder is new (no site configured).

The application asks ``first_run_snapshot`` before its main window. An existing data folder is
recognised with the sqlite3 module alone (no SQLAlchemy, no Qt page imported): the window's
fast start is untouched. Only a folder that looks new opens the database and the assistant.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spro_desk.paths import database_path
from spro_desk.storage.quick_read import database_looks_new
from spro_desk.ui.common.mode import COORDINATOR_KEY_FILE, DESK_KEY_FILE

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database
    from spro_desk.storage.quick_read import StartupSnapshot

log = logging.getLogger(__name__)


def folder_looks_new(data_dir: Path) -> bool:
    """Nothing set up or recorded yet (cheap: read-only sqlite3, no migration, no Qt page)."""
    if any((data_dir / key).exists() for key in (DESK_KEY_FILE, COORDINATOR_KEY_FILE)):
        return False
    return database_looks_new(database_path(data_dir))


@dataclass(frozen=True)
class FirstRun:
    """What the assistant left: `done`, False when the agent gave up (the app quits); and,
    for a desk it set up, its first agent's id and code, to open the window signed in."""

    done: bool
    sign_in: tuple[str, str] | None = None


def first_run_snapshot(
    data_dir: Path, snapshot: StartupSnapshot, keys: Iterable[str]
) -> tuple[StartupSnapshot, tuple[str, str] | None] | None:
    """The snapshot to start the window with, after the assistant on a new folder (re-read,
    the assistant changed it), and the first agent's sign-in it leaves (`FirstRun`); None
    when the agent left the assistant (the app quits)."""
    if not folder_looks_new(data_dir):
        return snapshot, None
    from spro_desk.storage.engine import Database
    from spro_desk.storage.quick_read import read_startup_snapshot

    try:
        db = Database(database_path(data_dir))
    except Exception:  # a database from the future, a disk fault: the window's opening explains
        log.warning("First-run check: the database does not open", exc_info=True)
        return snapshot, None
    try:
        outcome = run_first_run(db, data_dir)
    finally:
        db.close()
    if not outcome.done:
        return None
    return read_startup_snapshot(database_path(data_dir), keys), outcome.sign_in


def run_first_run(db: Database, data_dir: Path) -> FirstRun:
    """Show the assistant if the data folder is new."""
    from spro_desk.ui.first_run.setup import needs_first_run

    if not needs_first_run(db, data_dir):
        return FirstRun(done=True)
    from spro_desk.geo import geography
    from spro_desk.ui.first_run.wizard import FirstRunWizard

    wizard = FirstRunWizard(db, data_dir, geography())
    wizard.exec()
    outcome = FirstRun(wizard.applied, wizard.sign_in)
    wizard.sign_in = None
    wizard.deleteLater()
    return outcome


__all__ = ["COORDINATOR_KEY_FILE", "DESK_KEY_FILE", "first_run_snapshot", "folder_looks_new"]
