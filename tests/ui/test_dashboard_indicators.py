"""The coordination's dashboard over a generated region whose true values are known in advance
(spro_desk_dev/synthetic.py): what the tables show, what the filters change, drill-down that adds
up, the export's figures, cancelling, the keyboard — on the real window and its real runner."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from coordination_db import Coordinations
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.storage.engine import Database
from spro_desk.ui.app.focus_style import install_focus_style
from spro_desk.ui.common.background import TaskContext
from spro_desk.ui.common.dashboard.loader import Cancelled, InterruptibleSource
from spro_desk.ui.common.dashboard.models import RAW_ROLE
from spro_desk.ui.common.dashboard.periods import LAST_YEAR
from spro_desk.ui.common.dashboard.view import DashboardView
from spro_desk.ui.coordination import TABLEAU
from spro_desk.ui.coordination.dashboard_screen import PRESET_KEY, CoordinatorDashboardScreen
from spro_desk.ui.coordination.window import CoordinatorWindow
from spro_desk_dev.synthetic import Dataset, generate

from .conftest import assert_nothing_running
from .test_accessibility import _audit

LOAD_MS = 30_000
ONE_WAY = (
    "contacts.mois", "contacts.canal", "contacts.statut", "contacts.tranche_age",
    "contacts.sexe", "contacts.handicap", "besoins.categorie", "besoins.thematique", "reponses",
    "orientations.type", "orientations.issue", "orientations.reseau", "orientations.structure",
)  # fmt: skip


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Dataset]]:
    db = Database(tmp_path_factory.mktemp("dashboard") / "coordinator.sqlite")
    connection = sqlite3.connect(db.path)
    dataset = generate(connection, desks=12, contacts=3_000, referrals=900, seed=11)
    connection.close()
    yield db, dataset
    db.close()


@pytest.fixture
def window(
    qtbot: QtBot, region: tuple[Database, Dataset], settings: QSettings, tmp_path: Path
) -> Iterator[CoordinatorWindow]:
    db, dataset = region
    settings.setValue(PRESET_KEY, LAST_YEAR)  # the generated year, seen in January after it
    coordinator = CoordinatorWindow(db, tmp_path, settings=settings, clock=lambda: dataset.as_of)
    qtbot.addWidget(coordinator)
    coordinator.show()
    coordinator.activateWindow()
    qtbot.waitUntil(coordinator.isActiveWindow)
    yield coordinator
    coordinator.close()
    assert_nothing_running(coordinator)  # type: ignore[arg-type]


def _view(qtbot: QtBot, window: CoordinatorWindow) -> DashboardView:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    screen = window.screens[TABLEAU]
    assert isinstance(screen, CoordinatorDashboardScreen)
    _settle(qtbot, screen.view)
    return screen.view


def _settle(qtbot: QtBot, view: DashboardView) -> None:
    qtbot.waitUntil(lambda: view.settled, timeout=LOAD_MS)


def _truths(dataset: Dataset, **filters: Any) -> dict[str, Any]:
    return dataset.truths(Filters(dataset.period, **filters), Options(as_of=dataset.as_of))


def _tree_rows(view: DashboardView, key: str, role: int = RAW_ROLE) -> dict[str, Any]:
    """{row label: count} of one table, as the « Tous les tableaux » tree holds it."""
    assert view.overview is not None
    model = view.overview.tree_model
    parent = model.top_index(key)
    rows = {}
    for row in range(model.rowCount(parent)):
        code = model.row_at(model.index(row, 0, parent)).code  # type: ignore[union-attr]
        rows[code] = model.data(model.index(row, 1, parent), role)
    return rows


def _nonzero(counts: dict[str, Any]) -> dict[str, Any]:
    return {key: n for key, n in counts.items() if n}


def _compare(view: DashboardView, truths: dict[str, Any]) -> int:
    """Assert the tiles and every one-way table equal the truths; how many values compared."""
    tiles = {tile.key: tile.value for tile in view.data().tiles}  # type: ignore[union-attr]
    assert tiles["contacts"] == truths["contacts"]
    assert tiles["orientations"] == truths["orientations"]
    contacts = truths["contacts"]
    assert tiles["taux_orientation"] == (
        round(truths["orientations"] / contacts, 3) if contacts else None)  # fmt: skip
    assert tiles["postes_retard"] == len(truths["late_desks"])
    compared = 4
    for key in ONE_WAY:
        assert _nonzero(_tree_rows(view, key)) == dict(truths[key]), key
        compared += len(truths[key])
    return compared


def _open_table(qtbot: QtBot, view: DashboardView, key: str) -> None:
    """Enter on a table's line of the tree: its own page."""
    assert view.overview is not None
    tree = view.overview.tree
    tree.setFocus()
    tree.setCurrentIndex(view.overview.tree_model.top_index(key))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    _settle(qtbot, view)


