"""The desk locks after the idle time and on Ctrl+L: no personal data left in any widget, the PIN
needed (a wrong one refused), and the agent back where they were; the first site manager's
account; « Effacer les données de cette personne » from Accueil."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from spro_desk.agents.accounts import list_agents
from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.service import ContactService
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.storage.quick_read import read_startup_snapshot
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.app.screens import SCREEN_ORDER
from spro_desk.ui.common.agents_dialog import FirstAgentPanel
from spro_desk.ui.common.background import ImmediateRunner
from spro_desk.ui.lock.guard import LockScreen
from test_privacy_support import (
    AGENT_PIN,
    CANARIES,
    CANARY_NAME,
    CANARY_PHONE,
    FAST,
    MANAGER_PIN,
    record_canary,
)

from .conftest import FIXED_NOW, WindowFactory
from .lock_support import desk_with_agents, locked_window, type_code

TYPED = "Typhaine Saisie-en-cours"  # typed in the form, not recorded yet


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    root = QModelIndex()
    # A list model's columnCount is private in Qt: one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _widgets(window: MainWindow) -> list[QWidget]:
    """The window and everything in it, shown or not (the screens taken out while locked stay
    its children), plus any other window on screen (a dialog)."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    return [widget for root in (window, *shown) for widget in (root, *root.findChildren(QWidget))]


def widget_texts(window: MainWindow) -> tuple[int, list[str]]:
    """Every text every widget of the window holds, shown or not."""
    widgets = _widgets(window)
    texts: list[str] = []
    for widget in widgets:
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return len(widgets), texts


def canaries_on_screen(window: MainWindow, *extra: str) -> int:
    _count, texts = widget_texts(window)
    return sum(needle in text for text in texts for needle in (*CANARIES, *extra))


def _accueil_with_canaries(qtbot: QtBot, window: MainWindow) -> object:
    accueil = window.screens["accueil"]
    box = accueil.form.consent
    box.consent.setChecked(True)
    qtbot.keyClicks(box.nom, TYPED)
    accueil.today.select(accueil.today.model.contact(0).id)
    qtbot.mouseClick(accueil.personal.show_button, Qt.MouseButton.LeftButton)
    assert CANARY_NAME in accueil.personal.details.text()
    return accueil


