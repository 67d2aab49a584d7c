"""Signed directory snapshots, coordinator → desks (format spro-desk-directory/1).

The directory is public data: a snapshot is not encrypted, but every byte of it is covered by
the coordinator's Ed25519 signature, so a desk installs only what its coordinator published,
never an older version than the one it has (rollback) and never an expired one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from spro_desk.directory.catalog import directory_info
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record

INSTALLED_KEY = "directory.snapshot"  # the desk's installed snapshot (version, dates)
DEFAULT_MAX_AGE_DAYS = 30


@dataclass(frozen=True)
class InstalledSnapshot:
    version: int
    published_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class DirectoryFreshness:
    imported_at: datetime | None  # when the directory in use was imported on this desk
    age_days: int | None  # whole days since imported_at
    expired: bool  # the directory in use is a snapshot past its expiry date
    too_old: bool  # older than the age the caller set
    message: str | None  # the French warning to show, None when all is well


def _utc(moment: datetime) -> datetime:
    """Aware UTC; a naive moment is taken as the computer's local time."""
    return moment.astimezone(UTC)


def _installed_record(db: Database) -> dict[str, Any] | None:
    record = read_record(db, INSTALLED_KEY)
    return record if record and record.get("version") is not None else None


def installed_snapshot(db: Database) -> InstalledSnapshot | None:
    """The last snapshot installed on this desk, or None when none ever was."""
    record = _installed_record(db)
    if record is None:
        return None
    return InstalledSnapshot(
        version=int(record["version"]),
        published_at=datetime.fromisoformat(record["published_at"]),
        expires_at=datetime.fromisoformat(record["expires_at"]),
    )


def _date_fr(moment: datetime) -> str:
    return _utc(moment).astimezone().strftime("%d/%m/%Y")


def directory_freshness(
    db: Database, now: datetime, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> DirectoryFreshness:
    """How fresh the directory in use is, with the warning a desk shows when it is not."""
    imported_at = directory_info(db).imported_at
    if imported_at is None:
        return DirectoryFreshness(
            None,
            None,
            expired=False,
            too_old=False,
            message="Aucun annuaire n'est installé sur ce poste : importez la dernière mise à "
            "jour de l'annuaire publiée par votre coordination.",
        )
    age_days = max(0, (_utc(now) - imported_at).days)
    snapshot = _current_snapshot(db)
    expired = snapshot is not None and _utc(now) >= snapshot.expires_at
    too_old = age_days > max_age_days
    message = None
    if expired:
        assert snapshot is not None
        message = (
            f"L'annuaire de ce poste (version {snapshot.version}) a expiré le "
            f"{_date_fr(snapshot.expires_at)} : importez une mise à jour plus récente publiée "
            "par votre coordination."
        )
    elif too_old:
        message = (
            f"L'annuaire de ce poste a été importé il y a {age_days} jours (plus de "
            f"{max_age_days} jours) : importez une mise à jour plus récente publiée par votre "
            "coordination."
        )
    return DirectoryFreshness(imported_at, age_days, expired, too_old, message)


def _current_snapshot(db: Database) -> InstalledSnapshot | None:
    """The installed snapshot if the directory in use is still the one it brought."""
    return installed_snapshot(db)
