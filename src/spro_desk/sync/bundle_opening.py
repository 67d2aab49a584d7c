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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyrage
from pyrage import x25519

from spro_desk.sync.bundle_format import (
    BUNDLE_FORMAT,
    EVENTS_MEMBER,
    MANIFEST_MEMBER,
    MAX_BRANCHES,
    MAX_BUNDLE_BYTES,
    MAX_BUNDLE_SEQ,
    MAX_LABEL,
    MAX_MEMBER_BYTES,
    MAX_SEQ,
    OVERSIZED_BUNDLE,
    SIGNATURE_MEMBER,
)
from spro_desk.sync.merged_rows import (
    REFERRAL_CONTACT_ID,
    BundleCounts,
    PreparedEvent,
    as_prepared,
    bundle_counts,
    checked_plain,
    shared,
)
from spro_desk.sync.signing import signature_valid

ENCRYPTION_KEYS_DIR = Path("keys") / "encryption"  # the coordinator's age keys, one per file

RegisteredKeys = dict[str, tuple[str, bool]]  # desk id → (public key, revoked)
# A PreparedEvent's fields; then an OpenedBundle's: digest, manifest, rows, manifest digest,
# merged, counts, keys
PlainEvent = tuple[str, str, tuple[str, int, str, str], tuple[Any, ...] | None]
# What the coordinator looks up of a bundle (`bundle_keys`): each referral event's contact id,
# the entities its events name (theirs and their contacts, sorted), its events' own entities,
# and whether its event ids are distinct.
BundleKeys = tuple[dict[str, str], list[str], list[str], bool]
PlainBundle = tuple[
    str,
    dict[str, Any],
    list[tuple[Any, ...]],
    str,
    list[PlainEvent],
    BundleCounts | None,
    BundleKeys | None,
]


class BundleRefused(ValueError):
    """The bundle (or registration) is refused as a whole; nothing was changed."""


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle decrypted and checked, ready to apply."""

    digest: str  # SHA-256 of the file as received
    manifest: dict[str, Any]
    rows: list[tuple[Any, ...]]  # its events as `received_event` rows, in file order
    manifest_digest: str = ""  # SHA-256 of the signed manifest: the same content re-encrypted
    # each row's event as the merged state takes it (sync.merged_rows), built here so that the
    # writing process only chooses and inserts
    merged: list[PreparedEvent] = field(default_factory=list)
    # the summary counts of its contacts (`merged_rows.bundle_counts`), counted here too: the
    # importing process's merge adds them instead of counting every row (None: it does)
    counts: BundleCounts | None = None
    # what the coordinator looks up of it (`bundle_keys`), worked out here too (None: by it)
    keys: BundleKeys | None = None


def encryption_identities(data_dir: Path) -> list[x25519.Identity]:
    files = sorted((data_dir / ENCRYPTION_KEYS_DIR).glob("*.age"))
    return [x25519.Identity.from_str(f.read_text("ascii").strip()) for f in files]


class BundleOpener:
    """Opens bundles with the coordinator's keys, for the desks it registered."""

    def __init__(self, identities: list[x25519.Identity], desks: RegisteredKeys) -> None:
        self.identities, self.desks = identities, desks

    def open(self, path: Path) -> OpenedBundle:
        return opened_of(self.open_plain(path))

    def open_plain(self, path: Path) -> PlainBundle:
        """`open` as plain tuples, lists, dicts, strings and numbers (`opened_of` makes it an
        `OpenedBundle`): what the reading worker sends as it is (sync.reader_process)."""
        try:
            if path.stat().st_size > MAX_BUNDLE_BYTES:
                raise BundleRefused(OVERSIZED_BUNDLE)
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
        rows, merged = _event_rows(str(manifest["desk_id"]), manifest, members[EVENTS_MEMBER])
        manifest_digest = hashlib.sha256(members[MANIFEST_MEMBER]).hexdigest()
        sealed_digest = hashlib.sha256(sealed).hexdigest()
        counts, keys = bundle_counts(merged), bundle_keys(rows, merged)
        return (sealed_digest, manifest, rows, manifest_digest, merged, counts, keys)


