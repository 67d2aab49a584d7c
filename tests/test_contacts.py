"""Contacts and referrals: vocabularies, consent, referral statuses, unique ids."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

import pytest

from spro_desk.contacts.model import (
    ConsentInput,
    ConsentRequiredError,
    ContactError,
    ContactInput,
    PersonalDataInput,
)
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database

WALK_IN = ContactInput(
    canal="accueil-physique",
    statut="scolaire",
    besoins=("choisir-un-metier",),
    reponses=("information-orale",),
    commune="18033",
)


def test_anonymous_contact_is_recorded_with_a_uuid(db: Database) -> None:
    service = ContactService(db)
    contact_id = service.record(WALK_IN)
    assert uuid.UUID(contact_id).version == 4
    [contact] = service.list()
    assert (contact.statut, contact.commune, contact.besoins) == (
        "scolaire",
        "18033",
        ["choisir-un-metier"],
    )
    assert contact.has_personal_data is False


def test_personal_fields_without_consent_are_refused_and_nothing_is_stored(db: Database) -> None:
    service = ContactService(db)
    data = ContactInput(
        canal="telephone", statut="salarie", personal=PersonalDataInput(telephone="0600000000")
    )
    with pytest.raises(ConsentRequiredError):
        service.record(data)
    assert service.list() == []


def test_personal_fields_with_consent_are_stored_with_the_consent(db: Database) -> None:
    service = ContactService(db)
    contact_id = service.record(
        ContactInput(
            canal="telephone",
            statut="salarie",
            personal=PersonalDataInput(nom="Camille Martin", telephone="0600000000"),
            consent=ConsentInput(agent="agent-1"),
        )
    )
    assert service.personal_data(contact_id) == PersonalDataInput(
        nom="Camille Martin", telephone="06 00 00 00 00"
    )
    with sqlite3.connect(db.path) as raw:
        purpose, wording, agent = (
            raw.execute("SELECT purpose, wording, agent FROM consent").one()
            if False
            else raw.execute("SELECT purpose, wording, agent FROM consent").fetchone()
        )
    assert (
        purpose == "prise-de-rendez-vous-et-suivi" and "J'accepte" in wording and agent == "agent-1"
    )


def test_the_database_itself_refuses_personal_data_without_consent(db: Database) -> None:
    contact_id = ContactService(db).record(WALK_IN)
    with sqlite3.connect(db.path) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute(
            "INSERT INTO personal_data (contact_id, consent_id, key_id, sealed) "
            "VALUES (?, NULL, 'k', x'00')",
            (contact_id,),
        )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"canal": "pigeon"}, "canal"),
        ({"statut": "astronaute"}, "statut"),
        ({"besoins": ("voler",)}, "Besoin"),
        ({"reponses": ("rien",)}, "réponse"),
        ({"commune": "99999"}, "Commune"),
        ({"tranche_age": "12-13"}, "tranche"),
        ({"duree": -5}, "durée"),
    ],
)
def test_values_outside_the_vocabularies_are_refused(
    db: Database, change: dict, message: str
) -> None:
    with pytest.raises(ContactError, match=message):
        ContactService(db).record(ContactInput(**{**WALK_IN.__dict__, **change}))


def test_referral_lifecycle(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact_id = service.record(WALK_IN)
    info = service.add_referral(
        contact_id, "spro-annuaire--cio-de-bourges--1", motif=["couvre votre commune"]
    )
    rdv = service.add_referral(
        contact_id, "spro-annuaire--cio-de-bourges--2", rdv_at=datetime(2026, 11, 25, 10, 0)
    )
    referrals = {r.id: r for r in service.get(contact_id).referrals}
    assert (referrals[info].type, referrals[info].statut) == ("information", "propose")
    assert (referrals[rdv].type, referrals[rdv].statut) == ("rendez-vous", "rdv-pris")
    assert referrals[info].structure_nom == "CIO de Bourges"
    assert referrals[info].motif == ["couvre votre commune"]
    assert service.set_referral_status(rdv, "honore").statut == "honore"
    assert {r.statut for r in service.get(contact_id).referrals} == {"propose", "honore"}


def test_referral_errors(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact_id = service.record(WALK_IN)
    with pytest.raises(ContactError, match="absent de l'annuaire"):
        service.add_referral(contact_id, "inconnu")
    with pytest.raises(ContactError, match="introuvable"):
        service.add_referral("pas-un-contact", "spro-annuaire--cio-de-bourges--1")
    referral = service.add_referral(contact_id, "spro-annuaire--cio-de-bourges--1")
    with pytest.raises(ContactError, match="inconnu"):
        service.set_referral_status(referral, "perdu")


def test_referral_keeps_its_names_when_the_directory_drops_the_service(
    cvl_db: Database, tmp_path
) -> None:
    import json

    from spro_desk.directory.importer import import_directory

    service = ContactService(cvl_db)
    contact_id = service.record(WALK_IN)
    service.add_referral(contact_id, "spro-annuaire--cio-de-bourges--1")
    (tmp_path / "structures.json").write_text(json.dumps([{
        "source": "x", "id": "s1", "nom": "Autre structure", "date_maj": "2026-01-01",
    }]))  # fmt: skip
    (tmp_path / "services.json").write_text("[]")
    import_directory(cvl_db, tmp_path, force=True)  # the agent confirmed the smaller directory
    [referral] = service.get(contact_id).referrals
    assert referral.structure_nom == "CIO de Bourges"


def test_list_since_a_date_and_delete(db: Database) -> None:
    service = ContactService(db)
    old = service.record(
        ContactInput(**{**WALK_IN.__dict__, "occurred_at": datetime(2026, 1, 5, 9, 0)})
    )
    new = service.record(WALK_IN)
    assert [c.id for c in service.list(since=datetime(2026, 6, 1))] == [new]
    service.delete(old)
    assert [c.id for c in service.list()] == [new]
