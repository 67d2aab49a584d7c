"""The indicators' summary (migration 0015) gives the figures the merged tables give, kept
exact by every import — edits, deletions, a contact moved to another month, late and repeated
bundles — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coordination_db import Coordinations, copy_reported_tables
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.reports import summary
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.dialects import insert_rows, run
from spro_desk.storage.engine import Database
from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import (
    ImportOutcome,
    import_bundle,
    import_bundles,
    register_desk,
)
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration
from spro_desk.sync.indicator_summary import (
    add_contacts,
    count,
    is_ready,
    refresh_summary,
    take_away_contacts,
)
from spro_desk.sync.merged import CONTACT_COLUMNS, catch_up_merged_state, rebuild_merged_state
from spro_desk_dev.synthetic import generate

# Before the cutoff of the "sans suite" rule (30 days before), the 10 March rendez-vous; after
# it, the 20 April one.
AS_OF = Options(as_of=datetime(2026, 5, 1, 12, tzinfo=UTC))
PERIODS = (
    Period(date(2026, 3, 1), date(2026, 3, 31)),
    Period(date(2026, 2, 1), date(2026, 4, 30)),
    Period(date(2026, 1, 1), date(2026, 12, 31)),
)
NEED = "choisir-un-metier--confirmer-son-choix-de-metier"


def _at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 30, tzinfo=UTC)


class Desk:
    """A desk made from the directory file, registered with the coordinator."""

    def __init__(self, world: dict, name: str, site: str, commune: str) -> None:
        root = world["root"]
        self.folder = root / name
        self.folder.mkdir()
        shutil.copyfile(world["directory"], self.folder / "desk.sqlite")
        self.db = Database(self.folder / "desk.sqlite")
        init_desk(self.db, self.folder, site, "cio", commune)
        trust_coordinator(self.db, root / "coordinator.json")
        with sqlite3.connect(self.db.path) as connection:
            services = connection.execute("SELECT id FROM service ORDER BY id LIMIT 3").fetchall()
        self.services = [row[0] for row in services]
        self.contacts = ContactService(self.db)
        identity = load_identity(self.db)
        assert identity is not None
        self.desk_id = identity.desk_id
        self.registration = write_registration(identity, root / f"{name}.json")

    def record(self, moment: datetime, canal: str = "telephone", **fields: object) -> str:
        return self.contacts.record(ContactInput(canal=canal, statut="etudiant",
                                                 occurred_at=moment, **fields))  # type: ignore[arg-type]  # fmt: skip

    def bundle(self) -> Path:
        return export_bundle(self.db, self.folder, self.folder / "usb").path


def _coordination(root: Path, directory: Path) -> dict:
    """A coordinator's keys and identity file under `root`, the desks' directory given."""
    world = {"root": root, "directory": directory, "coordinator_dir": root / "coordinator"}
    init_coordinator(world["coordinator_dir"])
    (root / "coordinator.json").write_text(
        json.dumps(signed_identity_file(world["coordinator_dir"]))
    )
    return world


@pytest.fixture(scope="module")
def bundles(cvl_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two desks' bundles over February to April: referrals of every outcome, then edits."""
    root = tmp_path_factory.mktemp("summary")
    world = _coordination(root, cvl_db_file)
    a = Desk(world, "a", "CIO de Bourges", "18033")
    kept = a.record(_at(3, 2), sexe="femme", commune="18033", besoins=(NEED, "choisir-un-metier"))
    honoured = a.contacts.add_referral(kept, a.services[0], rdv_at=_at(3, 10))
    dropped = a.record(_at(3, 3), canal="courriel", tranche_age="18-25")
    a.contacts.add_referral(dropped, a.services[1])  # an information, dated by its creation
    gone = a.record(_at(3, 4), canal="visio")
    a.contacts.delete(gone)
    february = a.record(_at(2, 27), handicap=True)
    a.contacts.add_referral(february, a.services[2], rdv_at=_at(4, 20))  # still "en cours"
    first = a.bundle()
    a.contacts.set_referral_status(honoured, "honore")
    a.contacts.restore(gone)
    a.contacts.delete(dropped)  # its referral now counts nowhere
    # moved to April: its referral follows it
    moved = ContactInput(canal="telephone", statut="salarie", occurred_at=_at(4, 2))
    a.contacts.update(kept, moved)
    april = a.record(_at(4, 15), commune="18033")
    cancelled = a.contacts.add_referral(april, a.services[0], rdv_at=_at(4, 16))
    a.contacts.set_referral_status(cancelled, "annule")
    second = a.bundle()
    b = Desk(world, "b", "CIO de Tours", "37261")
    edited = b.record(_at(3, 31), canal="permanence", besoins=(NEED,))
    b.contacts.add_referral(edited, b.services[0], rdv_at=_at(3, 5))  # "sans suite" by May
    b.record(_at(3, 1), sexe="homme", tranche_age="18-25")
    third = b.bundle()
    b.contacts.update(edited, ContactInput(canal="courriel", statut="etudiant",
                                           occurred_at=_at(3, 31), besoins=(NEED,)))  # fmt: skip
    fourth = b.bundle()
    for desk in (a, b):
        desk.db.close()
    return world | {
        "registrations": [a.registration, b.registration],
        "desks": [a.desk_id, b.desk_id],
        # the second bundle before the first (late), the first twice, the second desk's edits
        "order": [second, third, first, fourth, first],
    }


