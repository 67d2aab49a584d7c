"""The desk's change log: one event per change, in its transaction, gapless, anonymous."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import datetime

import pytest
from sqlmodel import select

from spro_desk.contacts.model import ConsentInput, ContactError, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Event
from spro_desk.sync.changelog import uuid7

CIO_SERVICE = "spro-annuaire--cio-de-bourges--1"
WALK_IN = ContactInput(canal="accueil-physique", statut="scolaire", besoins=("choisir-un-metier",))


def _events(db: Database) -> list[Event]:
    with db.session() as session:
        return list(session.exec(select(Event).order_by(Event.seq)).all())


def test_every_change_is_one_event_in_order(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact = service.record(WALK_IN)
    referral = service.add_referral(contact, CIO_SERVICE)  # also adds "orientation"
    service.set_referral_status(referral, "honore")
    service.update(contact, ContactInput(**{**WALK_IN.__dict__, "statut": "etudiant"}))
    service.delete(contact)
    service.restore(contact)
    log = [(e.seq, e.entity, e.op) for e in _events(cvl_db)]
    assert log == [
        (1, "contact", "create"),
        (2, "contact", "update"),
        (3, "referral", "create"),
        (4, "referral", "update"),
        (5, "contact", "update"),
        (6, "contact", "delete"),
        (7, "contact", "update"),
    ]
    events = _events(cvl_db)
    assert events[3].payload["statut"] == "honore"
    assert events[4].payload["statut"] == "etudiant"
    assert events[5].payload["deleted_at"] is not None and events[6].payload["deleted_at"] is None


def test_a_refused_change_leaves_no_event_and_no_gap(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact = service.record(WALK_IN)
    with pytest.raises(ContactError):
        service.add_referral(contact, "service-inconnu")
    with pytest.raises(ContactError):
        service.record_with_referral(WALK_IN, "service-inconnu")
    service.add_referral(contact, CIO_SERVICE)
    assert [e.seq for e in _events(cvl_db)] == [1, 2, 3]


def test_personal_data_never_reaches_the_log(db: Database) -> None:
    canary = PersonalDataInput(nom="Zoé Canari-4921", telephone="06 11 22 33 44", courriel="z@c.fr")
    ContactService(db).record(
        ContactInput(canal="telephone", statut="salarie", personal=canary, consent=ConsentInput())
    )
    text = json.dumps([e.payload for e in _events(db)], ensure_ascii=False)
    assert _events(db) and all(v not in text for v in ("Canari-4921", "0611223344", "z@c.fr"))
    assert "agent" not in _events(db)[0].payload


def test_ids_are_version_7_and_follow_time() -> None:
    first, later = uuid7(1_700_000_000.000), uuid7(1_700_000_000.002)
    assert uuid.UUID(first).version == 7 and uuid.UUID(first).variant == uuid.RFC_4122
    assert first < later


def test_the_sequence_stays_gapless_with_two_writers(db: Database) -> None:
    errors: list[BaseException] = []

    def write(count: int) -> None:
        service = ContactService(db)
        try:
            for minute in range(count):
                service.record(
                    ContactInput(
                        **{**WALK_IN.__dict__, "occurred_at": datetime(2026, 1, 1, 9, minute)}
                    )
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(20,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [e.seq for e in _events(db)] == list(range(1, 41))
    assert len(ContactService(db).list()) == 40
