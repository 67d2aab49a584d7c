"""`coordinator watch`: the automatic collection, once (`--once`) or until stopped (a service).

The WebDAV secret never comes from the command line (the process list, the shell's history):
from SPRO_DESK_WEBDAV_SECRET, from a file (`--webdav-secret-file`, e.g. a systemd credential),
or the one saved with `--save`.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database

Result = dict[str, Any]
SECRET_ENV = "SPRO_DESK_WEBDAV_SECRET"


def _secret(args: argparse.Namespace) -> str:
    if args.webdav_secret_file:
        return Path(args.webdav_secret_file).read_text("utf-8").strip()
    return os.environ.get(SECRET_ENV, "")


def _settings(db: Database, args: argparse.Namespace) -> Any:
    from spro_desk.sync.watch import WatchSettings, saved_settings
    from spro_desk.sync.webdav import Endpoint

    given = args.webdav_url or args.folder
    saved = None if given else saved_settings(db, Path(args.resolved_data_dir))
    if saved is None:
        endpoint = None
        if args.webdav_url:
            endpoint = Endpoint(args.webdav_url, args.webdav_user or "", _secret(args))
        saved = WatchSettings(endpoint, Path(args.folder) if args.folder else None)
    if args.interval:
        saved = WatchSettings(saved.endpoint, saved.folder, timedelta(seconds=args.interval))
    return saved.check()


def _french_logs() -> None:
    logger = logging.getLogger("spro_desk.collecte")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(logging.INFO)


def coordinator_watch(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.cli.parser import EXIT_OK, EXIT_PARTIAL
    from spro_desk.sync.watch import Collector, save_settings, watch

    data_dir = Path(args.resolved_data_dir)
    settings = _settings(db, args)
    if args.save:
        save_settings(db, data_dir, settings)
        return {"saved": settings.describe(), "interval_s": int(settings.interval.total_seconds())}
    _french_logs()
    collector = Collector(db, data_dir, settings)
    for number in (signal.SIGTERM, signal.SIGINT):  # systemd stops with SIGTERM
        signal.signal(number, lambda *_: collector.stop())
    last = watch(collector, once=args.once)
    result: Result = last.as_json() if last is not None else {"ok": True}
    partial = last is not None and (last.errors or last.refused)
    result["exit_code"] = EXIT_PARTIAL if partial else EXIT_OK
    return result


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], Result]] = {
    ("coordinator", "watch"): coordinator_watch,
}
