"""Acknowledgements: the coordinator tells each desk, signed, up to which event it has all.

`acked_seq` is the end of the desk's gapless run from 1: a desk never drops an event the
coordinator may still be missing. A desk applies an acknowledgement only if the trusted
coordinator signed it, for this desk, within what the desk wrote; an older one changes nothing.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import func, select

from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Event, ReceivedEvent, RegisteredDesk
from spro_desk.sync.bundle import load_state, save_state
from spro_desk.sync.coordinator_identity import SIGNING_KEY_FILE, trusted_coordinator
from spro_desk.sync.identity import IdentityError, load_identity, read_private_key
from spro_desk.sync.signing import canonical, signature_valid

ACK_FORMAT = "spro-desk-ack/1"


def contiguous_seq(db: Database, desk_id: str) -> int:
    with db.session() as session:
        seqs = sorted(
            session.exec(select(ReceivedEvent.seq).where(ReceivedEvent.desk_id == desk_id)).all()
        )
    run = 0
    for seq in seqs:
        if seq != run + 1:
            break
        run = seq
    return run


def acknowledgement_documents(db: Database, data_dir: Path) -> dict[str, bytes]:
    """One signed acknowledgement per registered desk (its file's bytes), by desk id."""
    key = read_private_key(data_dir / SIGNING_KEY_FILE)
    with db.session() as session:
        desks = [d.desk_id for d in session.exec(select(RegisteredDesk)).all()]
    documents = {}
    for desk_id in desks:
        body = {
            "format": ACK_FORMAT,
            "desk_id": desk_id,
            "acked_seq": contiguous_seq(db, desk_id),
            "created_at": datetime.now(UTC).isoformat(),
        }
        signature = base64.b64encode(key.sign(canonical(body))).decode()
        documents[desk_id] = json.dumps({**body, "signature": signature}).encode()
    return documents


def write_acknowledgements(db: Database, data_dir: Path, out: Path) -> list[Path]:
    """One signed acknowledgement file per registered desk."""
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
    with db.session() as session:
        written = session.exec(select(func.max(Event.seq))).one() or 0
    acked = body.get("acked_seq")
    if not isinstance(acked, int) or not 0 <= acked <= written:
        raise IdentityError("Accusé de réception incohérent avec ce poste : refusé.")
    state = load_state(db)
    if acked > state["acked"]:
        save_state(db, {**state, "acked": acked})
    return max(acked, state["acked"])
