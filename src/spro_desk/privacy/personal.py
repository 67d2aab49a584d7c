"""Personal data in and out of the database: sealed on the way in, opened (and logged, and
allowed only to the right agents) on the way out.

The four fields are sealed together as one JSON object, padded to a multiple of 64 bytes so
that the stored size hints at little; the row's contact id is the associated data.
"""

from __future__ import annotations

import json
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from spro_desk.agents.roles import Permission
from spro_desk.agents.sessions import require
from spro_desk.security import crypto
from spro_desk.security.audit import audit_log
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import PersonalData

FIELDS = ("nom", "telephone", "courriel", "note")
PAD_BYTES = 64

# Why personal data is read, as the audit log says it, and who may do it.
DISPLAY = "affichage"  # on screen, for the agent to call the person back
PRINT = "impression"  # the fiche de liaison handed to the person
EXPORT = "export"  # a copy of everything held, for the person (right of access)
READ_PERMISSIONS = {
    DISPLAY: Permission.VIEW_PERSONAL,
    PRINT: Permission.VIEW_PERSONAL,
    EXPORT: Permission.EXPORT_PERSONAL,
}


def row_context(contact_id: str) -> bytes:
    return b"spro-desk personal_data\x00" + contact_id.encode("utf-8")


def seal_values(public: X25519PublicKey, contact_id: str, values: dict[str, str | None]) -> bytes:
    present = {name: values[name] for name in FIELDS if values.get(name)}
    payload = json.dumps(present, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    padded = payload + b" " * (-len(payload) % PAD_BYTES)  # JSON ignores trailing blanks
    return crypto.seal(public, padded, row_context(contact_id))


def open_values(db: Database, contact_id: str, sealed: bytes) -> dict[str, str | None]:
    plain = crypto.open_sealed(vault(db).private(), sealed, row_context(contact_id))
    stored = json.loads(plain.decode("utf-8"))
    return {name: stored.get(name) for name in FIELDS}


def sealed_row(
    db: Database, contact_id: str, consent_id: str, values: dict[str, str | None]
) -> PersonalData:
    """The row to store: only the public key is needed, nobody has to be logged in."""
    desk = vault(db).public()
    return PersonalData(
        contact_id=contact_id,
        consent_id=consent_id,
        key_id=desk.key_id,
        sealed=seal_values(desk.public, contact_id, values),
    )


def read_personal(
    db: Database, contact_id: str, *, why: str = DISPLAY, now: datetime | None = None
) -> dict[str, str | None] | None:
    """The person's data for an allowed agent, written to the access log before it is shown;
    None when none is held."""
    agent = require(db, READ_PERMISSIONS[why])
    with db.session() as session:
        row = session.get(PersonalData, contact_id)
    if row is None:
        return None
    values = open_values(db, contact_id, row.sealed)
    audit_log(db).append(why, agent=agent, contact_id=contact_id, now=now)
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
