"""Every indicator on a generated region whose true values are known in advance."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from coordination_db import Coordinations, copy_reported_tables
from spro_desk.geo.cog import geography
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.publish import build_bilan
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk_dev.synthetic import Dataset, generate, national_departements

COUNTED = (
    "contacts.mois", "contacts.semaine", "contacts.canal", "contacts.statut",
    "contacts.tranche_age", "contacts.sexe", "contacts.handicap", "contacts.commune",
    "besoins.thematique", "besoins.categorie", "reponses", "orientations.type",
    "orientations.issue", "orientations.reseau", "orientations.structure",
)  # fmt: skip
REGION_24 = ("18", "28", "36", "37", "41", "45")  # Centre-Val de Loire
CROSSED = ("contacts.sexe_age", "sites.contacts", "orientations.type_issue")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, Dataset]:
    """The region generated once, in a SQLite coordination."""
    db = Database(tmp_path_factory.mktemp("region") / "coordinator.sqlite")
    connection = sqlite3.connect(db.path)
    dataset = generate(connection, desks=12, contacts=3_000, referrals=900, seed=11)
    connection.close()
    return db, dataset


@pytest.fixture(scope="module")
def region(
    generated: tuple[Database, Dataset],
    module_coordinations: Coordinations,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Database, Dataset]:
    """The region on each database: the generated file itself, or its rows on the server."""
    db, dataset = generated
    if module_coordinations.backend == "sqlite":
        return db, dataset
    server = module_coordinations.open(tmp_path_factory.mktemp("server") / "unused.sqlite")
    copy_reported_tables(db, server)
    return server, dataset


def _nonzero(counts: dict) -> dict:
    return {key: n for key, n in counts.items() if n}


def check_against_truths(indicators: Indicators, truths: dict) -> int:
    """Assert every indicator equals its truth; returns how many values were compared."""
    compared = 0
    figures = indicators.figures
    for key in ("contacts", "orientations", "contacts_orientes"):
        assert figures[key].value == truths[key], key
    contacts = truths["contacts"]
    assert figures["taux_orientation"].value == (
        round(truths["orientations"] / contacts, 3) if contacts else None
    )
    assert figures["part_niveau2"].value == (
        round(100 * truths["contacts_niveau2"] / contacts, 1) if contacts else None
    )
    assert figures["part_niveau2_honore"].value == (
        round(100 * truths["contacts_niveau2_honore"] / contacts, 1) if contacts else None
    )
    for key in COUNTED:
        assert _nonzero(indicators.tables[key].as_counts()) == dict(truths[key]), key
        compared += len(truths[key])
    for key in CROSSED:
        table = indicators.tables[key]
        cells = {
            (r, c): table.cells[i][j]
            for i, (r, _) in enumerate(table.rows)
            for j, (c, _) in enumerate(table.columns)
        }
        assert _nonzero(cells) == dict(truths[key]), key
        compared += len(truths[key])
    delays = truths["delays"]
    assert indicators.delay.count == len(delays)
    if delays:  # nearest rank: the ceil(q·n)-th smallest
        for q, value in ((0.25, indicators.delay.q1), (0.5, indicators.delay.median),
                         (0.75, indicators.delay.q3)):  # fmt: skip
            assert value == delays[max(1, -(-int(q * 4 * len(delays)) // 4)) - 1]
    territory = _territory(indicators.filters)
    reached = truths["communes_reached"]
    cover = indicators.coverage
    assert cover.communes == len(territory)
    assert cover.communes_reached == len(reached & territory)
    assert {code for code, _ in cover.white_communes} == territory - reached
    communes = truths["contacts.commune"]
    assert cover.contacts_outside == sum(
        n for code, n in communes.items() if code and code not in territory
    )
    previous = {key: last for key, _label, _now, last in indicators.comparison.figures}
    assert previous == truths["previous"]
    late = sorted(d.site.desk_id for d in indicators.desks if d.late)
    assert late == truths["late_desks"]
    return compared + 12


def _territory(filters: Filters) -> set[str]:
    geo = geography()
    departements = [filters.departement] if filters.departement else REGION_24
    if filters.region:
        departements = [
            code
            for code in geo.departement_codes()
            if geo.departement(code).region == filters.region  # type: ignore[union-attr]
        ]
    return {code for d in departements for code in geo.communes_in_zone(d)}


FILTERS = {
    "year": {},
    "site": {"site": "desk-0003"},
    "reseau": {"reseau": "mission-locale"},
    "departement": {"departement": "45"},
    "one month": {"period": Period(date(2026, 3, 1), date(2026, 3, 31))},
    "previous year": {"period": Period(date(2025, 1, 1), date(2025, 12, 31))},
}


@pytest.mark.parametrize("name", FILTERS)
def test_indicators_equal_the_generated_truths(region: tuple, name: str) -> None:
    db, dataset = region
    arguments = {"period": dataset.period, **FILTERS[name]}
    filters = Filters(**arguments)
    options = Options(as_of=dataset.as_of)
    indicators = compute_indicators(CoordinatorSource(db), filters, options)
    compared = check_against_truths(indicators, dataset.truths(filters, options))
    assert indicators.figures["contacts"].value > 0
    print(f"\n{name}: {compared} indicator values equal to their truth")


def test_white_zones_and_contacts_from_outside(region: tuple) -> None:
    db, dataset = region
    indicators = compute_indicators(
        CoordinatorSource(db), Filters(dataset.period), Options(as_of=dataset.as_of)
    )
    truths = dataset.truths(Filters(dataset.period))
    cover = indicators.coverage
    assert cover.territory == "Centre-Val de Loire"
    # Residents come from two thirds of the region's communes: a third at least is white.
    assert cover.communes > 1700 and len(cover.white_communes) >= cover.communes // 3
    outside = sum(n for code, n in truths["contacts.commune"].items() if code.startswith("75"))
    assert cover.contacts_outside == outside > 0
    assert cover.contacts_unknown == truths["contacts.commune"][""]
    assert 0 < len(cover.white_epcis) < cover.epcis


def test_drill_down_from_a_month_and_a_site(region: tuple) -> None:
    db, dataset = region
    source, options = CoordinatorSource(db), Options(as_of=dataset.as_of)
    year = compute_indicators(source, Filters(dataset.period), options)
    march = year.drill_down("contacts.mois", "2026-03")
    assert march == Filters(Period(date(2026, 3, 1), date(2026, 3, 31)))
    detail = compute_indicators(source, march, options)
    assert detail.figures["contacts"].value == year.tables["contacts.mois"].value("2026-03")
    site = year.drill_down("sites.contacts", "desk-0002")
    assert site is not None and site.site == "desk-0002"
    by_site = compute_indicators(source, site, options)
    assert by_site.figures["contacts"].value == year.tables["sites.contacts"].row_total(2)


def test_an_empty_selection_gives_zeros_not_errors(tmp_path: Path) -> None:
    db = Database(tmp_path / "empty.sqlite")
    indicators = compute_indicators(
        CoordinatorSource(db), Filters(Period(date(2026, 1, 1), date(2026, 12, 31)))
    )
    assert indicators.figures["contacts"].value == 0
    assert indicators.figures["taux_orientation"].value is None
    assert indicators.delay.median is None and indicators.desks == []


def _everything(indicators: Indicators) -> dict:
    """Every value the bilan shows, comparable across databases."""
    return {
        # with their types: a count the server summed as numeric must still come out an int
        "figures": {k: (type(f.value), f.value) for k, f in indicators.figures.items()},
        "cell_types": {type(c) for t in indicators.tables.values() for r in t.cells for c in r},
        "tables": {
            key: (table.rows, table.columns, table.cells)
            for key, table in indicators.tables.items()
        },
        "delay": indicators.delay,
        "coverage": indicators.coverage,
        "desks": indicators.desks,
        "comparison": indicators.comparison,
        "freshness": indicators.freshness,
        "bilan": build_bilan(indicators).themes,
    }


@pytest.mark.parametrize("name", FILTERS)
def test_every_figure_is_the_same_on_both_databases(
    region: tuple, generated: tuple, name: str
) -> None:
    """The server's figures are the SQLite file's, value for value, bilan included."""
    db, dataset = region
    if db.is_sqlite:
        pytest.skip("la référence : la variante PostgreSQL se compare à elle")
    reference, _dataset = generated
    filters = Filters(**{"period": dataset.period, **FILTERS[name]})
    options = Options(as_of=dataset.as_of)
    on_server = compute_indicators(CoordinatorSource(db), filters, options)
    on_file = compute_indicators(CoordinatorSource(reference), filters, options)
    assert _everything(on_server) == _everything(on_file)
    assert on_server.figures["contacts"].value == on_file.figures["contacts"].value > 0


def test_a_national_year_by_region(tmp_path: Path) -> None:
    """Sites in every region (bench/bench_national.py's year, tiny), loaded with the indexes
    built after the rows: one region's indicators equal their truths."""
    db = Database(tmp_path / "nation.sqlite")
    with db.engine.connect() as connection:
        indexes = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).all()
    connection = sqlite3.connect(db.path)
    dataset = generate(
        connection, desks=60, contacts=4_000, referrals=1_000, seed=3,
        departements=national_departements(geography()), defer_indexes=True,
    )  # fmt: skip
    assert connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall() == [tuple(row) for row in indexes]
    connection.close()
    regions = Counter(site.region for site in dataset.sites)
    assert len(regions) >= 8
    region = regions.most_common(1)[0][0]
    filters, options = Filters(dataset.period, region=region), Options(as_of=dataset.as_of)
    indicators = compute_indicators(CoordinatorSource(db), filters, options)
    check_against_truths(indicators, dataset.truths(filters, options))
    assert 0 < indicators.figures["contacts"].value < dataset.contact_count
    db.close()
