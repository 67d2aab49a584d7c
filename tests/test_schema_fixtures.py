"""Databases written by every earlier schema version open and upgrade with nothing lost.

Each fixture tests/data/schemas/revision-NNNN.sqlite was written by the code of SPRO Desk as it
was at that schema (tools/make_schema_fixtures.py runs the archived code of the last commit at
that revision); revision-NNNN.json says what it held. After the upgrade to today's schema, the
real services must find the same contacts, referrals, personal data markers, directory,
change log and settings.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from spro_desk.contacts.service import ContactService, ContactView
from spro_desk.directory.catalog import directory_info
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import SHIPPED_REVISIONS, current_revision, head_revision

from conftest import DATA

SCHEMAS = DATA / "schemas"
MANIFESTS = sorted(SCHEMAS.glob("revision-*.json"))


def _upgraded(manifest: Path, tmp_path: Path) -> tuple[dict[str, Any], Database]:
    facts = json.loads(manifest.read_text(encoding="utf-8"))
    copy = tmp_path / "spro-desk.sqlite"
    shutil.copy(manifest.with_suffix(".sqlite"), copy)
    return facts, Database(copy)


def _views(db: Database, facts: dict[str, Any]) -> dict[str, ContactView]:
    service = ContactService(db)
    return {c["id"]: service.get(c["id"]) for c in facts["contacts"]}


def test_every_earlier_schema_has_a_fixture() -> None:
    made = {path.stem.removeprefix("revision-") for path in MANIFESTS}
    missing = [r for r in SHIPPED_REVISIONS[:-1] if r not in made]
    assert not missing, (
        f"no fixture for schema {missing}: run `.venv/bin/python tools/make_schema_fixtures.py` "
        "and commit tests/data/schemas/revision-*.{sqlite,json}"
    )


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda path: path.stem)
def test_an_earlier_schema_upgrades_with_nothing_lost(manifest: Path, tmp_path: Path) -> None:
    facts, db = _upgraded(manifest, tmp_path)
    try:
        assert current_revision(db.engine) == head_revision()
        views = _views(db, facts)
        live = {c.id for c in ContactService(db).list()}
        for expected in facts["contacts"]:
            view = views[expected["id"]]
            found = (view.statut, view.canal, view.tranche_age, list(view.besoins))
            wanted = (expected["statut"], expected["canal"], expected["tranche_age"])
            assert found == (*wanted, expected["besoins"])
            assert (view.id in live) is not expected["deleted"]
        referrals = {r.id: r.statut for v in views.values() for r in v.referrals}
        assert referrals == facts["referrals"]
        personal = {contact_id for contact_id, view in views.items() if view.has_personal_data}
        assert personal == set(facts["with_personal_data"])
        info = directory_info(db)
        assert (info.structures, info.services) == (facts["structures"], facts["services"])
        with db.engine.connect() as connection:
            keys = {r[0] for r in connection.exec_driver_sql("SELECT key FROM setting")}
            if facts["events"] is not None:
                events = connection.exec_driver_sql("SELECT COUNT(*) FROM event").scalar()
                assert events == facts["events"]
        assert set(facts["settings"]) <= keys
    finally:
        db.close()
    print(
        f"\nschema {facts['revision']} -> {head_revision()}: {len(facts['contacts'])} contacts, "
        f"{len(facts['referrals'])} referrals, {facts['services']} services kept; lost = 0"
    )
