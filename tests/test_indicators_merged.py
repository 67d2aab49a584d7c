"""The coordinator's merged state follows the desks' own tables, in any bundle order."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from coordination_db import Coordinations
from migration_steps import migrate
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration
from spro_desk.sync.merged import (
    catch_up_merged_state,
    merged_state_behind,
    rebuild_merged_state,
)

TABLES = ("merged_tombstone", "merged_contact", "merged_referral")


def _copy(source: Path, target: Path) -> Database:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return Database(target)


def _merged(db: Database) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(db.path)
    try:
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}
    finally:
        connection.close()


@pytest.fixture(scope="module")
def two_weeks(cvl_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One desk's two bundles: week 1 records, refers and deletes; week 2 changes it all."""
    root = tmp_path_factory.mktemp("merged")
    coordinator_dir = root / "coordinator"
    init_coordinator(coordinator_dir)
    (root / "coordinator.json").write_text(json.dumps(signed_identity_file(coordinator_dir)))
    desk = _copy(cvl_db_file, root / "desk" / "desk.sqlite")
    init_desk(desk, root / "desk", "CIO de Bourges", "cio", "18033")
    trust_coordinator(desk, root / "coordinator.json")
    with sqlite3.connect(desk.path) as connection:
        service_id = connection.execute("SELECT id FROM service ORDER BY id LIMIT 1").fetchone()[0]
    contacts = ContactService(desk)
    monday = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    kept = contacts.record(
        ContactInput(
            canal="telephone",
            statut="etudiant",
            sexe="femme",
            commune="18033",
            besoins=("choisir-un-metier--confirmer-son-choix-de-metier", "choisir-un-metier"),
            occurred_at=monday,
        )
    )
    dropped = contacts.record(ContactInput(canal="courriel", statut="salarie", occurred_at=monday))
    referral = contacts.add_referral(kept, service_id, rdv_at=monday + timedelta(days=3))
    contacts.delete(dropped)
    first = export_bundle(desk, root / "desk", root / "usb").path
    contacts.set_referral_status(referral, "honore")
    contacts.restore(dropped)
    contacts.delete(kept)
    second = export_bundle(desk, root / "desk", root / "usb").path
    identity = load_identity(desk)
    assert identity is not None
    registration = write_registration(identity, root / "desk.json")
    desk.close()
    return {
        "root": root,
        "coordinator_dir": coordinator_dir,
        "registration": registration,
        "bundles": [first, second],
        "ids": {"kept": kept, "dropped": dropped, "referral": referral},
        "directory": cvl_db_file,
    }


def _coordinator(world: dict, name: str) -> Database:
    db = _copy(world["directory"], world["root"] / name)  # the coordinator's own directory
    register_desk(db, world["registration"])
    return db


def test_every_bundle_order_gives_the_state_of_the_desk(two_weeks: dict) -> None:
    states = []
    for number, order in enumerate(itertools.permutations([0, 1, 0, 1], 4)):
        db = _coordinator(two_weeks, f"c{number}.sqlite")
        for index in order:
            import_bundle(db, two_weeks["coordinator_dir"], two_weeks["bundles"][index])
            catch_up_merged_state(db)  # as the import commands do after each import
        states.append(_merged(db))
        db.close()
    assert all(state == states[0] for state in states)
    state, ids = states[0], two_weeks["ids"]
    # The restored contact is back; the one deleted last is gone, its referral counts nowhere.
    assert [row[0] for row in state["merged_contact"]] == [ids["dropped"]]
    (referral,) = state["merged_referral"]
    assert referral[0] == ids["referral"] and referral[4] is None and referral[11] == "honore"
    # The contact deleted last keeps its latest rank as a tombstone; live ones in their rows.
    assert [r[:2] for r in state["merged_tombstone"]] == [(ids["kept"], "contact")]
    print(f"\nmerged state identical over {len(states)} bundle orders")


