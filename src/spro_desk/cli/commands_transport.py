"""Commands of the WebDAV transport: one round now (`sync push`) and the outbox (`sync queue`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database

Result = dict[str, Any]


def sync_push(db: Database, args: argparse.Namespace) -> Result:
    """Upload what waits and fetch the updates now. Exit 0 even when the server is down: the
    bundles stay queued (`pending`, `ok` and `error` say how it went)."""
    from spro_desk.sync.transport import Transport

    return Transport(db, Path(args.resolved_data_dir)).run_round(force=True).as_json()


def sync_queue(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.transport import sync_overview

    return sync_overview(db, Path(args.resolved_data_dir)).as_json()


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("sync", "push"): sync_push,
    ("sync", "queue"): sync_queue,
}