def opened_of(plain: PlainBundle) -> OpenedBundle:
    digest, manifest, rows, manifest_digest, merged, counts, keys = plain
    prepared = [*map(as_prepared, merged)]
    return OpenedBundle(digest, manifest, rows, manifest_digest, prepared, counts, keys)


def bundle_keys(rows: list[tuple[Any, ...]], merged: Sequence[tuple[Any, ...]]) -> BundleKeys:
    """What the coordinator looks up of a bundle's events (sync.coordinator._known_events),
    worked out as it is opened: five passes over the events less for the importing process.
    `merged`: the rows' events as the merged state takes them, in the same order."""
    contact_of = contacts_of(rows, merged)
    own = list({row[5]: None for row in rows})
    entity_ids = sorted({*own, *contact_of.values()})
    distinct = len({row[0] for row in rows}) == len(rows)
    return contact_of, entity_ids, own, distinct


def contacts_of(rows: list[tuple[Any, ...]], merged: Sequence[tuple[Any, ...]]) -> dict[str, str]:
    """Each referral event's contact id: its merged row's, which the bundle's reader took from
    the parsed payload (`merged_rows.referral_row`); only a deleted referral, which has no row,
    has its payload parsed again here (7,500 payloads per 500 desk-weeks otherwise)."""
    if len(merged) != len(rows):  # a bundle built without its merged rows
        return {row[0]: _payload_contact(row) for row in rows if row[4] == "referral"}
    return {
        row[0]: _payload_contact(row) if event[3] is None else event[3][REFERRAL_CONTACT_ID]
        for row, event in zip(rows, merged, strict=True)
        if row[4] == "referral"
    }


def _payload_contact(row: tuple[Any, ...]) -> str:
    return str(orjson.loads(row[8]).get("contact_id"))


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
    except (tarfile.TarError, EOFError, OverflowError) as error:
        # OverflowError: a negative size (base-256) sends tarfile's next seek out of range
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
    _check_numbers(manifest)
    return manifest


