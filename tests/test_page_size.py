"""Page size (issue 19): a new database file gets 8 KiB pages (an import writes fewer, larger
pages); a file made with SQLite's 4 KiB pages keeps them, opens, migrates, and its backups and
restores work both ways."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.backup import backups_folder, create_backup, preview, restore_backup
from spro_desk.storage.dialects.sqlite import PAGE_SIZE
from spro_desk.storage.engine import Database
from spro_desk.storage.integrity import quick_check
from spro_desk.storage.migrate import head_revision

from conftest import DATA

OLD_DESK = DATA / "schemas" / "desk-0001.sqlite"  # written with SQLite's default 4 KiB pages


def page_size(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        size: int = connection.execute("PRAGMA page_size").fetchone()[0]
    return size


def journal_mode(db: Database) -> str:
    with db.engine.connect() as connection:
        mode: str = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    return mode


def record(db: Database, statut: str = "scolaire") -> str:
    return ContactService(db).record(ContactInput(canal="accueil-physique", statut=statut))


def ids(db: Database) -> set[str]:
    return {contact.id for contact in ContactService(db).list()}


def revision(db: Database) -> str:
    with db.engine.connect() as connection:
        found: str = connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version"
        ).scalar_one()
    return found


def old_desk(tmp_path: Path) -> Path:
    path = tmp_path / "old" / "desk.sqlite"
    path.parent.mkdir()
    shutil.copy(OLD_DESK, path)
    assert page_size(path) == 4096
    return path


def test_a_new_database_has_8_kib_pages(tmp_path: Path) -> None:
    assert PAGE_SIZE == 8192
    db = Database(tmp_path / "desk.sqlite")
    record(db)
    assert journal_mode(db) == "wal"
    db.close()
    assert page_size(tmp_path / "desk.sqlite") == PAGE_SIZE


def test_an_old_4_kib_file_opens_migrates_and_keeps_its_pages(tmp_path: Path) -> None:
    path = old_desk(tmp_path)
    db = Database(path)
    assert revision(db) == head_revision()
    [contact] = ContactService(db).list()
    assert contact.statut == "scolaire" and len(contact.referrals) == 1
    added = record(db, "demandeur-emploi")
    assert journal_mode(db) == "wal"
    db.close()
    assert page_size(path) == 4096
    reopened = Database(path)
    assert added in ids(reopened) and len(ids(reopened)) == 2
    reopened.close()
    assert quick_check(path).ok


def test_backups_of_both_sizes_round_trip(tmp_path: Path) -> None:
    for path in (tmp_path / "new" / "desk.sqlite", old_desk(tmp_path)):
        db = Database(path)
        kept = ids(db) | {record(db)}
        backup = create_backup(db.path)
        assert page_size(backup) == page_size(path)  # a backup is a copy, pages and all
        assert preview(backup).contacts == len(kept)
        record(db)
        restore_backup(db.path, backup, db.engine)
        assert ids(db) == kept  # the open Database sees the restored content
        record(db)
        db.close()
        assert quick_check(path).ok


def test_a_backup_restores_into_a_file_of_the_other_page_size(tmp_path: Path) -> None:
    old_path = old_desk(tmp_path)
    old = Database(old_path)
    from_old = ids(old) | {record(old)}
    old_backup = create_backup(old.path)
    new = Database(tmp_path / "new" / "desk.sqlite")
    from_new = {record(new), record(new)}
    new_backup = create_backup(new.path)

    restore_backup(new.path, old_backup, new.engine)  # 4 KiB backup into an 8 KiB file
    assert ids(new) == from_old
    restore_backup(old.path, new_backup, old.engine)  # and the reverse
    assert ids(old) == from_new
    for db, size in ((new, PAGE_SIZE), (old, 4096)):
        record(db)  # the open connections go on writing
        db.close()
        assert page_size(db.path) == size  # the live file keeps its own page size
        assert quick_check(db.path).ok
        leftovers = [p.name for p in backups_folder(db.path).iterdir() if "partiel" in p.name]
        assert leftovers == []  # the resized copy is gone (its journal too)
