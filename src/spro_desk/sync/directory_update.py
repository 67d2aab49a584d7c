"""Signed directory snapshots, coordinator → desks (format spro-desk-directory/1).

The directory is public data: a snapshot is not encrypted, but every byte of it is covered by
the coordinator's Ed25519 signature (the signed manifest holds the hash of the payload), so a
desk installs only what its coordinator published, never a version older than or equal to the
one it has (rollback) and never an expired one. The install itself is the foundation's atomic
directory import: the old directory stays in use on any failure. See docs/sync-format.md.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import func, select

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.agents.coordination_audit import record_action
from spro_desk.clock import wall_clock
from spro_desk.directory.catalog import directory_info
from spro_desk.directory.source import SERVICES_FILE, STRUCTURES_FILE, read_directory
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.storage.tables import DirectoryImport, Setting
from spro_desk.sync.acknowledgement import acknowledgement_documents, apply_acknowledgement_data
from spro_desk.sync.bundle import _write_durably
from spro_desk.sync.coordinator_identity import (
    SIGNING_KEY_FILE,
    coordinator_identity,
    trusted_coordinator,
)
from spro_desk.sync.identity import IdentityError, load_identity, read_private_key
from spro_desk.sync.signing import canonical, signature_valid

if TYPE_CHECKING:  # the import pipeline (pydantic models) loads only when a snapshot is used
    from spro_desk.directory.importer import ImportReport, ProgressCallback

SNAPSHOT_FORMAT = "spro-desk-directory/1"
SNAPSHOT_MAGIC = b"spro-desk-directory/"  # every version of the format starts with it
INSTALLED_KEY = "directory.snapshot"  # the desk's installed snapshot (version, dates)
PUBLISHED_KEY = "coordinator.directory"  # the coordinator's last published snapshot
DEFAULT_EXPIRES_DAYS = 45
DEFAULT_MAX_AGE_DAYS = 30
MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_SIGNATURE_BYTES = 256
ACKS_FOLDER = "acks/"
ACK_SUFFIX = ".spro-ack"


class SnapshotRefused(ValueError):
    """The directory update is refused as a whole; nothing was changed. French message."""


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
    too_old: bool  # imported more than max_age_days ago
    message: str | None  # the French warning to show, None when all is well


@dataclass(frozen=True)
class PublishResult:
    path: Path
    version: int
    published_at: datetime
    expires_at: datetime
    report: ImportReport  # what a desk's import of this directory keeps, rejects, warns about
    acknowledgements: int
    size: int


@dataclass
class InstallResult:
    snapshot: InstalledSnapshot
    report: ImportReport
    acked_seq: int | None = None  # this desk's acknowledgement travelling with the update
    notes: list[str] = field(default_factory=list)


def _utc(moment: datetime) -> datetime:
    """Aware UTC; a naive moment is taken as the computer's local time."""
    return moment.astimezone(UTC)


def key_id(public_key: str) -> str:
    """A short, stable name of an Ed25519 public key (base64): SHA-256 of its raw bytes, cut."""
    return hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:32]


def _member(data: bytes) -> dict[str, Any]:
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


# --- the coordinator's side ----------------------------------------------------------------


def next_version(last: int, now: datetime) -> int:
    """Strictly above the last one, and at least YYYYMMDD00 of the day: a coordinator restored
    from an old backup still publishes above what its desks installed."""
    return max(last + 1, int(_utc(now).strftime("%Y%m%d")) * 100)


def _validated_members(source: Path) -> tuple[dict[str, bytes], ImportReport]:
    """The export's two files, normalised, and the report of a desk importing exactly them.

    The check is the foundation's import itself, into a throwaway database: a snapshot that a
    desk would refuse as a whole is never published.
    """
    from spro_desk.directory.importer import import_directory

    raw = read_directory(source)
    members = {
        STRUCTURES_FILE: json.dumps(raw.structures, ensure_ascii=False).encode(),
        SERVICES_FILE: json.dumps(raw.services, ensure_ascii=False).encode(),
    }
    with tempfile.TemporaryDirectory(prefix="spro-publish-") as scratch:
        folder = Path(scratch) / "annuaire"
        folder.mkdir()
        for name, data in members.items():
            (folder / name).write_bytes(data)
        trial = Database(Path(scratch) / "trial.sqlite")
        try:
            report = import_directory(trial, folder)
        finally:
            trial.close()
    return members, report


