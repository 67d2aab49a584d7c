"""Writing a file so that readers see the old one or the new one, never half of it.

Every caller says how durable the new file must be before it counts (`Durability`): an export
the agent can write again needs less than the desk key, whose loss would lose personal data.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path


class Durability(Enum):
    """How far the bytes must have gone when `write_atomically` returns."""

    # Complete or absent, but a power cut may lose the new file: exports, printed slips.
    REPLACED = "replaced"
    # The contents reached the disk before the rename: bundles, the access log.
    CONTENTS_SYNCED = "contents"
    # The contents and the folder's new entry reached the disk: keys, whose loss loses data.
    FOLDER_SYNCED = "folder"


def temporary_path(path: Path) -> Path:
    """Hidden beside the target (same file system, so the rename is atomic)."""
    return path.with_name(f".{path.name}.part")


def write_atomically(
    path: Path,
    content: bytes | Callable[[Path], object],
    durability: Durability,
    *,
    mode: int = 0o666,
    temporary: Path | None = None,
    discard: Callable[[Path], object] | None = None,
) -> Path:
    """Write `content` (bytes, or a function writing the file it is given) to `path`.

    The temporary file is removed when anything fails; an existing `path` is only ever
    replaced by a complete file. `mode` applies to bytes written here (0o600: owner only).
    The folder must exist: a missing one is the caller's error to report (OSError).
    `temporary` names the file written first (default `temporary_path`); `discard` removes it
    when the write fails (default: unlink; key files overwrite it first).
    """
    temporary = temporary or temporary_path(path)
    try:
        if isinstance(content, bytes):
            _write_bytes(temporary, content, mode, durability is not Durability.REPLACED)
        else:
            content(temporary)
            if durability is not Durability.REPLACED:
                _sync_file(temporary)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            (discard or _unlink)(temporary)
    if durability is Durability.FOLDER_SYNCED:
        sync_folder(path.parent)
    return path


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _write_bytes(path: Path, data: bytes, mode: int, sync: bool) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        if sync:
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_file(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (POSIX; Windows has no directory handle to sync)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
