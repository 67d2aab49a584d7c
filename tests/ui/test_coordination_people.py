"""The coordination's window with several people: signing in, refusals naming the role, the
audit trail's tab, and the switch of the automatic collection — real widgets (pytest-qt,
offscreen) over a real region of desks on SQLite files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coordination_team import FAST, TEAM, team_region
from spro_desk.agents.coordination_accounts import (
    list_coordinators,
    sign_in,
    sign_out,
)
from spro_desk.agents.coordination_audit import audit_entries
from spro_desk.agents.coordination_lock import idle_lock_minutes
from spro_desk.storage.coordination_tables import RegisteredDesk, SyncAlert
from spro_desk.sync.coordinator import revoke_desk
from spro_desk.sync.watch import WatchSettings, save_settings
from spro_desk.ui.coordination import ALERTES, COMPTES, ENVOIS, JOURNAL, POSTES
from spro_desk.ui.coordination.accounts_screen import AccountsScreen
from spro_desk.ui.coordination.alerts_screen import AlertsScreen
from spro_desk.ui.coordination.audit_screen import AuditColumn, AuditScreen
from spro_desk.ui.coordination.sign_in import SignInDialog
from spro_desk.ui.coordination.window import CoordinatorWindow, signed_in
from sync_world import World

from .conftest import IMPORT_TIMEOUT_MS, assert_nothing_running


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region")
    region.coordinator = db = team_region(region)
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
    dialog.ok_button.click()  # checked off the UI thread: the answer comes a moment later
    qtbot.waitUntil(lambda: "mot de passe incorrect" in dialog.message.text())
    assert dialog.result() == 0 and dialog.account is None and dialog.password.text() == ""
    assert dialog.ok_button.isEnabled() and not dialog.work.busy
    dialog.password.setText(TEAM["Bruno"][1])
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.DialogCode.Accepted)
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
    with world.coordinator.session() as session:
        site = session.get(RegisteredDesk, world.ids[1])
    assert site is not None and first[3].startswith(f"{site.site_nom} — {world.ids[1]}")
    assert model.rowCount() == 8  # 2 desks registered, 3 accounts made, 2 sign-ins, 1 revoked
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


def test_a_sign_in_and_an_import_from_the_window_are_in_the_trail(
    qtbot: QtBot, world: World, settings: QSettings, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    dialog = SignInDialog(world.coordinator)
    qtbot.addWidget(dialog)
    dialog.name.setCurrentText("Bruno")
    dialog.password.setText(TEAM["Bruno"][1])
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.DialogCode.Accepted)
    [entry] = audit_entries(world.coordinator, limit=1)
    assert (entry.account, entry.action, entry.note) == (
        "Bruno", "connexion", "fenêtre de la coordination",
    )  # fmt: skip
    folder = tmp_path / "depot"
    world.record(0, 3)
    world.export(0, folder)
    (folder / "abime.spro-bundle").write_bytes(b"pas un envoi")
    window = _window(qtbot, world, settings)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    screen = window.screens[ENVOIS]
    with qtbot.waitSignal(screen.importer.finished, timeout=IMPORT_TIMEOUT_MS):  # type: ignore[attr-defined]
        screen.import_folder_action.trigger()  # type: ignore[attr-defined]
    [entry] = audit_entries(world.coordinator, limit=1)
    assert (entry.account, entry.role, entry.action) == ("Bruno", "charge-etudes", "import-envois")
    assert entry.target == "1 envoi(s) accepté(s), 1 refusé(s)"
    assert entry.note == "fenêtre de la coordination ; 3 événement(s) nouveau(x)"
    window.close()
    assert_nothing_running(window)  # type: ignore[arg-type]


def _accounts(window: CoordinatorWindow) -> AccountsScreen:
    window.show_screen(COMPTES)
    screen = window.screens[COMPTES]
    assert isinstance(screen, AccountsScreen)
    return screen


def test_a_coordinator_manages_the_accounts_from_the_window(
    qtbot: QtBot, world: World, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("spro_desk.agents.coordination_accounts.DEFAULT_COST", FAST)
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    window = _window(qtbot, world, settings)
    screen = _accounts(window)
    assert window.focusWidget() is screen.table
    assert screen.table.accessibleName() == "Comptes de la coordination"
    assert screen.add_button.accessibleName() == "Ajouter un compte"
    names = [screen.model.data(screen.model.index(r, 0)) for r in range(screen.model.rowCount())]
    assert names == ["Alice", "Bruno", "Chloé"]

    screen.add_button.click()
    dialog = screen.dialog
    assert dialog is not None
    dialog.name.setText("David")
    dialog.role.setCurrentIndex(dialog.role.findData("charge-etudes"))
    dialog.password.setText("david-mot-de-passe")
    dialog.again.setText("david-mot-de-passe-bis")
    dialog.ok_button.click()
    assert "diffèrent" in dialog.message.text() and screen.dialog is dialog
    dialog.password.setText("court")
    dialog.again.setText("court")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "8 caractères" in dialog.message.text())
    assert dialog.ok_button.isEnabled() and screen.dialog is dialog
    dialog.password.setText("david-mot-de-passe")
    dialog.again.setText("david-mot-de-passe")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: screen.dialog is None)
    assert screen.message.text() == "Compte « David » créé."
    assert sign_in(world.coordinator, "David", "david-mot-de-passe").role == "charge-etudes"
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])

    screen.select_account("Bruno")
    screen.reset_button.click()
    assert screen.dialog is not None and screen.dialog.name.isReadOnly()
    screen.dialog.password.setText("bruno-nouveau-mot")
    screen.dialog.again.setText("bruno-nouveau-mot")
    screen.dialog.ok_button.click()
    qtbot.waitUntil(lambda: screen.dialog is None)

    screen.select_account("David")
    window.activateWindow()
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)  # Suppr asks first
    assert screen.confirmation is not None and "« David »" in screen.confirmation.text()
    assert screen.confirmation.defaultButton().text() == "&Annuler"  # Entrée keeps it
    screen.confirmation_button("Annuler").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: screen.confirmation is None)
    assert "reste actif" in screen.message.text()
    screen.disable_button.click()
    screen.confirmation_button("Désactiver ce compte").click()  # type: ignore[union-attr]
    assert screen.message.text() == "Compte « David » désactivé."
    assert screen.model.data(screen.model.index(3, 2)) == "Désactivé"

    screen.idle_lock.setValue(5)
    screen.idle_lock.editingFinished.emit()
    assert idle_lock_minutes(world.coordinator) == 5
    trail = [(e.account, e.action, e.target) for e in audit_entries(world.coordinator, limit=4)]
    assert trail == [
        ("Alice", "verrouillage-regle", "5 min"),
        ("Alice", "compte-desactive", "David"),
        ("Alice", "mot-de-passe-change", "Bruno"),
        ("Alice", "connexion", "Alice"),
    ]
    window.close()


def test_other_roles_are_refused_the_accounts_in_french(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    sign_in(world.coordinator, "Bruno", TEAM["Bruno"][1])
    window = _window(qtbot, world, settings)
    screen = _accounts(window)
    for widget in (screen.add_button, screen.disable_button, screen.reset_button):
        assert not widget.isEnabled()
        assert "« Coordinateur·rice »" in widget.toolTip()
    assert not screen.idle_lock.isEnabled()
    screen.select_account("Chloé")
    screen.request_disable()  # and refused should it be tried anyway
    screen.confirmation_button("Désactiver ce compte").click()  # type: ignore[union-attr]
    assert "gérer les comptes" in screen.message.text()
    assert "« Chargé·e d'études »" in screen.message.text()
    assert [a.nom for a in list_coordinators(world.coordinator)] == ["Alice", "Bruno", "Chloé"]
    window.close()


def test_the_window_locks_after_the_idle_time_until_the_password_is_typed_again(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    window = _window(qtbot, world, settings)
    lock = window.idle_lock
    assert lock.timer.isActive() and lock.timer.interval() == 15 * 60_000  # the default
    screen = _accounts(window)
    screen.add_button.click()
    assert screen.dialog is not None
    lock.set_idle_ms(400)
    for _ in range(6):  # typing keeps it open
        qtbot.wait(100)
        qtbot.keyClick(screen.dialog.name, Qt.Key.Key_A)
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000) as locked:
        pass
    assert locked.args == [True] and lock.is_locked
    assert window.stack.currentWidget() is lock.panel and not window.tabs.isVisible()
    qtbot.waitUntil(lambda: screen.dialog is None)  # the open dialog was cancelled
    assert not window.quit_action.isEnabled() and not window.menuBar().isEnabled()
    assert not window.screen_actions[COMPTES].isEnabled()  # Ctrl+8 leads nowhere
    assert "Alice" in lock.panel.explanation.text()
    assert lock.panel.password.accessibleName() == "Mot de passe"

    lock.panel.password.setText("pas-le-bon")
    lock.panel.unlock_button.click()
    assert lock.is_locked and "mot de passe incorrect" in lock.panel.message.text()
    lock.panel.password.setText(TEAM["Alice"][1])
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert not lock.is_locked and window.stack.currentWidget() is window.tabs
    assert window.quit_action.isEnabled() and window.menuBar().isEnabled()
    assert lock.timer.isActive()  # counting again
    trail = [(e.account, e.action, e.note) for e in audit_entries(world.coordinator, limit=2)]
    assert trail[0] == ("Alice", "connexion", "fenêtre de la coordination, après verrouillage")
    assert trail[1][:2] == ("Alice", "connexion-refusee")
    window.close()
    assert not lock.timer.isActive()
    assert_nothing_running(window)  # type: ignore[arg-type]


class _Ticks:
    """A 10 ms timer of the UI thread: it ticks only while the event loop runs."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1


