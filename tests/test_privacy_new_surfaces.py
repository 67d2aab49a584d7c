"""Issue 18's new ways of handling personal data, attacked as someone holding the desk's disk
(and, for the worst cases, the agents' codes): a correction of the person's details, the
consent added later, clearing the details, the call list, the search by phone."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from privacy_attacker import readable_canaries
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.model import PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.backup import create_backup
from spro_desk.storage.engine import Database
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
