"""A full disk, a read-only disk, a failing disk: a French message, nothing acknowledged lost,
and the desk records again as soon as the disk is usable, without restarting.

The faults are real ones, met by the real code through the stdlib sqlite3 module:
- disk full: a 4 MiB tmpfs filled up (needs root to mount, as the CI machine is; otherwise
  the test says why it is skipped), and `PRAGMA max_page_count` (always);
- read-only: the same tmpfs remounted read-only;
- I/O error: the process's file size limit (RLIMIT_FSIZE) at 0, so that every write() to a
  regular file fails with EFBIG, which SQLite reports as SQLITE_IOERR.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.backup import backups_folder, create_backup
from spro_desk.storage.engine import Database
from spro_desk.storage.errors import (
    CannotOpenError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
    StorageIOError,
)
from spro_desk.storage.integrity import quick_check

TINY_DISK = "4m"


def record(db: Database) -> str:
    return ContactService(db).record(ContactInput(canal="accueil-physique", statut="scolaire"))


def stored_ids(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return {row[0] for row in connection.exec_driver_sql("SELECT id FROM contact")}


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system of its own (tmpfs), unmounted afterwards."""
    point = tmp_path / "disk"
    point.mkdir()
    options = f"size={TINY_DISK}"
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", options, "tmpfs", str(point)):
        pytest.skip("mounting a small tmpfs needs root (CI runs as root); max_page_count covers it")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@contextmanager
def disk_filled(folder: Path) -> Iterator[Path]:
    """Fill the file system to the last byte; leaving the block gives the space back."""
    filler = folder / "remplissage.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):  # big blocks, then the last bytes one by one
            try:
                while os.write(descriptor, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(descriptor)
    try:
        yield filler
    finally:
        filler.unlink(missing_ok=True)


def test_a_full_disk_is_said_and_the_desk_records_again_when_space_returns(
    tiny_disk: Path,
) -> None:
    db = Database(tiny_disk / "spro-desk.sqlite")
    acknowledged = {record(db) for _ in range(20)}
    refusals = 0
    with disk_filled(tiny_disk):
        for _ in range(5):
            with pytest.raises(DiskFullError, match="disque de l'ordinateur est plein") as error:
                acknowledged.add(record(db))
            refusals += 1
            assert "Rien de ce qui était déjà enregistré n'est perdu" in str(error.value)
        assert acknowledged <= stored_ids(db)  # reads go on while the disk is full
    acknowledged.add(record(db))  # space is back: the same Database records again
    lost = acknowledged - stored_ids(db)
    db.close()
    print(
        f"\ndisk full: {refusals} saves refused with the French message, "
        f"acknowledged contacts lost = {len(lost)}, recorded again once space returned"
    )
    assert not lost
    assert quick_check(tiny_disk / "spro-desk.sqlite").ok


def test_a_backup_on_a_full_disk_leaves_nothing_behind(tiny_disk: Path) -> None:
    db = Database(tiny_disk / "spro-desk.sqlite")
    for _ in range(20):
        record(db)
    with disk_filled(tiny_disk), pytest.raises(DiskFullError):
        create_backup(db.path)
    assert [p.name for p in backups_folder(db.path).iterdir()] == []
    assert create_backup(db.path).exists()
    db.close()


def test_a_read_only_disk_is_said_and_then_recovered(tiny_disk: Path) -> None:
    db = Database(tiny_disk / "spro-desk.sqlite")
    acknowledged = {record(db)}
    db.engine.dispose()  # a remount cannot happen under files open for writing
    assert _mount("-o", "remount,ro", str(tiny_disk))
    try:
        with pytest.raises((ReadOnlyStorageError, CannotOpenError)) as error:
            record(db)
        assert "Rien de ce qui était déjà enregistré n'est perdu" in str(error.value) or (
            "ne peut pas être ouvert" in str(error.value)
        )
    finally:
        assert _mount("-o", "remount,rw", str(tiny_disk))
    acknowledged.add(record(db))
    assert acknowledged <= stored_ids(db)
    db.close()
    print(f"\nread-only disk: said ({type(error.value).__name__}), recovered, nothing lost")


@contextmanager
def writes_failing() -> Iterator[None]:
    """Every write() to a regular file by this process fails with EFBIG until the block ends."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills us
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_an_io_error_is_said_and_the_desk_goes_on(tmp_path: Path) -> None:
    db = Database(tmp_path / "spro-desk.sqlite")
    acknowledged = {record(db) for _ in range(5)}
    with writes_failing(), pytest.raises(StorageIOError) as error:
        record(db)
    assert "faites vérifier le disque" in str(error.value)
    acknowledged.add(record(db))
    assert acknowledged <= stored_ids(db)
    db.close()
    assert quick_check(tmp_path / "spro-desk.sqlite").ok
    print("\nI/O error: said in French, the next save worked, acknowledged contacts lost = 0")


def test_a_full_database_through_max_page_count(tmp_path: Path) -> None:
    """SQLITE_FULL without root: the page limit is set on each connection before a statement."""
    db = Database(tmp_path / "spro-desk.sqlite")
    acknowledged = {record(db)}
    limit: list[int | None] = [None]

    @event.listens_for(db.engine, "before_cursor_execute")
    def _cap(connection, cursor, statement, parameters, context, executemany) -> None:
        cursor.execute(f"PRAGMA max_page_count = {limit[0] or 1073741823}")

    with db.engine.connect() as connection:
        limit[0] = connection.exec_driver_sql("PRAGMA page_count").scalar()
    refused = 0
    for _ in range(200):  # the pages already there have some room left
        try:
            acknowledged.add(record(db))
        except DiskFullError:
            refused += 1
            break
    assert refused == 1
    limit[0] = None
    acknowledged.add(record(db))
    assert acknowledged <= stored_ids(db)
    db.close()


def test_every_storage_error_says_nothing_is_lost_or_what_to_do() -> None:
    for kind in (DiskFullError, ReadOnlyStorageError, StorageIOError):
        message = str(kind())
        assert "Rien de ce qui était déjà enregistré n'est perdu" in message
        assert isinstance(kind(), StorageError)
