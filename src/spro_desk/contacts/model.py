"""What an agent enters for a contact, checked against the vocabularies of contact-model.md."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from spro_desk.text import WordedError
from spro_desk.vocab import (
    CANAUX,
    CONSENT_PURPOSE_FOLLOW_UP,
    REPONSES,
    SEXES,
    STATUTS,
    TRANCHES_AGE,
    is_need,
)

DEFAULT_CONSENT_WORDING = (
    "J'accepte que la structure d'accueil enregistre mon nom, mon téléphone et mon courriel "
    "pour prendre un rendez-vous en mon nom et me recontacter à ce sujet. Ces données restent "
    "sur ce poste, ne sont jamais transmises en clair et sont effacées automatiquement ; je "
    "peux demander leur effacement à tout moment."
)


class ContactError(WordedError):
    """A contact or referral that cannot be recorded; the message says why in French."""


class ConsentRequiredError(ContactError):
    """Personal data was given without the person's recorded consent."""

    def __init__(self) -> None:
        super().__init__(
            "Données personnelles refusées : cochez d'abord le consentement de la personne "
            "(nom, téléphone, courriel et note ne sont enregistrés qu'avec son accord)."
        )


@dataclass(frozen=True)
class PersonalDataInput:
    nom: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    note: str | None = None

    def is_empty(self) -> bool:
        return not any(
            v and v.strip() for v in (self.nom, self.telephone, self.courriel, self.note)
        )


@dataclass(frozen=True)
class ConsentInput:
    purpose: str = CONSENT_PURPOSE_FOLLOW_UP
    wording: str = DEFAULT_CONSENT_WORDING
    agent: str | None = None


@dataclass(frozen=True)
class ContactInput:
    canal: str
    statut: str
    tranche_age: str = "non-renseigne"
    sexe: str = "non-renseigne"
    handicap: bool | None = None
    commune: str | None = None
    besoins: tuple[str, ...] = ()
    reponses: tuple[str, ...] = ()
    duree: int | None = None
    lieu: str | None = None
    occurred_at: datetime | None = None
    agent: str | None = None
    site: str | None = None
    personal: PersonalDataInput | None = None
    consent: ConsentInput | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # Chosen when the form was opened: the same contact saved twice (after a crash between
    # its commit and the end of the save) is stored once.
    id: str | None = None

    def check(self, known_commune: bool) -> None:
        _in("canal", self.canal, CANAUX)
        _in("statut", self.statut, STATUTS)
        _in("tranche d'âge", self.tranche_age, TRANCHES_AGE)
        _in("sexe", self.sexe, SEXES)
        for reponse in self.reponses:
            _in("réponse", reponse, REPONSES)
        unknown = [b for b in self.besoins if not is_need(b)]
        if unknown:
            raise ContactError(
                f"Besoin inconnu : {', '.join(unknown)} (thématique data·inclusion)."
            )
        if self.commune and not known_commune:
            raise ContactError(f"Commune « {self.commune} » inconnue : indiquez son code INSEE.")
        if self.duree is not None and not 0 <= self.duree <= 24 * 60:
            raise ContactError("La durée s'exprime en minutes, entre 0 et 1440.")
        if self.personal is not None and not self.personal.is_empty() and self.consent is None:
            raise ConsentRequiredError()


def checked_personal(personal: PersonalDataInput) -> PersonalDataInput:
    """The same data with the phone and e-mail checked and formatted (empty ones left empty)."""
    from spro_desk.coordinates import CoordinateError, check_email, format_phone

    phone = personal.telephone.strip() if personal.telephone else ""
    email = personal.courriel.strip() if personal.courriel else ""
    try:
        return replace(
            personal,
            telephone=format_phone(phone) if phone else None,
            courriel=check_email(email) if email else None,
        )
    except CoordinateError as error:  # the value stays in the field, not in the message
        raise ContactError(error.unquoted.template, **error.unquoted.values) from None


def _in(what: str, value: str, vocabulary: dict[str, str]) -> None:
    if value not in vocabulary:
        raise ContactError(
            f"Valeur « {value} » inconnue pour {what} : choisissez parmi {', '.join(vocabulary)}."
        )
