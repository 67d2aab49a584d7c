"""Recording a referral and preparing its slip: plain functions the background runner calls.

They only combine domain services (ContactService, build_slip); what a contact, a referral or
a consent is stays defined there. Nothing here touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.orientation.slip import ReferralSlip, SlipSender, build_slip
from spro_desk.site.settings import SiteSettings
from spro_desk.vocab import age_band


@dataclass(frozen=True)
class PersonFacts:
    """What the profile panel knows of the person, recorded when no contact exists yet."""

    statut: str
    commune: str | None
    age: int | None
    handicap: bool
    besoins: tuple[str, ...]
    tranche_age: str | None = None


@dataclass(frozen=True)
class BookingRequest:
    contact_id: str | None
    person: PersonFacts | None
    service_id: str
    rdv_at: datetime | None
    motif: tuple[str, ...]
    now: datetime


@dataclass(frozen=True)
class Booking:
    contact_id: str
    referral_id: str
    slip: ReferralSlip | None
    contact_created: bool


def minimal_contact(
    person: PersonFacts, settings: SiteSettings, request: BookingRequest
) -> ContactInput:
    reponses = ("orientation", "rendez-vous") if request.rdv_at else ("orientation",)
    return ContactInput(
        canal=settings.get("site.canal_defaut"),
        statut=person.statut,
        tranche_age=_band(person),
        handicap=person.handicap,
        commune=person.commune,
        besoins=person.besoins,
        reponses=reponses,
        occurred_at=request.now,
        agent=settings.get("agent.courant") or None,
        site=settings.get("site.nom") or None,
    )


def _band(person: PersonFacts) -> str:
    if person.age is not None:
        return age_band(person.age)
    return person.tranche_age or "non-renseigne"


def book(contacts: ContactService, settings: SiteSettings, request: BookingRequest) -> Booking:
    """Record the contact if there is none yet, then the referral; return the slip to give."""
    contact_id = request.contact_id
    created = contact_id is None
    rdv_at, motif = request.rdv_at, list(request.motif)
    if contact_id is None:
        if request.person is None:
            raise ValueError("A referral without a contact needs the person's facts")
        contact_id, referral_id = contacts.record_with_referral(
            minimal_contact(request.person, settings, request),
            request.service_id,
            rdv_at=rdv_at,
            motif=motif,
        )
    else:
        if request.person is not None and request.person.commune:
            # Typed in Orientation: the contact counts in « Contacts par commune » too.
            contacts.set_commune(contact_id, request.person.commune)
        referral_id = contacts.add_referral(
            contact_id, request.service_id, rdv_at=rdv_at, motif=motif
        )
    slip = slip_for(
        contacts, contact_id, request.service_id, request.rdv_at, request.now, sender(settings)
    )
    return Booking(contact_id, referral_id, slip, created)


def slip_for(
    contacts: ContactService,
    contact_id: str,
    service_id: str,
    rdv_at: datetime | None,
    now: datetime,
    sent_by: SlipSender | None = None,
) -> ReferralSlip | None:
    # personal_data is None unless the person consented: the slip is then anonymous. Printing
    # it is an access to personal data (access log); an agent who may not see it prints none.
    from spro_desk.agents.sessions import AccessDenied
    from spro_desk.privacy.personal import PRINT
    from spro_desk.security.keys import PersonalDataLocked

    try:
        person = contacts.personal_data(contact_id, why=PRINT)
    except (AccessDenied, PersonalDataLocked):
        person = None
    besoins = tuple(contacts.get(contact_id).besoins)
    return build_slip(
        contacts.db,
        service_id,
        rdv_at=rdv_at,
        person=person,
        issued_at=now,
        besoins=besoins,
        sender=sent_by,
    )


def sender(settings: SiteSettings) -> SlipSender | None:
    """The site as Paramètres name it; None before it is named (the first-run assistant)."""
    nom = str(settings.get("site.nom") or "").strip()
    if not nom:
        return None
    adresse = str(settings.get("site.adresse") or "").strip() or None
    telephone = str(settings.get("site.telephone") or "").strip() or None
    return SlipSender(nom=nom, adresse=adresse, telephone=telephone)


def has_consent(contacts: ContactService, contact_id: str | None) -> bool:
    return contact_id is not None and contacts.has_personal_data(contact_id)
