"""Record contacts, attach referrals, follow their status: the domain service of the desk."""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, delete, select

from spro_desk.clock import local
from spro_desk.contacts.model import (
    ConsentInput,
    ConsentRequiredError,
    ContactError,
    ContactInput,
    PersonalDataInput,
    checked_personal,
)
from spro_desk.geo import Geography, geography
from spro_desk.privacy.personal import DISPLAY, read_personal, sealed_row
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Consent, Contact, PersonalData, Referral
from spro_desk.sync.branches import follow_copy_back
from spro_desk.sync.changelog import append_event
from spro_desk.vocab import QT_TRANSLATE_NOOP, REFERRAL_STATUTS

if TYPE_CHECKING:
    from spro_desk.agents.accounts import AgentView


def new_id() -> str:
    """Random UUIDs: unique across every desk of a region without any coordination."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_aware(moment: datetime) -> datetime:
    """Naive datetimes are the site's wall clock (spro_desk.clock)."""
    return moment if moment.tzinfo else local(moment)


@dataclass
class ReferralView:
    id: str
    contact_id: str
    service_id: str
    structure_id: str
    service_nom: str
    structure_nom: str
    type: str
    rdv_at: datetime | None
    statut: str
    motif: list[str]
    created_at: datetime
    updated_at: datetime

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for key in ("rdv_at", "created_at", "updated_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass
class ContactView:
    id: str
    occurred_at: datetime
    canal: str
    lieu: str | None
    statut: str
    tranche_age: str
    sexe: str
    handicap: bool | None
    commune: str | None
    besoins: list[str]
    reponses: list[str]
    duree: int | None
    agent: str | None
    site: str | None
    has_personal_data: bool
    referrals: list[ReferralView] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "referrals"}
        data["occurred_at"] = self.occurred_at.isoformat()
        data["referrals"] = [r.as_json() for r in self.referrals]
        return data


def _anonymous_fields(data: ContactInput) -> dict[str, Any]:
    return {
        "canal": data.canal,
        "lieu": data.lieu if data.canal == "permanence" else None,
        "statut": data.statut,
        "tranche_age": data.tranche_age,
        "sexe": data.sexe,
        "handicap": data.handicap,
        "commune": data.commune or None,
        "besoins": list(dict.fromkeys(data.besoins)),
        "reponses": list(dict.fromkeys(data.reponses)),
        "duree": data.duree,
        "agent": data.agent,
        "site": data.site,
    }


def _stored_values(personal: PersonalDataInput) -> dict[str, str | None]:
    checked = checked_personal(personal)
    return {k: (v.strip() or None) if v else None for k, v in checked.__dict__.items()}


FINAL_STATUTS = ("honore", "non-honore", "annule")
OPEN_STATUTS = ("propose", "rdv-pris")


class PersonalDataErasedError(ContactError):
    """Details added to a contact whose personal data was erased. The purge erases again any
    row of a contact the access log says was erased (a restored backup brought it back): it
    would take these too, silently. A person who agrees again is a new contact."""

    def __init__(self) -> None:
        super().__init__(
            "Coordonnées refusées : les données personnelles de ce contact ont été effacées "
            "(à la demande de la personne ou au terme de leur conservation). Si la personne "
            "donne de nouveau son accord, enregistrez un nouveau contact."
        )


class StatusChangeNeedsConfirmation(ContactError):
    """Reopening a referral whose outcome was recorded: the agent must confirm."""


def check_status_change(kind: str, current: str, wanted: str, confirmed: bool) -> None:
    if wanted == "rdv-pris" and kind != "rendez-vous":
        raise ContactError(
            QT_TRANSLATE_NOOP(
                "DomainErrors",
                "« Rendez-vous pris » ne vaut que pour une orientation avec rendez-vous : "
                "celle-ci est une information (adresse remise). Pour un rendez-vous pris depuis, "
                "orientez de nouveau la personne avec la date.",
            )
        )
    if current in FINAL_STATUTS and wanted in OPEN_STATUTS and not confirmed:
        raise StatusChangeNeedsConfirmation(
            QT_TRANSLATE_NOOP(
                "DomainErrors",
                "Cette orientation est déjà notée « {current} » : la remettre « {wanted} » "
                "efface ce résultat.",
            ),
            current=REFERRAL_STATUTS[current],
            wanted=REFERRAL_STATUTS[wanted],
        )


