"""Is the database file sound? `PRAGMA quick_check`, and a gate that keeps writes out of a
damaged file.

The check reads every page of the file (about 0.4 s for a national directory of 300 MB, more on a
cold disk), so the application runs it in the background once its window is shown. Until it has
answered, a write waits at the gate; once a check has failed, every write is refused with a
French message: SPRO Desk never goes on writing into a file it knows to be damaged.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from spro_desk.storage.errors import CorruptDatabaseError, DatabaseBusyError, StorageError

# How many problems quick_check lists at most: enough to log, bounded on a badly damaged file.
MAX_PROBLEMS = 20
# A write that arrives during the start-up check waits this long at most, then is refused.
CHECK_WAIT_SECONDS = 120.0


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: tuple[str, ...]
    seconds: float

    def summary(self) -> str:
        return "ok" if self.ok else "; ".join(self.problems[:3])


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens the file without writing it. `immutable` is for files nobody else
    opens (backups): no lock is taken and no -wal/-shm file is created next to them."""
    return f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def quick_check(path: Path, *, immutable: bool = False) -> IntegrityReport:
    """Run `PRAGMA quick_check` on its own read-only connection; a file that cannot even be
    read as a database is reported as damaged, not raised."""
    started = time.perf_counter()
    try:
        connection = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)
        try:
            rows = connection.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        problems: tuple[str, ...] = (str(error),)
    else:
        problems = tuple(str(row[0]) for row in rows if row[0] != "ok")
    return IntegrityReport(not problems, problems, time.perf_counter() - started)


class WriteGate:
    """Where every write transaction of a Database passes first (thread-safe)."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._refusal: StorageError | None = None

    def hold(self) -> None:
        """Make writes wait: a check of the file is under way."""
        self._open.clear()

    def release(self, refusal: StorageError | None = None) -> None:
        """Let writes through again, or refuse them all from now on with `refusal`."""
        self._refusal = refusal
        self._open.set()

    def refuse(self, error: StorageError) -> None:
        self.release(error)

    @property
    def refusal(self) -> StorageError | None:
        return self._refusal

    def before_write(self) -> None:
        if not self._open.wait(CHECK_WAIT_SECONDS):
            raise DatabaseBusyError()
        if self._refusal is not None:
            raise self._refusal


def check_and_gate(path: Path, gate: WriteGate) -> IntegrityReport:
    """Check the file; a damaged one closes the gate for good (until a restore reopens it)."""
    gate.hold()
    report = IntegrityReport(False, ("vérification interrompue",), 0.0)
    try:
        report = quick_check(path)
    finally:
        gate.release(None if report.ok else CorruptDatabaseError(report.summary()))
    return report
