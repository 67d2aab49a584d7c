"""Acknowledgements: the coordinator tells each desk, signed, up to which event it has all.

`acked_seq` is the end of the desk's gapless run from 1 along the desk's latest history
(sync.branches): a desk never drops an event the coordinator may still be missing. The
acknowledgement names the event it ends on (`head_sha256`, the SHA-256 of its bundle line): a
desk applies it only if the trusted coordinator signed it, for this desk, and that event is the
desk's own — an acknowledgement of a history the desk no longer has (it was restored from a
backup since) is refused, so the desk sends its new events again. An older one changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlmodel import select

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.storage.coordination_tables import RegisteredDesk
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Event
from spro_desk.sync.bundle import event_line, load_state, save_state
from spro_desk.sync.coordinator import _driver
from spro_desk.sync.coordinator_identity import SIGNING_KEY_FILE, trusted_coordinator
from spro_desk.sync.identity import IdentityError, load_identity, read_private_key
from spro_desk.sync.signing import canonical, signature_valid

ACK_FORMAT = "spro-desk-ack/1"


def latest_lineage(connection: Connection, desk_id: str) -> list[list[Any]]:
    """The lineage of the desk's latest branch (ids are time-ordered), as its bundles say."""
    row = connection.execute(
        text(
            "SELECT lineage FROM received_bundle WHERE desk_id = :desk AND lineage IS NOT NULL "
            "ORDER BY branch DESC, bundle_seq DESC LIMIT 1"
        ),
        {"desk": desk_id},
    ).fetchone()
    return json.loads(row[0]) if row else [["", 1]]


def branch_at(history: list[list[Any]], seq: int) -> str:
    label = ""
    for step_label, first in history:
        if first <= seq:
            label = step_label
    return label


def acknowledged_head(connection: Connection, desk_id: str) -> tuple[int, str | None]:
    """The end of the desk's gapless run along its latest history, and that event's hash."""
    history = latest_lineage(connection, desk_id)
    run, head = 0, None
    rows = connection.execute(
        text(
            "SELECT seq, branch, content_sha256 FROM received_event WHERE desk_id = :desk "
            "ORDER BY seq"
        ),
        {"desk": desk_id},
    )
    for seq, branch, digest in rows:
        if seq <= run:
            continue
        if seq > run + 1:
            break
        if branch == branch_at(history, seq):
            run, head = seq, digest
    return run, head


def contiguous_seq(db: Database, desk_id: str) -> int:
    with db.session() as session:
        connection = _driver(session)
        return acknowledged_head(connection, desk_id)[0]


def acknowledgement_documents(
    db: Database, data_dir: Path, only: Collection[str] | None = None
) -> dict[str, bytes]:
    """One signed acknowledgement per registered desk (its file's bytes), by desk id; `only`:
    for these desks alone (each costs a pass over the desk's events)."""
    key = read_private_key(data_dir / SIGNING_KEY_FILE)
    with db.session() as session:
        desks = [d.desk_id for d in session.exec(select(RegisteredDesk)).all()]
    if only is not None:
        desks = [desk for desk in desks if desk in only]
    documents = {}
    for desk_id in desks:
        with db.session() as session:
            connection = _driver(session)
            acked, head = acknowledged_head(connection, desk_id)
        body = {
            "format": ACK_FORMAT,
            "desk_id": desk_id,
            "acked_seq": acked,
            "head_sha256": head,
            "created_at": datetime.now(UTC).isoformat(),
        }
        signature = base64.b64encode(key.sign(canonical(body))).decode()
        documents[desk_id] = json.dumps({**body, "signature": signature}).encode()
    return documents


def write_acknowledgements(db: Database, data_dir: Path, out: Path) -> list[Path]:
    """One signed acknowledgement file per registered desk."""
    require_coordination(db, Permission.IMPORT)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for desk_id, document in acknowledgement_documents(db, data_dir).items():
        path = out / f"{desk_id}.spro-ack"
        path.write_bytes(document)
        written.append(path)
    return written


def apply_acknowledgement(db: Database, path: Path) -> int:
    """Record what the coordinator confirmed; returns the acknowledged sequence now in force."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IdentityError(f"Accusé de réception illisible : {path.name}.") from error
    return apply_acknowledgement_data(db, data)


def apply_acknowledgement_data(db: Database, data: bytes) -> int:
    """`apply_acknowledgement` for a file already read (e.g. carried by a directory update)."""
    identity, coordinator = load_identity(db), trusted_coordinator(db)
    if identity is None or coordinator is None:
        raise IdentityError("Ce poste n'est pas encore relié à un coordinateur.")
    try:
        document = json.loads(data)
        body = {k: v for k, v in document.items() if k != "signature"}
        signed = signature_valid(
            coordinator.signing_public_key, document["signature"], canonical(body)
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        signed = False
    if not signed:
        raise IdentityError(
            "Accusé de réception refusé : illisible ou non signé par votre coordinateur."
        )
    if body.get("format") != ACK_FORMAT or body.get("desk_id") != identity.desk_id:
        raise IdentityError("Cet accusé de réception concerne un autre poste : refusé.")
    _note_registration_confirmed(db)
    acked = body.get("acked_seq")
    if not isinstance(acked, int) or acked < 0:
        raise IdentityError("Accusé de réception incohérent avec ce poste : refusé.")
    _check_own_history(db, acked, body.get("head_sha256"))
    state = load_state(db)
    if acked > state["acked"]:
        save_state(db, {**state, "acked": acked})
    return max(acked, state["acked"])


OTHER_HISTORY = (
    "Cet accusé de réception concerne un autre historique de ce poste (d'avant une "
    "restauration de sauvegarde) : ignoré. Rien n'est perdu : les changements que le "
    "coordinateur n'a pas confirmés pour cet historique-ci seront envoyés à nouveau."
)


def _check_own_history(db: Database, acked: int, head: Any) -> None:
    """The acknowledged event must be this desk's own event at that number."""
    if acked == 0:
        return
    with db.session() as session:
        event = session.exec(select(Event).where(Event.seq == acked)).first()
    if event is None or not isinstance(head, str):
        raise IdentityError(OTHER_HISTORY)
    if hashlib.sha256(event_line(event)).hexdigest() != head:
        raise IdentityError(OTHER_HISTORY)


REGISTERED_KEY = "registration_confirmed_at"


def _note_registration_confirmed(db: Database) -> None:
    """A signed acknowledgement for this desk proves the coordination registered it (it writes
    them for its registered desks only), even one of another history."""
    state = load_state(db)
    if not state.get(REGISTERED_KEY):
        save_state(db, {**state, REGISTERED_KEY: datetime.now(UTC).isoformat()})
