"""Backups of the desk database in `<data-dir>/backups/`: create, rotate, preview, restore.

A backup is a copy made with SQLite's online backup API: a consistent snapshot taken while the
application keeps writing (WAL readers never block the writer). It is written under a temporary
name, switched to the rollback journal so it is one self-contained file, synced, checked with
`quick_check`, and only then renamed into place: a backup that exists is complete and sound.
Personal data is encrypted in its columns, so the page copy is encrypted the same way; nothing
here ever writes a clear export.

Files (local time in the name, which is also their date):
  sauvegarde-AAAAMMJJ-HHMMSS.sqlite           daily (automatic) or asked for; rotated
  avant-restauration-AAAAMMJJ-HHMMSS.sqlite   the database as it was before a restore
  avant-migration-REV-AAAAMMJJ-HHMMSS.sqlite  before a schema upgrade (storage/migrate.py)
Rotation keeps the newest backup of each of the 7 most recent days that have one, then the
newest of each of the 4 most recent earlier weeks; the 3 newest copies of each other kind.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from spro_desk.storage.errors import StorageError, storage_errors
from spro_desk.storage.integrity import quick_check, read_only_uri
from spro_desk.storage.migrate import SHIPPED_REVISIONS, NewerDatabaseError, upgrade_to_head

FOLDER = "backups"
DAILY = "sauvegarde"
BEFORE_RESTORE = "avant-restauration"
BEFORE_MIGRATION = "avant-migration"
DAMAGED = "endommagee"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SAFETY_COPIES = 3
BACKUP_EVERY = timedelta(days=1)

_NAME = re.compile(
    r"^(?P<kind>sauvegarde|avant-restauration|avant-migration-[0-9A-Za-z_]+|endommagee)"
    r"-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite$"
)


class BackupError(StorageError):
    """A backup cannot be made, read or restored; the message says why, in French."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # DAILY, BEFORE_RESTORE, BEFORE_MIGRATION, DAMAGED
    created_at: datetime


@dataclass(frozen=True)
class BackupPreview:
    """What a backup holds, read without changing it (no personal data)."""

    path: Path
    created_at: datetime
    schema_revision: str | None
    contacts: int
    referrals: int
    services: int
    last_contact_at: datetime | None
    size: int

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "schema_revision": self.schema_revision,
            "contacts": self.contacts,
            "referrals": self.referrals,
            "services": self.services,
            "last_contact_at": (
                self.last_contact_at.isoformat(timespec="seconds") if self.last_contact_at else None
            ),
            "size": self.size,
        }


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupPreview
    previous_copy: Path  # the database as it was just before: restoring it undoes the restore


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER


# --- copying --------------------------------------------------------------------------------


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handle to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copy_database(source: Path, target: Path) -> None:
    """Snapshot `source` into a new self-contained file `target` (online backup API)."""
    with (
        closing(sqlite3.connect(_uri(source, "rw"), uri=True)) as live,
        closing(sqlite3.connect(target)) as copy,
    ):
        live.backup(copy)
        # The copy inherits WAL mode; one file needing no -wal/-shm is what a backup must be.
        copy.execute("PRAGMA journal_mode=DELETE")
    _fsync(target)


def _unique(folder: Path, kind: str, now: datetime) -> Path:
    stem = f"{kind}-{now.strftime(STAMP_FORMAT)}"
    target, number = folder / f"{stem}.sqlite", 1
    while target.exists():
        target, number = folder / f"{stem}-{number}.sqlite", number + 1
    return target


PARTIAL_SUFFIX = ".partiel"


