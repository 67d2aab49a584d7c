"""Entry point of `spro-desk` and `python -m spro_desk`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from spro_desk.cli.parser import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    UsageError,
    build_parser,
    build_window_parser,
)
from spro_desk.paths import database_path, ensure_private_dir, resolve_data_dir

# The commands and the window import what they need when they run: starting the desktop app
# does not pay for the import pipeline, the suggestion engine or the output formatting.


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else list(argv))
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    data_dir = ensure_private_dir(resolve_data_dir(args.data_dir))
    if args.command is None:
        from spro_desk.ui.app import run_app  # Qt is loaded only for the window

        return run_app(
            data_dir,
            use_sample_if_empty=args.sample_if_empty,
            smoke_quit_after_ms=args.smoke_quit_after,
        )
    return run_command(args, data_dir)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The window's start (global options only) without building every command's parser."""
    if not {"-h", "--help"} & set(argv):
        window_args, rest = build_window_parser().parse_known_args(argv)
        if not rest:
            window_args.command = None
            return window_args
    return build_parser().parse_args(argv)


def run_command(args: object, data_dir: object) -> int:
    from spro_desk.cli.commands import HANDLERS
    from spro_desk.cli.commands_report import ReportRefused
    from spro_desk.cli.output import render
    from spro_desk.contacts.model import ContactError
    from spro_desk.directory.source import DirectoryImportError
    from spro_desk.orientation.profile import ProfileError
    from spro_desk.privacy.audit import AuditTampered
    from spro_desk.storage.engine import Database
    from spro_desk.storage.errors import StorageError
    from spro_desk.storage.migrate import NewerDatabaseError
    from spro_desk.sync.coordinator import BundleRefused
    from spro_desk.sync.directory_fetch import DirectoryFetchError
    from spro_desk.sync.directory_update import SnapshotRefused
    from spro_desk.sync.identity import IdentityError
    from spro_desk.sync.transport import TransportError

    refusals = (
        DirectoryImportError, ContactError, ProfileError, NewerDatabaseError, IdentityError,
        BundleRefused, SnapshotRefused, TransportError, AuditTampered, ReportRefused,
        DirectoryFetchError,
    )  # fmt: skip
    args.resolved_data_dir = data_dir  # type: ignore[attr-defined]
    key = (args.command, getattr(args, "action", None))  # type: ignore[attr-defined]
    if key[0] == "backup":  # works on a database too damaged to be opened and migrated
        from spro_desk.cli.commands_backup import run_backup_command

        return run_backup_command(args, data_dir)  # type: ignore[arg-type]
    try:
        db = Database(database_path(data_dir))  # type: ignore[arg-type]
    except (NewerDatabaseError, StorageError) as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    try:
        result = HANDLERS[key](db, args)  # type: ignore[arg-type]
    except (*refusals, StorageError) as error:  # a disk fault: full, read-only, damaged
        print(f"Refusé : {error}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.close()
    if args.json:  # type: ignore[attr-defined]
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(render(key, result))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
