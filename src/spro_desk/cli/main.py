"""Entry point of `spro-desk` and `python -m spro_desk`."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spro_desk.cli.exits import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError
from spro_desk.cli.window_options import WindowOptions, window_options
from spro_desk.collector import collector_paused
from spro_desk.paths import database_path, ensure_private_dir, os_reason, resolve_data_dir

if TYPE_CHECKING:
    import argparse

# Less than this free on the data folder's disk: an I/O error during a write is a full disk.
FULL_DISK_MARGIN = 256 * 1024

# The commands and the window import what they need when they run: starting the desktop app
# does not pay for the import pipeline, the suggestion engine, the output formatting, nor
# argparse's parsers (cli/window_options.py).


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    unreadable = undecodable_argument(arguments)
    if unreadable is not None:
        print(unreadable, file=sys.stderr)
        if "--json" in arguments:
            print_refusal_json(unreadable, EXIT_USAGE)
        return EXIT_USAGE
    window = window_options(arguments)
    if window is not None:
        return start_window(window)
    try:
        args = parse_arguments(arguments)
    except UsageError as error:
        print(error, file=sys.stderr)
        if "--json" in arguments:
            print_refusal_json(str(error), EXIT_USAGE)
        return EXIT_USAGE
    if args.command is None:
        return start_window(args)
    import logging

    data_dir = resolve_data_dir(args.data_dir)
    try:
        ensure_private_dir(data_dir)
    except OSError as error:
        print(folder_refusal(data_dir, error), file=sys.stderr)
        if "--json" in arguments:
            print_refusal_json(folder_refusal(data_dir, error))
        return EXIT_REFUSED
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    return run_command(args, data_dir)


def start_window(options: WindowOptions | argparse.Namespace) -> int:
    """The desktop window on the chosen data folder, until it closes (the window makes the
    folder, and says in a window of its own when it cannot: no terminal to read a traceback)."""
    data_dir = resolve_data_dir(options.data_dir)
    # No stderr handler here: the window sets up its log file only where logging was not
    # set up already (ui/app/start.py), and a desk's log file is what a support call reads.
    run_app = window_runner()
    return run_app(
        data_dir,
        use_sample_if_empty=options.sample_if_empty,
        smoke_quit_after_ms=options.smoke_quit_after,
    )


def folder_refusal(data_dir: Path, error: OSError) -> str:
    """Why the data folder cannot be made, in French, and what to check."""
    return (
        f"Refusé : le dossier de données « {data_dir} » ne peut pas être créé ni ouvert "
        f"({os_reason(error)}). Vérifiez le chemin (--data-dir ou SPRO_DESK_DATA_DIR), que le "
        "disque où il se trouve est branché et que votre compte a le droit d'y écrire."
    )


def window_runner() -> Callable[..., int]:
    """`ui.app.start.run_app`, Qt and the interface imported with the garbage collector paused.

    Those imports make some 36,000 objects that live as long as the window: collecting while
    they are made (Qt's Python modules included) scans them again and again: ~14 M instructions of a
    start of ~1,000 M (bench/start_instructions.py), paused without the freeze only ~2 M, as the
    first collection after it scans them all. Frozen afterwards (the collector skips them from
    then on), unless this process had imported the interface already (tests): its own
    objects are no business of the window's start."""
    first_time = "spro_desk.ui.app.start" not in sys.modules
    with collector_paused():
        from spro_desk.ui.app.start import run_app  # Qt is loaded only for the window
    if first_time and gc.isenabled():  # a caller that paused the collector keeps its objects
        gc.freeze()
    return run_app


def print_refusal_json(message: str, code: int = EXIT_REFUSED) -> None:
    """With --json, a refusal too is one JSON object on stdout."""
    import json

    print(json.dumps({"ok": False, "error": message, "exit_code": code}, ensure_ascii=False))


def undecodable_argument(argv: list[str]) -> str | None:
    """The French refusal of an argument that is not valid text (bytes that are not UTF-8 reach
    Python as lone surrogates, which nothing downstream can write), else None."""
    for position, argument in enumerate(argv, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "replace").decode("utf-8")
            return (
                f"Refusé : l'argument n° {position} (« {shown} ») contient des octets qui ne "
                "sont pas du texte UTF-8. Retapez-le (ou réglez le terminal en UTF-8) ; rien "
                "n'a été modifié."
            )
    return None


def disk_fault(error: BaseException, data_dir: Path) -> Exception | None:
    """The French message of a disk fault met by a command. SQLite reports a disk that filled
    up during a write as an I/O error, and some paths raise the driver's error unmapped: when
    the data folder's disk has no room left, it is said as a full disk."""
    import shutil

    from spro_desk.storage.errors import DiskFullError, StorageError, StorageIOError, translated

    mapped = translated(error) if not isinstance(error, StorageError) else error
    if mapped is not None and not isinstance(mapped, StorageIOError):
        return mapped
    if mapped is None and not isinstance(error, OSError) and sqlite_like(error) is False:
        return None
    try:
        full = shutil.disk_usage(data_dir).free < FULL_DISK_MARGIN
    except OSError:
        full = False
    return DiskFullError() if full else mapped


def sqlite_like(error: BaseException) -> bool:
    return type(error).__module__.startswith(("sqlalchemy", "sqlite3"))


def coordination_url(args: argparse.Namespace) -> str | None:
    """The coordination's server (--database-url, else SPRO_DESK_DATABASE_URL) for the
    coordinator's commands; a desk's commands always use the data folder's SQLite file."""
    from spro_desk.storage.dialects import database_url_from

    if args.command != "coordinator":
        return None
    return database_url_from(getattr(args, "database_url", None))


def server_unreachable(url: str, error: BaseException) -> str:
    from sqlalchemy.engine import make_url

    shown = make_url(url).render_as_string(hide_password=True)
    first_line = str(getattr(error, "orig", error)).strip().splitlines()[:1]
    return (
        f"Refusé : la base de la coordination « {shown} » ne répond pas ou refuse la connexion "
        f"({first_line[0] if first_line else type(error).__name__}). Vérifiez l'adresse, le "
        "serveur et le mot de passe ; rien n'a été modifié."
    )


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The window's start (global options only) without building every command's parser."""
    from spro_desk.cli.parser import build_parser, build_window_parser

    if not {"-h", "--help"} & set(argv):
        window_args, rest = build_window_parser().parse_known_args(argv)
        if not rest:
            window_args.command = None
            return window_args
    return build_parser().parse_args(argv)


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from spro_desk.agents.accounts import AgentError
    from spro_desk.agents.coordination_roles import CoordinationDenied
    from spro_desk.agents.sessions import AccessDenied
    from spro_desk.cli.commands import HANDLERS
    from spro_desk.cli.commands_report import ReportRefused
    from spro_desk.cli.output import render
    from spro_desk.contacts.model import ContactError
    from spro_desk.directory.source import DirectoryImportError
    from spro_desk.orientation.profile import ProfileError
    from spro_desk.privacy.access import AccessRightError
    from spro_desk.security.audit import AuditTampered
    from spro_desk.storage.dialects import DatabaseUrlError
    from spro_desk.storage.engine import Database
    from spro_desk.storage.errors import StorageError
    from spro_desk.storage.migrate import NewerDatabaseError
    from spro_desk.sync.bundle import ExportFolderError
    from spro_desk.sync.coordinator import BundleRefused
    from spro_desk.sync.directory_fetch import DirectoryFetchError
    from spro_desk.sync.directory_update import SnapshotRefused
    from spro_desk.sync.identity import IdentityError
    from spro_desk.sync.transport import TransportError
    from spro_desk.sync.watch import WatchError

    refusals = (
        DirectoryImportError, ContactError, ProfileError, NewerDatabaseError, IdentityError,
        BundleRefused, SnapshotRefused, TransportError, AuditTampered, ReportRefused,
        ExportFolderError, AgentError, AccessDenied, AccessRightError, DirectoryFetchError,
        CoordinationDenied, WatchError,
    )  # fmt: skip
    args.resolved_data_dir = data_dir
    key = (args.command, getattr(args, "action", None))
    if key[0] == "backup":  # works on a database too damaged to be opened and migrated
        from spro_desk.cli.commands_backup import run_backup_command

        return run_backup_command(args, data_dir)
    as_json = bool(getattr(args, "json", False))
    try:
        url = coordination_url(args)
        db = Database(database_path(data_dir), url=url)
    except (NewerDatabaseError, StorageError, DatabaseUrlError) as error:
        opening = disk_fault(error, data_dir) or error
        print(opening, file=sys.stderr)
        if as_json:
            print_refusal_json(str(opening))
        return EXIT_REFUSED
    except SQLAlchemyError as error:
        if url is None:
            raise
        unreachable = server_unreachable(url, error)
        print(unreachable, file=sys.stderr)
        if as_json:
            print_refusal_json(unreachable)
        return EXIT_REFUSED
    try:
        from spro_desk.site.settings import SiteSettings, apply_site_zone

        apply_site_zone(SiteSettings(db).get)  # the site's days, in every export and report
        if key[0] == "coordinator" and key[1] != "init":
            from spro_desk.cli.commands_coordination import sign_in_for_command

            sign_in_for_command(db, args)
        result = HANDLERS[key](db, args)
    except (*refusals, StorageError) as error:  # a disk fault: full, read-only, damaged
        reason: Exception = error
        if isinstance(error, StorageError):
            reason = disk_fault(error, data_dir) or error
        print(f"Refusé : {reason}", file=sys.stderr)
        if as_json:
            print_refusal_json(str(reason))
        return EXIT_REFUSED
    except Exception as error:
        fault = disk_fault(error, data_dir)
        if fault is None:
            raise
        print(f"Refusé : {fault}", file=sys.stderr)
        if as_json:
            print_refusal_json(str(fault))
        return EXIT_REFUSED
    finally:
        db.close()
    if as_json:
        import json

        print(json.dumps(result, ensure_ascii=False))
    else:
        print(render(key, result))
    return int(result.get("exit_code", EXIT_OK))


if __name__ == "__main__":
    sys.exit(main())