def clean_leftovers(db_path: Path) -> list[str]:
    """Remove what a backup killed mid-way left (`*.partiel`, with SQLite's journal of it);
    a backup still being written by another process holds a lock on its file and is kept.
    Called at start; returns the names removed."""
    folder = backups_folder(db_path)
    removed: list[str] = []
    for path in sorted(folder.glob(f"*{PARTIAL_SUFFIX}")) if folder.is_dir() else []:
        try:
            with _claimed(path, wait=False):
                for suffix in ("-journal", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                path.unlink(missing_ok=True)
        except (BlockingIOError, PermissionError):
            continue  # in use: a backup in progress
        except FileNotFoundError:
            continue
        removed.append(path.name)
    return removed


@contextmanager
def _claimed(path: Path, *, wait: bool = True) -> Iterator[None]:
    """An OS lock on a backup being written, so that `clean_leftovers` tells it from debris."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "posix":
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        yield
    finally:
        os.close(descriptor)


def create_backup(db_path: Path, *, kind: str = DAILY, now: datetime | None = None) -> Path:
    """Write a checked backup of the database; the file only appears once it is complete."""
    folder = backups_folder(db_path)
    with storage_errors(file_errors=True):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = _unique(folder, kind, now or datetime.now())
        partial = target.with_name(target.name + PARTIAL_SUFFIX)
        try:
            with _claimed(partial):
                copy_database(db_path, partial)
                report = quick_check(partial, immutable=True)
                if not report.ok:
                    raise BackupError(
                        "La sauvegarde n'a pas été faite : la base de données est endommagée "
                        f"({report.summary()}). Restaurez la dernière sauvegarde."
                    )
                os.replace(partial, target)
            _fsync_folder(folder)
        finally:
            partial.unlink(missing_ok=True)
    return target


# --- listing and rotation -------------------------------------------------------------------


def parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    kind = match["kind"]
    if kind.startswith(BEFORE_MIGRATION):
        kind = BEFORE_MIGRATION
    created = datetime.strptime(match["stamp"], STAMP_FORMAT)
    return BackupFile(path, kind, created)


def list_backups(db_path: Path, kinds: Iterable[str] | None = None) -> list[BackupFile]:
    """The backups in the folder, newest first (read from their names: no file is opened)."""
    wanted = set(kinds) if kinds is not None else None
    folder = backups_folder(db_path)
    found = [parse_name(p) for p in folder.glob("*.sqlite")] if folder.is_dir() else []
    files = [f for f in found if f is not None and (wanted is None or f.kind in wanted)]
    # Names hold the second: two copies of the same second are told apart by modification time.
    return sorted(files, key=lambda f: (f.created_at, _modified(f.path)), reverse=True)


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # deleted meanwhile (another window's rotation)
        return 0


def backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """No daily backup yet, or the newest is a day old: time for an automatic one."""
    daily = list_backups(db_path, [DAILY])
    return not daily or (now or datetime.now()) - daily[0].created_at >= BACKUP_EVERY


def rotation_keeps(files: list[BackupFile]) -> set[Path]:
    """Newest of each of the last 7 days that have one, then of each of 4 earlier weeks."""
    newest_first = sorted(files, key=lambda f: f.created_at, reverse=True)
    kept: set[Path] = set()
    days: set[object] = set()
    for backup in newest_first:
        if len(days) < KEEP_DAILY and backup.created_at.date() not in days:
            days.add(backup.created_at.date())
            kept.add(backup.path)
    weeks = {f.created_at.isocalendar()[:2] for f in newest_first if f.path in kept}
    older_weeks = 0
    for backup in newest_first:
        week = backup.created_at.isocalendar()[:2]
        if older_weeks < KEEP_WEEKLY and week not in weeks:
            weeks.add(week)
            kept.add(backup.path)
            older_weeks += 1
    return kept


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was deleted."""
    files = list_backups(db_path)
    kept = rotation_keeps([f for f in files if f.kind == DAILY])
    for kind in (BEFORE_RESTORE, BEFORE_MIGRATION, DAMAGED):
        kept |= {f.path for f in [f for f in files if f.kind == kind][:KEEP_SAFETY_COPIES]}
    removed = [f.path for f in files if f.path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
        Path(f"{path}-wal").unlink(missing_ok=True)
    return removed


def automatic_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """The daily backup if one is due (then rotation); None when the last one is recent."""
    if not backup_due(db_path, now):
        return None
    created = create_backup(db_path, now=now)
    rotate(db_path)
    return created


# --- preview --------------------------------------------------------------------------------


def _scalar(connection: sqlite3.Connection, sql: str) -> Any:
    row = connection.execute(sql).fetchone()
    return row[0] if row else None


def _columns(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def _moment(value: object) -> datetime | None:
    """Moments are stored in UTC, without an offset."""
    try:
        moment = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


def _not_a_backup(path: Path) -> BackupError:
    return BackupError(
        f"« {path.name} » n'est pas une sauvegarde lisible de SPRO Desk : choisissez un fichier "
        "du dossier « backups » du poste."
    )


def _read_preview(connection: sqlite3.Connection, path: Path) -> BackupPreview:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if not {"contact", "referral", "service", "alembic_version"} <= tables:
        raise _not_a_backup(path)
    # Schema 0001 had no soft deletion: every contact of it is live.
    live = "WHERE deleted_at IS NULL" if "deleted_at" in _columns(connection, "contact") else ""
    listed = parse_name(path)
    return BackupPreview(
        path=path,
        created_at=listed.created_at if listed else datetime.fromtimestamp(path.stat().st_mtime),
        schema_revision=_scalar(connection, "SELECT version_num FROM alembic_version"),
        contacts=_scalar(connection, f"SELECT COUNT(*) FROM contact {live}") or 0,
        referrals=_scalar(connection, "SELECT COUNT(*) FROM referral") or 0,
        services=_scalar(connection, "SELECT COUNT(*) FROM service") or 0,
        last_contact_at=_moment(
            _scalar(connection, f"SELECT MAX(occurred_at) FROM contact {live}")
        ),
        size=path.stat().st_size,
    )


def preview(path: Path) -> BackupPreview:
    """Date, schema version and counts of a backup, read-only (the file is never changed)."""
    try:
        with closing(sqlite3.connect(read_only_uri(path, immutable=True), uri=True)) as connection:
            return _read_preview(connection, path)
    except sqlite3.DatabaseError as error:
        raise _not_a_backup(path) from error


def previews(db_path: Path) -> list[BackupPreview]:
    """Every readable backup, newest first (an unreadable file is left out)."""
    found = []
    for backup in list_backups(db_path):
        try:
            found.append(preview(backup.path))
        except (BackupError, OSError):
            continue
    return found


def latest_sound_backup(db_path: Path) -> BackupPreview | None:
    """The newest daily backup that passes quick_check (what to offer after a damaged start)."""
    for backup in list_backups(db_path, [DAILY]):
        if quick_check(backup.path, immutable=True).ok:
            try:
                return preview(backup.path)
            except BackupError:
                continue
    return None


# --- restoring ------------------------------------------------------------------------------


def _checked_for_restore(backup: Path) -> BackupPreview:
    info = preview(backup)
    if info.schema_revision not in SHIPPED_REVISIONS:
        raise NewerDatabaseError(str(info.schema_revision))
    report = quick_check(backup, immutable=True)
    if not report.ok:
        raise BackupError(
            f"La sauvegarde « {backup.name} » est endommagée ({report.summary()}) : "
            "choisissez-en une autre. La base actuelle n'a pas été modifiée."
        )
    return info


def keep_current(db_path: Path, now: datetime | None = None) -> Path:
    """A copy of the database as it is now, so that a restore can be undone.

    A file too damaged for the backup API is copied byte for byte, with its WAL.
    """
    folder = backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = _unique(folder, BEFORE_RESTORE, now or datetime.now())
    try:
        copy_database(db_path, target)
    except sqlite3.DatabaseError:
        target = target.with_name(target.name.replace(BEFORE_RESTORE, DAMAGED, 1))
        shutil.copyfile(db_path, target)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            shutil.copyfile(wal, f"{target}-wal")
        _fsync(target)
    _fsync_folder(folder)
    return target


def _write_into(backup: Path, db_path: Path) -> None:
    """Copy the backup's pages into the live file, in one transaction of the live file.

    Connections already open on the live database (the application's) stay valid and see the
    restored content; a power cut during the copy leaves the old content, never a mix.
    """
    with (
        closing(sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)) as source,
        closing(sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=30)) as live,
    ):
        size = _page_size(live)
        if _page_size(source) == size:
            source.backup(live)
            return
        # SQLite copies pages into a WAL file only of its own page size (a backup taken before
        # issue 19's 8 KiB pages, restored into a newer desk, or the reverse): the backup is
        # first rewritten with the live file's page size, beside it.
        with _resized(source, size, db_path) as resized:
            resized.backup(live)


def _page_size(connection: sqlite3.Connection) -> int:
    size: int = connection.execute("PRAGMA page_size").fetchone()[0]
    return size


@contextmanager
def _resized(source: sqlite3.Connection, size: int, db_path: Path) -> Iterator[sqlite3.Connection]:
    """A temporary copy of `source` with pages of `size` bytes (removed afterwards; named and
    locked as a partial backup, so that `clean_leftovers` removes one a crash left)."""
    folder = backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, name = tempfile.mkstemp(prefix="restauration-", suffix=PARTIAL_SUFFIX, dir=folder)
    os.close(handle)
    target = Path(name)
    try:
        with _claimed(target), closing(sqlite3.connect(target)) as copy:
            source.backup(copy)  # a new rollback-journal file: takes the source's page size
            copy.execute(f"PRAGMA page_size={size}")
            copy.execute("VACUUM")  # rewrites it with the pending page size
            yield copy
    finally:
        target.unlink(missing_ok=True)
        Path(f"{target}-journal").unlink(missing_ok=True)


def _replace_file(backup: Path, db_path: Path, engine: Engine | None) -> None:
    """For a live file too damaged to write into: set it aside, start from the backup."""
    if engine is not None:
        engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)) as source,
        closing(sqlite3.connect(db_path)) as fresh,
    ):
        source.backup(fresh)
        fresh.execute("PRAGMA journal_mode=WAL")
    _fsync(db_path)


def restore_backup(db_path: Path, backup: Path, engine: Engine | None = None) -> RestoreResult:
    """Put the backup's content in place of the database, after keeping a copy of it.

    An older backup is then migrated to the current schema. `engine` is the application's
    engine when it is running (its connections stay usable); without one a temporary engine
    migrates.
    """
    info = _checked_for_restore(backup)
    with storage_errors(file_errors=True):
        previous = keep_current(db_path)
        try:
            _write_into(backup, db_path)
        except sqlite3.DatabaseError:
            _replace_file(backup, db_path, engine)  # the damaged file is in `previous`
        _migrate(db_path, engine)
        rotate(db_path)
    return RestoreResult(info, previous)


def _migrate(db_path: Path, engine: Engine | None) -> None:
    from spro_desk.storage.engine import make_engine

    own = engine is None
    engine = engine or make_engine(db_path)
    try:
        upgrade_to_head(engine, db_path)
    finally:
        if own:
            engine.dispose()
