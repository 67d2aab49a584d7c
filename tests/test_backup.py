"""Backups: online copies that are complete and sound, rotation, preview, restore and its undo,
older backups migrated, damaged files refused, and the `spro-desk backup` commands."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from spro_desk.cli.main import main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.backup import (
    DAILY,
    KEEP_DAILY,
    KEEP_WEEKLY,
    BackupError,
    BackupFile,
    automatic_backup,
    backup_due,
    backups_folder,
    create_backup,
    list_backups,
    preview,
    restore_backup,
    rotate,
    rotation_keeps,
)
from spro_desk.storage.engine import Database
from spro_desk.storage.errors import CorruptDatabaseError, StorageError
from spro_desk.storage.integrity import quick_check
from spro_desk.storage.migrate import NewerDatabaseError, head_revision

from conftest import DATA

SCHEMAS = DATA / "schemas"


def record(db: Database, statut: str = "scolaire") -> str:
    return ContactService(db).record(ContactInput(canal="accueil-physique", statut=statut))


def live_ids(db: Database) -> set[str]:
    return {contact.id for contact in ContactService(db).list()}


def damage(path: Path) -> None:
    """Overwrite the change log's row pages with garbage, as a failing disk would: the file
    still opens (its schema is intact), quick_check finds the damage."""
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [row[0] for row in raw.execute(
            "SELECT pageno FROM dbstat WHERE name = 'event' AND pagetype = 'leaf'"
        )]  # fmt: skip
        size = raw.execute("PRAGMA page_size").fetchone()[0]  # 8 KiB since issue 19, 4 before
    assert pages
    with open(path, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size + 8)
            handle.write(b"\xa5" * 2000)


# --- creating -------------------------------------------------------------------------------


def test_a_backup_is_one_sound_file_taken_while_the_desk_is_open(db: Database) -> None:
    first = record(db)
    backup = create_backup(db.path, now=datetime(2026, 3, 10, 18, 0))
    second = record(db)  # the application went on writing: the copy is a snapshot
    assert backup == backups_folder(db.path) / "sauvegarde-20260310-180000.sqlite"
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]  # no -wal, no partial
    with sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        ids = {row[0] for row in raw.execute("SELECT id FROM contact")}
    assert ids == {first} and second not in ids
    assert quick_check(backup, immutable=True).ok


def test_a_damaged_database_is_not_backed_up(tmp_path: Path) -> None:
    db = Database(tmp_path / "desk.sqlite")
    for _ in range(40):
        record(db)
    db.close()
    damage(db.path)
    with pytest.raises(StorageError, match="endommagée"):
        create_backup(db.path)
    assert list(backups_folder(db.path).iterdir()) == []


def test_a_daily_backup_is_due_after_a_day(db: Database) -> None:
    monday = datetime(2026, 3, 9, 9, 0)
    assert backup_due(db.path, monday)
    assert automatic_backup(db.path, monday) is not None
    assert automatic_backup(db.path, monday + timedelta(hours=23)) is None
    assert automatic_backup(db.path, monday + timedelta(days=1)) is not None
    assert len(list_backups(db.path, [DAILY])) == 2


# --- rotation -------------------------------------------------------------------------------


def test_rotation_keeps_seven_days_then_four_weeks() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    files = [
        BackupFile(Path(f"b{n:03}-{hour}"), DAILY, start + timedelta(days=n, hours=hour))
        for n in range(90)
        for hour in (0, 8)  # two backups some days: only the newest of a day counts
    ]
    kept = sorted(f.created_at for f in files if f.path in rotation_keeps(files))
    print(f"\nrotation: {len(files)} backups over 90 days -> {len(kept)} kept")
    assert len(kept) == KEEP_DAILY + KEEP_WEEKLY
    newest = start + timedelta(days=89, hours=8)
    assert kept[-KEEP_DAILY:] == [newest - timedelta(days=n) for n in range(KEEP_DAILY)][::-1]
    weekly = kept[:KEEP_WEEKLY]
    weeks = [moment.isocalendar()[:2] for moment in weekly]
    assert len(set(weeks)) == KEEP_WEEKLY
    assert newest - weekly[0] < timedelta(days=KEEP_DAILY + 7 * KEEP_WEEKLY)


def test_rotate_deletes_only_what_it_no_longer_keeps(db: Database) -> None:
    folder = backups_folder(db.path)
    folder.mkdir()
    for day in range(1, 21):
        (folder / f"sauvegarde-202603{day:02}-120000.sqlite").write_bytes(b"")
    for minute in range(5):
        (folder / f"avant-restauration-20260301-1200{minute:02}.sqlite").write_bytes(b"")
    (folder / "notes.txt").write_text("not ours")
    removed = rotate(db.path)
    left = sorted(p.name for p in folder.iterdir())
    assert len(removed) == 20 + 5 - len(left) + 1
    assert "notes.txt" in left
    assert "sauvegarde-20260320-120000.sqlite" in left
    assert "avant-restauration-20260301-120004.sqlite" in left
    assert "avant-restauration-20260301-120000.sqlite" not in left


# --- preview --------------------------------------------------------------------------------


def test_preview_tells_what_a_backup_holds(cvl_db: Database) -> None:
    service_id = cvl_db.engine.connect().exec_driver_sql("SELECT id FROM service").scalar()
    service = ContactService(cvl_db)
    afternoon = datetime(2026, 3, 9, 15)
    data = ContactInput(canal="accueil-physique", statut="scolaire", occurred_at=afternoon)
    service.record_with_referral(data, service_id)
    service.delete(record(cvl_db))
    backup = create_backup(cvl_db.path, now=datetime(2026, 3, 10, 18, 0))
    before = backup.read_bytes()
    info = preview(backup)
    assert backup.read_bytes() == before  # read without touching it
    assert info.created_at == datetime(2026, 3, 10, 18, 0)
    assert (info.schema_revision, info.contacts, info.referrals) == (head_revision(), 1, 1)
    assert info.services == 679
    assert info.last_contact_at is not None
    assert info.last_contact_at.astimezone().replace(tzinfo=None) == datetime(2026, 3, 9, 15)
    assert info.as_json()["contacts"] == 1


def test_preview_reads_an_old_schema_and_refuses_other_files(tmp_path: Path) -> None:
    info = preview(SCHEMAS / "desk-0001.sqlite")
    assert (info.schema_revision, info.contacts, info.referrals, info.services) == (
        "0001", 1, 1, 6,
    )  # fmt: skip
    other = tmp_path / "autre.sqlite"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    (tmp_path / "texte.sqlite").write_text("pas une base")
    for path in (other, tmp_path / "texte.sqlite"):
        with pytest.raises(BackupError, match="pas une sauvegarde"):
            preview(path)


# --- restoring ------------------------------------------------------------------------------


def test_restore_while_open_and_undo_it(db: Database) -> None:
    kept = record(db)
    backup = create_backup(db.path)
    later = record(db)
    ContactService(db).delete(kept)
    result = restore_backup(db.path, backup, db.engine)
    assert live_ids(db) == {kept}  # the open Database sees the restored content
    assert preview(result.previous_copy).contacts == 1
    undone = restore_backup(db.path, result.previous_copy, db.engine)
    assert live_ids(db) == {later}
    assert undone.previous_copy != result.previous_copy
    record(db)  # and goes on writing
    assert quick_check(db.path).ok


def test_restore_migrates_an_older_backup(db: Database) -> None:
    record(db)
    folder = backups_folder(db.path)
    folder.mkdir(exist_ok=True)
    old = folder / "sauvegarde-20250101-120000.sqlite"
    shutil.copy(SCHEMAS / "desk-0001.sqlite", old)
    restore_backup(db.path, old, db.engine)
    [contact] = ContactService(db).list()
    assert contact.statut == "scolaire" and len(contact.referrals) == 1
    with db.engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == head_revision()


def test_restore_refuses_damaged_newer_or_foreign_files(db: Database, tmp_path: Path) -> None:
    mine = record(db)
    damaged = tmp_path / "damaged" / "desk.sqlite"
    other = Database(damaged)
    for _ in range(40):
        record(other)
    other.close()
    damage(damaged)
    newer = tmp_path / "newer.sqlite"
    shutil.copy(SCHEMAS / "desk-0001.sqlite", newer)
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.close()
    (tmp_path / "note.sqlite").write_text("rien")
    for path, refusal in (
        (damaged, BackupError), (newer, NewerDatabaseError), (tmp_path / "note.sqlite", BackupError)
    ):  # fmt: skip
        with pytest.raises(refusal):
            restore_backup(db.path, path, db.engine)
    assert live_ids(db) == {mine}
    assert not backups_folder(db.path).exists()  # refused before anything was written


def test_restore_over_a_damaged_database(tmp_path: Path) -> None:
    db = Database(tmp_path / "desk.sqlite")
    first = record(db)
    backup = create_backup(db.path)
    for _ in range(40):
        record(db)
    db.close()
    damage(db.path)
    assert not quick_check(db.path).ok
    result = restore_backup(db.path, backup)
    assert result.previous_copy.exists()  # the damaged file is kept for the support
    reopened = Database(db.path)
    assert live_ids(reopened) == {first}
    assert quick_check(db.path).ok
    reopened.close()


def test_writes_into_a_damaged_database_are_refused(tmp_path: Path) -> None:
    db = Database(tmp_path / "desk.sqlite")
    for _ in range(40):
        record(db)
    db.close()
    damage(db.path)
    db = Database(db.path)
    from spro_desk.storage.integrity import check_and_gate

    assert not check_and_gate(db.path, db.gate).ok
    with pytest.raises(CorruptDatabaseError, match="endommagée"):
        record(db)
    db.close()


# --- command line ---------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "backup", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = Database(tmp_path / "spro-desk.sqlite")
    first = record(db)
    db.close()
    code, out, _ = cli(capsys, tmp_path, "create", "--json")
    created = json.loads(out)
    assert code == 0 and created["contacts"] == 1 and created["schema_revision"] == head_revision()
    db = Database(tmp_path / "spro-desk.sqlite")
    record(db)
    db.close()
    code, out, _ = cli(capsys, tmp_path, "list", "--json")
    [listed] = json.loads(out)["backups"]
    assert code == 0 and listed["file"] == created["file"] and listed["kind"] == DAILY
    code, out, err = cli(capsys, tmp_path, "restore", Path(created["file"]).name, "--json")
    assert code == 2 and "--yes" in err  # no silent restore from a script
    assert json.loads(out) == {"ok": False, "error": json.loads(out)["error"], "exit_code": 2}
    code, out, _ = cli(capsys, tmp_path, "restore", Path(created["file"]).name, "--yes", "--json")
    restored = json.loads(out)
    assert code == 0 and Path(restored["previous_copy"]).exists()
    db = Database(tmp_path / "spro-desk.sqlite")
    assert live_ids(db) == {first}
    db.close()
    code, out, _ = cli(capsys, tmp_path, "list")
    assert code == 0 and "1 contact(s)" in out and "avant-restauration" in out
    code, _, err = cli(capsys, tmp_path, "restore", "nulle-part.sqlite", "--yes")
    assert code == 2 and "introuvable" in err
