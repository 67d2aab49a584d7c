"""The coordinator's side of the bundles: register desks, import their bundles, report.

A bundle is applied only once decrypted, signed by a registered desk and consistent with its
own manifest; it is applied in one transaction. An event already stored with the same content
counts as a duplicate, the same id with other content is quarantined, never overwritten; a
reused bundle number or a broken hash chain raises a fork alert; holes in a desk's sequence
are kept as gap alerts.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlmodel import Session, col, delete, func, select

from spro_desk.reports.merged import apply_to_merged_state
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import ReceivedBundle, ReceivedEvent, RegisteredDesk, SyncAlert
from spro_desk.sync.bundle import BUNDLE_FORMAT, EVENTS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER
from spro_desk.sync.coordinator_identity import encryption_identities
from spro_desk.sync.identity import REGISTRATION_FORMAT
from spro_desk.sync.signing import signature_valid

MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # age does not compress: plaintext ≈ file size
MAX_MEMBER_BYTES = {MANIFEST_MEMBER: 1024 * 1024, SIGNATURE_MEMBER: 1024}


class BundleRefused(ValueError):
    """The bundle (or registration) is refused as a whole; nothing was changed."""


@dataclass
class ImportOutcome:
    desk_id: str
    bundle_seq: int
    events_new: int = 0
    events_duplicate: int = 0
    quarantined: int = 0
    alerts: list[str] = field(default_factory=list)


# --- registering desks ---------------------------------------------------------------------


def register_desk(db: Database, path: Path) -> RegisteredDesk:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise BundleRefused(f"Fichier d'enregistrement illisible : {path.name}.") from error
    if not isinstance(document, dict) or document.get("format") != REGISTRATION_FORMAT:
        raise BundleRefused("Ce fichier n'est pas un enregistrement de poste SPRO Desk.")
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(document["public_key"]))
        desk = RegisteredDesk(
            desk_id=str(document["desk_id"]),
            public_key=str(document["public_key"]),
            site_nom=str(document["site_nom"]),
            reseau=str(document["reseau"]),
            commune=str(document["commune"]),
            registered_at=datetime.now(UTC),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise BundleRefused("Enregistrement de poste incomplet ou clé invalide.") from error
    with db.transaction() as session:
        known = session.get(RegisteredDesk, desk.desk_id)
        if known is not None and known.public_key != desk.public_key:
            raise BundleRefused(
                f"Le poste {desk.desk_id} est déjà enregistré avec une autre clé : refusé."
            )
        if known is None:
            session.add(desk)
    return desk


def revoke_desk(db: Database, desk_id: str) -> RegisteredDesk:
    """A lost or stolen desk: its bundles are refused from now on (what was received stays)."""
    with db.transaction() as session:
        desk = session.get(RegisteredDesk, desk_id)
        if desk is None:
            raise BundleRefused(f"Poste inconnu : {desk_id}.")
        desk.revoked = True
        session.add(desk)
    return desk


# --- reading a bundle ----------------------------------------------------------------------


def _members(archive: bytes) -> dict[str, bytes]:
    """The three expected regular files, with bounded sizes; anything else is refused.

    Headers are read one by one and reading stops at the fourth: an archive of a million
    entries costs no more than one of four.
    """
    expected = {MANIFEST_MEMBER, SIGNATURE_MEMBER, EVENTS_MEMBER}
    contents: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
            while (member := tar.next()) is not None:
                if member.name not in expected - contents.keys() or not member.isreg():
                    raise BundleRefused(
                        "Contenu inattendu dans l'envoi (fichier en trop ou étranger)."
                    )
                if member.size > MAX_MEMBER_BYTES.get(member.name, MAX_BUNDLE_BYTES):
                    raise BundleRefused(f"« {member.name} » est anormalement volumineux.")
                extracted = tar.extractfile(member)
                contents[member.name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError) as error:
        raise BundleRefused("Archive de l'envoi illisible.") from error
    if contents.keys() != expected:
        raise BundleRefused("L'envoi est incomplet : un fichier manque.")
    return contents


def _checked_manifest(db: Database, members: dict[str, bytes]) -> dict[str, Any]:
    try:
        manifest = json.loads(members[MANIFEST_MEMBER])
    except ValueError as error:
        raise BundleRefused("Manifeste illisible.") from error
    if not isinstance(manifest, dict):
        raise BundleRefused("Manifeste illisible.")
    if manifest.get("format") != BUNDLE_FORMAT:
        raise BundleRefused(
            f"Format d'envoi non pris en charge ({manifest.get('format')}) : "
            "mettez SPRO Desk à jour côté coordination."
        )
    with db.session() as session:
        desk = session.get(RegisteredDesk, str(manifest.get("desk_id")))
    if desk is None or desk.revoked:
        raise BundleRefused(f"Poste inconnu ou révoqué : {manifest.get('desk_id')}.")
    if not signature_valid(desk.public_key, members[SIGNATURE_MEMBER], members[MANIFEST_MEMBER]):
        raise BundleRefused("Signature du poste invalide : envoi altéré ou contrefait.")
    declared = manifest.get("members", {}).get(EVENTS_MEMBER, {})
    events = members[EVENTS_MEMBER]
    if declared != {"size": len(events), "sha256": hashlib.sha256(events).hexdigest()}:
        raise BundleRefused("Les événements ne correspondent pas au manifeste signé.")
    return manifest


def _events(manifest: dict[str, Any], data: bytes) -> list[tuple[dict[str, Any], str]]:
    events = []
    for line in data.splitlines():
        try:
            event = json.loads(line)
        except ValueError as error:
            raise BundleRefused("Événement illisible dans l'envoi.") from error
        events.append((event, hashlib.sha256(line).hexdigest()))
    if len(events) != manifest.get("events", {}).get("count"):
        raise BundleRefused("Le nombre d'événements ne correspond pas au manifeste.")
    return events


# --- applying it ---------------------------------------------------------------------------


def import_bundle(db: Database, data_dir: Path, path: Path) -> ImportOutcome:
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleRefused("Envoi anormalement volumineux : refusé sans être ouvert.")
        sealed = path.read_bytes()
    except OSError as error:
        raise BundleRefused(f"Fichier illisible : {error.strerror}.") from error
    try:
        archive = pyrage.decrypt(sealed, encryption_identities(data_dir))
    except Exception as error:  # pyrage's DecryptError and its header errors
        raise BundleRefused(
            "Envoi indéchiffrable : chiffré pour une autre clé, tronqué ou altéré."
        ) from error
    members = _members(archive)
    manifest = _checked_manifest(db, members)
    events = _events(manifest, members[EVENTS_MEMBER])
    outcome = ImportOutcome(manifest["desk_id"], int(manifest["bundle_seq"]))
    digest = hashlib.sha256(sealed).hexdigest()
    with db.transaction() as session:
        if session.get(ReceivedBundle, digest) is not None:
            outcome.events_duplicate = len(events)
            return outcome
        _check_chain(session, manifest, digest, outcome)
        for event, content in events:
            _apply(session, outcome, event, content)
        session.add(
            ReceivedBundle(
                sha256=digest,
                desk_id=outcome.desk_id,
                bundle_seq=outcome.bundle_seq,
                previous_sha256=manifest.get("previous_bundle_sha256"),
                received_at=datetime.now(UTC),
                events=len(events),
            )
        )
        _record_gaps(session, outcome)
        # Issue 5: the indicators' tables follow every accepted event, in this transaction.
        apply_to_merged_state(session, outcome.desk_id, events, manifest)
    return outcome


def _alert(session: Session, outcome: ImportOutcome, kind: str, detail: dict[str, Any]) -> None:
    session.add(
        SyncAlert(desk_id=outcome.desk_id, kind=kind, detail=detail, raised_at=datetime.now(UTC))
    )
    outcome.alerts.append(kind)


def _check_chain(
    session: Session, manifest: dict[str, Any], digest: str, outcome: ImportOutcome
) -> None:
    same_number = session.exec(
        select(ReceivedBundle).where(
            ReceivedBundle.desk_id == outcome.desk_id,
            ReceivedBundle.bundle_seq == outcome.bundle_seq,
        )
    ).first()
    if same_number is not None:  # a desk restored from an old backup numbers again
        _alert(
            session,
            outcome,
            "fork",
            {"bundle_seq": outcome.bundle_seq, "reason": "numéro réutilisé"},
        )
        return
    previous = session.exec(
        select(ReceivedBundle).where(
            ReceivedBundle.desk_id == outcome.desk_id,
            ReceivedBundle.bundle_seq == outcome.bundle_seq - 1,
        )
    ).first()
    if previous is not None and previous.sha256 != manifest.get("previous_bundle_sha256"):
        _alert(
            session, outcome, "fork", {"bundle_seq": outcome.bundle_seq, "reason": "chaîne rompue"}
        )


def _apply(session: Session, outcome: ImportOutcome, event: dict[str, Any], content: str) -> None:
    stored = session.get(ReceivedEvent, str(event.get("id")))
    if stored is not None:
        if stored.content_sha256 == content:
            outcome.events_duplicate += 1
        else:
            outcome.quarantined += 1
            _alert(
                session,
                outcome,
                "quarantine",
                {"event_id": stored.id, "seq": event.get("seq"), "event": event},
            )
        return
    session.add(
        ReceivedEvent(
            id=str(event["id"]),
            desk_id=outcome.desk_id,
            seq=int(event["seq"]),
            content_sha256=content,
            entity=str(event["entity"]),
            entity_id=str(event["entity_id"]),
            op=str(event["op"]),
            at=str(event["at"]),
            payload=event["payload"],
        )
    )
    outcome.events_new += 1


def desk_gaps(session: Session, desk_id: str) -> list[int]:
    seqs = session.exec(select(ReceivedEvent.seq).where(ReceivedEvent.desk_id == desk_id)).all()
    present = set(seqs)
    return [n for n in range(1, max(present, default=0) + 1) if n not in present]


def _record_gaps(session: Session, outcome: ImportOutcome) -> None:
    session.flush()
    session.exec(
        delete(SyncAlert).where(SyncAlert.desk_id == outcome.desk_id, SyncAlert.kind == "gap")
    )
    missing = desk_gaps(session, outcome.desk_id)
    if missing:
        _alert(session, outcome, "gap", {"missing": missing[:1000], "count": len(missing)})


# --- what the coordinator sees -------------------------------------------------------------


def coordinator_status(db: Database) -> dict[str, Any]:
    with db.session() as session:
        desks = session.exec(select(RegisteredDesk)).all()
        alerts = session.exec(select(SyncAlert).order_by(col(SyncAlert.pk))).all()

        def distinct(entity: str) -> int:
            query = select(func.count(func.distinct(ReceivedEvent.entity_id))).where(
                ReceivedEvent.entity == entity
            )
            return session.exec(query).one()

        return {
            "desks": [
                {"desk_id": d.desk_id, "site_nom": d.site_nom, "revoked": d.revoked} for d in desks
            ],
            "contacts": distinct("contact"),
            "referrals": distinct("referral"),
            "gaps": [{"desk_id": a.desk_id, **a.detail} for a in alerts if a.kind == "gap"],
            "alerts": [{"desk_id": a.desk_id, "kind": a.kind} for a in alerts if a.kind != "gap"],
        }
