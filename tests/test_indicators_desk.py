"""A site's own view and the coordinator's view of that site give the same figures."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spro_desk.cli.main import main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.source import CoordinatorSource, DeskSource
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration
from spro_desk.vocab import CANAUX, SEXES, STATUTS, TRANCHES_AGE


def _desk_with_a_quarter(root: Path, directory: Path) -> tuple[Database, list[str]]:
    desk_dir = root / "desk"
    desk_dir.mkdir()
    shutil.copyfile(directory, database_path(desk_dir))
    desk = Database(database_path(desk_dir))
    init_desk(desk, desk_dir, "CIO de Bourges", "cio", "18033")
    with sqlite3.connect(desk.path) as connection:
        services = [r[0] for r in connection.execute("SELECT id FROM service LIMIT 40")]
    contacts, rng = ContactService(desk), random.Random(3)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    needs = ("choisir-un-metier", "trouver-un-emploi--maintien-dans-lemploi", "se-former")
    for number in range(160):
        at = start + timedelta(days=rng.randrange(100), hours=rng.randrange(10))
        data = ContactInput(
            canal=rng.choice(list(CANAUX)), statut=rng.choice(list(STATUTS)),
            tranche_age=rng.choice(list(TRANCHES_AGE)), sexe=rng.choice(list(SEXES)),
            handicap=rng.choice([True, False, None]),
            commune=rng.choice(["18033", "18197", "36044", None]),
            besoins=(rng.choice(needs),),
            occurred_at=at,
        )  # fmt: skip
        if number % 3:
            contacts.record(data)
            continue
        rdv = at + timedelta(days=rng.randrange(20)) if number % 2 else None
        _contact, referral = contacts.record_with_referral(data, rng.choice(services), rdv_at=rdv)
        if number % 4 == 0:
            contacts.set_referral_status(referral, rng.choice(["honore", "non-honore", "annule"]))
    for contact in contacts.list()[:5]:
        contacts.delete(contact.id)
    return desk, [desk_dir.name]


def test_the_desk_view_equals_the_coordinators_view_of_the_site(
    tmp_path: Path, cvl_db_file: Path
) -> None:
    coordinator_dir = tmp_path / "coordinator"
    init_coordinator(coordinator_dir)
    (tmp_path / "coordinator.json").write_text(json.dumps(signed_identity_file(coordinator_dir)))
    desk, _ = _desk_with_a_quarter(tmp_path, cvl_db_file)
    trust_coordinator(desk, tmp_path / "coordinator.json")
    bundle = export_bundle(desk, tmp_path / "desk", tmp_path / "usb").path
    identity = load_identity(desk)
    assert identity is not None
    shutil.copyfile(cvl_db_file, tmp_path / "coordinator.sqlite")
    coordinator = Database(tmp_path / "coordinator.sqlite")
    register_desk(coordinator, write_registration(identity, tmp_path / "desk.json"))
    import_bundle(coordinator, coordinator_dir, bundle)

    options = Options(as_of=datetime(2026, 6, 1, tzinfo=UTC))
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    mine = compute_indicators(DeskSource(desk), Filters(period), options)
    merged = compute_indicators(
        CoordinatorSource(coordinator), Filters(period, site=identity.desk_id), options
    )
    assert mine.figures["contacts"].value > 100
    assert {k: f.value for k, f in mine.figures.items()} == {
        k: f.value for k, f in merged.figures.items()
    }
    assert mine.tables.keys() == merged.tables.keys()
    for key, table in mine.tables.items():
        assert table.cells == merged.tables[key].cells, key
    assert mine.coverage == merged.coverage
    assert mine.scope == "CIO de Bourges" and mine.desks[0].late is False
    print(f"\ndesk view = coordinator view: {len(mine.tables)} tables, "
          f"{mine.figures['contacts'].value} contacts")  # fmt: skip

    out = tmp_path / "site.xlsx"
    code = main(["--data-dir", str(tmp_path / "desk"), "report", "--from", "2026-01-01",
                 "--to", "2026-03-31", "--format", "xlsx", "--out", str(out)])  # fmt: skip
    assert code == 0 and out.stat().st_size > 0
    desk.close()
    coordinator.close()
