"""The desk's append-only change log: one event per change, in the change's transaction.

Events carry the anonymous state of a contact or referral after the change. Names, phones,
e-mails and notes live in `personal_data` only, which never produces an event: whatever reads
the log (the weekly bundle) cannot leak them.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from spro_desk.storage.tables import Contact, Event, Referral

CONTACT_FIELDS = (
    "occurred_at", "recorded_at", "updated_at", "canal", "lieu", "statut", "tranche_age",
    "sexe", "handicap", "commune", "besoins", "reponses", "duree", "site", "deleted_at",
)  # fmt: skip
REFERRAL_FIELDS = (
    "contact_id", "service_id", "structure_id", "service_nom", "structure_nom", "type",
    "rdv_at", "statut", "motif", "created_at", "updated_at",
)  # fmt: skip
OPERATIONS = ("create", "update", "delete")


def _payload(entity: Contact | Referral) -> dict[str, Any]:
    return contact_payload(entity) if isinstance(entity, Contact) else referral_payload(entity)


def uuid7(now: float | None = None) -> str:
    """A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits."""
    millis = int((time.time() if now is None else now) * 1000)
    value = (millis & (2**48 - 1)) << 80 | int.from_bytes(os.urandom(10), "big")
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))


def _plain(value: Any) -> Any:
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value


def contact_payload(contact: Contact) -> dict[str, Any]:
    return {name: _plain(getattr(contact, name)) for name in CONTACT_FIELDS}


def referral_payload(referral: Referral) -> dict[str, Any]:
    return {name: _plain(getattr(referral, name)) for name in REFERRAL_FIELDS}


def next_sequence(session: Session) -> int:
    return (session.exec(select(func.max(Event.seq))).one() or 0) + 1


def append_event(
    session: Session, entity: Contact | Referral, op: str, *, at: datetime | None = None
) -> Event:
    """Log the entity's state after `op`; call inside the transaction that changes it."""
    if op not in OPERATIONS:
        raise ValueError(f"unknown operation {op!r}")
    session.flush()  # the entity's own row first: its state is what the event records
    is_contact = isinstance(entity, Contact)
    event = Event(
        id=uuid7(),
        seq=next_sequence(session),
        at=at or datetime.now(UTC),
        entity="contact" if is_contact else "referral",
        entity_id=entity.id,
        op=op,
        payload=_payload(entity),
    )
    session.add(event)
    session.flush()
    return event


def events(session: Session, after_seq: int = 0) -> list[Event]:
    query = select(Event).where(Event.seq > after_seq).order_by(col(Event.seq))
    return list(session.exec(query).all())