def _values(indicators: Indicators) -> tuple:
    return (
        {key: figure.value for key, figure in indicators.figures.items()},
        {key: (table.rows, table.cells) for key, table in indicators.tables.items()},
        indicators.delay,
        indicators.comparison,
    )


def _both_ways(db: Database, filters: Filters) -> tuple[tuple, tuple]:
    source = CoordinatorSource(db)
    read = compute_indicators(source, filters, AS_OF)
    grouped = compute_indicators(source, filters, AS_OF, summarised=False)
    return _values(read), _values(grouped)


def _stored(db: Database) -> dict:
    with db.engine.connect() as connection:
        assert is_ready(connection)
        rows = run(connection, "SELECT month, kind, code, code2, n FROM indicator_summary "
                               "WHERE kind != 'ready'")  # fmt: skip
        stored = {tuple(row[:4]): int(row[4]) for row in rows}
        counted = {key: n for key, n in count(connection).items() if n}
    assert stored == counted  # what the merges kept is what counting everything gives
    return stored


def test_every_import_keeps_the_summary_and_the_figures_exact(
    bundles: dict, coordinations: Coordinations, tmp_path: Path
) -> None:
    db = coordinations.open(tmp_path / "coordination.sqlite")
    for registration in bundles["registrations"]:
        register_desk(db, registration)
    for bundle in bundles["order"]:
        import_bundle(db, bundles["coordinator_dir"], bundle)
        catch_up_merged_state(db)
        stored = _stored(db)
        for period in PERIODS:
            for filters in (Filters(period), Filters(period, site=bundles["desks"][0])):
                read, grouped = _both_ways(db, filters)
                assert read == grouped, (bundle.name, filters)
    assert summary.answers(Filters(PERIODS[0]))
    march, spring = _both_ways(db, Filters(PERIODS[0]))[0], _both_ways(db, Filters(PERIODS[1]))[0]
    assert march[0]["contacts"] == 3 and spring[0]["contacts"] == 6
    assert spring[1]["orientations.issue"][1] == [[1], [0], [1], [1], [1]]  # every outcome
    assert stored[("2026-04", "ref_type", "rendez-vous", "honore")] == 1  # moved with its contact
    with db.transaction() as session:  # a rebuild counts the same summary again
        rebuild_merged_state(session)
    assert _stored(db) == stored


