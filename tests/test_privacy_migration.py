"""Migration 0008 on a database written before encryption: every clear personal row sealed at
once, nothing in clear on disk after the first purge (free pages, WAL, older backups), nothing
lost, and a sealed old backup restored later still opens."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command

from migration_steps import migrate
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.purge import run_purge
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import current_revision, head_revision
from test_privacy_support import CANARIES, CANARY_MAIL, CANARY_NAME, files_of, occurrences

STALE = "Ancienne Fiche Effacée"  # deleted before the upgrade, left in a free page
PEOPLE = 30


def _database_at_0007(path: Path) -> list[str]:
    migrate(path, command.upgrade, "0007")
    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(PEOPLE + 1)]
    moment = datetime(2026, 11, 1, 10, tzinfo=UTC).isoformat(sep=" ")
    with sqlite3.connect(path) as raw:
        for number, contact_id in enumerate(ids):
            raw.execute(
                "INSERT INTO contact (id, occurred_at, recorded_at, updated_at, canal, statut, "
                "tranche_age, sexe, besoins, reponses) VALUES (?, ?, ?, ?, 'telephone', "
                "'salarie', '18-25', 'femme', '[]', '[]')",
                (contact_id, moment, moment, moment),
            )
            raw.execute(
                "INSERT INTO consent (id, contact_id, purpose, wording, agent, given_at) "
                "VALUES (?, ?, 'prise-de-rendez-vous-et-suivi', 'J''accepte…', 'Claire', ?)",
                (f"consent-{number}", contact_id, moment),
            )
            name = STALE if number == PEOPLE else f"{CANARY_NAME} {number}"
            raw.execute(
                "INSERT INTO personal_data (contact_id, consent_id, nom, telephone, courriel, "
                "note) VALUES (?, ?, ?, ?, ?, NULL)",
                (contact_id, f"consent-{number}", name, f"06{number:08d}", CANARY_MAIL),
            )
        # As SQLite builds without SQLITE_SECURE_DELETE do (Windows' Python): a free page.
        raw.execute("PRAGMA secure_delete=OFF")
        raw.execute("DELETE FROM personal_data WHERE nom = ?", (STALE,))
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ids[:PEOPLE]


def _clear_in(folder: Path) -> dict[str, int]:
    return occurrences(files_of(folder), (CANARY_NAME, CANARY_MAIL, STALE))


def test_an_old_database_is_sealed_and_scrubbed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "spro-desk.sqlite"
    ids = _database_at_0007(path)
    assert _clear_in(data)[STALE] == 1, "the stale row must be in a free page to begin with"

    db = Database(path)  # upgrades: backup copy, then 0008
    try:
        assert current_revision(db.engine) == head_revision()
        live = occurrences([path, path.with_name(path.name + "-wal")], (CANARY_NAME, CANARY_MAIL))
        before_purge = _clear_in(data)
        report = run_purge(db, now=datetime(2026, 11, 2, tzinfo=UTC))
        after_purge = _clear_in(data)
        service = ContactService(db)
        values = [service.personal_data(contact_id) for contact_id in ids]
    finally:
        db.close()
    print(
        f"\nMigration 0008: {PEOPLE} clear rows sealed; live rows in clear in the database "
        f"right after the upgrade: {sum(live.values())}; files holding clear data before the "
        f"first purge {before_purge}, after it {after_purge} "
        f"({report.backups_sealed} backup rows sealed)"
    )
    assert live == {CANARY_NAME: 0, CANARY_MAIL: 0}
    assert after_purge == dict.fromkeys(after_purge, 0)
    assert report.backups_sealed == PEOPLE
    assert [v.nom for v in values] == [f"{CANARY_NAME} {n}" for n in range(PEOPLE)]
    assert {v.courriel for v in values} == {CANARY_MAIL}


def test_a_sealed_old_backup_restored_later_opens_with_nothing_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "spro-desk.sqlite"
    ids = _database_at_0007(path)
    db = Database(path)
    run_purge(db)  # seals backups/avant-migration-0007-*.sqlite in place
    db.close()
    [backup] = (data / "backups").glob("avant-migration-0007-*.sqlite")
    with sqlite3.connect(backup) as raw:
        notes = [row[0] for row in raw.execute("SELECT note FROM personal_data")]
    assert all(note.startswith("spro-sealed-v1:") for note in notes)
    needles = (*CANARIES, CANARY_NAME)
    assert occurrences([backup], needles) == dict.fromkeys(needles, 0)
    path.unlink()
    shutil.copy(backup, path)  # restored as the desk's database: schema 0007, sealed rows
    restored = Database(path)
    try:
        assert current_revision(restored.engine) == head_revision()
        names = [ContactService(restored).personal_data(i).nom for i in ids]
    finally:
        restored.close()
    assert names == [f"{CANARY_NAME} {n}" for n in range(PEOPLE)]


def test_downgrade_keeps_the_rows_sealed_and_upgrading_again_restores_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "spro-desk.sqlite"
    ids = _database_at_0007(path)
    db = Database(path)
    db.close()
    migrate(path, command.downgrade, "0007")
    assert occurrences([path], (CANARY_NAME,)) == {CANARY_NAME: 0}
    again = Database(path)
    try:
        assert ContactService(again).personal_data(ids[3]).nom == f"{CANARY_NAME} 3"
    finally:
        again.close()