def referral_view(row: Referral) -> ReferralView:
    return ReferralView(**{name: getattr(row, name) for name in ReferralView.__dataclass_fields__})


class ContactService:
    def __init__(self, db: Database, geo: Geography | None = None) -> None:
        self.db = db
        self.geo = geo or geography()
        # Before any event is written: a database put back by hand continues on a new branch.
        follow_copy_back(db)

    # --- contacts -------------------------------------------------------------------------

    def record(self, data: ContactInput) -> str:
        """Store an anonymous contact (and personal data only under a consent); return its id."""
        data.check(known_commune=self.geo.commune(data.commune or "") is not None)
        contact = self._new_contact(data)
        personal = self._personal_rows(contact, data)  # sealed before the write lock is taken
        with self.db.transaction() as session:
            if data.id is not None and session.get(Contact, data.id) is not None:
                return data.id  # saved already: the desk stopped before it could say so
            session.add(contact)
            append_event(session, contact, "create")
            self._store_personal(session, personal)
        return contact.id

    @staticmethod
    def _new_contact(data: ContactInput) -> Contact:
        now = utc_now()
        return Contact(
            id=data.id or new_id(),
            occurred_at=as_aware(data.occurred_at) if data.occurred_at else now,
            recorded_at=now,
            updated_at=now,
            **_anonymous_fields(data),
        )

    def _personal_rows(
        self, contact: Contact, data: ContactInput
    ) -> tuple[Consent, PersonalData | None] | None:
        """The consent and, under it, the personal data sealed (never stored in clear)."""
        if data.consent is None:
            return None
        consent = Consent(
            id=new_id(),
            contact_id=contact.id,
            purpose=data.consent.purpose,
            wording=data.consent.wording,
            agent=data.consent.agent or data.agent,
            given_at=contact.recorded_at,
        )
        personal = data.personal or PersonalDataInput()
        if personal.is_empty():
            return consent, None
        values = _stored_values(personal)
        return consent, sealed_row(self.db, contact.id, consent.id, values, contact.occurred_at)

    @staticmethod
    def _store_personal(session: Session, rows: tuple[Consent, PersonalData | None] | None) -> None:
        if rows is None:
            return
        consent, personal = rows
        session.add(consent)
        session.flush()
        if personal is not None:
            session.add(personal)

    def list(self, since: datetime | None = None) -> list[ContactView]:
        with self.db.session() as session:
            query = (
                select(Contact)
                .where(col(Contact.deleted_at).is_(None))
                .order_by(col(Contact.occurred_at))
            )
            if since is not None:
                query = query.where(col(Contact.occurred_at) >= as_aware(since))
            contacts = session.exec(query).all()
            ids = [c.id for c in contacts]
            referrals = self._referrals_by_contact(session, ids)
            with_personal = self._ids_with_personal(session, ids)
        return [self._view(c, referrals.get(c.id, []), c.id in with_personal) for c in contacts]

    def exists(self, contact_id: str) -> bool:
        """Whether a contact of that id was recorded (deleted ones included)."""
        with self.db.session() as session:
            return session.get(Contact, contact_id) is not None

    def get(self, contact_id: str) -> ContactView:
        with self.db.session() as session:
            contact = self._existing(session, contact_id)
            referrals = self._referrals_by_contact(session, [contact_id])
            personal = self._ids_with_personal(session, [contact_id])
        return self._view(contact, referrals.get(contact_id, []), contact_id in personal)

    def personal_data(self, contact_id: str, *, why: str = DISPLAY) -> PersonalDataInput | None:
        """Opened for an allowed agent and written to the access log (`why`: DISPLAY, PRINT or
        EXPORT of spro_desk.privacy.personal); None when the person gave none."""
        values = read_personal(self.db, contact_id, why=why)
        return PersonalDataInput(**values) if values is not None else None

    def has_personal_data(self, contact_id: str) -> bool:
        """Whether personal data is held, without opening it (not an access: nothing logged)."""
        with self.db.session() as session:
            return bool(self._ids_with_personal(session, [contact_id]))

    def delete(self, contact_id: str) -> None:
        """Mark the contact deleted; `restore` undoes it."""
        self._set_deleted(contact_id, utc_now())

    def restore(self, contact_id: str) -> None:
        self._set_deleted(contact_id, None)

    def _set_deleted(self, contact_id: str, when: datetime | None) -> None:
        with self.db.transaction() as session:
            contact = self._existing(session, contact_id)
            contact.deleted_at = when
            contact.updated_at = utc_now()
            session.add(contact)
            append_event(session, contact, "delete" if when else "update")

    def correct_personal(
        self,
        contact_id: str,
        personal: PersonalDataInput,
        consent: ConsentInput | None = None,
        *,
        now: datetime | None = None,
        correction: ContactInput | None = None,
    ) -> builtins.list[str]:
        """Correct the person's details, or add them under a consent given now (a contact first
        saved anonymously): for an agent allowed to see them; each change goes to the access log
        with the names of the fields changed (never their values). The fields changed.
        `correction`: the contact's anonymous fields, corrected in the same transaction."""
        from spro_desk.agents.roles import Permission
        from spro_desk.agents.sessions import require
        from spro_desk.privacy.erasure import erase_legacy_copies, flush_freed_pages
        from spro_desk.privacy.person_keys import person_keys
        from spro_desk.privacy.personal import open_values

        agent = require(self.db, Permission.VIEW_PERSONAL)
        values = _stored_values(personal)
        moment = now or utc_now()
        with self.db.session() as session:
            occurred_at = self._existing(session, contact_id).occurred_at
            held = self._active_consent(session, contact_id)
            row = session.get(PersonalData, contact_id)
        # Opened and sealed before the write lock is taken: the keys read the database too.
        before = open_values(self.db, contact_id, row.sealed) if row else {}
        changed = [k for k in values if values[k] != before.get(k)]
        if not changed:
            if correction is not None:
                with self.db.transaction() as session:
                    self._apply_update(session, contact_id, correction)
            return []
        held = held or self._consent_given_now(contact_id, consent, agent, moment)
        previous_key = person_keys(self.db).entry(contact_id)
        try:
            sealed = (
                sealed_row(self.db, contact_id, held.id, values, occurred_at)
                if any(values.values())
                else None
            )
            self._write_correction(held, row, sealed, changed, agent, moment, correction)
        except BaseException:
            if previous_key is not None:  # the row left in the database opens again
                person_keys(self.db).put_back(previous_key)
            raise
        if row is not None:  # the former details are in no copy the desk can open
            flush_freed_pages(self.db)
            erase_legacy_copies(self.db, [contact_id])
        return changed

    def _consent_given_now(
        self,
        contact_id: str,
        consent: ConsentInput | None,
        agent: AgentView | None,
        moment: datetime,
    ) -> Consent:
        if consent is None:
            raise ConsentRequiredError()
        if self.personal_erased(contact_id):
            raise PersonalDataErasedError()
        return Consent(
            id=new_id(),
            contact_id=contact_id,
            purpose=consent.purpose,
            wording=consent.wording,
            agent=consent.agent or (agent.nom if agent else None),
            given_at=moment,
        )

    def _write_correction(
        self,
        held: Consent,
        row: PersonalData | None,
        sealed: PersonalData | None,
        changed: builtins.list[str],
        agent: AgentView | None,
        moment: datetime,
        correction: ContactInput | None,
    ) -> None:
        """The contact's anonymous fields corrected (`correction`), the consent (when given
        now), the details replaced, the access log's entry, and the former details' key
        destroyed: one transaction."""
        from spro_desk.privacy.erasure import forget_former_details, secure_delete
        from spro_desk.security.audit import audit_log

        contact_id = held.contact_id
        with self.db.transaction() as session:
            if correction is not None:
                self._apply_update(session, contact_id, correction)
            if session.get(Consent, held.id) is None:
                session.add(held)
                session.flush()
            if row is not None:
                secure_delete(session)  # the former values are not left in free pages
                session.exec(delete(PersonalData).where(col(PersonalData.contact_id) == contact_id))
            if sealed is not None:
                session.add(sealed)
            audit_log(self.db).append(
                "modification",
                agent=agent,
                contact_id=contact_id,
                detail={"champs": changed},
                now=moment,
                connection=session.connection(),
            )
            if row is not None:
                forget_former_details(self.db, contact_id, replaced=sealed is not None)

    def personal_erased(self, contact_id: str) -> bool:
        """Whether this contact's personal data was erased (on request, by the purge): none
        may be added to it again (`correct_personal`)."""
        with self.db.session() as session:
            erased = select(Consent.id).where(
                col(Consent.contact_id) == contact_id, col(Consent.erased_at).is_not(None)
            )
            return session.exec(erased).first() is not None

    @staticmethod
    def _active_consent(session: Session, contact_id: str) -> Consent | None:
        return session.exec(
            select(Consent).where(
                col(Consent.contact_id) == contact_id, col(Consent.erased_at).is_(None)
            )
        ).first()

    def update(
        self, contact_id: str, data: ContactInput, personal: PersonalDataInput | None = None
    ) -> None:
        """Correct the anonymous fields of a contact, and its personal data when `personal` is
        given (see `correct_personal`): both are written in one transaction, or neither."""
        data.check(known_commune=self.geo.commune(data.commune or "") is not None)
        if personal is not None:
            self.correct_personal(contact_id, personal, data.consent, correction=data)
            return
        with self.db.transaction() as session:
            self._apply_update(session, contact_id, data)

    def _apply_update(self, session: Session, contact_id: str, data: ContactInput) -> None:
        contact = self._existing(session, contact_id)
        for name, value in _anonymous_fields(data).items():
            setattr(contact, name, value)
        if data.occurred_at is not None:
            contact.occurred_at = as_aware(data.occurred_at)
        contact.updated_at = utc_now()
        session.add(contact)
        append_event(session, contact, "update")

    def set_commune(self, contact_id: str, commune: str) -> bool:
        """The commune learnt later (typed in Orientation); True when the contact changed."""
        if self.geo.commune(commune) is None:
            raise ContactError(f"Commune « {commune} » inconnue : indiquez son code INSEE.")
        with self.db.transaction() as session:
            contact = self._existing(session, contact_id)
            if contact.commune == commune:
                return False
            contact.commune = commune
            contact.updated_at = utc_now()
            session.add(contact)
            append_event(session, contact, "update")
        return True

    @staticmethod
    def _existing(session: Session, contact_id: str) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise ContactError(f"Contact « {contact_id} » introuvable.")
        return contact

    @staticmethod
    def _referrals_by_contact(
        session: Session, ids: builtins.list[str]
    ) -> dict[str, builtins.list[ReferralView]]:
        if not ids:
            return {}
        rows = session.exec(
            select(Referral)
            .where(col(Referral.contact_id).in_(ids))
            .order_by(col(Referral.created_at))
        ).all()
        grouped: dict[str, builtins.list[ReferralView]] = {}
        for row in rows:
            grouped.setdefault(row.contact_id, []).append(referral_view(row))
        return grouped

    @staticmethod
    def _ids_with_personal(session: Session, ids: builtins.list[str]) -> set[str]:
        if not ids:
            return set()
        query = select(PersonalData.contact_id).where(col(PersonalData.contact_id).in_(ids))
        return set(session.exec(query).all())

    @staticmethod
    def _view(
        contact: Contact, referrals: builtins.list[ReferralView], personal: bool
    ) -> ContactView:
        return ContactView(
            **{
                name: getattr(contact, name)
                for name in ContactView.__dataclass_fields__
                if name not in {"has_personal_data", "referrals"}
            },
            has_personal_data=personal,
            referrals=referrals,
        )

    # --- referrals ------------------------------------------------------------------------

    def add_referral(
        self,
        contact_id: str,
        service_id: str,
        *,
        rdv_at: datetime | None = None,
        motif: builtins.list[str] | None = None,
    ) -> str:
        referral = self._new_referral(contact_id, service_id, rdv_at, motif)
        with self.db.transaction() as session:
            self._attach(session, referral)
        return referral.id

    def record_with_referral(
        self,
        data: ContactInput,
        service_id: str,
        *,
        rdv_at: datetime | None = None,
        motif: builtins.list[str] | None = None,
    ) -> tuple[str, str]:
        """A contact and its referral in one transaction: both are stored, or neither."""
        data.check(known_commune=self.geo.commune(data.commune or "") is not None)
        contact = self._new_contact(data)
        referral = self._new_referral(contact.id, service_id, rdv_at, motif)
        personal = self._personal_rows(contact, data)
        with self.db.transaction() as session:
            session.add(contact)
            append_event(session, contact, "create")
            self._store_personal(session, personal)
            self._attach(session, referral)
        return contact.id, referral.id

    def _new_referral(
        self,
        contact_id: str,
        service_id: str,
        rdv_at: datetime | None,
        motif: builtins.list[str] | None,
    ) -> Referral:
        service = self._directory_service(service_id)
        now = utc_now()
        return Referral(
            id=new_id(),
            contact_id=contact_id,
            service_id=service_id,
            structure_id=service["structure_id"],
            service_nom=service["service_nom"],
            structure_nom=service["structure_nom"],
            type="rendez-vous" if rdv_at else "information",
            rdv_at=as_aware(rdv_at) if rdv_at else None,
            statut="rdv-pris" if rdv_at else "propose",
            motif=list(motif or []),
            created_at=now,
            updated_at=now,
        )

    def _attach(self, session: Session, referral: Referral) -> None:
        """Store the referral; the contact's responses now include what was given."""
        contact = self._existing(session, referral.contact_id)
        given = ["orientation"] + (["rendez-vous"] if referral.type == "rendez-vous" else [])
        missing = [r for r in given if r not in contact.reponses]
        if missing:
            contact.reponses = [*contact.reponses, *missing]
            contact.updated_at = referral.created_at
            session.add(contact)
            append_event(session, contact, "update")
        session.add(referral)
        append_event(session, referral, "create")

    def set_referral_status(
        self, referral_id: str, statut: str, *, confirmed: bool = False
    ) -> ReferralView:
        """Record an outcome. Refused: « Rendez-vous pris » on an information (no date, it
        could never be followed); reopening an outcome (« Honoré » back to « Rendez-vous
        pris ») unless `confirmed` (StatusChangeNeedsConfirmation says why)."""
        if statut not in REFERRAL_STATUTS:
            raise ContactError(
                f"Statut d'orientation « {statut} » inconnu : {', '.join(REFERRAL_STATUTS)}."
            )
        with self.db.transaction() as session:
            referral = session.get(Referral, referral_id)
            if referral is None:
                raise ContactError(f"Orientation « {referral_id} » introuvable.")
            check_status_change(referral.type, referral.statut, statut, confirmed)
            referral.statut = statut
            referral.updated_at = utc_now()
            session.add(referral)
            append_event(session, referral, "update")
            return referral_view(referral)

    def _directory_service(self, service_id: str) -> dict[str, str]:
        with self.db.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT st.id, s.nom, st.nom FROM service s "
                "JOIN structure st ON st.pk = s.structure_pk WHERE s.id = ?",
                (service_id,),
            ).first()
        if row is None:
            raise ContactError(
                f"Service « {service_id} » absent de l'annuaire : vérifiez l'identifiant "
                "ou mettez l'annuaire à jour."
            )
        return {"structure_id": row[0], "service_nom": row[1], "structure_nom": row[2]}
