"""The right of access (RGPD art. 15) and portability (art. 20): everything the desk holds
about one person — the contact, its referrals, the consent, the personal data and the access
log's entries about it — for a site manager to show, print or hand over as JSON.

Each production of the file is itself written to the access log first (`droit-d-acces`, with
how it was produced), so the file shows its own entry. A person is found from a contact, or
by searching the consented personal data: sealed values cannot be indexed, so the search
opens every row (≈ 0.2 ms each, bench/bench_privacy.py) and is logged as one access.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from spro_desk.agents.roles import Permission
from spro_desk.agents.sessions import require
from spro_desk.privacy.personal import (
    ACCESS_RIGHT,
    FIELDS,
    PersonKeyGone,
    open_values,
    read_personal,
)
from spro_desk.security import crypto
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Consent, Contact, PersonalData, Referral

log = logging.getLogger(__name__)

SHOWN, PRINTED, EXPORTED = "ecran", "pdf", "json"
SEARCH = "recherche-droit-d-acces"
FORMAT_VERSION = 1


class AccessRightError(ValueError):
    """No such contact; the message is French."""


def _moment(value: datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat(timespec="seconds")


@dataclass(frozen=True)
class PersonFile:
    contact_id: str
    produced_at: str
    contact: dict[str, Any]
    personal: dict[str, str | None] | None
    consent: dict[str, Any] | None
    referrals: list[dict[str, Any]] = field(default_factory=list)
    accesses: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The portable copy (art. 20): structured, documented field names, UTF-8 JSON."""
        return {
            "format": "spro-desk-donnees-personne",
            "version": FORMAT_VERSION,
            "produit_le": self.produced_at,
            "contact_id": self.contact_id,
            "donnees_personnelles": self.personal,
            "consentement": self.consent,
            "contact": self.contact,
            "orientations": self.referrals,
            "journal_des_acces": self.accesses,
        }


def _contact(contact: Contact) -> dict[str, Any]:
    return {
        "date": _moment(contact.occurred_at),
        "canal": contact.canal,
        "lieu": contact.lieu,
        "statut": contact.statut,
        "tranche_age": contact.tranche_age,
        "sexe": contact.sexe,
        "handicap": contact.handicap,
        "commune": contact.commune,
        "besoins": list(contact.besoins),
        "reponses": list(contact.reponses),
        "agent": contact.agent,
        "site": contact.site,
        "supprime_le": _moment(contact.deleted_at),
    }


def _referral(referral: Referral) -> dict[str, Any]:
    return {
        "service": referral.service_nom,
        "structure": referral.structure_nom,
        "type": referral.type,
        "rendez_vous": _moment(referral.rdv_at),
        "statut": referral.statut,
        "cree_le": _moment(referral.created_at),
        "mis_a_jour_le": _moment(referral.updated_at),
    }


def _consent(consent: Consent) -> dict[str, Any]:
    return {
        "finalite": consent.purpose,
        "texte_presente": consent.wording,
        "agent": consent.agent,
        "donne_le": _moment(consent.given_at),
        "donnees_effacees_le": _moment(consent.erased_at),
        "motif_effacement": consent.erased_reason,
    }


def _access(entry: dict[str, Any]) -> dict[str, Any]:
    return {"date": entry.get("at"), "action": entry.get("action"), "agent": entry.get("agent"),
            "detail": entry.get("detail") or {}}  # fmt: skip


def person_file(
    db: Database, contact_id: str, *, how: str = SHOWN, now: datetime | None = None
) -> PersonFile:
    """Everything held about the person of this contact; logged (`how`: SHOWN, PRINTED or
    EXPORTED) before anything is returned. Needs a role that may export personal data."""
    require(db, Permission.EXPORT_PERSONAL)
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise AccessRightError("Ce contact n'existe pas sur ce poste.")
        referrals = session.exec(
            select(Referral)
            .where(Referral.contact_id == contact_id)
            .order_by(col(Referral.created_at))
        ).all()
        consent = session.exec(select(Consent).where(Consent.contact_id == contact_id)).first()
    # Logged first: nothing is shown, printed or exported that the log does not name.
    personal = read_personal(db, contact_id, why=ACCESS_RIGHT, now=now, detail={"forme": how})
    if personal is None:
        audit_log(db).append(
            ACCESS_RIGHT,
            agent=require(db, Permission.EXPORT_PERSONAL),
            contact_id=contact_id,
            detail={"forme": how},
            now=now,
        )
    accesses = [_access(e) for e in audit_log(db).entries() if e.get("contact") == contact_id]
    return PersonFile(
        contact_id=contact_id,
        produced_at=_moment(now or datetime.now(UTC)) or "",
        contact=_contact(contact),
        personal={name: personal[name] for name in FIELDS} if personal else None,
        consent=_consent(consent) if consent is not None else None,
        referrals=[_referral(r) for r in referrals],
        accesses=accesses,
    )


@dataclass(frozen=True)
class Match:
    contact_id: str
    occurred_at: str | None
    nom: str | None


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and not ch.isspace())


# A phone as people give it: « 06.12.34.56.78 », « +33 6 12 34 56 78 », « (0262) 21-23-45 ».
_PHONE_QUERY = re.compile(r"\+?[0-9][0-9 .\-/()]*")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _phone_digits(query: str) -> str | None:
    """The digits a phone typed as a query stands for, written as the desk stores phones
    (« +33 6 … » is « 06 … »); None when the query is no phone."""
    from spro_desk.coordinates import CoordinateError, format_phone

    text = query.strip()
    if not _PHONE_QUERY.fullmatch(text) or len(_NOT_DIGIT.sub("", text)) < 4:
        return None
    try:
        return _NOT_DIGIT.sub("", format_phone(text))
    except CoordinateError:  # part of a number (« 88 77 66 »): its digits
        return _NOT_DIGIT.sub("", text)


def _phone_matches(digits: str | None, phone: str | None) -> bool:
    return digits is not None and phone is not None and digits in _NOT_DIGIT.sub("", phone)


def find_people(db: Database, query: str, *, now: datetime | None = None) -> list[Match]:
    """Contacts whose consented personal data (name, phone or e-mail) contains `query`,
    accents, case and spaces ignored; the search is logged (the query is not: it is personal)."""
    agent = require(db, Permission.EXPORT_PERSONAL)
    wanted, phone = _folded(query), _phone_digits(query)
    if len(wanted) < 3:
        raise AccessRightError(
            "Saisissez au moins 3 caractères du nom, du téléphone ou du courriel."
        )
    with db.session() as session:
        rows = session.exec(
            select(PersonalData.contact_id, PersonalData.sealed, Contact.occurred_at)
            .join(Contact, col(Contact.id) == col(PersonalData.contact_id))
            .order_by(col(Contact.occurred_at).desc())
        ).all()
    found = []
    for contact_id, sealed, occurred in rows:
        try:
            values = open_values(db, contact_id, sealed)
        except PersonKeyGone:
            continue
        except crypto.SealError:  # altered (by hand, a failing disk): the others are searched
            log.warning("A personal row did not open during a search")
            continue
        haystack = [values.get(name) or "" for name in ("nom", "telephone", "courriel")]
        if any(wanted in _folded(text) for text in haystack) or _phone_matches(
            phone, values.get("telephone")
        ):
            found.append(Match(contact_id, _moment(occurred), values.get("nom")))
    audit_log(db).append(SEARCH, agent=agent, detail={"resultats": str(len(found))}, now=now)
    return found