def _table_cells(view: DashboardView) -> dict[tuple[str, str], int]:
    """Non-zero cells of the breakdown page's table, by (row code, column code)."""
    assert view.detail is not None
    model, breakdown = view.detail.model, view.current_breakdown()
    assert breakdown is not None
    cells = {}
    for row, line in enumerate(breakdown.rows):
        for column, (code, _label) in enumerate(breakdown.columns, start=1):
            value = model.data(model.index(row, column), RAW_ROLE)
            if value:
                cells[(line.code, code)] = value
    return cells


# --- figures ---------------------------------------------------------------------------------


def test_the_tables_show_the_true_values(
    qtbot: QtBot, window: CoordinatorWindow, region: tuple[Database, Dataset]
) -> None:
    view = _view(qtbot, window)
    truths = _truths(region[1])
    compared = _compare(view, truths)
    contacts = view.summary.buttons["contacts"]
    assert contacts.figure.text() == f"{truths['contacts']:,}".replace(",", "\u00a0")
    _open_table(qtbot, view, "sites.contacts")  # a cross table: site × canal
    assert _table_cells(view) == dict(truths["sites.contacts"])
    compared += len(truths["sites.contacts"])
    print(f"\n{compared} figures of the dashboard equal the generator's truths")


def test_the_filters_change_the_figures(
    qtbot: QtBot, window: CoordinatorWindow, region: tuple[Database, Dataset]
) -> None:
    dataset = region[1]
    view = _view(qtbot, window)
    network = view.filter_bar.site_combos["reseau"]
    network.setFocus()
    qtbot.keyClicks(network, "CIO")  # typing picks the choice, as in any list
    assert network.currentData() == "cio"
    _settle(qtbot, view)
    _compare(view, _truths(dataset, reseau="cio"))
    code = next(site.departement for site in dataset.sites if site.reseau == "cio")
    departement = view.filter_bar.site_combos["departement"]
    departement.setFocus()
    while departement.currentData() != code:  # down the list, as a user would
        qtbot.keyClick(departement, Qt.Key.Key_Down)
    _settle(qtbot, view)
    assert view.data().indicators.filters.departement == code  # type: ignore[union-attr]
    _compare(view, _truths(dataset, reseau="cio", departement=code))
    bar = view.filter_bar
    bar.start.setDate(QDate(2026, 3, 1))
    bar.end.setDate(QDate(2026, 4, 30))
    assert bar.preset.currentText() == "Période choisie"
    _settle(qtbot, view)
    spring = Filters(Period(date(2026, 3, 1), date(2026, 4, 30)), reseau="cio",
                     departement=code)  # fmt: skip
    truths = dataset.truths(spring, Options(as_of=dataset.as_of))
    assert view.data().tiles[0].value == truths["contacts"]  # type: ignore[union-attr]
    assert _nonzero(_tree_rows(view, "contacts.canal")) == dict(truths["contacts.canal"])


def test_drill_down_from_a_total_adds_up(
    qtbot: QtBot, window: CoordinatorWindow, region: tuple[Database, Dataset]
) -> None:
    view = _view(qtbot, window)
    total = view.data().tiles[0].value  # type: ignore[union-attr]
    view.summary.buttons["contacts"].setFocus()
    qtbot.keyClick(view.summary.buttons["contacts"], Qt.Key.Key_Space)
    _settle(qtbot, view)
    networks = view.current_breakdown()
    assert networks is not None and networks.key == "contacts.reseau"
    assert networks.total == total  # contacts → by the sites' network
    assert view.detail is not None and view.detail.table.hasFocus()
    first = networks.rows[0]
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Return)  # the largest network → its sites
    sites = view.current_breakdown()
    assert sites is not None and sites.key == "contacts.site"
    assert sites.total == first.total and len(view.path) == 3  # the same figures: instant
    site = sites.rows[0]
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Return)  # a site → its months, computed
    _settle(qtbot, view)
    months = view.current_breakdown()
    assert months is not None and months.key == "contacts.mois"
    assert months.total == site.total
    assert view.data().indicators.filters.site == site.code  # type: ignore[union-attr]
    titles = [step.title for step in view.path]
    assert titles[0] == "Vue d'ensemble" and titles[-1] == f"Contacts par mois — {site.label}"
    assert view.breadcrumb.steps() == 4
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_breakdown().key == "contacts.site"  # type: ignore[union-attr]
    view.breadcrumb.step_requested.emit(0)  # « Vue d'ensemble » in the breadcrumb
    assert view.stack.currentWidget() is view.overview

    truths = _truths(region[1])
    qtbot.mouseClick(view.summary.buttons["orientations"], Qt.MouseButton.LeftButton)
    outcomes = view.current_breakdown()
    assert outcomes is not None and outcomes.key == "orientations.issue"
    assert _nonzero(outcomes.as_counts()) == dict(truths["orientations.issue"])
    view.detail.select("sans-suite")
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Return)  # « Sans suite » → by network
    by_network = view.current_breakdown()
    assert by_network is not None and by_network.total == truths["orientations.issue"]["sans-suite"]
    network = by_network.rows[0]
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Return)  # that network → all its outcomes
    of_network = view.current_breakdown()
    assert of_network is not None
    assert of_network.total == truths["orientations.reseau"][network.code]
    assert of_network.value("sans-suite") == network.total


