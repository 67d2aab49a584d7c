"""The weekly desk → coordinator bundle (format spro-desk-bundle/1, see docs/sync-format.md).

A tar archive — `events.jsonl`, `manifest.json` (signed by the desk), `manifest.sig` —
encrypted with age to every recipient the coordinator published. It carries every event the
coordinator has not acknowledged yet, so a lost bundle is repaired by the next one, and the
hash of the previous bundle, so a desk restored from an old backup shows as a fork.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import io
import re
import tarfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from sqlmodel import func, select

from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.storage.records import read_record
from spro_desk.storage.tables import DirectoryImport, Event
from spro_desk.sync.branches import (
    branch_number,
    follow_copy_back,
    lineage,
    load_state,
    note_high_water,
    save_state,
)
from spro_desk.sync.bundle_format import (
    BUNDLE_FORMAT,
    EVENTS_MEMBER,
    MANIFEST_MEMBER,
    SIGNATURE_MEMBER,
)
from spro_desk.sync.changelog import events
from spro_desk.sync.coordinator_identity import trusted_coordinator
from spro_desk.sync.identity import DeskIdentity, IdentityError, load_identity, signing_key
from spro_desk.sync.signing import canonical
from spro_desk.text import Worded
from spro_desk.vocab import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    events: int


def event_line(event: Event) -> bytes:
    """The event as the bundle carries it; its SHA-256 is what acknowledgements name."""
    line = {
        "id": event.id,
        "seq": event.seq,
        "at": event.at.astimezone(UTC).isoformat(),
        "entity": event.entity,
        "entity_id": event.entity_id,
        "op": event.op,
        "payload": event.payload,
    }
    if event.branch:  # absent on the first branch: older events keep their exact bytes
        line["branch"] = event.branch
    return canonical(line)


def site_slug(name: str) -> str:
    """« CIO de Bourges » → `cio-de-bourges`: a file name a person can read, on any disk."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "poste"


def bundle_prefix(identity: DeskIdentity) -> str:
    """`<site>_<first 4 hex digits of the desk id>_`: what every bundle of this desk starts with."""
    return f"{site_slug(identity.site_nom)}_{identity.desk_id.replace('-', '')[:4]}_"


def bundle_name(identity: DeskIdentity, sequence: int, branch: int) -> str:
    """e.g. `cio-de-bourges_d3f2_n0012_b2.spro-bundle`: site, desk, bundle number, branch."""
    return f"{bundle_prefix(identity)}n{sequence:04d}_b{branch}.spro-bundle"