def _bounded(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _check_numbers(manifest: dict[str, Any]) -> None:
    """Every number the manifest declares, bounded before anything is sized by it."""
    if not isinstance(manifest.get("bundle_seq"), int):
        raise BundleRefused("Manifeste incomplet : numéro d'envoi absent.")
    if not _bounded(manifest["bundle_seq"], 1, MAX_BUNDLE_SEQ):
        raise BundleRefused("Numéro d'envoi hors limites dans le manifeste : envoi refusé.")
    counts = manifest.get("events")
    if not isinstance(counts, dict) or not _bounded(counts.get("count"), 0, MAX_SEQ):
        raise BundleRefused("Nombre d'événements absent ou hors limites : envoi refusé.")
    if not _bounded(manifest.get("last_ack", 0), 0, MAX_SEQ):
        raise BundleRefused("Numéro d'accusé de réception hors limites : envoi refusé.")
    manifest["branch"] = _checked_branch(manifest.get("branch"))


def _checked_branch(branch: Any) -> dict[str, Any]:
    """The desk's branch and lineage (absent from older desks: the first branch)."""
    if branch is None:
        return {"id": "", "number": 1, "lineage": [["", 1]]}
    refused = BundleRefused("Historique du poste illisible dans le manifeste : envoi refusé.")
    if not isinstance(branch, dict) or not _label(branch.get("id")):
        raise refused
    history = branch.get("lineage")
    if not isinstance(history, list) or not 1 <= len(history) <= MAX_BRANCHES:
        raise refused
    previous = 0
    for step in history:
        if not (isinstance(step, list) and len(step) == 2 and _label(step[0])):
            raise refused
        if not _bounded(step[1], previous + 1, MAX_SEQ + 1):
            raise refused
        previous = step[1]
    if history[-1][0] != branch["id"] or not _bounded(branch.get("number"), 1, MAX_BRANCHES):
        raise refused
    return {"id": branch["id"], "number": branch["number"], "lineage": history}


def _label(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_LABEL


_ENTITIES = ("contact", "referral")  # a tuple: `in` must not hash what a desk sent


def _event_rows(
    desk_id: str, manifest: dict[str, Any], data: bytes
) -> tuple[list[tuple[Any, ...]], list[PlainEvent]]:
    """Each event parsed, checked and turned into its `received_event` row and its merged
    state's row, so that applying only compares and inserts. The import's largest cost after
    the database writes: one pass with local names (bench/bench_sync.py)."""
    rows: list[tuple[Any, ...]] = []
    merged: list[PlainEvent] = []
    append, keep, sha256 = rows.append, merged.append, hashlib.sha256
    loads, dumps = orjson.loads, orjson.dumps
    # A bundle carries the desk's events after its last acknowledgement, consecutive.
    expected = manifest["events"].get("first_seq")
    if expected is not None and not _bounded(expected, 1, MAX_SEQ):
        raise BundleRefused("Numéro d'événement hors limites dans le manifeste : envoi refusé.")
    for line in data.splitlines():
        try:
            # orjson: strict JSON (no NaN, no lone surrogate), and twice as fast as json
            fields = _fields(loads(line))
        except (ValueError, RecursionError) as error:
            raise BundleRefused("Événement illisible dans l'envoi.") from error
        if fields is None:
            raise BundleRefused("Événement incomplet dans l'envoi.")
        event_id, seq, entity, entity_id, op, at, payload, branch = fields
        entity, op = shared(entity), shared(op)  # one object each, sent once (merged_rows)
        # what is stored must be mergeable (the indicators merge it after the commit): checked
        # as its merged row is built
        prepared = checked_plain(desk_id, seq, entity, entity_id, op, payload, branch, event_id)
        if prepared is None:
            raise BundleRefused("Contenu de l'envoi incohérent : refusé.")
        if seq != (seq if expected is None else expected):
            raise BundleRefused(
                "Numéros d'événements hors limites ou non consécutifs dans l'envoi : refusé."
            )
        expected = seq + 1
        content = sha256(line).hexdigest()
        text = dumps(payload).decode()  # json.dumps: 8 times slower
        append((event_id, desk_id, seq, content, entity, entity_id, op, at, text, branch))
        keep(prepared)
    return _counted(rows, manifest), merged


def _fields(event: Any) -> tuple[Any, ...] | None:
    """id, seq, entity, entity_id, op, at, payload and branch, or None when one that applying
    needs is missing or of the wrong type (the merged state reads the payload further)."""
    if type(event) is not dict:
        return None
    try:
        event_id, seq, entity, entity_id, op, at, payload = (
            event["id"], event["seq"], event["entity"], event["entity_id"], event["op"],
            event["at"], event["payload"],
        )  # fmt: skip
    except KeyError:
        return None
    branch = event.get("branch", "")
    well_formed = (
        type(event_id) is str
        and type(seq) is int
        and 1 <= seq <= MAX_SEQ
        and type(branch) is str
        and len(branch) <= MAX_LABEL
        and entity in _ENTITIES
        and type(entity_id) is str
        and type(op) is str
        and type(at) is str
        and type(payload) is dict
    )
    if not well_formed:
        return None
    return (event_id, seq, entity, entity_id, op, at, payload, branch)


def _counted(rows: list[tuple[Any, ...]], manifest: dict[str, Any]) -> list[tuple[Any, ...]]:
    declared = manifest["events"]
    if len(rows) != declared.get("count"):
        raise BundleRefused("Le nombre d'événements ne correspond pas au manifeste.")
    if rows and declared.get("last_seq") not in (None, rows[-1][2]):
        raise BundleRefused("Le dernier numéro d'événement ne correspond pas au manifeste.")
    return rows