def _payload(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def publish_directory(
    db: Database,
    data_dir: Path,
    source: Path,
    out: Path,
    *,
    expires_days: int = DEFAULT_EXPIRES_DAYS,
    with_acknowledgements: bool = False,
    now: datetime | None = None,
) -> PublishResult:
    """Validate the export at `source`, sign it as the next snapshot and write it to `out`."""
    require_coordination(db, Permission.PUBLISH_DIRECTORY)
    if not (data_dir / SIGNING_KEY_FILE).exists():
        raise IdentityError(
            "Pas de clés de coordinateur ici : lancez « spro-desk coordinator init »."
        )
    if not 1 <= expires_days <= 366:
        raise SnapshotRefused("La durée de validité doit être comprise entre 1 et 366 jours.")
    members, report = _validated_members(source)
    if with_acknowledgements:
        for desk_id, document in acknowledgement_documents(db, data_dir).items():
            members[f"{ACKS_FOLDER}{desk_id}{ACK_SUFFIX}"] = document
    published_at = _utc(now or datetime.now(UTC))
    last = read_record(db, PUBLISHED_KEY) or {"version": 0}
    version = next_version(int(last["version"]), published_at)
    expires_at = published_at + timedelta(days=expires_days)
    payload = _payload(members)
    signing = coordinator_identity(data_dir).signing_public_key
    manifest = canonical(
        {
            "format": SNAPSHOT_FORMAT,
            "version": version,
            "published_at": published_at.isoformat(),
            "expires_at": expires_at.isoformat(),
            "key_id": key_id(signing),
            "counts": {
                "structures": report.structures,
                "services": report.services,
                "rejected": len(report.rejected),
            },
            "payload": _member(payload),
            "members": {name: _member(data) for name, data in members.items()},
        }
    )
    signature = base64.b64encode(read_private_key(data_dir / SIGNING_KEY_FILE).sign(manifest))
    # Recorded before the file exists: a failed write skips a number, never reuses one.
    write_record(
        db,
        PUBLISHED_KEY,
        {"version": version, "published_at": published_at.isoformat(), "file": str(out)},
    )
    data = SNAPSHOT_FORMAT.encode() + b"\n" + manifest + b"\n" + signature + b"\n" + payload
    path = _write_durably(out.parent if str(out.parent) else Path("."), out.name, data)
    acks = sum(1 for name in members if name.startswith(ACKS_FOLDER))
    note = f"{report.structures} structures, {report.services} services, {len(data)} octets"
    record_action(db, None, "publication-annuaire", f"version {version} ({path.name})", note)
    return PublishResult(path, version, published_at, expires_at, report, acks, len(data))


# --- the desk's side: reading and checking a snapshot ---------------------------------------


def is_snapshot(data: bytes) -> bool:
    return data.startswith(SNAPSHOT_MAGIC)


@dataclass(frozen=True)
class _Snapshot:
    version: int
    published_at: datetime
    expires_at: datetime
    members: dict[str, bytes]
    sha256: str


def _split(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Format line, manifest, signature, payload — each line bounded before it is read."""
    parts: list[bytes] = []
    start = 0
    for limit in (64, MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES):
        end = data.find(b"\n", start, start + limit + 1)
        if end < 0:
            raise SnapshotRefused(
                "Mise à jour de l'annuaire illisible : en-tête tronqué ou altéré."
            )
        parts.append(data[start:end])
        start = end + 1
    return parts[0], parts[1], parts[2], data[start:]


def _fields(manifest: dict[str, Any]) -> tuple[int, datetime, datetime, dict[str, Any]]:
    try:
        version = manifest["version"]
        published_at = datetime.fromisoformat(manifest["published_at"]).astimezone(UTC)
        expires_at = datetime.fromisoformat(manifest["expires_at"]).astimezone(UTC)
        members = manifest["members"]
        if not isinstance(version, int) or version < 1 or not isinstance(members, dict):
            raise TypeError("version or members")
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotRefused(
            "Mise à jour de l'annuaire incomplète : manifeste invalide."
        ) from error
    return version, published_at, expires_at, members


def _verified_manifest(data: bytes, signing_public_key: str) -> tuple[dict[str, Any], bytes]:
    """The signed manifest and the payload, once format, signer, signature and the payload's
    hash are checked."""
    if not is_snapshot(data):
        raise SnapshotRefused("Ce fichier n'est pas une mise à jour de l'annuaire SPRO Desk.")
    format_line, manifest_bytes, signature, payload = _split(data)
    if format_line != SNAPSHOT_FORMAT.encode():
        shown = format_line[:40].decode(errors="replace")
        raise SnapshotRefused(
            f"Format de mise à jour non pris en charge ({shown}) : installez la dernière "
            "version de SPRO Desk."
        )
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as error:
        raise SnapshotRefused("Mise à jour de l'annuaire altérée : manifeste illisible.") from error
    if not isinstance(manifest, dict):
        raise SnapshotRefused("Mise à jour de l'annuaire altérée : manifeste illisible.")
    if manifest.get("key_id") != key_id(signing_public_key):
        raise SnapshotRefused(
            "Cette mise à jour de l'annuaire a été signée par un autre coordinateur que celui "
            "de ce poste : refusée."
        )
    if not signature_valid(signing_public_key, signature, manifest_bytes):
        raise SnapshotRefused(
            "Signature de la mise à jour de l'annuaire invalide : fichier altéré ou contrefait."
        )
    if manifest.get("format") != SNAPSHOT_FORMAT:
        raise SnapshotRefused("Format de mise à jour non pris en charge : mettez SPRO Desk à jour.")
    if manifest.get("payload") != _member(payload):
        raise SnapshotRefused(
            "Le contenu de la mise à jour ne correspond pas à sa signature : fichier tronqué "
            "ou altéré."
        )
    return manifest, payload


_ACK_NAME = re.compile(r"acks/[0-9a-f-]{36}\.spro-ack")


def signed_version(db: Database, path: Path) -> tuple[int, int]:
    """The version a snapshot file is signed for, and the version installed on this desk: a
    WebDAV round compares the files it finds before installing any (never an older one)."""
    coordinator = trusted_coordinator(db)
    if coordinator is None:
        raise SnapshotRefused("Ce poste ne connaît pas encore son coordinateur.")
    manifest, _payload = _verified_manifest(_read_bounded(path), coordinator.signing_public_key)
    version = _fields(manifest)[0]
    record = read_record(db, INSTALLED_KEY) or {}
    installed = max(int(record.get("version") or 0), int(record.get("pending_version") or 0))
    return version, installed


def _allowed_member(name: str) -> bool:
    return name in (STRUCTURES_FILE, SERVICES_FILE) or _ACK_NAME.fullmatch(name) is not None


def _unpacked(payload: bytes, declared: dict[str, Any]) -> dict[str, bytes]:
    """Exactly the declared members, each read no further than its declared size."""
    members: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = archive.namelist()
            if (
                sorted(names) != sorted(declared)
                or len(set(names)) != len(names)
                or not all(_allowed_member(name) for name in names)
            ):
                raise SnapshotRefused("La mise à jour contient des fichiers inattendus.")
            for name in names:
                expected = declared[name]
                with archive.open(name) as member:
                    data = member.read(int(expected["size"]) + 1)
                if _member(data) != expected:
                    raise SnapshotRefused(f"« {name} » ne correspond pas au manifeste signé.")
                members[name] = data
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, TypeError, ValueError) as error:
        raise SnapshotRefused("Contenu de la mise à jour de l'annuaire illisible.") from error
    if STRUCTURES_FILE not in members or SERVICES_FILE not in members:
        raise SnapshotRefused("La mise à jour ne contient pas l'annuaire complet.")
    return members


def read_snapshot(data: bytes, signing_public_key: str) -> _Snapshot:
    """Check everything a snapshot claims; raises SnapshotRefused at the first problem."""
    manifest, payload = _verified_manifest(data, signing_public_key)
    version, published_at, expires_at, declared = _fields(manifest)
    members = _unpacked(payload, declared)
    return _Snapshot(version, published_at, expires_at, members, hashlib.sha256(data).hexdigest())


# --- the desk's side: installing it ---------------------------------------------------------


def _read_bounded(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SNAPSHOT_BYTES:
            raise SnapshotRefused("Mise à jour anormalement volumineuse : refusée sans être lue.")
        return path.read_bytes()  # one read: what is checked is what is installed
    except OSError as error:
        raise SnapshotRefused(f"Fichier illisible : {path.name} ({error.strerror}).") from error


def _check_newer_and_valid(db: Database, snapshot: _Snapshot, now: datetime) -> None:
    record = read_record(db, INSTALLED_KEY) or {}
    installed = int(record.get("version") or 0)
    pending = int(record.get("pending_version") or 0)
    # An install interrupted after its directory was written leaves `pending`: that version
    # may be in use, so only it (again) or a newer one may follow.
    if snapshot.version <= installed or snapshot.version < pending:
        raise SnapshotRefused(
            f"Cette mise à jour de l'annuaire (version {snapshot.version}) n'est pas plus "
            f"récente que celle de ce poste (version {max(installed, pending)}) : refusée, "
            "l'annuaire actuel est conservé."
        )
    if _utc(now) >= snapshot.expires_at:
        raise SnapshotRefused(
            f"Cette mise à jour de l'annuaire (version {snapshot.version}) a expiré le "
            f"{_date_fr(snapshot.expires_at)} : refusée, l'annuaire actuel est conservé. "
            "Demandez la dernière mise à jour à votre coordination."
        )
    if snapshot.expires_at <= snapshot.published_at:
        raise SnapshotRefused("Mise à jour de l'annuaire incohérente : expirée dès sa publication.")


def _write_directory_files(members: dict[str, bytes], folder: Path) -> None:
    for name in (STRUCTURES_FILE, SERVICES_FILE):
        (folder / name).write_bytes(members[name])


def _record_installed(db: Database, snapshot: _Snapshot, path: Path, now: datetime) -> None:
    """One transaction: the installed version, and the import's source named after the file."""
    with db.transaction() as session:
        last_pk = session.exec(select(func.max(DirectoryImport.pk))).one()
        last = session.get(DirectoryImport, last_pk) if last_pk is not None else None
        if last is not None:
            last.source = f"{path} (version {snapshot.version})"
            session.add(last)
        value = {
            "version": snapshot.version,
            "published_at": snapshot.published_at.isoformat(),
            "expires_at": snapshot.expires_at.isoformat(),
            "installed_at": _utc(now).isoformat(),
            "sha256": snapshot.sha256,
            "directory_import_pk": last_pk,
            "pending_version": None,
        }
        row = session.get(Setting, INSTALLED_KEY)
        if row is None:
            row = Setting(key=INSTALLED_KEY, value=value)
        row.value = value
        session.add(row)


def _last_import_pk(db: Database) -> int | None:
    with db.session() as session:
        return session.exec(select(func.max(DirectoryImport.pk))).one()


def install_snapshot(
    db: Database,
    path: Path,
    *,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> InstallResult:
    """Check the snapshot at `path` and make it the desk's directory, or change nothing."""
    coordinator = trusted_coordinator(db)
    if coordinator is None:
        raise SnapshotRefused(
            "Ce poste ne connaît pas encore son coordinateur : importez son identité avec "
            "« spro-desk desk trust-coordinator FICHIER » avant toute mise à jour de l'annuaire."
        )
    from spro_desk.directory.importer import import_directory

    moment = now or datetime.now(UTC)
    snapshot = read_snapshot(_read_bounded(path), coordinator.signing_public_key)
    _check_newer_and_valid(db, snapshot, moment)
    record = read_record(db, INSTALLED_KEY) or {}
    write_record(db, INSTALLED_KEY, {**record, "pending_version": snapshot.version})
    try:
        with tempfile.TemporaryDirectory(prefix="spro-directory-") as scratch:
            _write_directory_files(snapshot.members, Path(scratch))
            # The coordinator checked and signed this snapshot for the region: a desk cannot
            # second-guess a smaller directory (nobody is there to confirm an automatic round).
            report = import_directory(
                db,
                Path(scratch),
                progress=progress,
                is_cancelled=is_cancelled,
                now=moment,
                force=True,
            )
    except BaseException:
        write_record(db, INSTALLED_KEY, record)  # nothing was installed
        raise
    _record_installed(db, snapshot, path, moment)
    installed = InstalledSnapshot(snapshot.version, snapshot.published_at, snapshot.expires_at)
    result = InstallResult(installed, report)
    _apply_own_acknowledgement(db, snapshot.members, result)
    return result


def _apply_own_acknowledgement(db: Database, members: dict[str, bytes], out: InstallResult) -> None:
    """The desk's acknowledgement, when the update carries one; a bad one is only noted: the
    directory it travelled with is sound."""
    identity = load_identity(db)
    if identity is None:
        return
    document = members.get(f"{ACKS_FOLDER}{identity.desk_id}{ACK_SUFFIX}")
    if document is None:
        return
    try:
        out.acked_seq = apply_acknowledgement_data(db, document)
    except IdentityError as error:
        out.notes.append(str(error))


# --- what the desk shows --------------------------------------------------------------------


def installed_snapshot(db: Database) -> InstalledSnapshot | None:
    """The last snapshot installed on this desk, or None when none ever was."""
    record = read_record(db, INSTALLED_KEY)
    if not record or record.get("version") is None:
        return None
    return InstalledSnapshot(
        version=int(record["version"]),
        published_at=datetime.fromisoformat(record["published_at"]),
        expires_at=datetime.fromisoformat(record["expires_at"]),
    )


def _current_snapshot(db: Database, last_import_pk: int | None) -> InstalledSnapshot | None:
    """The installed snapshot if the directory in use is still the one it brought (a manual
    import since then replaced it)."""
    record = read_record(db, INSTALLED_KEY)
    if not record or record.get("version") is None:
        return None
    if record.get("directory_import_pk") != last_import_pk:
        return None
    return installed_snapshot(db)


def _date_fr(moment: datetime) -> str:
    return wall_clock(_utc(moment)).strftime("%d/%m/%Y")


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
    snapshot = _current_snapshot(db, _last_import_pk(db))
    expired = snapshot is not None and _utc(now) >= snapshot.expires_at
    too_old = age_days > max_age_days
    message = None
    if snapshot is not None and expired:
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
