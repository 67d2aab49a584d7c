"""Commands of the coordinator → desk direction: directory snapshots and acknowledgements."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database

Result = dict[str, Any]


def coordinator_publish_directory(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.directory_update import publish_directory

    result = publish_directory(
        db,
        Path(args.resolved_data_dir),
        Path(args.path),
        Path(args.out),
        expires_days=args.expires_days,
        with_acknowledgements=args.with_acknowledgements,
    )
    return {
        "file": str(result.path),
        "version": result.version,
        "published_at": result.published_at.isoformat(),
        "expires_at": result.expires_at.isoformat(),
        "structures": result.report.structures,
        "services": result.report.services,
        "rejected": len(result.report.rejected),
        "warnings": len(result.report.warnings),
        "acknowledgements": result.acknowledgements,
        "size": result.size,
    }


def coordinator_fetch_directory(db: Database, args: argparse.Namespace) -> Result:
    """The region's directory from the data·inclusion API v1, into a folder to publish."""
    from spro_desk.site.settings import SiteSettings
    from spro_desk.sync.directory_fetch import fetch_directory

    site = SiteSettings(db)
    result = fetch_directory(
        args.url or site.get("datainclusion.url"),
        site.get("datainclusion.jeton") or "",
        args.region or site.get("datainclusion.region") or None,
        Path(args.out),
    )
    return {
        "folder": str(result.folder),
        "structures": result.structures,
        "services": result.services,
        "pages_downloaded": result.pages_downloaded,
        "pages_resumed": result.pages_resumed,
    }


def sync_import_update(db: Database, args: argparse.Namespace) -> Result:
    """A directory snapshot or an acknowledgement, told apart by the file's first bytes."""
    from spro_desk.sync.updates import apply_update

    result = apply_update(db, Path(args.file))
    if result.get("kind") == "directory":  # as `directory import` does (commands.py)
        from spro_desk.directory.search import prepare_search

        result["recherche_preparee"] = prepare_search(db)
    return result


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("coordinator", "publish-directory"): coordinator_publish_directory,
    ("coordinator", "fetch-directory"): coordinator_fetch_directory,
    ("sync", "import-update"): sync_import_update,
}
