"""Personal data in and out of the database: sealed on the way in, opened (and logged, and
allowed only to the right agents) on the way out.

The four fields are one JSON object, padded to a multiple of 64 bytes so that the stored size
hints at little, encrypted (AES-256-GCM, the row's contact id as associated data) under the
person's own key; that key, sealed to the desk key, is kept in the person-key file
(`privacy.person_keys`), never in the database: erasing it erases every copy of the row.
Rows of earlier versions (envelope 1) are sealed to the desk key directly; they still open.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from spro_desk.agents.roles import Permission
from spro_desk.agents.sessions import require
from spro_desk.privacy.person_keys import person_keys
from spro_desk.privacy.policy import AFTER_CONTACT_BOUNDS, add_months
from spro_desk.security import crypto
from spro_desk.security.audit import audit_log
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import PersonalData

FIELDS = ("nom", "telephone", "courriel", "note")
PAD_BYTES = 64
ENVELOPE_PERSON = 2  # version ‖ nonce ‖ AES-GCM under the person's key
# A person's key outlives its row (a restored backup) until the longest retention allowed.
KEY_EXPIRES_AFTER_MONTHS = AFTER_CONTACT_BOUNDS[1]

# Why personal data is read, as the audit log says it, and who may do it.
DISPLAY = "affichage"  # on screen, for the agent to call the person back
PRINT = "impression"  # the fiche de liaison handed to the person
EXPORT = "export"  # a copy of everything held, for the person (right of access)
ACCESS_RIGHT = "droit-d-acces"  # « Données de cette personne »: shown, printed or exported
READ_PERMISSIONS = {
    DISPLAY: Permission.VIEW_PERSONAL,
    PRINT: Permission.VIEW_PERSONAL,
    EXPORT: Permission.EXPORT_PERSONAL,
    ACCESS_RIGHT: Permission.EXPORT_PERSONAL,
}


def row_context(contact_id: str) -> bytes:
    return b"spro-desk personal_data\x00" + contact_id.encode("utf-8")


class PersonKeyGone(crypto.SealError):
    """The person's key was destroyed: the data was erased, this copy no longer opens."""


def _padded(values: dict[str, str | None]) -> bytes:
    present = {name: values[name] for name in FIELDS if values.get(name)}
    payload = json.dumps(present, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return payload + b" " * (-len(payload) % PAD_BYTES)  # JSON ignores trailing blanks


def key_context(contact_id: str) -> bytes:
    return b"spro-desk person key\x00" + contact_id.encode("utf-8")


def seal_with_person_key(
    db: Database,
    public: X25519PublicKey,
    contact_id: str,
    values: dict[str, str | None],
    occurred_at: datetime,
) -> bytes:
    """A fresh key for this person, kept (sealed to the desk key) in the person-key file before
    the row that needs it is written; the row's envelope."""
    key = AESGCM.generate_key(bit_length=256)
    expires = add_months(occurred_at, KEY_EXPIRES_AFTER_MONTHS) + timedelta(days=2)
    person_keys(db).add(contact_id, crypto.seal(public, key, key_context(contact_id)), expires)
    header = bytes([ENVELOPE_PERSON])
    nonce = os.urandom(crypto.NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, _padded(values), header + row_context(contact_id))
    return header + nonce + sealed


def _open_person(db: Database, contact_id: str, envelope: bytes) -> bytes:
    sealed_key = person_keys(db).sealed_key(contact_id)
    if sealed_key is None:
        raise PersonKeyGone("person key destroyed")
    desk_key = vault(db).private_for(crypto.sealed_key_id(sealed_key).hex())
    key = crypto.open_sealed(desk_key, sealed_key, key_context(contact_id))
    header, nonce = envelope[:1], envelope[1 : 1 + crypto.NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(
            nonce, envelope[1 + crypto.NONCE_BYTES :], header + row_context(contact_id)
        )
    except crypto.InvalidTag:
        raise crypto.SealError("altered or moved sealed value") from None


def seal_values(public: X25519PublicKey, contact_id: str, values: dict[str, str | None]) -> bytes:
    """Sealed to the desk key directly (envelope 1): what is typed while the desk is locked."""
    return crypto.seal(public, _padded(values), row_context(contact_id))


def open_values(db: Database, contact_id: str, sealed: bytes) -> dict[str, str | None]:
    if sealed[:1] == bytes([ENVELOPE_PERSON]):
        plain = _open_person(db, contact_id, sealed)
    else:
        desk_key = vault(db).private_for(crypto.sealed_key_id(sealed).hex())
        plain = crypto.open_sealed(desk_key, sealed, row_context(contact_id))
    stored = json.loads(plain.decode("utf-8"))
    return {name: stored.get(name) for name in FIELDS}


def sealed_row(
    db: Database,
    contact_id: str,
    consent_id: str,
    values: dict[str, str | None],
    occurred_at: datetime | None = None,
) -> PersonalData:
    """The row to store: only the public key is needed, nobody has to be logged in."""
    desk = vault(db).public()
    moment = occurred_at or datetime.now(UTC)
    return PersonalData(
        contact_id=contact_id,
        consent_id=consent_id,
        key_id=desk.key_id,
        sealed=seal_with_person_key(db, desk.public, contact_id, values, _aware(moment)),
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_personal(
    db: Database,
    contact_id: str,
    *,
    why: str = DISPLAY,
    now: datetime | None = None,
    detail: dict[str, str] | None = None,
) -> dict[str, str | None] | None:
    """The person's data for an allowed agent, written to the access log before it is shown;
    None when none is held."""
    agent = require(db, READ_PERMISSIONS[why])
    with db.session() as session:
        row = session.get(PersonalData, contact_id)
    if row is None:
        return None
    try:
        values = open_values(db, contact_id, row.sealed)
    except PersonKeyGone:
        return None  # erased: the purge removes the row that a restored backup brought back
    audit_log(db).append(why, agent=agent, contact_id=contact_id, now=now, detail=detail)
    return values


# --- the draft kept while the desk is locked --------------------------------------------------

# The row context of a draft: it names no contact (none is recorded yet).
LOCKED_DRAFT = "brouillon-verrouille"


def seal_draft(db: Database, values: dict[str, str | None]) -> bytes:
    """The personal data being typed when the desk locks, sealed to the desk key: the lock
    leaves nothing in clear, and no agent's secret is needed to seal."""
    return seal_values(vault(db).public().public, LOCKED_DRAFT, values)


def open_draft(db: Database, sealed: bytes) -> dict[str, str | None]:
    """The draft back in clear, for an agent at the desk who may see personal data (raises
    AccessDenied or PersonalDataLocked otherwise: the draft stays sealed)."""
    require(db, Permission.VIEW_PERSONAL)
    return open_values(db, LOCKED_DRAFT, sealed)
