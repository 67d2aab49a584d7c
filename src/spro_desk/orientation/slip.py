"""The fiche de liaison: what the person takes away (where, when, what to bring)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spro_desk import clock
from spro_desk.contacts.model import PersonalDataInput
from spro_desk.directory.catalog import service_record
from spro_desk.directory.hours import Hours
from spro_desk.storage.engine import Database
from spro_desk.text import strip_bidi_controls
from spro_desk.vocab import is_need, need_label


@dataclass(frozen=True)
class ReferralSlip:
    structure_nom: str
    service_nom: str
    address_lines: list[str]
    hours: Hours  # told by whoever prints the slip, in its language (`hours_lines`: French)
    telephone: str | None
    courriel: str | None
    site_web: str | None
    rdv_at: datetime | None
    to_bring: list[str] = field(default_factory=list)
    accessibilite: str | None = None
    person: PersonalDataInput | None = None
    issued_at: datetime = field(default_factory=datetime.now)
    # Why the person comes (need labels), and who sends them: the partner can call back.
    besoins: list[str] = field(default_factory=list)
    sender: SlipSender | None = None
    # Where the partner is (INSEE code): its hours are its own clock's, maybe not the desk's.
    code_insee: str | None = None

    @property
    def hours_lines(self) -> list[str]:
        return self.hours.describe_fr()


@dataclass(frozen=True)
class SlipSender:
    """The desk that hands the slip over, from its Paramètres."""

    nom: str
    adresse: str | None = None
    telephone: str | None = None

    def lines(self) -> list[str]:
        return [line for line in (self.nom, self.adresse, self.telephone) if line]


def _clean(value: object) -> str | None:
    return strip_bidi_controls(str(value)).strip() or None if value else None


def _address(row: dict) -> list[str]:
    town = " ".join(p for p in (_clean(row.get("code_postal")), _clean(row.get("commune"))) if p)
    lines = [_clean(row.get("adresse")), _clean(row.get("complement_adresse")), town]
    return [line for line in lines if line]


def _to_bring(service: dict) -> list[str]:
    notes = [_clean(service.get(k)) for k in ("conditions_acces", "mobilisation_precisions")]
    return [note for note in notes if note]


def build_slip(
    db: Database,
    service_id: str,
    *,
    rdv_at: datetime | None = None,
    person: PersonalDataInput | None = None,
    issued_at: datetime | None = None,
    besoins: tuple[str, ...] = (),
    sender: SlipSender | None = None,
) -> ReferralSlip | None:
    """The slip for a service of the directory; personal data only when it was consented."""
    record = service_record(db, service_id)
    if record is None:
        return None
    service, structure = record["service"], record["structure"]
    own_place = bool(service.get("adresse"))
    hours = Hours.parse(service.get("horaires_accueil") or structure.get("horaires_accueil"))
    return ReferralSlip(
        structure_nom=_clean(structure["nom"]) or "",
        service_nom=_clean(service["nom"]) or "",
        address_lines=_address(service if own_place else structure),
        hours=hours,
        telephone=_clean(service.get("telephone") or structure.get("telephone")),
        courriel=_clean(service.get("courriel") or structure.get("courriel")),
        site_web=_clean(structure.get("site_web")),
        rdv_at=rdv_at,
        to_bring=_to_bring(service),
        accessibilite=_clean(structure.get("accessibilite_lieu")),
        person=person if person is not None and not person.is_empty() else None,
        issued_at=issued_at or clock.now(),
        besoins=[need_label(code) for code in besoins if is_need(code)],
        sender=sender,
        code_insee=_clean(service.get("code_insee") or structure.get("code_insee")),
    )