def test_a_bar_drills_from_the_keyboard(
    qtbot: QtBot, window: CoordinatorWindow, region: tuple[Database, Dataset]
) -> None:
    view = _view(qtbot, window)
    truths = _truths(region[1])
    assert view.overview is not None
    months = view.overview.charts["comparaison.mois"]
    months.setFocus()
    qtbot.keyClick(months, Qt.Key.Key_Right)
    qtbot.keyClick(months, Qt.Key.Key_Right)  # January, February, March
    assert months.current_row().code == "2026-03"  # type: ignore[union-attr]
    qtbot.keyClick(months, Qt.Key.Key_Return)
    _settle(qtbot, view)
    weeks = view.current_breakdown()
    assert weeks is not None and weeks.key == "contacts.semaine"
    assert weeks.total == truths["contacts.mois"]["2026-03"]
    assert view.path[-1].title == "Contacts par semaine — mars 2026"
    view.breadcrumb.back_action.trigger()
    needs = view.overview.charts["besoins.categorie"]
    needs.setFocus()
    category = needs.current_row()
    assert category is not None
    qtbot.keyClick(needs, Qt.Key.Key_Space)  # the largest category → its sub-thématiques
    sub = view.current_breakdown()
    assert sub is not None and sub.key == "besoins.thematique"
    expected = {code: n for code, n in truths["besoins.thematique"].items()
                if code.startswith(f"{category.code}--")}  # fmt: skip
    assert _nonzero(sub.as_counts()) == expected


# --- export, secrecy, cancel -------------------------------------------------------------------


