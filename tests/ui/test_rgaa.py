"""RGAA 4.1 findings of issue 17, reproduced through what Qt hands to assistive technology.

Each status message must reach the accessibility bridge as an event carrying its text; labels
showing content must be read as their text; focus must be visible after the application moves
it; colours must reach the WCAG ratios.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from spro_desk.agents.roles import Role
from spro_desk.geo import geography
from spro_desk.paths import database_path
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.agents_dialog import NewAgentDialog
from spro_desk.ui.common.focus import is_container
from spro_desk.ui.first_run.wizard import AGENT, SITE, FirstRunWizard

from .a11y import AccessibilityEvents, hidden_labels, listen
from .conftest import WindowFactory
from .test_accueil import Desk, focus_row, open_accueil

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def events(qapp: QApplication) -> Iterator[AccessibilityEvents]:
    yield from listen(AccessibilityEvents())


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[FirstRunWizard]:
    db = Database(database_path(tmp_path))
    shown = FirstRunWizard(db, tmp_path, geography())
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown
    if shown.isVisible():
        shown.reject()
    db.close()


def _next(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _type(qtbot: QtBot, text: str) -> None:
    """Keys where a real keyboard sends them: an open popup first, else the focus."""
    for char in text:
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None
        qtbot.keyClick(target, char)


# --- 1. status messages ----------------------------------------------------------------------

DESK_MESSAGES = 10


def test_desk_status_messages_are_announced(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, events: AccessibilityEvents
) -> None:
    window = make_window(cvl_db)
    desk = open_accueil(qtbot, window, cvl_db)
    heard: dict[str, bool] = {}

    def check(name: str, fragment: str) -> None:
        heard[name] = events.heard(fragment)

    # Accueil: recorded, today's count, deleted, restored.
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("1")
    keys.press(Qt.Key.Key_Return, CTRL)
    check("contact recorded", "Contact enregistré à 10:00")
    check("today's count", "1 contact aujourd'hui")
    _delete_and_restore(qtbot, desk)
    check("deletion", "supprimé.")
    check("undo", "Contact rétabli.")

    # Annuaire: the result count.
    window.show_screen("annuaire")
    view = window.directory_view
    assert view is not None
    events.clear()
    view.search_box.setText("CIO")
    view.run_search()
    count = view.result_count.text()
    check("result count", count)
    assert "service" in count

    # Orientation: the number of services suggested, and the picker's count.
    _suggest(qtbot, window)
    check("services suggested", "services suggérés")
    check("picker count", _picker_count(qtbot, window))

    # Suivi: nothing selected.
    window.show_screen("suivi")
    suivi = window.screens["suivi"]
    suivi.table.clearSelection()
    suivi.set_status("honoree")
    check("suivi", "Sélectionnez d'abord une orientation")

    # Paramètres: refused, then saved.
    window.show_screen("parametres")
    settings = window.screens["parametres"]
    commune = settings.editors["site.commune"].widget
    qtbot.keyClicks(commune, "Zzyzx")
    assert not settings.save()
    check("settings refused", "ne correspond à aucune commune")
    assert ("ne correspond" in commune.accessibleDescription()) and commune.hasFocus()
    commune.clear()
    assert settings.save()
    check("settings saved", "Paramètres enregistrés.")

    print(f"\ndesk status messages announced: {sum(heard.values())}/{len(heard)}")
    assert heard == dict.fromkeys(heard, True) and len(heard) == DESK_MESSAGES


def _delete_and_restore(qtbot: QtBot, desk: Desk) -> None:
    desk.screen.confirm = lambda *_args: True
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Delete)
    desk.keyboard.press(Qt.Key.Key_Z, CTRL)


def _suggest(qtbot: QtBot, window: MainWindow) -> None:
    from .test_orientation_screen import _screen, _type_profile

    _type_profile(qtbot, _screen(window))


def _picker_count(qtbot: QtBot, window: MainWindow) -> str:
    from spro_desk.directory.search import DirectorySearch
    from spro_desk.ui.orientation.service_picker import ServicePickerDialog

    search = DirectorySearch(window.context.db, window.context.geo)
    picker = ServicePickerDialog(search, window.context.clock, window)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.search_box, "CIO Bourges")
    picker.run_search()
    text = picker.count.text()
    picker.reject()
    assert text
    return text


def test_lock_and_account_errors_are_announced_assertively(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, events: AccessibilityEvents
) -> None:
    from .test_lock import _desk_with_agents, _unlock

    _claire, samir = _desk_with_agents(cvl_db)
    window = make_window(cvl_db)
    _unlock(qtbot, window, samir, "000001")
    qtbot.waitUntil(lambda: events.heard("incorrect"))
    assert ("Code ou mot de passe incorrect.", True) in events.announcements
    lock_screen = window.centralWidget()
    assert lock_screen.secret.hasFocus()

    dialog = NewAgentDialog(cvl_db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.name.setText("Samia")
    form.role.setCurrentIndex(form.role.findData(Role.AGENT.value))
    form.secret.setText("482190")
    form.confirmation.setText("482191")
    assert form.checked_secret() is None
    assert ("Les deux saisies du code diffèrent.", True) in events.announcements
    assert form.confirmation.accessibleDescription() == "Les deux saisies du code diffèrent."
    dialog.reject()


def test_assistant_problems_are_announced(
    qtbot: QtBot, wizard: FirstRunWizard, events: AccessibilityEvents
) -> None:
    _next(qtbot, wizard)
    page = wizard.site_page
    qtbot.keyClicks(page.name, "PIJ")
    page.network.setCurrentIndex(page.network.findData("cio"))
    qtbot.keyClicks(page.commune, "zzzzqx")
    _next(qtbot, wizard)
    assert wizard.currentId() == SITE
    assert events.heard("ne correspond à aucune commune")
    assert page.commune.hasFocus()
    page.commune.clear()
    qtbot.keyClicks(page.commune, "Vierzon")
    _next(qtbot, wizard)
    assert wizard.currentId() == AGENT
    agent = wizard.agent_page
    qtbot.keyClicks(agent.pin, "927135")
    qtbot.keyClicks(agent.confirmation, "927136")
    assert events.heard("identiques")


# --- 3. the assistant's Commune field ----------------------------------------------------------


@pytest.mark.parametrize("typed", ["Bourges", "18000"])
def test_the_assistant_commune_field_keeps_what_is_typed(
    qtbot: QtBot, wizard: FirstRunWizard, typed: str
) -> None:
    _next(qtbot, wizard)
    field = wizard.site_page.commune
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _type(qtbot, typed)
    assert field.text() == typed
    field.settle()  # what Suivant does first
    assert field.text() == "Bourges (18000)" and field.code() == "18033"


# --- 2. content is text, not a name ------------------------------------------------------------


def _screens_hidden(window: MainWindow) -> dict[str, list[str]]:
    from spro_desk.ui.app.screens import SCREEN_ORDER

    found = {}
    for name in SCREEN_ORDER:
        window.show_screen(name)
        found[name] = hidden_labels(window.tabs.currentWidget())
    found["status bar"] = hidden_labels(window.statusBar())
    return found


def _dialogs_hidden(qtbot: QtBot, window: MainWindow) -> dict[str, list[str]]:
    from spro_desk.orientation.slip import build_slip
    from spro_desk.ui.orientation.booking_dialog import BookingDialog
    from spro_desk.ui.orientation.slip_dialog import SlipDialog

    from .conftest import FIXED_NOW
    from .test_accessibility import _picker

    found = {}
    picker = _picker(qtbot, window)
    summary = picker.selected()
    assert summary is not None
    found["picker"] = hidden_labels(picker)
    picker.reject()
    booking = BookingDialog(summary, has_consent=True, now=FIXED_NOW, parent=window)
    qtbot.addWidget(booking)
    booking.show()
    booking.rendez_vous.setChecked(True)
    found["booking"] = hidden_labels(booking)
    booking.reject()
    slip = build_slip(window.context.db, summary.service_id)
    context = window.context
    dialog = SlipDialog(slip, runner=context.runner, settings=context.qsettings, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    found["slip"] = hidden_labels(dialog)
    dialog.reject()
    about = window.show_about()
    qtbot.waitUntil(about.isVisible)
    found["about"] = []
    for index in range(about.tabs.count()):
        about.tabs.setCurrentIndex(index)
        found["about"] += hidden_labels(about)
    about.reject()
    return found


def test_no_label_hides_its_content(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, events: AccessibilityEvents
) -> None:
    window = make_window(cvl_db)
    found = {**_screens_hidden(window), **_dialogs_hidden(qtbot, window)}
    hidden = {where: labels for where, labels in found.items() if labels}
    print(f"\nlabels whose content is hidden: {sum(map(len, hidden.values()))}")
    assert hidden == {}


def test_no_label_of_the_assistant_hides_its_content(
    qtbot: QtBot, wizard: FirstRunWizard, events: AccessibilityEvents
) -> None:
    hidden = {}
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        hidden[page_id] = hidden_labels(wizard)
    assert hidden == {page_id: [] for page_id in wizard.pageIds()}


# --- 4 and 6. focus visible and meaningful -----------------------------------------------------


@pytest.fixture
def focus_style(qapp: QApplication) -> Iterator[None]:
    from spro_desk.ui.app.focus_style import install_focus_style

    previous = install_focus_style(qapp)
    yield
    qapp.setStyle(previous)


def ring_width(focused: QImage, unfocused: QImage) -> int:
    """Widest run of changed pixels from the left edge inwards, on the middle row."""
    row = focused.height() // 2
    changed = [focused.pixel(x, row) != unfocused.pixel(x, row) for x in range(focused.width())]
    best = run = 0
    for differs in changed[: focused.width() // 3]:
        run = run + 1 if differs else 0
        best = max(best, run)
    return best


def focus_mark(qtbot: QtBot, widget: QWidget) -> int:
    """The focus ring's width as drawn now, against the widget drawn without the focus."""
    assert widget.hasFocus(), QApplication.focusWidget()
    focused = widget.grab().toImage()
    widget.clearFocus()
    unfocused = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return ring_width(focused, unfocused)


