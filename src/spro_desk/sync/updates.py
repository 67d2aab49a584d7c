"""What a desk receives from the coordination: a directory snapshot or an acknowledgement.

One entry point for `sync import-update` and the WebDAV rounds: the two are told apart by the
file's first bytes, and each is refused by its own module (`SnapshotRefused`, `IdentityError`…).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database

Progress = Callable[[str, int, int], None]


def starts_like_snapshot(path: Path) -> bool:
    from spro_desk.sync.directory_update import SNAPSHOT_MAGIC, SnapshotRefused

    try:
        with open(path, "rb") as file:
            return file.read(len(SNAPSHOT_MAGIC)) == SNAPSHOT_MAGIC
    except OSError as error:
        raise SnapshotRefused(f"Fichier illisible : {path.name} ({error.strerror}).") from error


def apply_update(
    db: Database,
    path: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Apply the file; returns what was applied, as the command line prints it."""
    if not starts_like_snapshot(path):
        from spro_desk.sync.acknowledgement import apply_acknowledgement

        return {"kind": "acknowledgement", "acked_seq": apply_acknowledgement(db, path)}
    from spro_desk.sync.directory_update import install_snapshot

    result = install_snapshot(
        db, path, progress=progress, is_cancelled=is_cancelled or (lambda: False)
    )
    return {
        "kind": "directory",
        "version": result.snapshot.version,
        "published_at": result.snapshot.published_at.isoformat(),
        "expires_at": result.snapshot.expires_at.isoformat(),
        "structures": result.report.structures,
        "services": result.report.services,
        "rejected": len(result.report.rejected),
        "warnings": len(result.report.warnings),
        "acked_seq": result.acked_seq,
        "notes": result.notes,
    }