def test_the_export_writes_the_published_figures(
    qtbot: QtBot,
    window: CoordinatorWindow,
    region: tuple[Database, Dataset],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = _view(qtbot, window)
    truths = _truths(region[1])
    view.export_to(tmp_path / "bilan.json", "json")
    qtbot.waitUntil(lambda: not view.busy, timeout=LOAD_MS)
    document = json.loads((tmp_path / "bilan.json").read_text("utf-8"))
    tables = {s["key"]: s for theme in document["themes"] for s in theme["sections"]
              if s["kind"] == "table"}  # fmt: skip
    small = 0
    for key in ("contacts.statut", "orientations.structure", "besoins.thematique"):
        section, shown = tables[key], _tree_rows(view, key)
        for row, cells in zip(section["rows"], section["cells"], strict=True):
            true = truths[key].get(row["code"], 0)
            assert shown[row["code"]] == true  # on screen: exact, however small
            assert cells[0] in (true, None)  # exported: the same figure, or masked
            if 0 < true < 5:
                assert cells[0] is None  # never a count below the threshold
                small += 1
    assert small, "the generated region has small cells to mask"
    # what leaves the coordination is a publication: checked with the period's other bilans,
    # recorded, the period closed — as `spro-desk coordinator report` does
    assert view.message.text().startswith("Bilan publié dans")
    assert "vérifié avec les bilans déjà publiés" in view.message.text()
    from spro_desk.reports.periods import list_periods

    [period] = list_periods(region[0])
    assert period.closed_at is not None and period.bilans == ["Région (tous les sites)"]
    assert document["secrecy_threshold"] == 5
    chosen = (str(tmp_path / "bilan"), "Classeur XLSX (*.xlsx)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: chosen)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=LOAD_MS)
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(tmp_path / "bilan.xlsx", read_only=True)
    values = {row[0]: row[1] for row in book["Synthèse"].iter_rows(values_only=True) if row[0]}
    assert values["Contacts"] == truths["contacts"]
    print(f"\n{small} small cells exact on screen and masked in the export")


def test_cancelling_keeps_the_figures_on_screen(
    qtbot: QtBot, window: CoordinatorWindow, region: tuple[Database, Dataset]
) -> None:
    view = _view(qtbot, window)
    before = view.data()
    release = threading.Event()
    window.context.runner.submit(lambda _task: release.wait(10))  # the one worker is busy
    view.filter_bar.set_preset("ce-mois")
    view.filter_bar.changed.emit()
    qtbot.waitUntil(view.progress.isVisible, timeout=LOAD_MS)  # shown after half a second
    qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not view.busy, timeout=LOAD_MS)
    assert view.data() is before and view.summary.buttons["contacts"].figure.text() != "0"
    assert view.message.text().startswith("Calcul annulé : les chiffres affichés restent")


def test_cancelling_interrupts_sqlite_inside_a_query(region: tuple[Database, Dataset]) -> None:
    from spro_desk.reports.source import CoordinatorSource

    task = TaskContext()
    source = InterruptibleSource(CoordinatorSource(region[0]), task, lambda _n: None)
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n"
    cancelled_at: list[float] = []

    def cancel() -> None:
        cancelled_at.append(time.perf_counter())
        task.cancel()

    threading.Timer(0.2, cancel).start()
    with pytest.raises(OperationalError, match="interrupted"), source.connect() as db:
        db.exec_driver_sql(endless).fetchone()
    latency = time.perf_counter() - cancelled_at[0]
    print(f"\nan endless query stopped {latency * 1000:.0f} ms after the cancel")
    assert latency < 1
    # The pooled connection went back without the cancelled task's handler: it still reads.
    with CoordinatorSource(region[0]).connect() as again:
        assert again.exec_driver_sql("SELECT COUNT(*) FROM merged_contact").scalar_one() > 0


def test_a_cancelled_computation_stops_at_its_next_statement_on_both_databases(
    coordinations: Coordinations, tmp_path: Path
) -> None:
    """On PostgreSQL (no progress handler) as on SQLite: once cancelled, no further statement
    runs, and the pooled connections still read afterwards."""
    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.source import CoordinatorSource

    db = coordinations.open(tmp_path / "coordination.sqlite")
    task, seen = TaskContext(), []

    def progress(statements: int) -> None:
        seen.append(statements)
        if statements == 3:
            task.cancel()

    source = InterruptibleSource(CoordinatorSource(db), task, progress)
    with pytest.raises(Cancelled):
        compute_indicators(source, Filters(Period(date(2026, 1, 1), date(2026, 12, 31))))
    assert 3 <= len(seen) <= 5  # at most one statement under way on each other connection
    done = compute_indicators(
        CoordinatorSource(db), Filters(Period(date(2026, 1, 1), date(2026, 12, 31)))
    )
    assert done.figures["contacts"].value == 0


# --- keyboard, names, start-up --------------------------------------------------------------


@pytest.fixture
def focus_style(qapp: QApplication) -> Iterator[None]:
    previous = install_focus_style(qapp)
    yield
    qapp.setStyle(previous)


@pytest.mark.usefixtures("focus_style")
def test_every_control_is_named_and_reachable(qtbot: QtBot, window: CoordinatorWindow) -> None:
    view = _view(qtbot, window)
    screen = window.screens[TABLEAU]
    problems = {"overview": _audit(qtbot, window, screen)}
    view.summary.buttons["contacts"].click()  # a breakdown page, breadcrumb and back
    _settle(qtbot, view)
    problems["breakdown"] = _audit(qtbot, window, screen)
    assert problems == {"overview": {}, "breakdown": {}}


FIRST_PAINT = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from spro_desk.ui.app.main_window import MainWindow
app = QApplication([])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
window = MainWindow(None, settings=settings, has_directory=True)
window.show()
app.processEvents()
seen = ["PySide6.QtCharts" in sys.modules]
from spro_desk.storage.engine import Database
from spro_desk.ui.coordination import TABLEAU
from spro_desk.ui.coordination.window import CoordinatorWindow
folder = Path(tempfile.mkdtemp())
db = Database(folder / "c.sqlite")
coordinator = CoordinatorWindow(db, folder, settings=settings)
coordinator.show()
app.processEvents()
seen.append("PySide6.QtCharts" in sys.modules)
coordinator.show_screen(TABLEAU)
seen.append("PySide6.QtCharts" in sys.modules)
print(seen)
coordinator.close()
window.close()
db.close()
"""


def test_qt_charts_loads_only_when_a_dashboard_shows(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(tmp_path / "s.ini")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    # desk's first paint, coordinator window opened on « Postes », then its dashboard shown
    assert done.stdout.strip().splitlines()[-1] == "[False, False, True]"
