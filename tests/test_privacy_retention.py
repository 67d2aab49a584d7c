"""Retention and erasure: the purge erases at the right date (clock given to it), « effacer »
erases at once, the anonymous statistics stay, and the bytes are really gone from the files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import AccessDenied, desk_session
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.erasure import erase_person
from spro_desk.privacy.policy import (
    PolicyError,
    PrivacyPolicy,
    Retention,
    add_months,
    check_policy,
    load_policy,
    save_policy,
)
from spro_desk.privacy.purge import last_purge, run_purge
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from test_privacy_support import (
    AGENT_PIN,
    CANARIES,
    FAST,
    MANAGER_PIN,
    files_of,
    manager,
    occurrences,
    record_canary,
)

CIO = "spro-annuaire--cio-de-bourges--1"
PURPOSE = "prise-de-rendez-vous-et-suivi"


def _held(db: Database) -> int:
    with sqlite3.connect(db.path) as raw:
        return raw.execute("SELECT COUNT(*) FROM personal_data").fetchone()[0]


def test_six_months_after_the_contact_when_nothing_closes_it_earlier(db: Database) -> None:
    occurred = datetime(2026, 1, 10, 10, 0, tzinfo=UTC)
    record_canary(db, occurred)
    just_before = datetime(2026, 7, 10, 9, 59, tzinfo=UTC)
    just_after = datetime(2026, 7, 10, 10, 1, tzinfo=UTC)
    kept = run_purge(db, now=just_before)
    assert (kept.erased, kept.kept, kept.next_due) == (0, 1, datetime(2026, 7, 10, 10, tzinfo=UTC))
    erased = run_purge(db, now=just_after)
    print(f"\nContact of {occurred:%d/%m/%Y %H:%M}: kept at {just_before:%d/%m/%Y %H:%M}, "
          f"erased at {just_after:%d/%m/%Y %H:%M} ({erased.erased} erased)")  # fmt: skip
    assert (erased.erased, erased.kept, _held(db)) == (1, 0, 0)
    assert ContactService(db).list()[0].has_personal_data is False
    assert last_purge(db)["erased"] == 1


def test_three_months_after_the_referral_is_closed_whichever_comes_first(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    now = datetime.now(UTC)
    contact_id = record_canary(cvl_db, now - timedelta(days=1))
    referral = service.add_referral(contact_id, CIO, rdv_at=now + timedelta(days=2))
    assert run_purge(cvl_db, now=now + timedelta(days=120)).erased == 0  # still open: 6 months
    service.set_referral_status(referral, "honore")
    closed = datetime.now(UTC)
    due = add_months(closed, 3)
    assert run_purge(cvl_db, now=due - timedelta(minutes=1)).erased == 0
    report = run_purge(cvl_db, now=due + timedelta(minutes=1))
    print(f"\nReferral closed {closed:%d/%m/%Y}: erased at {due:%d/%m/%Y}, 3 months later "
          f"(6 months after the contact would be {add_months(now, 6):%d/%m/%Y})")  # fmt: skip
    assert report.erased == 1 and _held(cvl_db) == 0
    [contact] = service.list()
    assert [r.statut for r in contact.referrals] == ["honore"]  # statistics untouched


def test_the_site_managers_retention_applies_within_its_bounds(db: Database) -> None:
    with pytest.raises(PolicyError, match="entre 1 et 12 mois"):
        check_policy(PrivacyPolicy().with_retention(PURPOSE, Retention(3, 13)))
    with pytest.raises(PolicyError, match="entre 0 et 6 mois"):
        check_policy(PrivacyPolicy().with_retention(PURPOSE, Retention(7, 6)))
    with pytest.raises(PolicyError, match="entre 6 et 12 mois"):
        check_policy(PrivacyPolicy(audit_months=24))
    with pytest.raises(PolicyError, match="entre 1 et 60 minutes"):
        check_policy(PrivacyPolicy(idle_minutes=0))
    claire = manager(db)
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    shorter = PrivacyPolicy().with_retention(PURPOSE, Retention(1, 2))
    save_policy(db, shorter)
    session.lock()
    session.login(samir.id, AGENT_PIN)
    with pytest.raises(AccessDenied):
        save_policy(db, PrivacyPolicy())
    assert load_policy(db) == shorter
    occurred = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    record_canary(db, occurred)
    assert run_purge(db, now=datetime(2026, 5, 1, 11, 0, tzinfo=UTC)).erased == 0
    assert run_purge(db, now=datetime(2026, 5, 1, 12, 1, tzinfo=UTC)).erased == 1


def test_a_deleted_contact_loses_its_personal_data_the_next_day(db: Database) -> None:
    service = ContactService(db)
    contact_id = record_canary(db)
    service.delete(contact_id)
    now = datetime.now(UTC)
    assert run_purge(db, now=now + timedelta(hours=23)).erased == 0  # Ctrl+Z still possible
    assert run_purge(db, now=now + timedelta(hours=25)).erased == 1
    entry = audit_log(db).entries()[-1]
    assert (entry["action"], entry["detail"]) == ("effacement", {"motif": "contact-supprime"})


def _sealed(db: Database, contact_id: str) -> bytes:
    with sqlite3.connect(db.path) as raw:
        return raw.execute(
            "SELECT sealed FROM personal_data WHERE contact_id = ?", (contact_id,)
        ).fetchone()[0]


def test_erasure_on_request_is_immediate_and_leaves_no_byte(db: Database) -> None:
    """« Effacer les données de cette personne »: the row, and even its ciphertext, leave the
    database file and its WAL; the contact and the consent record stay."""
    service = ContactService(db)
    contact_id = record_canary(db)
    other = record_canary(db, nom="Personne Restante")
    sealed = _sealed(db, contact_id)
    witness = db.path.with_name("copy.sqlite")  # the same erasure without secure_delete
    with sqlite3.connect(db.path) as source, sqlite3.connect(witness) as copy:
        source.backup(copy)
    copy = sqlite3.connect(witness)
    copy.execute("PRAGMA secure_delete=OFF")  # as SQLite builds without SQLITE_SECURE_DELETE
    with copy:
        copy.execute("DELETE FROM personal_data WHERE contact_id = ?", (contact_id,))
    copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy.close()
    assert sealed[-32:] in witness.read_bytes()
    witness.unlink()

    assert erase_person(db, contact_id) is True
    files = [p for p in files_of(db.path.parent) if p.name.startswith(db.path.name)]
    left = sum(sealed[-32:] in p.read_bytes() for p in files)
    print(f"\nAfter « effacer »: ciphertext found in {left} of {len(files)} database files "
          "(a plain DELETE leaves it in the file)")  # fmt: skip
    assert left == 0
    assert service.personal_data(contact_id) is None
    assert service.personal_data(other).nom == "Personne Restante"
    assert [c.id for c in service.list()] == [contact_id, other]  # statistics kept
    with sqlite3.connect(db.path) as raw:
        erased_at, reason = raw.execute(
            "SELECT erased_at, erased_reason FROM consent WHERE contact_id = ?", (contact_id,)
        ).fetchone()
    assert erased_at is not None and reason == "demande-de-la-personne"
    assert erase_person(db, contact_id) is False  # nothing left to erase
    assert occurrences(files, CANARIES) == dict.fromkeys(CANARIES, 0)


def test_only_agents_allowed_to_may_erase(db: Database) -> None:
    contact_id = record_canary(db)
    claire = manager(db)
    with pytest.raises(AccessDenied):
        erase_person(db, contact_id)  # nobody logged in
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    lea = create_agent(db, "Léa", "coordination 2026", Role.COORDINATEUR, cost=FAST)
    session.lock()
    session.login(lea.id, "coordination 2026")
    with pytest.raises(AccessDenied):
        erase_person(db, contact_id)
    assert _held(db) == 1


def test_backups_hold_only_sealed_data_and_a_restore_never_brings_an_erasure_back(
    db: Database,
) -> None:
    """Backups are copies of the database: sealed the same way. Restoring one taken before an
    erasure would bring the person back; the purge erases them again from the access log."""
    from spro_desk.storage.backup import create_backup

    contact_id = record_canary(db)
    backup = create_backup(db.path)
    found = occurrences([backup], CANARIES)
    assert found == dict.fromkeys(CANARIES, 0)
    erase_person(db, contact_id)
    db.close()
    db.path.with_name(db.path.name + "-wal").unlink(missing_ok=True)
    db.path.with_name(db.path.name + "-shm").unlink(missing_ok=True)
    backup_bytes = backup.read_bytes()
    db.path.write_bytes(backup_bytes)  # the agent restores yesterday's backup
    restored = Database(db.path)
    try:
        assert ContactService(restored).has_personal_data(contact_id)
        report = run_purge(restored)
        print(f"\nBackup: canary in clear {sum(found.values())}; after restoring a backup taken "
              f"before « effacer », the purge erased {report.erased} person again")  # fmt: skip
        assert report.erased == 1 and not ContactService(restored).has_personal_data(contact_id)
    finally:
        restored.close()
