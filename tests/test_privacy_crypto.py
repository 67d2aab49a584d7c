"""Encryption at rest: sealed personal data, bound to its row, absent from every file's bytes."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from spro_desk.contacts.model import ContactError, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.personal import open_values
from spro_desk.security import crypto
from spro_desk.security.keys import provisional_key_path, vault
from spro_desk.storage.engine import Database
from test_privacy_support import (
    CANARIES,
    CANARY_MAIL,
    CANARY_NAME,
    CANARY_NOTE,
    CANARY_PHONE,
    canary_input,
    files_of,
    occurrences,
    record_canary,
)


def test_sealed_value_opens_only_with_its_key_and_in_its_row() -> None:
    desk = X25519PrivateKey.generate()
    sealed = crypto.seal(desk.public_key(), b"Camille", b"row-1")
    assert crypto.open_sealed(desk, sealed, b"row-1") == b"Camille"
    with pytest.raises(crypto.SealError):
        crypto.open_sealed(desk, sealed, b"row-2")  # moved to another row
    with pytest.raises(crypto.SealError):
        crypto.open_sealed(X25519PrivateKey.generate(), sealed, b"row-1")  # another desk
    flipped = bytearray(sealed)
    flipped[-1] ^= 1
    with pytest.raises(crypto.SealError):
        crypto.open_sealed(desk, bytes(flipped), b"row-1")
    assert crypto.seal(desk.public_key(), b"Camille", b"row-1") != sealed  # fresh each time


def test_a_sealed_row_copied_onto_another_contact_does_not_open(db: Database) -> None:
    first, second = record_canary(db), record_canary(db, nom="Autre Personne")
    with sqlite3.connect(db.path) as raw:
        sealed = raw.execute(
            "SELECT sealed FROM personal_data WHERE contact_id = ?", (first,)
        ).fetchone()[0]
        raw.execute("UPDATE personal_data SET sealed = ? WHERE contact_id = ?", (sealed, second))
    with pytest.raises(crypto.SealError):
        open_values(db, second, sealed)
    assert ContactService(db).personal_data(first).nom == CANARY_NAME


def test_canary_personal_data_is_in_no_file_of_the_data_folder(db: Database) -> None:
    """Acceptance: recorded with consent, the canary is nowhere in clear: database, WAL, shm,
    provisional key file, access log."""
    service = ContactService(db)
    contact_ids = [record_canary(db) for _ in range(20)]
    # Read back (the access log gets entries), and still there before any checkpoint.
    assert service.personal_data(contact_ids[0]) == PersonalDataInput(
        CANARY_NAME, CANARY_PHONE, CANARY_MAIL, CANARY_NOTE
    )
    paths = files_of(db.path.parent)
    names = sorted(p.relative_to(db.path.parent).as_posix() for p in paths)
    wal = db.path.with_name(db.path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the rows must still be in the WAL"
    found = occurrences(paths, CANARIES)
    print(f"\nCanary in clear: {sum(found.values())} occurrence(s) in {len(paths)} files {names}")
    assert found == dict.fromkeys(CANARIES, 0)
    # The same search finds data that is really there: the check is not vacuous.
    with sqlite3.connect(db.path) as raw:
        raw.execute("CREATE TABLE witness (t TEXT)")
        raw.execute("INSERT INTO witness VALUES (?)", (CANARY_NAME,))
    assert occurrences(files_of(db.path.parent), (CANARY_NAME,))[CANARY_NAME] >= 1


def test_the_provisional_key_file_is_private_and_outside_the_database(db: Database) -> None:
    record_canary(db)
    desk = vault(db).existing_public()
    assert desk is not None
    path = provisional_key_path(db.path, desk.key_id)
    assert path.parent != db.path.parent and path.stat().st_size == 32
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() not in db.path.read_bytes()


def test_no_personal_data_in_the_log_file(db: Database, tmp_path: Path) -> None:
    """Acceptance: the application's log file (same handler and format as the app's) never
    holds the canary, even at DEBUG with SQL statements and their parameters logged."""
    log_file = tmp_path / "logs" / "spro-desk.log"
    log_file.parent.mkdir()
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = (root.level, sql.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.INFO)  # every statement with its parameters
    try:
        service = ContactService(db)
        contact_id = service.record(canary_input())
        service.personal_data(contact_id)
        with pytest.raises(ContactError):  # a refused input is logged by nobody with its data
            service.record(canary_input().__class__(**{**canary_input().__dict__, "canal": "x"}))
        logging.getLogger("spro_desk").exception("a crash report", exc_info=RuntimeError("boom"))
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(levels[0])
        sql.setLevel(levels[1])
    text = log_file.read_text(encoding="utf-8")
    found = occurrences([log_file], CANARIES)
    print(f"\nLog file: {len(text.splitlines())} lines, canary occurrences: {sum(found.values())}")
    assert "INSERT INTO personal_data" in text  # the statements were logged
    assert found == dict.fromkeys(CANARIES, 0)