def _shortcut(qtbot: QtBot, window: MainWindow, key: str) -> None:
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, key, CTRL)


@pytest.mark.usefixtures("focus_style")
def test_focus_is_visible_after_the_application_moves_it(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, events: AccessibilityEvents
) -> None:
    window = make_window(cvl_db)
    desk = open_accueil(qtbot, window, cvl_db)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # no Tab pressed yet
    _shortcut(qtbot, window, "2")
    _shortcut(qtbot, window, "1")
    statut = desk.screen.form.statut
    qtbot.waitUntil(statut.hasFocus)
    widths = {"Ctrl+1": focus_mark(qtbot, statut)}
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    desk.keyboard.press("E")
    desk.keyboard.press(Qt.Key.Key_Tab)
    desk.keyboard.press("1")
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(statut.hasFocus)
    widths["Ctrl+Entrée"] = focus_mark(qtbot, statut)
    print(f"\nfocus ring after programmatic moves (px): {widths}")
    assert all(width >= 2 for width in widths.values()), widths


@pytest.mark.usefixtures("focus_style")
def test_each_screen_switch_lands_on_a_named_control_and_says_the_screen(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, events: AccessibilityEvents
) -> None:
    from spro_desk.ui.app.screens import SCREEN_ORDER

    from .a11y import read_name

    window = make_window(cvl_db)
    open_accueil(qtbot, window, cvl_db)
    landed = {}
    for number, name in enumerate(SCREEN_ORDER, start=1):
        events.clear()
        _shortcut(qtbot, window, str(number))
        focused = QApplication.focusWidget()
        assert focused is not None
        title = window.tabs.tabText(window.tabs.currentIndex())
        landed[name] = (
            window.tabs.currentWidget().isAncestorOf(focused)
            and not is_container(focused)
            and bool(read_name(focused).strip())
            and events.heard(f"Écran {title}")
        )
        if not landed[name]:
            print(name, type(focused).__name__, repr(read_name(focused)), events.spoken())
    assert landed == dict.fromkeys(SCREEN_ORDER, True)
