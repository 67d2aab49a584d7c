"""The access log: every display, print, export and erasure is in it, and any modified,
deleted or inserted line is found by the verification (library and command line)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spro_desk.agents.sessions import desk_session
from spro_desk.cli.main import main
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.erasure import erase_person
from spro_desk.privacy.personal import EXPORT, PRINT
from spro_desk.privacy.policy import add_months
from spro_desk.privacy.purge import run_purge
from spro_desk.security.audit import AuditLog, audit_log
from spro_desk.storage.engine import Database
from test_privacy_support import (
    CANARIES,
    MANAGER_PIN,
    files_of,
    manager,
    occurrences,
    record_canary,
)


def _accesses(db: Database) -> tuple[list[str], AuditLog]:
    """Display, print, export, erase by a site manager; purge; a failed and two good logins."""
    first, second, third = (record_canary(db) for _ in range(3))
    claire = manager(db)
    session = desk_session(db)
    with pytest.raises(ValueError):
        session.login(claire.id, "00000001")
    session.login(claire.id, MANAGER_PIN)
    service = ContactService(db)
    service.personal_data(first)
    service.personal_data(first, why=PRINT)
    service.personal_data(second, why=EXPORT)
    erase_person(db, second)
    session.lock()
    session.login(claire.id, MANAGER_PIN)
    ContactService(db).delete(third)
    run_purge(db, now=datetime.now(UTC) + timedelta(days=2))
    return [first, second, third], audit_log(db)


def test_every_access_to_personal_data_is_logged(db: Database) -> None:
    (first, second, third), log = _accesses(db)
    entries = log.entries()
    actions = [(e["action"], e["contact"]) for e in entries]
    print(f"\nAccess log: {len(entries)} entries: " + ", ".join(a for a, _c in actions))
    assert actions == [
        ("connexion-refusee", None),
        ("connexion", None),
        ("affichage", first),
        ("impression", first),
        ("export", second),
        ("effacement", second),
        ("verrouillage", None),
        ("connexion", None),
        ("effacement", third),
    ]
    assert all(e["agent"] for e in entries[:-1]) and entries[-1]["agent"] is None  # the purge
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1))
    assert occurrences(files_of(log.folder), CANARIES) == dict.fromkeys(CANARIES, 0)
    assert log.verify().ok


def _rewrite(path: Path, change) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(change(lines)), encoding="utf-8")


def _tampered(db: Database, change) -> dict:
    _contacts, log = _accesses(db)
    [segment] = log.segments()
    _rewrite(segment, change)
    return log.verify().as_json()


def _edit_line(index: int, field: str, value: object):
    def change(lines: list[str]) -> list[str]:
        entry = json.loads(lines[index])
        entry[field] = value
        lines[index] = json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n"
        return lines

    return change


def test_a_modified_entry_is_found(db: Database) -> None:
    found = _tampered(db, _edit_line(2, "contact", "00000000-0000-0000-0000-000000000000"))
    print(f"\nModified entry n° 3 → {found['message']}")
    assert (found["ok"], found["problem"], found["seq"], found["line"]) == (False, "modifiee", 3, 3)


def test_a_deleted_entry_is_found(db: Database) -> None:
    found = _tampered(db, lambda lines: lines[:4] + lines[5:])
    print(f"\nDeleted entry n° 5 → {found['message']}")
    assert (found["ok"], found["problem"], found["seq"]) == (False, "supprimee", 5)


def test_deleting_the_last_entries_is_found(db: Database) -> None:
    found = _tampered(db, lambda lines: lines[:-2])
    print(f"\nLast two entries deleted → {found['message']}")
    assert (found["ok"], found["problem"], found["seq"]) == (False, "tronque", 8)


def test_a_moved_entry_and_garbage_are_found(db: Database) -> None:
    moved = _tampered(db, lambda lines: [lines[1], lines[0], *lines[2:]])
    assert (moved["ok"], moved["problem"]) == (False, "supprimee")
    log = audit_log(db)
    _rewrite(log.segments()[0], lambda lines: ["pas du JSON\n", *lines])
    assert log.verify().problem == "illisible"


def test_the_command_line_verifies_and_exits_2_when_altered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    db = Database(data / "spro-desk.sqlite")
    try:
        _accesses(db)
    finally:
        db.close()
    assert main(["--data-dir", str(data), "privacy", "audit", "--verify", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["entries"] == 9
    [segment] = (data / "audit").glob("*.jsonl")
    _rewrite(segment, _edit_line(5, "action", "lecture"))
    assert main(["--data-dir", str(data), "privacy", "audit", "--verify", "--json"]) == 2
    captured = capsys.readouterr()
    print(f"\nCLI after tampering: exit 2, « {captured.err.strip()} »")
    assert captured.out == "" and "n° 6 a été modifiée" in captured.err


def test_expired_entries_are_dropped_and_the_rest_still_verifies(db: Database) -> None:
    log = audit_log(db)
    start = datetime(2025, 1, 15, 9, 0, tzinfo=UTC)
    for month in range(14):
        log.append("affichage", contact_id=f"c{month}", now=add_months(start, month))
    report = run_purge(db, now=datetime(2026, 3, 10, tzinfo=UTC))  # 12 months by default
    kept = log.entries()
    print(f"\nAccess log retention: {report.audit_dropped} entries older than 12 months dropped, "
          f"{len(kept)} kept, {len(log.segments())} monthly files")  # fmt: skip
    assert report.audit_dropped == 2 and kept[0]["contact"] == "c2" and len(kept) == 12
    assert log.verify().ok
    log.append("affichage", contact_id="after", now=datetime(2026, 3, 21, tzinfo=UTC))
    assert log.verify().ok


def test_a_torn_last_line_is_dropped_at_the_next_append(db: Database) -> None:
    log = audit_log(db)
    log.append("affichage", contact_id="a")
    [segment] = log.segments()
    with segment.open("ab") as handle:
        handle.write(b'{"seq":2,"act')  # power cut mid-write: never acknowledged
    log.append("affichage", contact_id="b")
    assert [e["contact"] for e in log.entries()] == ["a", "b"] and log.verify().ok
