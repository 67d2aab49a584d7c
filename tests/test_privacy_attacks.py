"""Attack tests of issue 15: what an attacker holding the desk's files (a stolen disk, a
departing agent with their old code) can read. Each test first shows the attacker does read
what is there, then that after the protection nothing is left to read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from privacy_attacker import readable_canaries
from spro_desk.agents.accounts import create_agent, disable_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.privacy.erasure import erase_person
from spro_desk.privacy.purge import run_purge
from spro_desk.storage.backup import create_backup
from spro_desk.storage.engine import Database
from test_privacy_support import AGENT_PIN, CANARIES, FAST, MANAGER_PIN, manager, record_canary

OTHER = ("Théodule Rossignolet", "0611223344", "theodule.rossignolet@exemple.fr", "canari deux")


def _folder(db: Database) -> Path:
    return db.path.parent


def _none(found: dict[str, int]) -> bool:
    return sum(found.values()) == 0


def _record_other(db: Database, occurred_at: datetime | None = None) -> str:
    names = dict(zip(("nom", "telephone", "courriel", "note"), OTHER, strict=True))
    return record_canary(db, occurred_at, **names)


def test_erasure_reaches_every_backup(db: Database) -> None:
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    contact_id = record_canary(db)
    _record_other(db)
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    create_backup(db.path, now=datetime(2026, 3, 2, 9))
    before = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    assert all(count >= 2 for count in before.values()), before  # the attacker does read
    assert erase_person(db, contact_id)
    after = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    others = readable_canaries(_folder(db), [MANAGER_PIN], OTHER)
    print(f"\nErasure: canaries readable before {sum(before.values())}, after "
          f"{sum(after.values())} (live, WAL, 2 backups); someone else's data still readable: "
          f"{sum(others.values())}")  # fmt: skip
    assert _none(after), after
    assert all(count >= 1 for count in others.values())  # only that person's data went


def test_the_purge_reaches_every_backup(db: Database) -> None:
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    occurred = datetime.now(UTC) - timedelta(days=1)
    record_canary(db, occurred)
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    assert not _none(readable_canaries(_folder(db), [MANAGER_PIN], CANARIES))
    report = run_purge(db, now=occurred + timedelta(days=7 * 31))  # the clock moved 7 months on
    after = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    print(f"\nPurge 7 months on: {report.erased} erased, canaries readable {sum(after.values())}")
    assert report.erased == 1 and _none(after), after


def test_a_restored_backup_does_not_bring_an_erased_person_back(db: Database) -> None:
    from spro_desk.contacts.service import ContactService
    from spro_desk.storage.backup import restore_backup

    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    contact_id = record_canary(db)
    backup = create_backup(db.path, now=datetime(2026, 3, 1, 9))
    erase_person(db, contact_id)
    restore_backup(db.path, backup, db.engine)
    assert ContactService(db).personal_data(contact_id) is None  # key gone: nothing to show
    assert run_purge(db).erased == 1
    assert _none(readable_canaries(_folder(db), [MANAGER_PIN], CANARIES))


def test_a_disabled_agent_reads_nothing_recorded_after_from_any_file(db: Database) -> None:
    claire = manager(db)
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    _record_other(db)  # recorded while Samir could read: he may have copied it then
    create_backup(db.path, now=datetime(2026, 3, 1, 9))  # holds Samir's wrap
    disable_agent(db, samir.id)
    record_canary(db)
    create_backup(db.path, now=datetime(2026, 3, 2, 9))
    earlier = readable_canaries(_folder(db), [AGENT_PIN], OTHER)
    later = readable_canaries(_folder(db), [AGENT_PIN], CANARIES)
    by_manager = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    print(f"\nDisabled agent's old code: data recorded before readable in {sum(earlier.values())}"
          f" place(s), after the disabling in {sum(later.values())}; the remaining manager "
          f"reads it in {sum(by_manager.values())}")  # fmt: skip
    assert all(count >= 1 for count in earlier.values())  # what he could read then
    assert _none(later), later
    assert all(count >= 2 for count in by_manager.values())  # live + the later backup
    session.lock()
    session.login(claire.id, MANAGER_PIN)  # a fresh login opens old and new keys alike
    from spro_desk.contacts.service import ContactService

    service = ContactService(db)
    names = {getattr(service.personal_data(c.id), "nom", None) for c in service.list()}
    assert names == {OTHER[0], CANARIES[0]}
