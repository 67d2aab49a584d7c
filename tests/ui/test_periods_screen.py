"""Issue 19: « Périodes publiées » in the coordination window — revisions of a closed period
shown, a new edition published only on the coordinator's decision."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from spro_desk.cli.main import main
from spro_desk.paths import database_path
from spro_desk.storage.engine import Database
from spro_desk.ui.coordination import PERIODES
from spro_desk.ui.coordination.periods_screen import PeriodsScreen
from spro_desk.ui.coordination.window import CoordinatorWindow
from spro_desk_dev.synthetic import generate

YEAR = ["--from", "2026-01-01", "--to", "2026-12-31"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "coordination"
    db = Database(database_path(folder))
    with sqlite3.connect(db.path) as connection:
        generate(connection, desks=6, contacts=800, referrals=200, seed=5)
        connection.execute("UPDATE received_bundle SET received_at = '2026-01-15 10:00:00.000000'")
    db.close()
    code = main(["--data-dir", str(folder), "coordinator", "report", *YEAR, "--format", "json",
                 "--out", str(tmp_path / "region.json"), "--au", "2027-01-10T12:00:00+00:00",
                 "--publier"])  # fmt: skip
    assert code == 0
    return folder


@pytest.fixture
def screen(
    qtbot: QtBot, data_dir: Path, settings: QSettings
) -> Iterator[tuple[PeriodsScreen, Database]]:
    db = Database(database_path(data_dir))
    window = CoordinatorWindow(db, data_dir, settings=settings)
    qtbot.addWidget(window)
    window.show()
    periods = window.screens[PERIODES]
    assert isinstance(periods, PeriodsScreen)
    window.tabs.setCurrentWidget(periods)
    yield periods, db
    window.close()
    db.close()


def _click_and_wait(qtbot: QtBot, periods: PeriodsScreen, button: QPushButton) -> None:
    """The revisions and the new edition are computed off the UI thread, the table greyed."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not periods.table.isEnabled()  # the click returned before the work was done
    qtbot.waitUntil(periods.table.isEnabled, timeout=60_000)


def _late_contact(db: Database) -> None:
    with sqlite3.connect(db.path) as connection:
        row = list(connection.execute(
            "SELECT * FROM merged_contact WHERE day LIKE '2026-%' LIMIT 1"
        ).fetchone())  # fmt: skip
        row[0] = "late-contact"
        connection.execute(f"INSERT INTO merged_contact VALUES ({','.join('?' * len(row))})", row)
        connection.execute(
            "INSERT INTO received_bundle (sha256, desk_id, bundle_seq, received_at, events) "
            "VALUES (?, ?, 42, '2999-01-01 00:00:00.000000', 1)",
            ("e" * 64, row[1]),
        )


def test_the_published_period_is_listed_closed(screen: tuple[PeriodsScreen, Database]) -> None:
    periods, _db = screen
    assert periods.table.rowCount() == 1
    item = periods.table.item
    assert item(0, 0).text() == "du 01/01/2026 au 31/12/2026" and item(0, 1).text() == "1"
    assert " par " in item(0, 2).text() and item(0, 3).text() == "Région (tous les sites)"
    assert periods.revisions_button.isEnabled() and periods.edition_button.isEnabled()


def test_revisions_then_a_new_edition_on_decision(
    qtbot: QtBot, screen: tuple[PeriodsScreen, Database], tmp_path: Path
) -> None:
    periods, db = screen
    _click_and_wait(qtbot, periods, periods.revisions_button)
    assert "Aucun chiffre publié ne change." in periods.details.toPlainText()

    _late_contact(db)
    _click_and_wait(qtbot, periods, periods.revisions_button)
    text = periods.details.toPlainText()
    assert "1 envoi(s) reçu(s) depuis la clôture" in text and "n° 42" in text
    assert "Contacts par canal, Total / Contacts" in text and "(+1)" in text

    # declined: nothing published
    periods.confirm_new_edition = lambda _period: False  # type: ignore[method-assign]
    qtbot.mouseClick(periods.edition_button, Qt.MouseButton.LeftButton)
    assert periods.table.item(0, 1).text() == "1"

    folder = tmp_path / "edition"
    folder.mkdir()
    periods.confirm_new_edition = lambda _period: True  # type: ignore[method-assign]
    periods.choose_folder = lambda: folder  # type: ignore[method-assign]
    periods.format.setCurrentText("json")
    messages: list[str] = []
    periods.context.navigator.message.connect(messages.append)
    _click_and_wait(qtbot, periods, periods.edition_button)
    assert periods.table.item(0, 1).text() == "2"
    assert [p.name for p in folder.iterdir()] == ["bilan-2026-01-01-2026-12-31-region-ed2.json"]
    assert messages and messages[-1].startswith("Édition 2 publiée : 1 bilan(s)")
    _click_and_wait(qtbot, periods, periods.revisions_button)
    assert "Aucun chiffre publié ne change." in periods.details.toPlainText()


def test_a_read_only_account_cannot_publish_a_new_edition(
    screen: tuple[PeriodsScreen, Database],
) -> None:
    from spro_desk.agents.coordination_accounts import create_coordinator, sign_in
    from spro_desk.security import crypto

    periods, db = screen
    fast = crypto.KdfCost(time_cost=1, memory_kib=8 * 1024)
    create_coordinator(db, "Alice", "alice-mot-de-passe", "coordinateur", cost=fast)
    sign_in(db, "Alice", "alice-mot-de-passe")
    create_coordinator(db, "Chloé", "chloe-lit-tout", "lecture", cost=fast)
    sign_in(db, "Chloé", "chloe-lit-tout")
    periods.refresh()
    assert periods.revisions_button.isEnabled() and not periods.edition_button.isEnabled()
    assert "Coordinateur·rice" in periods.edition_button.toolTip()