def test_signing_in_checks_the_password_off_the_ui_thread(qtbot: QtBot, world: World) -> None:
    """Argon2 at the product's cost (3 passes over 128 MiB, about half a second): the window
    keeps ticking while the password is checked, and says it is checking."""
    from spro_desk.agents.coordination_accounts import create_coordinator
    from spro_desk.security import crypto

    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    create_coordinator(world.coordinator, "Diane", "diane-mot-de-passe", "lecture",
                       cost=crypto.KdfCost())  # fmt: skip
    sign_out(world.coordinator)
    dialog = SignInDialog(world.coordinator)
    qtbot.addWidget(dialog)
    dialog.name.setCurrentText("Diane")
    dialog.password.setText("diane-mot-de-passe")
    ticks = _Ticks()
    ticks.timer.start()
    dialog.ok_button.click()
    # busy, said so, fields greyed, Échap waits for the answer
    assert dialog.work.busy and dialog.message.text() == "Vérification du mot de passe…"
    assert not dialog.ok_button.isEnabled() and not dialog.password.isEnabled()
    dialog.reject()
    assert dialog.isVisible() or dialog.result() == 0
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.DialogCode.Accepted, timeout=30_000)
    ticks.timer.stop()
    assert dialog.account is not None and dialog.account.nom == "Diane"
    assert ticks.count >= 5  # the UI thread ran its timer during the hash (≥ 50 ms of it)


