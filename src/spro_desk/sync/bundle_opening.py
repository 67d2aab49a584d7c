"""Opening a received bundle: decrypt, check every hash and the desk's signature, parse the events.

No database here: the coordinator hands in its keys and the registered desks, and gets back the
bundle's events as ready-to-insert `received_event` rows, or a `BundleRefused` saying why in
French. This module (and what it imports) stays light, because a large import runs it in a
process of its own (sync.reader_process) while the coordinator writes the previous bundles.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pyrage
from pyrage import x25519

from spro_desk.sync.bundle_format import (
    BUNDLE_FORMAT,
    EVENTS_MEMBER,
    MANIFEST_MEMBER,
    MAX_BUNDLE_BYTES,
    MAX_MEMBER_BYTES,
    SIGNATURE_MEMBER,
)
from spro_desk.sync.event_shape import mergeable
from spro_desk.sync.signing import signature_valid

ENCRYPTION_KEYS_DIR = Path("keys") / "encryption"  # the coordinator's age keys, one per file

RegisteredKeys = dict[str, tuple[str, bool]]  # desk id → (public key, revoked)


class BundleRefused(ValueError):
    """The bundle (or registration) is refused as a whole; nothing was changed."""


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle decrypted and checked, ready to apply."""

    digest: str  # SHA-256 of the file as received
    manifest: dict[str, Any]
    rows: list[tuple[Any, ...]]  # its events as `received_event` rows, in file order


def encryption_identities(data_dir: Path) -> list[x25519.Identity]:
    files = sorted((data_dir / ENCRYPTION_KEYS_DIR).glob("*.age"))
    return [x25519.Identity.from_str(f.read_text("ascii").strip()) for f in files]


class BundleOpener:
    """Opens bundles with the coordinator's keys, for the desks it registered."""

    def __init__(self, identities: list[x25519.Identity], desks: RegisteredKeys) -> None:
        self.identities, self.desks = identities, desks

    def open(self, path: Path) -> OpenedBundle:
        try:
            if path.stat().st_size > MAX_BUNDLE_BYTES:
                raise BundleRefused("Envoi anormalement volumineux : refusé sans être ouvert.")
            sealed = path.read_bytes()
        except OSError as error:
            raise BundleRefused(f"Fichier illisible : {error.strerror}.") from error
        try:
            archive = pyrage.decrypt(sealed, self.identities)
        except Exception as error:  # pyrage's DecryptError and its header errors
            raise BundleRefused(
                "Envoi indéchiffrable : chiffré pour une autre clé, tronqué ou altéré."
            ) from error
        members = _members(archive)
        manifest = _checked_manifest(self.desks, members)
        rows = _event_rows(str(manifest["desk_id"]), manifest, members[EVENTS_MEMBER])
        return OpenedBundle(hashlib.sha256(sealed).hexdigest(), manifest, rows)


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


def _checked_manifest(desks: RegisteredKeys, members: dict[str, bytes]) -> dict[str, Any]:
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
    public_key, revoked = desks.get(str(manifest.get("desk_id")), ("", True))
    if revoked:
        raise BundleRefused(f"Poste inconnu ou révoqué : {manifest.get('desk_id')}.")
    if not signature_valid(public_key, members[SIGNATURE_MEMBER], members[MANIFEST_MEMBER]):
        raise BundleRefused("Signature du poste invalide : envoi altéré ou contrefait.")
    declared = manifest.get("members", {}).get(EVENTS_MEMBER, {})
    events = members[EVENTS_MEMBER]
    if declared != {"size": len(events), "sha256": hashlib.sha256(events).hexdigest()}:
        raise BundleRefused("Les événements ne correspondent pas au manifeste signé.")
    if not isinstance(manifest.get("bundle_seq"), int):
        raise BundleRefused("Manifeste incomplet : numéro d'envoi absent.")
    return manifest


_ENTITIES = ("contact", "referral")  # a tuple: `in` must not hash what a desk sent


def _event_rows(desk_id: str, manifest: dict[str, Any], data: bytes) -> list[tuple[Any, ...]]:
    """Each event parsed, checked and turned into its `received_event` row, so that applying
    only compares and inserts. The import's largest cost after the database writes: one pass
    with local names (bench/bench_sync.py)."""
    rows: list[tuple[Any, ...]] = []
    append, sha256, loads, dumps = rows.append, hashlib.sha256, orjson.loads, orjson.dumps
    for line in data.splitlines():
        try:
            # orjson: strict JSON (no NaN, no lone surrogate), and twice as fast as json
            fields = _fields(loads(line))
        except (ValueError, RecursionError) as error:
            raise BundleRefused("Événement illisible dans l'envoi.") from error
        if fields is None:
            raise BundleRefused("Événement incomplet dans l'envoi.")
        event_id, seq, entity, entity_id, op, at, payload = fields
        if not mergeable(entity, op, payload):
            # what is stored must be mergeable: the indicators merge it after the commit
            raise BundleRefused("Contenu de l'envoi incohérent : refusé.")
        content = sha256(line).hexdigest()
        text = dumps(payload).decode()  # json.dumps: 8 times slower
        append((event_id, desk_id, seq, content, entity, entity_id, op, at, text))
    return _counted(rows, manifest)


def _fields(event: Any) -> tuple[Any, ...] | None:
    """id, seq, entity, entity_id, op, at and payload, or None when one that applying needs
    is missing or of the wrong type (the merged state reads the payload further)."""
    if type(event) is not dict:
        return None
    try:
        fields = (
            event["id"], event["seq"], event["entity"], event["entity_id"], event["op"],
            event["at"], event["payload"],
        )  # fmt: skip
    except KeyError:
        return None
    event_id, seq, entity, entity_id, op, at, payload = fields
    well_formed = (
        type(event_id) is str
        and type(seq) is int
        and seq >= 1
        and entity in _ENTITIES
        and type(entity_id) is str
        and type(op) is str
        and type(at) is str
        and type(payload) is dict
    )
    return fields if well_formed else None


def _counted(rows: list[tuple[Any, ...]], manifest: dict[str, Any]) -> list[tuple[Any, ...]]:
    if len(rows) != manifest.get("events", {}).get("count"):
        raise BundleRefused("Le nombre d'événements ne correspond pas au manifeste.")
    return rows
