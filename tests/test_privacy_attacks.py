"""Attack tests of issue 15: what an attacker holding the desk's files (a stolen disk, a
departing agent with their old code) can read. Each test first shows the attacker does read
what is there, then that after the protection nothing is left to read."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacy_attacker import readable_canaries
from spro_desk.agents.management import create_agent, disable_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.privacy.erasure import erase_person
from spro_desk.privacy.purge import run_purge
from spro_desk.security.audit import GENESIS, audit_log, canonical
from spro_desk.storage.backup import create_backup
from spro_desk.storage.engine import Database
from test_privacy_support import AGENT_PIN, CANARIES, FAST, MANAGER_PIN, manager, record_canary

OTHER = ("Théodule Rossignolet", "06 11 22 33 44", "theodule.rossignolet@exemple.fr", "canari deux")


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


def test_erasure_reaches_backups_of_rows_sealed_by_an_earlier_version(db: Database) -> None:
    """Rows of versions before person keys are sealed to the desk key itself, which stays:
    erasure removes them from every backup (a transaction per backup file)."""
    import sqlite3

    from spro_desk.privacy.person_keys import person_keys
    from spro_desk.privacy.personal import seal_values
    from spro_desk.security.keys import vault

    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    contact_id = record_canary(db)
    values = dict(zip(("nom", "telephone", "courriel", "note"), CANARIES, strict=True))
    old_style = seal_values(vault(db).public().public, contact_id, values)
    with sqlite3.connect(db.path) as raw:  # as migration 0008 sealed it
        raw.execute(
            "UPDATE personal_data SET sealed = ? WHERE contact_id = ?", (old_style, contact_id)
        )
    person_keys(db).discard([contact_id])
    create_backup(db.path, now=datetime(2026, 3, 1, 9))
    create_backup(db.path, now=datetime(2026, 3, 2, 9))
    before = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    assert all(count >= 3 for count in before.values()), before
    assert erase_person(db, contact_id)
    after = readable_canaries(_folder(db), [MANAGER_PIN], CANARIES)
    print(f"\nErasure of an earlier version's row: readable before {sum(before.values())}, "
          f"after {sum(after.values())}")  # fmt: skip
    assert _none(after), after


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


# --- the access log: 8 ways of tampering with it, each seen, and still seen after new entries


def _log_with_entries(db: Database, count: int = 6):
    log = audit_log(db)
    for number in range(count):
        log.append("affichage", contact_id=f"c{number}")
    return log


def _segment_lines(log) -> tuple[Path, list[bytes]]:
    [segment] = log.segments()
    return segment, segment.read_bytes().splitlines(keepends=True)


def _edit(log) -> None:
    segment, lines = _segment_lines(log)
    lines[2] = lines[2].replace(b'"c2"', b'"cX"')
    segment.write_bytes(b"".join(lines))


def _delete_entry(log) -> None:
    segment, lines = _segment_lines(log)
    segment.write_bytes(b"".join(lines[:2] + lines[3:]))


def _reorder(log) -> None:
    segment, lines = _segment_lines(log)
    segment.write_bytes(b"".join([lines[1], lines[0], *lines[2:]]))


def _insert(log) -> None:
    segment, lines = _segment_lines(log)
    forged = json.loads(lines[2])
    forged["contact"] = "forged"
    segment.write_bytes(b"".join([*lines[:3], json.dumps(forged).encode() + b"\n", *lines[3:]]))


def _cut_tail(log) -> None:
    segment, lines = _segment_lines(log)
    segment.write_bytes(b"".join(lines[:-2]))


def _cut_last_line_in_half(log) -> None:
    segment, lines = _segment_lines(log)
    segment.write_bytes(b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])


def _delete_folder(log) -> None:
    shutil.rmtree(log.folder)


def _replace_signing_key(log) -> None:
    """The attacker writes a new anchor with a key of their own and re-signs the whole log."""
    anchor = json.loads(log.anchor.read_bytes())
    key = os.urandom(32)
    segment, lines = _segment_lines(log)
    prev, rewritten = GENESIS, []
    for line in lines:
        entry = json.loads(line)
        entry["prev"] = prev
        entry.pop("mac")
        entry["mac"] = hmac.new(key, canonical(entry), hashlib.sha256).hexdigest()
        prev = entry["mac"]
        rewritten.append(canonical(entry) + b"\n")
    segment.write_bytes(b"".join(rewritten))
    anchor["key"] = base64.b64encode(key).decode()
    anchor["head"]["mac"] = prev
    log.anchor.write_text(json.dumps(anchor))


TAMPERING = {
    "edit": _edit,
    "delete-entry": _delete_entry,
    "reorder": _reorder,
    "insert": _insert,
    "cut-tail": _cut_tail,
    "cut-last-line-in-half": _cut_last_line_in_half,
    "delete-folder": _delete_folder,
    "replace-signing-key": _replace_signing_key,
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_every_tampering_is_reported_forever(db: Database, case: str) -> None:
    log = _log_with_entries(db)
    assert log.verify().ok
    TAMPERING[case](log)
    right_away = log.verify()
    log.append("affichage", contact_id="after-1")  # the desk goes on working
    log.append("connexion")
    later = log.verify()
    print(f"\n{case}: {right_away.message()} / after two more entries: {later.message()}")
    assert not right_away.ok and not later.ok


def test_the_signing_key_is_not_in_the_database(db: Database) -> None:
    log = _log_with_entries(db, 2)
    key = json.loads(log.anchor.read_bytes())["key"]
    raw = base64.b64decode(key)
    for path in (p for p in db.path.parent.rglob("*") if p.is_file() and p != log.anchor):
        data = path.read_bytes()
        assert key.encode() not in data and raw not in data, path
    assert log.witness() == {"seq": 2, "mac": log.entries()[-1]["mac"]}


# --- guessing codes: the counter beside the keys, codes of earlier versions


def test_the_wrong_code_counter_survives_an_sql_update_and_a_clock_set_back(db: Database) -> None:
    import sqlite3

    from spro_desk.agents.code_check import FREE_ATTEMPTS, AgentError

    claire = manager(db)
    session = desk_session(db)
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(AgentError, match="incorrect"):
            session.login(claire.id, "00000001", now=start + timedelta(seconds=attempt))
    with sqlite3.connect(db.path) as raw:  # the attacker resets the database's counter
        raw.execute("UPDATE agent SET failed_attempts = 0, blocked_until = NULL")
    with pytest.raises(AgentError, match="réessayez dans"):
        session.login(claire.id, MANAGER_PIN, now=start + timedelta(seconds=10))
    with pytest.raises(AgentError, match="réessayez dans"):  # the clock set back an hour
        session.login(claire.id, MANAGER_PIN, now=start - timedelta(hours=1))
    opened = session.login(claire.id, MANAGER_PIN, now=start + timedelta(seconds=40))
    assert opened.id == claire.id


def test_a_code_too_short_for_todays_rules_must_be_changed_at_sign_in(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spro_desk.agents import accounts, code_check, management

    monkeypatch.setattr(code_check, "PIN_MIN_DIGITS", 6)  # an account of an earlier version
    claire = management.create_agent(db, "Claire", "480215", Role.RESPONSABLE, cost=FAST)
    monkeypatch.undo()
    session = desk_session(db)
    session.login(claire.id, "480215")
    assert session.must_change_secret
    with pytest.raises(accounts.AgentError, match="au moins 8 chiffres"):
        management.change_secret(db, claire.id, "480216", cost=FAST)
    management.change_secret(db, claire.id, MANAGER_PIN, cost=FAST)
    assert not session.must_change_secret
    session.lock()
    session.login(claire.id, MANAGER_PIN)
    assert not session.must_change_secret


# --- secrets sealed: the WebDAV password nowhere in clear in the data folder


def test_the_sync_password_is_in_clear_nowhere_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    from logging.handlers import RotatingFileHandler

    import test_sync_transport as transport_tests
    from spro_desk.site.settings import SECRET_KEPT, SiteSettings
    from spro_desk.storage.records import write_record
    from test_privacy_support import files_of, occurrences

    old_secret, new_secret = "Canari-Jeton-5521-webdav", "Canari-Nouveau-8804-webdav"
    monkeypatch.setattr(transport_tests, "PASSWORD", old_secret)
    dav = transport_tests.WebDavServer(tmp_path / "webdav")
    dav.start()
    region = transport_tests.Region(tmp_path / "region")
    desk, folder = region.desk, region.desk_dir
    write_record(desk, "sync.secret", {"v": old_secret})  # as an earlier version stored it
    create_backup(desk.path, now=datetime(2026, 3, 1, 9))
    before = occurrences(files_of(folder), (old_secret,))[old_secret]
    log_file = folder / "logs" / "spro-desk.log"
    log_file.parent.mkdir(exist_ok=True)
    handler = RotatingFileHandler(log_file, encoding="utf-8")
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = root.level, sql.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.INFO)  # every statement with its parameters
    try:
        site = SiteSettings(desk)
        site.set("sync.url", dav.url)
        site.set("sync.utilisateur", transport_tests.USER)
        run_purge(desk)  # at start: seals it in the database and in the backups
        region.record(2)
        report = region.transport(dav, transport_tests.Clock(), endpoint=None).run_round(force=True)
        assert report.ok and report.sent  # the sealed password still opens the server
        assert site.all()["sync.secret"] == SECRET_KEPT  # never read back for display
        site.set("sync.secret", SECRET_KEPT)  # the screen saved without touching it
        assert site.get("sync.secret") == old_secret
        site.set("sync.secret", new_secret)
        create_backup(desk.path, now=datetime(2026, 3, 2, 9))
        handler.flush()
        found = occurrences(files_of(folder), (old_secret, new_secret))
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        sql.setLevel(levels[1])
        handler.close()
        region.close()
        dav.stop()
    print(f"\nSync password in clear: {before} file(s) before, {sum(found.values())} after "
          f"(database, WAL, backups, log at DEBUG with SQL parameters)")  # fmt: skip
    assert before >= 2 and found == {old_secret: 0, new_secret: 0}


def test_every_purge_reports_a_broken_log_again(db: Database) -> None:
    log = _log_with_entries(db)
    assert run_purge(db).audit_problem is None
    _cut_tail(log)
    first, second = run_purge(db), run_purge(db)  # at start, and the next day
    assert first.audit_problem and "coupée" in first.audit_problem
    assert second.audit_problem  # still said: the gap stays in the chain


def _account_of_an_earlier_version(db: Database) -> tuple[str, str]:
    """Its wrap holds the desk key itself, under the cheaper Argon2id cost of issue 6; (its id,
    a contact with personal data)."""
    import os
    import uuid

    from spro_desk.agents import code_check
    from spro_desk.security import crypto
    from spro_desk.security.keys import vault
    from spro_desk.storage.tables import Agent

    contact_id = record_canary(db)
    desk = vault(db).public()
    old_cost = crypto.KdfCost(time_cost=2, memory_kib=64 * 1024)
    agent_id, salt = str(uuid.uuid4()), os.urandom(16)
    kek = crypto.derive_kek(MANAGER_PIN, salt, old_cost)
    context = b"spro-desk agent key\x00" + agent_id.encode() + b"\x00" + desk.key_id.encode()
    wrapped = crypto.wrap(kek, vault(db).private().private_bytes_raw(), context)
    moment = datetime.now(UTC)
    with db.transaction() as session:
        session.add(Agent(id=agent_id, nom="Claire", role="responsable-de-site", secret_kind="pin",
                          secret_hash=code_check.hasher(old_cost).hash(MANAGER_PIN),
                          kek_salt=salt, kek_cost=old_cost.as_json(), wrapped_key=wrapped,
                          created_at=moment, updated_at=moment))  # fmt: skip
    vault(db).lock()
    vault(db).forget_provisional_file()
    return agent_id, contact_id


def _rewrapped(db: Database, agent_id: str, contact_id: str) -> None:
    from spro_desk.agents import accounts
    from spro_desk.contacts.service import ContactService
    from spro_desk.storage.tables import Agent

    with db.session() as reading:
        row = reading.get(Agent, agent_id)
    assert row is not None and row.kek_cost == accounts.DEFAULT_COST.as_json() | {"v": 2}
    session = desk_session(db)
    session.lock()
    session.login(agent_id, MANAGER_PIN)  # the new way
    assert ContactService(db).personal_data(contact_id).nom == CANARIES[0]


def test_an_account_of_an_earlier_version_is_rewrapped_at_sign_in(db: Database) -> None:
    """After one sign-in it holds a key of its own, at today's cost, and reads what it read
    before."""
    agent_id, contact_id = _account_of_an_earlier_version(db)
    desk_session(db).login(agent_id, MANAGER_PIN)
    _rewrapped(db, agent_id, contact_id)


def test_an_account_of_an_earlier_version_unlocked_before_the_orm_is_rewrapped_once_attached(
    db: Database,
) -> None:
    """The lock screen's sqlite3 check at start (agents.early_unlock) opens the same keys; the
    re-wrap is done once the database layer is attached (`record_early`)."""
    from spro_desk.agents.early_unlock import open_account_early
    from spro_desk.agents.sessions import record_early
    from spro_desk.contacts.service import ContactService

    agent_id, contact_id = _account_of_an_earlier_version(db)
    opened = open_account_early(db.path, agent_id, MANAGER_PIN)
    assert opened.secret_to_rewrap == MANAGER_PIN and len(opened.privates) == 1
    desk_session(db).adopt(opened)
    assert ContactService(db).personal_data(contact_id).nom == CANARIES[0]
    record_early(db, [opened])
    _rewrapped(db, agent_id, contact_id)
