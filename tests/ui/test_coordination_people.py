"""The coordination's window with several people: signing in, refusals naming the role, the
audit trail's tab, and the switch of the automatic collection — real widgets (pytest-qt,
offscreen) over a real region of desks on SQLite files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from spro_desk.agents.coordination_accounts import create_coordinator, sign_in, sign_out
from spro_desk.paths import database_path
from spro_desk.security import crypto
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import SyncAlert
from spro_desk.sync.coordinator import revoke_desk
from spro_desk.sync.watch import WatchSettings, save_settings
from spro_desk.ui.coordination import ALERTES, JOURNAL, POSTES
from spro_desk.ui.coordination.alerts_screen import AlertsScreen
from spro_desk.ui.coordination.audit_screen import AuditColumn, AuditScreen
from spro_desk.ui.coordination.sign_in import SignInDialog
from spro_desk.ui.coordination.window import CoordinatorWindow, signed_in
from sync_world import World

from .conftest import IMPORT_TIMEOUT_MS, assert_nothing_running

FAST = crypto.KdfCost(time_cost=1, memory_kib=8 * 1024)
TEAM = {
    "Alice": ("coordinateur", "alice-mot-de-passe"),
    "Bruno": ("charge-etudes", "bruno-mot-de-passe"),
    "Chloé": ("lecture", "chloe-lit-tout"),
}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region")
    region.coordinator.close()
    shutil.move(region.root / "coordinator.sqlite", database_path(region.coordinator_dir))
    region.coordinator = db = Database(database_path(region.coordinator_dir))
    for name, (role, password) in TEAM.items():
        create_coordinator(db, name, password, role, cost=FAST)
        if name == "Alice":
            sign_in(db, name, password)
    sign_out(db)
    yield region
    region.close()


def _window(qtbot: QtBot, world: World, settings: QSettings) -> CoordinatorWindow:
    window = CoordinatorWindow(world.coordinator, world.coordinator_dir, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_dialog_says_a_wrong_password_and_opens_on_the_right_one(
    qtbot: QtBot, world: World
) -> None:
    dialog = SignInDialog(world.coordinator)
    qtbot.addWidget(dialog)
    assert [dialog.name.itemText(n) for n in range(dialog.name.count())] == list(TEAM)
    dialog.name.setCurrentText("Bruno")
    dialog.password.setText("pas-le-bon")
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.account is None
    assert "mot de passe incorrect" in dialog.message.text() and dialog.password.text() == ""
    dialog.password.setText(TEAM["Bruno"][1])
    dialog.ok_button.click()
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.nom == "Bruno"


def test_the_window_opens_only_once_signed_in_and_says_who(
    qtbot: QtBot, qapp: QApplication, world: World, settings: QSettings
) -> None:
    def answer(name: str, password: str) -> None:
        dialog = qapp.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        dialog.name.setCurrentText(name)
        dialog.password.setText(password)
        dialog.ok_button.click()

    QTimer.singleShot(0, lambda: qapp.activeModalWidget().reject())  # type: ignore[union-attr]
    assert not signed_in(world.coordinator)  # « Annuler »: no window
    QTimer.singleShot(0, lambda: answer("Chloé", TEAM["Chloé"][1]))
    assert signed_in(world.coordinator)
    window = _window(qtbot, world, settings)
    assert window.who.text() == "Connecté·e : Chloé (Lecture seule)"
    window.close()
    assert_nothing_running(window)  # type: ignore[arg-type]


def test_a_read_only_account_is_told_which_role_may_handle_an_alert(
    qtbot: QtBot, world: World, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(UTC)
    with world.coordinator.transaction() as session:
        session.add(SyncAlert(desk_id=world.ids[0], kind="gap", detail={"count": 1, "missing": [2]},
                              raised_at=now, fingerprint="gap:ui", last_raised_at=now))  # fmt: skip
    sign_in(world.coordinator, "Chloé", TEAM["Chloé"][1])
    window = _window(qtbot, world, settings)
    window.show_screen(ALERTES)
    screen = window.screens[ALERTES]
    assert isinstance(screen, AlertsScreen)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *_a, **_k: ("vu", True))
    screen.handle_selected()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    assert "traiter les alertes" in box.text() and "« Lecture seule »" in box.text()
    box.close()
    handled = world.coordinator.engine.connect().exec_driver_sql(
        "SELECT handled_at FROM sync_alert"
    )
    assert handled.scalar() is None
    window.close()


def test_the_journal_tab_shows_who_did_what(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    revoke_desk(world.coordinator, world.ids[1])
    window = _window(qtbot, world, settings)
    window.show_screen(JOURNAL)
    screen = window.screens[JOURNAL]
    assert isinstance(screen, AuditScreen)
    model = screen.model
    first = [model.data(model.index(0, column)) for column in AuditColumn]
    assert first[1:3] == ["Alice (Coordinateur·rice)", "Poste révoqué"]
    assert first[3].startswith(world.ids[1])
    assert model.rowCount() == 6  # two desks registered, three accounts made, one revoked
    assert screen.table.editTriggers() == screen.table.EditTrigger.NoEditTriggers
    window.close()


def test_the_switch_collects_from_the_saved_folder_until_turned_off(
    qtbot: QtBot, world: World, settings: QSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "depot"
    world.record(0, 3)
    world.export(0, folder)
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    save_settings(world.coordinator, world.coordinator_dir,
                  WatchSettings(None, folder, timedelta(seconds=10)))  # fmt: skip
    sign_in(world.coordinator, "Chloé", TEAM["Chloé"][1])
    window = _window(qtbot, world, settings)
    messages: list[str] = []
    window.context.navigator.message.connect(messages.append)
    switch = window.collection.action
    assert not switch.isEnabled() and "« Lecture seule »" in switch.toolTip()
    assert not window.screens[POSTES].register_action.isEnabled()  # type: ignore[attr-defined]
    window.collection.start()  # and refused should it be started anyway
    assert not switch.isChecked() and not window.collection.running
    assert "importer les envois" in messages[-1]
    window.close()

    sign_in(world.coordinator, "Bruno", TEAM["Bruno"][1])
    window = _window(qtbot, world, settings)
    window.collection.action.trigger()
    assert window.collection.running
    with qtbot.waitSignal(window.collection.passed, timeout=IMPORT_TIMEOUT_MS) as passed:
        pass
    assert passed.args[0].events_new == 3
    events = world.coordinator.engine.connect().exec_driver_sql(
        "SELECT COUNT(*) FROM received_event"
    )
    assert events.scalar() == 3
    window.collection.action.trigger()
    assert not window.collection.running and not window.collection.action.isChecked()
    window.close()
    assert_nothing_running(window)  # type: ignore[arg-type]