def test_the_first_week_alone_and_a_rebuild_agree(two_weeks: dict) -> None:
    db = _coordinator(two_weeks, "first.sqlite")
    import_bundle(db, two_weeks["coordinator_dir"], two_weeks["bundles"][0])
    catch_up_merged_state(db)
    state = _merged(db)
    ids = two_weeks["ids"]
    (contact,) = state["merged_contact"]
    assert contact[0] == ids["kept"] and contact[4:7] == ("2026-03-02", "2026-03-02", "2026-03")
    assert contact[7:13] == ("telephone", "etudiant", "non-renseigne", "femme", "non-renseigne",
                             "18033")  # fmt: skip
    assert json.loads(contact[14]) == [
        "choisir-un-metier",
        "choisir-un-metier--confirmer-son-choix-de-metier",
    ]
    assert json.loads(contact[15]) == ["orientation", "rendez-vous"]
    (referral,) = state["merged_referral"]
    assert referral[4] == "2026-03-02" and referral[10:12] == ("rendez-vous", "rdv-pris")
    with db.transaction() as session:
        rebuild_merged_state(session)
    assert _merged(db) == state
    with sqlite3.connect(db.path) as connection:
        desks = connection.execute(
            "SELECT bundle_seq, directory_imported_at FROM merged_desk"
        ).fetchall()
    ((seq, imported_at),) = desks
    assert seq == 1 and datetime.fromisoformat(imported_at).tzinfo is not None
    db.close()


def test_a_coordinator_upgraded_past_0007_gets_its_merged_state_at_the_first_figure(
    two_weeks: dict,
) -> None:
    """Migration 0007 merges nothing itself (frozen, it calls no live code): it marks every
    received event unmerged, and the live catch-up fills the same state as the imports did."""
    db = _coordinator(two_weeks, "upgraded.sqlite")
    for bundle in two_weeks["bundles"]:
        import_bundle(db, two_weeks["coordinator_dir"], bundle)
    catch_up_merged_state(db)
    expected = _merged(db)
    db.close()
    path = two_weeks["root"] / "upgraded.sqlite"
    migrate(path, command.downgrade, "0006")  # as a coordinator was before the merged state
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM setting WHERE key = 'coordinator.merged_upto'")
    migrate(path, command.upgrade, "head")
    db = Database(path)
    with db.engine.connect() as connection:
        assert merged_state_behind(connection)
    assert catch_up_merged_state(db) > 0
    assert _merged(db) == expected
    db.close()


def _merged_rows(db: Database) -> dict[str, list[tuple]]:
    """The merged tables read through SQLAlchemy (either database), booleans as 0/1."""
    from sqlalchemy import text

    with db.engine.connect() as connection:
        return {
            table: sorted(
                tuple(int(v) if isinstance(v, bool) else v for v in row)
                for row in connection.execute(text(f"SELECT * FROM {table}"))
            )
            for table in TABLES
        }


def _figures(db: Database) -> dict:
    march = Filters(Period(date(2026, 3, 1), date(2026, 3, 31)))
    options = Options(as_of=datetime(2026, 4, 1, tzinfo=UTC))
    indicators = compute_indicators(CoordinatorSource(db), march, options)
    return {
        "figures": {key: figure.value for key, figure in indicators.figures.items()},
        "tables": {key: table.cells for key, table in indicators.tables.items()},
    }


def test_the_merged_state_and_its_figures_are_the_same_on_both_databases(
    two_weeks: dict, coordinations: Coordinations, tmp_path: Path
) -> None:
    """Both bundles, in both orders, into a coordination on each database: the same merged
    rows and the same figures as a SQLite file given them in the desk's order."""
    reference = Database(tmp_path / "reference.sqlite")
    register_desk(reference, two_weeks["registration"])
    for bundle in two_weeks["bundles"]:
        import_bundle(reference, two_weeks["coordinator_dir"], bundle)
    catch_up_merged_state(reference)
    expected_rows, expected_figures = _merged_rows(reference), _figures(reference)
    reference.close()
    ids = two_weeks["ids"]
    assert [row[0] for row in expected_rows["merged_contact"]] == [ids["dropped"]]
    assert expected_figures["figures"]["contacts"] == 1
    assert expected_figures["figures"]["orientations"] == 0  # its contact was deleted
    for number, order in enumerate(([0, 1], [1, 0])):
        db = coordinations.open(tmp_path / f"coordination{number}.sqlite")
        register_desk(db, two_weeks["registration"])
        for index in order:
            import_bundle(db, two_weeks["coordinator_dir"], two_weeks["bundles"][index])
        # no explicit catch-up: the figures bring the merged state up to date themselves
        assert _figures(db) == expected_figures, order
        assert _merged_rows(db) == expected_rows, order
