"""Small files beside the keys (`privacy/` next to the database): written whole and durably,
readable by the OS user only, changed under an OS file lock shared by every process of the desk
(the window, the command line), never copied into the database or its backups."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spro_desk.storage.files import Durability, write_atomically

PRIVACY_DIR = "privacy"
TEMPORARY_SUFFIX = ".tmp"


def privacy_folder(db_path: Path) -> Path:
    return db_path.parent / PRIVACY_DIR


def fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: no directory handle to sync; NTFS journals the rename
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_whole(path: Path, data: bytes) -> None:
    """Replace the file atomically: a crash leaves the old content or the new, never a mix.
    The temporary file is named for `clean_temporaries` and wiped, not just unlinked."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(
        path,
        data,
        Durability.FOLDER_SYNCED,
        mode=0o600,
        temporary=path.with_name(path.name + TEMPORARY_SUFFIX),
        discard=wipe,
    )


def append_line(path: Path, line: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line + b"\n")
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def wipe(path: Path) -> None:
    """Overwrite then remove (best effort: journaling file systems and SSDs may keep copies)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except FileNotFoundError:
        return


def clean_temporaries(folder: Path) -> int:
    """Temporary files a crash left between writing and renaming (they may hold keys): wiped
    at the next start, each under its file's lock so that a write in progress is left alone."""
    if not folder.is_dir():
        return 0
    wiped = 0
    for path in folder.glob(f"*{TEMPORARY_SUFFIX}"):
        with locked(path.with_name(path.name[: -len(TEMPORARY_SUFFIX)])):
            if path.exists():
                wipe(path)
                wiped += 1
    return wiped


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive OS lock on `path`.lock, held by one process of the desk at a time."""
    lock_path = path.with_name(path.name + ".verrou")
    lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(descriptor)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