def test_idle_time_locks_the_desk_and_leaves_no_personal_data_in_any_widget(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    record_canary(cvl_db, FIXED_NOW)
    _claire, samir = desk_with_agents(cvl_db)
    window = make_window(cvl_db)
    assert window.privacy.is_locked and isinstance(window.centralWidget(), LockScreen)
    assert canaries_on_screen(window) == 0
    type_code(qtbot, window, samir, AGENT_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    window.show_screen("accueil")
    accueil = _accueil_with_canaries(qtbot, window)
    before = canaries_on_screen(window, TYPED)
    focus_before = QApplication.focusWidget()

    window.privacy.set_idle_ms(300)  # five minutes by default; the same timer
    # (this test unlocks through the window's real worker thread; the others synchronously)
    qtbot.waitUntil(lambda: window.privacy.is_locked, timeout=5000)
    scanned, _texts = widget_texts(window)
    after = canaries_on_screen(window, TYPED)
    print(f"\nLock after idle: {scanned} widgets walked, personal data shown before the lock "
          f"{before}, after it {after}")  # fmt: skip
    assert before >= 2 and after == 0
    assert isinstance(window.centralWidget(), LockScreen) and not window.tabs.isVisible()
    assert not all(a.isEnabled() for a in window.screen_actions.values())

    # A wrong PIN is refused: still locked, still nothing shown.
    type_code(qtbot, window, samir, "00000001")
    lock_screen = window.centralWidget()
    qtbot.waitUntil(lambda: "incorrect" in lock_screen.message.text())
    assert window.privacy.is_locked and canaries_on_screen(window, TYPED) == 0

    window.privacy.set_idle_ms(60_000)
    type_code(qtbot, window, samir, AGENT_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    assert window.centralWidget() is window.tabs and window.current_screen_name() == "accueil"
    assert accueil.form.consent.nom.text() == TYPED  # the typing is back, where it was
    assert QApplication.focusWidget() is focus_before
    assert accueil.personal.details.text() == ""  # a display must be asked for again
    actions = [e["action"] for e in audit_log(cvl_db).entries()]
    assert actions[-4:] == ["affichage", "verrouillage", "connexion-refusee", "connexion"]


def test_ctrl_l_locks_and_closes_an_open_dialog(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    claire, _samir = desk_with_agents(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    type_code(qtbot, window, claire, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    window.privacy.lock_action.trigger()
    assert window.privacy.is_locked and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_coordinator_unlocking_does_not_get_the_agents_typing(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    claire, _samir = desk_with_agents(cvl_db)
    session = desk_session(cvl_db)
    session.login(claire, MANAGER_PIN)
    lea = create_agent(cvl_db, "Léa", "coordination 2026", Role.COORDINATEUR, cost=FAST)
    session.lock()
    window = make_window(cvl_db, runner=ImmediateRunner())
    type_code(qtbot, window, claire, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    accueil = window.screens["accueil"]
    accueil.form.consent.consent.setChecked(True)
    qtbot.keyClicks(accueil.form.consent.nom, TYPED)
    window.privacy.lock()
    type_code(qtbot, window, lea.id, "coordination 2026")
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    assert canaries_on_screen(window, TYPED) == 0
    window.privacy.lock()
    type_code(qtbot, window, claire, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    assert accueil.form.consent.nom.text() == TYPED


def test_without_any_account_the_site_manager_is_created_first(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    window = make_window(db, runner=ImmediateRunner())
    assert not window.privacy.is_locked  # tests' windows, like a desk being set up
    window.privacy.require_first_agent()
    panel = window.centralWidget()
    assert isinstance(panel, FirstAgentPanel) and not window.tabs.isVisible()
    qtbot.keyClicks(panel.form.name, "Claire")
    qtbot.keyClicks(panel.form.secret, "12345678")
    qtbot.keyClicks(panel.form.confirmation, "12345678")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert "trop facile" in panel.form.message.text() and not list_agents(db)
    for field in (panel.form.secret, panel.form.confirmation):
        field.clear()
        qtbot.keyClicks(field, MANAGER_PIN)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    [claire] = list_agents(db)
    assert (claire.nom, claire.role) == ("Claire", Role.RESPONSABLE)
    assert window.centralWidget() is window.tabs and desk_session(db).agent == claire
    assert window.privacy.lock_action.isEnabled()


def test_erase_from_accueil_keeps_the_contact_and_removes_the_person(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    contact_id = record_canary(cvl_db, FIXED_NOW)
    claire, _samir = desk_with_agents(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    type_code(qtbot, window, claire, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    window.show_screen("accueil")
    accueil = window.screens["accueil"]
    questions: list[str] = []
    accueil.confirm = lambda _p, _t, question, _go, _undo: questions.append(question) or True
    accueil.today.select(contact_id)
    assert accueil.personal.erase_button.isEnabled()
    qtbot.mouseClick(accueil.personal.erase_button, Qt.MouseButton.LeftButton)
    assert CANARY_NAME not in questions[0] and "10:00" in questions[0]
    service = ContactService(cvl_db)
    assert not service.has_personal_data(contact_id)
    assert [c.id for c in service.list()] == [contact_id]  # still counted
    assert not accueil.personal.erase_button.isEnabled()
    assert "anonyme" in accueil.personal.summary.text()
    assert canaries_on_screen(window, CANARY_PHONE) == 0


def test_settings_show_accounts_and_durations_to_the_site_manager_only(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    claire, samir = desk_with_agents(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    type_code(qtbot, window, samir, AGENT_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert not screen.agents_panel.add_button.isEnabled()
    assert not screen.privacy_panel.save_button.isEnabled()
    assert screen.agents_panel.list.count() == 2
    window.privacy.lock()
    type_code(qtbot, window, claire, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    panel = screen.privacy_panel
    assert panel.save_button.isEnabled() and screen.agents_panel.add_button.isEnabled()
    panel.idle.setValue(10)
    assert panel.save()
    assert window.privacy.idle_timer.interval() == 10 * 60_000


def test_an_agent_whose_code_is_too_short_is_asked_for_a_new_one(
    qtbot: QtBot, db: Database, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: codes of earlier versions (6 digits) are changed at the next sign-in."""
    from spro_desk.agents import code_check, management
    from spro_desk.ui.common.agents_dialog import SecretDialog

    monkeypatch.setattr(code_check, "PIN_MIN_DIGITS", 6)
    claire = management.create_agent(db, "Claire", "480215", Role.RESPONSABLE, cost=FAST)
    monkeypatch.undo()
    window = make_window(db)
    type_code(qtbot, window, claire.id, "480215")
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    dialog = window.privacy.new_secret_dialog
    assert isinstance(dialog, SecretDialog) and dialog.isVisible()
    assert "trop court" in dialog.form.message.text()
    qtbot.keyClicks(dialog.form.secret, MANAGER_PIN)
    qtbot.keyClicks(dialog.form.confirmation, MANAGER_PIN)
    dialog.change()
    assert not dialog.isVisible() and not desk_session(db).must_change_secret


def test_a_desk_with_accounts_opens_on_its_lock_screen_before_the_database_layer(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    """The accounts are read with sqlite3 (storage.quick_read): the first paint is the lock
    screen, nothing behind it is built, and the code typed at once is checked — busy cursor
    and « Ouverture de la base… » meanwhile — as soon as the database is attached."""
    claire, samir = desk_with_agents(db)
    snapshot = read_startup_snapshot(db.path, ())
    assert snapshot.agents == ((claire, "Claire"), (samir, "Samir"))
    window = MainWindow(
        None, settings=settings, runner=ImmediateRunner(), startup_agents=snapshot.agents
    )
    qtbot.addWidget(window)
    window.show()
    try:
        screen = window.centralWidget()
        assert isinstance(screen, LockScreen) and window.privacy.is_locked
        assert [screen.agent.itemText(i) for i in range(screen.agent.count())] == [
            "Claire",
            "Samir",
        ]
        assert window.screens.built() == []  # Accueil waits behind the lock
        assert not window.import_action.isEnabled()
        type_code(qtbot, window, samir, AGENT_PIN)
        assert screen.message.text().startswith("Ouverture de la base")
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
        assert window.privacy.is_locked

        window.attach_database(db)
        qtbot.waitUntil(lambda: not window.privacy.is_locked)
        assert QApplication.overrideCursor() is None
        session = desk_session(db)
        assert session.agent is not None and session.agent.id == samir
        assert window.current_screen_name() == "accueil"
        assert [s.name for s in window.screens.built()] == ["accueil"]
        assert window.privacy.lock_action.isEnabled()
        assert window.import_action.isEnabled()
    finally:
        window.close()


def test_a_wrong_code_typed_before_the_database_opened_is_refused_once_it_has(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    claire, _samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings)
    try:
        type_code(qtbot, window, claire, "00000000")
        window.attach_database(db)
        screen = window.centralWidget()
        assert isinstance(screen, LockScreen) and window.privacy.is_locked
        # Attaching enables the window's actions: none works behind the lock.
        assert not window.import_action.isEnabled()
        assert not any(a.isEnabled() for a in window.screen_actions.values())
        assert screen.message.text() and not screen.message.text().startswith("Ouverture")
        assert screen.secret.isEnabled() and screen.secret.text() == ""
        assert QApplication.overrideCursor() is None
    finally:
        window.close()


def test_a_save_waiting_for_the_database_waits_for_the_unlock_too(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    """The accounts could not be read before the first paint (Accueil came first): a save
    pressed then is not recorded by nobody — the desk locks when its database attaches, the
    lock screen shows no busy cursor, and the contact is recorded once an agent unlocks."""
    _claire, samir = desk_with_agents(db)
    window = MainWindow(None, settings=settings, runner=ImmediateRunner(), startup_settings={})
    qtbot.addWidget(window)
    window.show()
    try:
        accueil = window.screens["accueil"]
        qtbot.keyClicks(accueil.form.statut, "e")
        accueil.record()
        assert QApplication.overrideCursor() is not None
        window.attach_database(db)
        assert window.privacy.is_locked and isinstance(window.centralWidget(), LockScreen)
        assert QApplication.overrideCursor() is None
        assert ContactService(db).list() == []
        type_code(qtbot, window, samir, AGENT_PIN)
        qtbot.waitUntil(lambda: not window.privacy.is_locked)
        recorded = ContactService(db).list()
        assert len(recorded) == 1 and recorded[0].agent == "Samir"
        assert QApplication.overrideCursor() is None
    finally:
        window.close()


def test_a_window_that_opens_locked_builds_its_tabs_at_the_unlock_complete_and_named(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    """The first paint of a desk in service is its lock screen alone: the tabs are built at the
    unlock, with every screen's title in order, their accessible names, Accueil current and
    the focus on its first field (what a desk that opened unlocked has at once)."""
    _claire, samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings)
    try:
        assert window.findChildren(QTabWidget) == []  # nothing behind the lock screen
        assert window.current_screen_name() == "accueil"
        window.attach_database(db)
        assert window.findChildren(QTabWidget) == []  # still locked: still not built
        type_code(qtbot, window, samir, AGENT_PIN)
        qtbot.waitUntil(lambda: not window.privacy.is_locked)
        tabs = window.centralWidget()
        assert isinstance(tabs, QTabWidget) and tabs is window.tabs
        titles = [window.screen_actions[name].text() for name in SCREEN_ORDER]
        assert [tabs.tabText(i) for i in range(tabs.count())] == titles
        assert tabs.accessibleName() == tabs.tabBar().accessibleName() == "Écrans de SPRO Desk"
        assert window.current_screen_name() == "accueil" and tabs.currentIndex() == 0
        accueil = window.screens["accueil"]
        assert tabs.currentWidget().accessibleName() == accueil.title()
        qtbot.waitUntil(lambda: accueil.isAncestorOf(QApplication.focusWidget()))
        window.show_screen("suivi")  # the tabs work as ever: a screen is built on its visit
        assert tabs.currentIndex() == SCREEN_ORDER.index("suivi")
        assert window.screens["suivi"].isVisible()
    finally:
        window.close()


def test_the_window_shown_before_its_database_gets_its_icon_after_the_first_paint(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    desk_with_agents(db)
    window = MainWindow(
        None,
        settings=settings,
        runner=ImmediateRunner(),
        startup_agents=read_startup_snapshot(db.path, ()).agents,
    )
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
    window.show()
    try:
        qtbot.waitUntil(lambda: not window.windowIcon().isNull())
        assert window.windowIcon().availableSizes()  # the shipped PNG sizes
    finally:
        window.close()