def _tar(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o600
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class ExportFolderError(Worded, OSError):
    """The bundle cannot be written where it was asked (a full or read-only USB stick); the
    message is French (kept for the window's words) and nothing is left there."""

    def __init__(self, code: int | None, template: str, **values: object) -> None:
        super().__init__(code, self._keep(template, values))

    def __str__(self) -> str:  # the message alone, not OSError's « [Errno 28] … »
        return self.strerror or ""


_FOLDER_FULL = QT_TRANSLATE_NOOP(
    "DomainErrors",
    "L'envoi n'a pas pu être écrit : le support « {folder} » est plein. Aucun fichier n'y a "
    "été laissé et l'envoi sera refait en entier. Libérez de la place sur ce support (ou "
    "choisissez-en un autre) puis réessayez.",
)
_FOLDER_LOCKED = QT_TRANSLATE_NOOP(
    "DomainErrors",
    "L'envoi n'a pas pu être écrit : le support « {folder} » refuse l'écriture (protégé en "
    "écriture ou droits insuffisants). Aucun fichier n'y a été laissé et l'envoi sera refait "
    "en entier. Choisissez un autre dossier ou débloquez le support, puis réessayez.",
)
_FOLDER_FAULTY = QT_TRANSLATE_NOOP(
    "DomainErrors",
    "L'envoi n'a pas pu être écrit : le support « {folder} » n'a pas répondu correctement. "
    "Aucun fichier n'y a été laissé et l'envoi sera refait en entier. Vérifiez le support ou "
    "choisissez-en un autre, puis réessayez.",
)


def _folder_error(folder: Path, error: OSError) -> ExportFolderError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        template = _FOLDER_FULL
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        template = _FOLDER_LOCKED
    else:
        template = _FOLDER_FAULTY
    return ExportFolderError(error.errno, template, folder=str(folder))


def _write_durably(folder: Path, name: str, data: bytes) -> Path:
    """Temporary name, flushed and synced, renamed, then read back before it counts as ready;
    on failure the temporary file is removed and the French reason raised."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = write_atomically(folder / name, data, Durability.CONTENTS_SYNCED)
    except OSError as error:
        raise _folder_error(folder, error) from error
    if hashlib.sha256(final.read_bytes()).digest() != hashlib.sha256(data).digest():
        raise OSError(f"{final} ne relit pas ce qui a été écrit : support défectueux ?")
    return final


def directory_summary(db: Database) -> dict[str, Any]:
    """The desk's directory version and dates, for the coordinator's "directory age" (issue 5)."""
    snapshot = read_record(db, "directory.snapshot") or {}
    with db.session() as session:
        last = session.exec(select(func.max(DirectoryImport.imported_at))).one()
    return {
        "version": snapshot.get("version"),
        "published_at": snapshot.get("published_at"),
        "imported_at": last.replace(tzinfo=last.tzinfo or UTC).isoformat() if last else None,
    }


def export_bundle(
    db: Database, data_dir: Path, out: Path, *, after: int | None = None
) -> ExportResult:
    """The next bundle, into `out`: every event after the last acknowledgement — or after
    `after` when the caller knows the coordination's server holds the events up to it (a
    confirmed WebDAV delivery), so that a week is not sent twice. `last_ack` stays the real
    acknowledgement."""
    identity, coordinator = load_identity(db), trusted_coordinator(db)
    if identity is None:
        raise IdentityError("Ce poste n'a pas encore d'identité : lancez « spro-desk desk init ».")
    if coordinator is None:
        raise IdentityError(
            "Ce poste ne connaît pas encore son coordinateur : importez son identité avec "
            "« spro-desk desk trust-coordinator FICHIER »."
        )
    follow_copy_back(db)  # a database put back by hand numbers on a new branch
    state = load_state(db)
    with db.session() as session:
        pending = events(session, after_seq=max(int(state["acked"]), after or 0))
    number = branch_number(state)
    lines = b"".join(event_line(e) + b"\n" for e in pending)
    sequence = state["bundle"] + 1
    manifest = {
        "format": BUNDLE_FORMAT,
        "desk_id": identity.desk_id,
        "bundle_seq": sequence,
        "previous_bundle_sha256": state["hash"],
        "events": {
            "first_seq": pending[0].seq if pending else None,
            "last_seq": pending[-1].seq if pending else None,
            "count": len(pending),
            "contacts": sum(1 for e in pending if e.entity == "contact"),
            "referrals": sum(1 for e in pending if e.entity == "referral"),
        },
        "members": {
            EVENTS_MEMBER: {"size": len(lines), "sha256": hashlib.sha256(lines).hexdigest()}
        },
        "last_ack": state["acked"],
        "created_at": datetime.now(UTC).isoformat(),
        "directory": directory_summary(db),
        "branch": {
            "id": state.get("branch") or "",
            "number": number,
            "lineage": lineage(state),
        },
        # The access log's head (number and MAC of its last entry): a witness held outside the
        # desk, against a log cut and re-chained on the desk itself (issue 15).
        "audit_head": audit_log(db).witness(),
    }
    manifest_bytes = canonical(manifest)
    signature = base64.b64encode(signing_key(data_dir).sign(manifest_bytes))
    archive = _tar(
        [(MANIFEST_MEMBER, manifest_bytes), (SIGNATURE_MEMBER, signature), (EVENTS_MEMBER, lines)]
    )
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in coordinator.recipients]
    sealed = pyrage.encrypt(archive, recipients)
    path = _write_durably(out, bundle_name(identity, sequence, number), sealed)
    state = {**state, "bundle": sequence, "hash": hashlib.sha256(sealed).hexdigest()}
    save_state(db, state)
    # after the save: a mark is never ahead of its database
    note_high_water(db, state, identity.desk_id, pending[-1].seq if pending else None)
    return ExportResult(path, sequence, len(pending))