def test_adding_an_account_hashes_off_the_ui_thread(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    sign_in(world.coordinator, "Alice", TEAM["Alice"][1])
    window = _window(qtbot, world, settings)
    screen = _accounts(window)
    screen.add_button.click()
    dialog = screen.dialog
    assert dialog is not None
    dialog.name.setText("Emile")
    dialog.password.setText("emile-mot-de-passe")  # hashed at the product's cost
    dialog.again.setText("emile-mot-de-passe")
    ticks = _Ticks()
    ticks.timer.start()
    dialog.ok_button.click()
    assert dialog.work.busy and dialog.message.text() == "Chiffrement du mot de passe…"
    assert not dialog.ok_button.isEnabled() and not dialog.name.isEnabled()
    qtbot.waitUntil(lambda: screen.dialog is None, timeout=30_000)
    ticks.timer.stop()
    assert screen.message.text() == "Compte « Emile » créé."
    assert ticks.count >= 5
    assert sign_in(world.coordinator, "Emile", "emile-mot-de-passe").nom == "Emile"
    window.close()
    assert_nothing_running(window)  # type: ignore[arg-type]


def test_a_read_only_account_cannot_revoke_a_desk_from_the_window(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    """Revoking is not greyed out (the domain refuses it when tried): confirmed, it is
    refused naming the role, and the desk stays registered."""
    from spro_desk.ui.coordination.desks_screen import DesksScreen

    sign_in(world.coordinator, "Chloé", TEAM["Chloé"][1])
    window = _window(qtbot, world, settings)
    window.show_screen(POSTES)
    screen = window.screens[POSTES]
    assert isinstance(screen, DesksScreen)
    assert screen.select_desk(world.ids[0])
    screen.request_revoke()
    box = screen.confirmation
    go = next(b for b in box.buttons() if "Révoquer" in b.text())
    go.click()
    qtbot.waitUntil(lambda: "« Coordinateur·rice »" in screen.message.text(),
                    timeout=IMPORT_TIMEOUT_MS)  # fmt: skip
    with world.coordinator.session() as session:
        desk = session.get(RegisteredDesk, world.ids[0])
        assert desk is not None and not desk.revoked
    assert not audit_entries(world.coordinator, action="revocation-poste")
    window.close()


def test_a_refused_revocation_from_the_window_is_in_the_trail(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    """Confirmed by a read-only account, « Révoquer » is refused; the trail says who tried to
    revoke which desk and why it was refused, and the journal tab shows it."""
    from spro_desk.ui.coordination.desks_screen import DesksScreen

    sign_in(world.coordinator, "Chloé", TEAM["Chloé"][1])
    window = _window(qtbot, world, settings)
    window.show_screen(POSTES)
    screen = window.screens[POSTES]
    assert isinstance(screen, DesksScreen)
    assert screen.select_desk(world.ids[0])
    screen.request_revoke()
    go = next(b for b in screen.confirmation.buttons() if "Révoquer" in b.text())
    go.click()
    qtbot.waitUntil(lambda: "« Coordinateur·rice »" in screen.message.text(),
                    timeout=IMPORT_TIMEOUT_MS)  # fmt: skip
    refused = audit_entries(world.coordinator, action="action-refusee")
    assert len(refused) == 1
    assert (refused[0].account, refused[0].role) == ("Chloé", "lecture")
    assert refused[0].target == f"révoquer le poste {world.ids[0]}"
    assert "« Lecture seule »" in refused[0].note and refused[0].action_label == "Action refusée"
    assert not audit_entries(world.coordinator, action="revocation-poste")
    window.close()
