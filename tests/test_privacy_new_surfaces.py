"""Issue 18's new ways of handling personal data, attacked as someone holding the desk's disk
(and, for the worst cases, the agents' codes): a correction of the person's details, the
consent added later, clearing the details, the call list, the search by phone."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import select

from privacy_attacker import readable_canaries
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.model import ConsentInput, ContactError, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.erasure import erase_person
from spro_desk.storage.backup import create_backup
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Consent
from test_privacy_support import (
    CANARY_MAIL,
    CANARY_NAME,
    CANARY_NOTE,
    CANARY_PHONE,
    MANAGER_PIN,
    manager,
    record_canary,
)


def _folder(db: Database) -> Path:
    return db.path.parent


def _signed_in(db: Database) -> None:
    desk_session(db).login(manager(db).id, MANAGER_PIN)


def test_a_corrected_phone_is_readable_in_no_copy_of_the_desk(db: Database) -> None:
    _signed_in(db)
    contact_id = record_canary(db)
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    before = readable_canaries(_folder(db), [MANAGER_PIN], (CANARY_PHONE,))
    assert before[CANARY_PHONE] >= 2  # the live database and the backup
    corrected = PersonalDataInput(CANARY_NAME, "0692 12 34 56", CANARY_MAIL, CANARY_NOTE)
    assert ContactService(db).correct_personal(contact_id, corrected) == ["telephone"]
    after = readable_canaries(_folder(db), [MANAGER_PIN], (CANARY_PHONE, "0692 12 34 56"))
    assert after == {CANARY_PHONE: 0, "0692 12 34 56": 1}, after


def test_details_cleared_in_a_correction_are_readable_in_no_copy(db: Database) -> None:
    _signed_in(db)
    contact_id = record_canary(db)
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    ContactService(db).correct_personal(contact_id, PersonalDataInput())
    after = readable_canaries(_folder(db), [MANAGER_PIN], (CANARY_NAME, CANARY_PHONE))
    assert after == {CANARY_NAME: 0, CANARY_PHONE: 0}, after


def test_details_are_not_added_again_to_a_contact_whose_data_was_erased(db: Database) -> None:
    """Added under a new consent after an erasure, they were erased again, silently, by the
    next purge (at the next start: the access log says this contact was erased), and the
    person's file showed the former consent, « effacées le … », beside the data held."""
    _signed_in(db)
    contact_id = record_canary(db)
    assert erase_person(db, contact_id)
    service = ContactService(db)
    again = PersonalDataInput(nom="Éloïse N'Guessan", telephone="+262 692 12 34 56")
    with pytest.raises(ContactError, match="effacées"):
        service.correct_personal(contact_id, again, ConsentInput())
    assert not service.has_personal_data(contact_id)
    with db.session() as session:
        consents = session.exec(select(Consent).where(Consent.contact_id == contact_id)).all()
    assert len(consents) == 1 and consents[0].erased_at is not None


def test_a_corrections_former_sealed_value_leaves_the_database_files(db: Database) -> None:
    """Even its ciphertext: the correction zeroes what it frees (secure_delete) and empties
    the WAL, whose frames held the former row, as an erasure does."""
    import sqlite3

    _signed_in(db)
    contact_id = record_canary(db)
    with sqlite3.connect(db.path) as raw:
        (former,) = raw.execute(
            "SELECT sealed FROM personal_data WHERE contact_id = ?", (contact_id,)
        ).fetchone()
    files = [db.path, db.path.with_name(db.path.name + "-wal")]
    assert any(former in path.read_bytes() for path in files if path.exists())
    corrected = PersonalDataInput(CANARY_NAME, "0590 12 34 56", CANARY_MAIL, CANARY_NOTE)
    ContactService(db).correct_personal(contact_id, corrected)
    assert not [path.name for path in files if path.exists() and former in path.read_bytes()]


def test_a_correction_refused_by_the_database_leaves_the_details_readable(db: Database) -> None:
    """The new key was written beside the keys before the database refused the write (a
    damaged file, a full disk, another writer past the wait): the person's details then
    opened with no key, and every search of « Données de cette personne » failed on them."""
    from spro_desk.privacy.access import find_people
    from spro_desk.storage.errors import StorageError

    _signed_in(db)
    contact_id = record_canary(db)
    service = ContactService(db)
    db.gate.refuse(StorageError("Base endommagée : écriture refusée."))
    corrected = PersonalDataInput(CANARY_NAME, "0594 12 34 56", CANARY_MAIL, CANARY_NOTE)
    with pytest.raises(StorageError):
        service.correct_personal(contact_id, corrected)
    with pytest.raises(StorageError):
        service.correct_personal(contact_id, PersonalDataInput())  # every field cleared
    db.gate.release()
    assert service.personal_data(contact_id).telephone == CANARY_PHONE
    assert [match.contact_id for match in find_people(db, "canarivaux")] == [contact_id]


def test_details_added_later_are_purged_with_the_contact_and_from_every_copy(
    db: Database,
) -> None:
    """A contact saved anonymously, the consent and details added in a correction: the
    retention counts from the contact, as for details given at once; the backup taken after
    the addition opens nothing once the purge has run."""
    from datetime import UTC, timedelta

    from spro_desk.contacts.model import ContactInput
    from spro_desk.privacy.purge import run_purge

    _signed_in(db)
    occurred = datetime.now(UTC) - timedelta(days=1)
    service = ContactService(db)
    contact_id = service.record(
        ContactInput(canal="telephone", statut="salarie", occurred_at=occurred)
    )
    added = PersonalDataInput(CANARY_NAME, CANARY_PHONE, CANARY_MAIL, CANARY_NOTE)
    assert service.correct_personal(contact_id, added, ConsentInput()) == [
        "nom", "telephone", "courriel", "note"
    ]  # fmt: skip
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    assert run_purge(db, now=occurred + timedelta(days=30)).erased == 0  # not yet
    assert readable_canaries(_folder(db), [MANAGER_PIN], (CANARY_NAME,))[CANARY_NAME] >= 2
    report = run_purge(db, now=occurred + timedelta(days=7 * 31))
    assert report.erased == 1 and not service.has_personal_data(contact_id)
    after = readable_canaries(_folder(db), [MANAGER_PIN], (CANARY_NAME, CANARY_PHONE))
    assert after == {CANARY_NAME: 0, CANARY_PHONE: 0}, after


def test_one_row_that_does_not_open_leaves_the_search_to_the_others(db: Database) -> None:
    """A row altered by hand (or by a failing disk) failed every search of « Données de cette
    personne »: the right of access of everyone else with it."""
    import sqlite3

    from spro_desk.privacy.access import find_people

    _signed_in(db)
    altered = record_canary(db, nom="Rose Altérée")
    kept = record_canary(db, nom="Éloïse N'Guessan")
    with sqlite3.connect(db.path) as raw:
        (sealed,) = raw.execute(
            "SELECT sealed FROM personal_data WHERE contact_id = ?", (altered,)
        ).fetchone()
        flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
        raw.execute("UPDATE personal_data SET sealed = ? WHERE contact_id = ?", (flipped, altered))
    assert [match.contact_id for match in find_people(db, "n'guessan")] == [kept]