@pytest.fixture(scope="module")
def weeks(cvl_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two desks' bundles, each acknowledged before the next is made (each carries only its
    week's events): contacts recorded, then edited, moved to another month, deleted."""
    root = tmp_path_factory.mktemp("weeks")
    world = _coordination(root, cvl_db_file)
    a = Desk(world, "a", "CIO de Bourges", "18033")
    b = Desk(world, "b", "CIO de Tours", "37261")
    scratch = Database(root / "scratch.sqlite")
    for desk in (a, b):
        register_desk(scratch, desk.registration)

    def week(*desks: Desk) -> list[Path]:
        made = [desk.bundle() for desk in desks]
        import_bundles(scratch, world["coordinator_dir"], made)
        for ack in write_acknowledgements(scratch, world["coordinator_dir"], root / "acks"):
            for desk in desks:
                if ack.stem == desk.desk_id:
                    apply_acknowledgement(desk.db, ack)
        return made

    kept = a.record(_at(3, 2), sexe="femme", commune="18033")
    a.contacts.add_referral(kept, a.services[0], rdv_at=_at(3, 10))
    gone = a.record(_at(3, 3), canal="courriel")
    a.record(_at(3, 4), canal="visio", tranche_age="18-25")
    edited = b.record(_at(3, 5), canal="permanence", besoins=(NEED,))
    b.record(_at(3, 6), sexe="homme")
    first = week(a, b)
    moved = ContactInput(canal="telephone", statut="salarie", occurred_at=_at(4, 2))
    a.contacts.update(kept, moved)  # to April, with its referral
    a.contacts.delete(gone)
    a.record(_at(4, 3), commune="18033")
    b.contacts.update(edited, ContactInput(canal="courriel", statut="etudiant",
                                           occurred_at=_at(3, 5), besoins=(NEED,)))  # fmt: skip
    second = week(a, b)
    for desk in (a, b):
        desk.db.close()
    scratch.close()
    return world | {"registrations": [a.registration, b.registration],
                    "first": first, "second": second}  # fmt: skip


def test_a_batch_counts_each_contact_once_whichever_bundle_and_merge_it_comes_from(
    weeks: dict, coordinations: Coordinations, tmp_path: Path
) -> None:
    """Bundles imported and merged together count each contact as importing them one by one
    does: a contact edited, moved or deleted by a later bundle of the same merge, a bundle
    arriving after a newer one (its contacts lose to the merged state). (Each bundle's
    contacts are counted as it is opened: `merged_rows.bundle_counts`.)"""
    first, second = weeks["first"], weeks["second"]
    ways = {
        "one by one": [[bundle] for bundle in first + second],
        "together": [first + second],
        "the newer first": [second, first],
        "the newer first, together": [second + first],
    }
    stored = {}
    for number, (way, batches) in enumerate(ways.items()):
        db = coordinations.open(tmp_path / f"way-{number}.sqlite")
        for registration in weeks["registrations"]:
            register_desk(db, registration)
        for batch in batches:
            for _path, result in import_bundles(db, weeks["coordinator_dir"], batch):
                assert isinstance(result, ImportOutcome) and result.events_duplicate == 0
                assert result.events_merged == result.events_new > 0, way
        stored[way] = _stored(db)
        db.close()
    assert all(found == stored["one by one"] for found in stored.values())
    assert stored["one by one"][("2026-04", "day", "2026-04-02", "")] == 1  # moved in April
    assert ("2026-03", "day", "2026-03-02", "") not in stored["one by one"]


def test_a_period_of_part_of_a_month_reads_the_merged_tables() -> None:
    assert not summary.answers(Filters(Period(date(2026, 3, 2), date(2026, 3, 31))))
    assert not summary.answers(Filters(PERIODS[0], departement="18"))
    assert summary.answers(Filters(Period(date(2024, 2, 1), date(2024, 2, 29))))


def test_a_generated_region_counted_once_gives_the_figures_of_its_merged_tables(
    coordinations: Coordinations, tmp_path: Path
) -> None:
    """A synthetic region written straight into the tables: the summary is not ready (the
    figures read the tables) until `refresh_summary` counts it, then both agree."""
    source = Database(tmp_path / "generated.sqlite")
    connection = sqlite3.connect(source.path)
    dataset = generate(connection, desks=8, contacts=3_000, referrals=900, seed=11)
    connection.close()
    db = coordinations.open(tmp_path / "coordination.sqlite")
    copy_reported_tables(source, db)
    with db.engine.connect() as reading:
        assert not is_ready(reading)
    with db.transaction() as session:
        refresh_summary(session.connection())
    options = Options(as_of=dataset.as_of)
    year = dataset.period
    quarter = Period(date(year.start.year, 10, 1), date(year.start.year, 12, 31))
    for period in (year, quarter):
        source_db = CoordinatorSource(db)
        read = compute_indicators(source_db, Filters(period), options)
        grouped = compute_indicators(source_db, Filters(period), options, summarised=False)
        assert _values(read) == _values(grouped)
        assert read.figures["contacts"].value > 0
    issues = read.tables["orientations.issue"].cells
    assert all(cell[0] > 0 for cell in issues)  # the cutoff splits the open ones both ways
    source.close()


def _one_by_one(rows: list[tuple]) -> Counter:
    """The ten counts of each contact row (`contact_row`'s order), key by key: the reference."""
    counts: Counter = Counter()
    for row in rows:
        m, day, canal, statut, age, sexe, handicap = row[6], row[4], *row[7:12]
        for key in (
            (m, "day", day, ""), (m, "canal", canal, ""), (m, "statut", statut, ""),
            (m, "tranche_age", age, ""), (m, "sexe", sexe, ""), (m, "handicap", handicap, ""),
            (m, "sexe_age", sexe, age), (m, "commune", row[12] or "", ""),
            (m, "desk_canal", row[1], canal), (m, "codes", row[14], row[15]),
        ):  # fmt: skip
            counts[key] += 1
    return counts


def test_a_merge_counts_its_contacts_as_one_by_one_and_takes_them_away_again(
    tmp_path: Path,
) -> None:
    """The merge counts its contacts grouped (indicator_summary.add_contacts): the same
    counts as each contact's keys one by one, a commune left empty (None) counted with ""
    in its month, and taking the same rows away from the database gives nothing back."""
    profiles = [("accueil", "etudiant", "16-18", "femme", "non"),
                ("telephone", "salarie", "26-44", "homme", "oui")]  # fmt: skip
    rows = []
    for n in range(60):
        month = f"2026-0{1 + n % 3}"
        commune = (None, "", "18033", "36044")[n % 4]
        rows.append((
            f"c{n:03d}", f"desk-{n % 2}", n + 1, f"{month}-0{1 + n % 5}T09:00:00",
            f"{month}-0{1 + n % 5}", "2026-W01", month, *profiles[n % 2 if n % 7 else 0],
            commune, None, json.dumps([NEED] if n % 3 else []), "[]", "", f"e{n}",
        ))  # fmt: skip
    added: Counter = Counter()
    add_contacts(rows, added)
    assert added == _one_by_one(rows)
    assert added[("2026-01", "commune", "", "")] == 10  # None and "" of January together
    db = Database(tmp_path / "coordination.sqlite")
    with db.engine.begin() as connection:
        insert_rows(connection, "merged_contact", CONTACT_COLUMNS, rows)
        take_away_contacts(connection, [row[0] for row in rows], added)
    assert +added == Counter() and -added == Counter()
    db.close()
