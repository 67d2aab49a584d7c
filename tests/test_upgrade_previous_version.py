"""Installing a newer SPRO Desk over an older one: the data folder it wrote is all found.

``tests/data/previous-version/`` was written by the code of an older commit (see
``tools/make_previous_version_fixture.py`` and its ``expected.json``): a desk with its identity,
site settings, a small directory, contacts (one deleted, one with consented personal data) and
a referral. The current code opens a copy — migrating it — and must find everything.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spro_desk.cli.main import main
from spro_desk.contacts.service import ContactService
from spro_desk.directory.catalog import directory_info
from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import current_revision, head_revision
from spro_desk.sync.identity import load_identity, public_key_text, signing_key

FIXTURE = Path(__file__).parent / "data" / "previous-version"
EXPECTED: dict[str, Any] = json.loads((FIXTURE / "expected.json").read_text("utf-8"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy: the committed fixture itself is never migrated."""
    target = tmp_path / "donnees"
    shutil.copytree(FIXTURE / "data", target)
    (target / "keys" / "desk-signing.pem").chmod(0o600)
    return target


@pytest.fixture
def upgraded(data_dir: Path) -> Iterator[Database]:
    database = Database(database_path(data_dir))
    yield database
    database.close()


def _subset(current: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """The fields the older version had; newer versions may add their own."""
    return {key: current.get(key) for key in expected}


def test_the_fixture_is_an_older_schema() -> None:
    with sqlite3.connect(FIXTURE / "data" / "spro-desk.sqlite") as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == EXPECTED["schema_revision"]
    assert revision != head_revision(), "regenerate the fixture from an older commit"


def test_opening_migrates_after_a_backup(upgraded: Database, data_dir: Path) -> None:
    assert current_revision(upgraded.engine) == head_revision()
    backups = list((data_dir / "backups").glob(f"avant-migration-{EXPECTED['schema_revision']}-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == EXPECTED["schema_revision"]  # the copy is the untouched older database
    print(
        f"\nupgraded {EXPECTED['revision']} (schema {EXPECTED['schema_revision']}) "
        f"to schema {head_revision()}"
    )


def test_the_directory_contacts_and_referral_are_all_found(upgraded: Database) -> None:
    info = directory_info(upgraded)
    assert (info.structures, info.services) == (EXPECTED["structures"], EXPECTED["services"])
    contacts = ContactService(upgraded).list()
    assert len(contacts) == EXPECTED["contacts_listed"]
    listed = {contact.id for contact in contacts}
    assert not listed & set(EXPECTED["contacts_deleted"])  # still deleted
    expected_contact = EXPECTED["sample_contact"]
    found = ContactService(upgraded).get(expected_contact["id"]).as_json()
    expected_referrals = expected_contact["referrals"]
    assert _subset(found, expected_contact) | {"referrals": None} == expected_contact | {
        "referrals": None
    }
    assert [_subset(r, expected_referrals[0]) for r in found["referrals"]] == expected_referrals
    consented = ContactService(upgraded).get(EXPECTED["consented_contact"])
    assert consented.has_personal_data


def test_the_desk_keeps_its_identity_and_its_key(upgraded: Database, data_dir: Path) -> None:
    identity = load_identity(upgraded)
    assert identity is not None
    assert identity.registration() == EXPECTED["identity"]
    # The private key on disk is still the one the coordinator knows.
    assert public_key_text(signing_key(data_dir)) == EXPECTED["identity"]["public_key"]


def test_the_site_settings_are_kept(upgraded: Database) -> None:
    site = SiteSettings(upgraded)
    for key, value in EXPECTED["settings"].items():
        assert site.get(key) == value, key


def test_the_command_line_reads_the_upgraded_folder(data_dir: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--data-dir", str(data_dir), "contact", "list", "--json"])
    assert status == 0
    ids = {contact["id"] for contact in json.loads(out.getvalue())["contacts"]}
    assert EXPECTED["sample_contact"]["id"] in ids
    assert len(ids) == EXPECTED["contacts_listed"]


def test_the_assistant_is_not_shown_on_an_upgraded_folder(data_dir: Path) -> None:
    from spro_desk.ui.first_run import folder_looks_new

    assert not folder_looks_new(data_dir)
