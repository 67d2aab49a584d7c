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
from PySide6.QtGui import QColor, QImage, QPalette
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

from .a11y import AccessibilityEvents, contrast, hidden_labels, listen
from .conftest import WindowFactory
from .lock_support import desk_with_agents, type_code
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
    _claire, samir = desk_with_agents(cvl_db)
    window = make_window(cvl_db)
    assert events.heard("Poste verrouillé")  # locking is announced
    type_code(qtbot, window, samir, "000001")
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
    assert "ne correspond" in page.commune.accessibleDescription()  # the error is tied to it
    _next(qtbot, wizard)
    assert wizard.currentId() == AGENT
    assert "ne correspond" not in page.commune.accessibleDescription()  # and untied once fixed
    agent = wizard.agent_page
    events.clear()
    qtbot.keyClicks(agent.pin, "92713584")
    assert events.spoken().count("Le code compte de 8 à 12 chiffres.") == 1  # not per key
    qtbot.keyClicks(agent.confirmation, "92713585")
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


# --- 8. every field tied to its visible label --------------------------------------------------


def _desk_dialogs(qtbot: QtBot, window: MainWindow) -> dict[str, QWidget]:
    from spro_desk.orientation.slip import build_slip
    from spro_desk.ui.common.agents_dialog import FirstAgentDialog
    from spro_desk.ui.orientation.booking_dialog import BookingDialog
    from spro_desk.ui.orientation.slip_dialog import SlipDialog

    from .conftest import FIXED_NOW
    from .test_accessibility import _picker

    db = window.context.db
    picker = _picker(qtbot, window)
    summary = picker.selected()
    assert summary is not None
    booking = BookingDialog(summary, has_consent=True, now=FIXED_NOW, parent=window)
    booking.rendez_vous.setChecked(True)
    slip = build_slip(db, summary.service_id)
    context = window.context
    return {
        "first account": FirstAgentDialog(db, window),
        "new agent": NewAgentDialog(db, window),
        "picker": picker,
        "booking": booking,
        "slip": SlipDialog(slip, runner=context.runner, settings=context.qsettings, parent=window),
    }


def test_every_field_is_tied_to_its_visible_label(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.ui.app.screens import SCREEN_ORDER

    from .a11y import input_fields, unlabelled_fields

    window = make_window(cvl_db)
    found: dict[str, list[str]] = {}
    fields = 0
    for name in SCREEN_ORDER:
        window.show_screen(name)
        fields += len(input_fields(window.tabs.currentWidget()))
        found[name] = unlabelled_fields(window.tabs.currentWidget())
    for name, dialog in _desk_dialogs(qtbot, window).items():
        qtbot.addWidget(dialog)
        dialog.show()
        fields += len(input_fields(dialog))
        found[name] = unlabelled_fields(dialog)
        dialog.close()
    missing = {where: fields for where, fields in found.items() if fields}
    print(f"\nfields without their label: {sum(map(len, missing.values()))} of {fields}")
    assert missing == {}


def test_every_field_of_the_assistant_is_tied_to_its_visible_label(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    from .a11y import input_fields, unlabelled_fields

    found = {}
    fields = 0
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        fields += len(input_fields(wizard.currentPage()))
        found[page_id] = unlabelled_fields(wizard.currentPage())
    print(f"\nassistant fields without their label: {sum(map(len, found.values()))} of {fields}")
    assert found == {page_id: [] for page_id in wizard.pageIds()}


def test_every_field_of_the_coordination_is_tied_to_its_visible_label(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from spro_desk.ui.coordination import SCREEN_ORDER as COORDINATION_SCREENS
    from spro_desk.ui.coordination.window import CoordinatorWindow

    from .a11y import unlabelled_fields

    settings = QSettings(str(tmp_path / "coordination.ini"), QSettings.Format.IniFormat)
    db = Database(tmp_path / "coordination.sqlite")
    coordinator = CoordinatorWindow(db, tmp_path, settings=settings)
    qtbot.addWidget(coordinator)
    coordinator.show()
    found = {}
    for name in COORDINATION_SCREENS:
        coordinator.show_screen(name)
        found[name] = unlabelled_fields(coordinator.tabs.currentWidget())
    coordinator.close()
    db.close()
    assert found == {name: [] for name in COORDINATION_SCREENS}


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


# --- 5 and 7. contrast -------------------------------------------------------------------------

TEXT_PAIRS = {
    "text": (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    "placeholder": (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    "selected row": (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    "window text": (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    "button text": (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    "tooltip": (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
}
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def text_pairs_below(palette: QPalette, ratio: float = 4.5) -> dict[str, float]:
    low = {}
    for group in GROUPS:
        for name, (front, back) in TEXT_PAIRS.items():
            value = contrast(palette.color(group, front), palette.color(group, back))
            if value < ratio:
                low[f"{group.name} {name}"] = round(value, 2)
    return low


def test_the_normal_palette_reaches_4_5_for_text(qapp: QApplication) -> None:
    from spro_desk.ui.app.contrast import accessible_palette

    platform = qapp.style().standardPalette()
    before = text_pairs_below(platform)
    after = text_pairs_below(accessible_palette(platform))
    print(f"\ntext pairs under 4.5:1: platform palette {before}, SPRO Desk's {after}")
    assert "Active placeholder" in before and "Active selected row" in before  # the finding
    assert after == {}


def test_high_contrast_text_and_focus_ring(qapp: QApplication) -> None:
    from spro_desk.ui.app.contrast import high_contrast_palette

    palette = high_contrast_palette()
    assert text_pairs_below(palette) == {}
    roles = QPalette.ColorRole
    ring = contrast(palette.color(roles.Highlight), palette.color(roles.Window))
    assert ring >= 3, ring  # the 2 px focus frame is drawn in Highlight


@pytest.fixture
def high_contrast_app(qapp: QApplication, focus_style: None) -> Iterator[QApplication]:
    from spro_desk.ui.app.contrast import apply_contrast_outlines, high_contrast_palette

    previous_palette, previous_sheet = qapp.palette(), qapp.styleSheet()
    qapp.setPalette(high_contrast_palette())
    apply_contrast_outlines(qapp)
    yield qapp
    qapp.setStyleSheet(previous_sheet)
    qapp.setPalette(previous_palette)


def _edge_contrast(widget: QWidget, background: QColor) -> float:
    """The strongest contrast of a pixel of the widget's drawing against the window colour."""
    image = widget.grab().toImage()
    best = 1.0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            colour = image.pixelColor(x, y)
            if colour != background:
                best = max(best, contrast(colour, background))
    return best


def test_high_contrast_draws_every_control_at_3_to_1(
    qtbot: QtBot, high_contrast_app: QApplication
) -> None:
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDateTimeEdit,
        QGroupBox,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QPushButton,
        QRadioButton,
        QVBoxLayout,
    )

    background = high_contrast_app.palette().color(QPalette.ColorRole.Window)
    needs = QListWidget()
    item = QListWidgetItem("")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    needs.addItem(item)
    controls = {
        "line edit": QLineEdit(),
        "check box": QCheckBox(),
        "radio": QRadioButton(),
        "combo": QComboBox(),
        "button": QPushButton(),
        "date": QDateTimeEdit(),
        "group": QGroupBox(),
        "needs list": needs,
    }
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for widget in controls.values():
        widget.setMinimumSize(80, 28)
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    ratios = {name: round(_edge_contrast(w, background), 2) for name, w in controls.items()}
    # The needs list: its unticked box, where the text would be, must show.
    low = {name: ratio for name, ratio in ratios.items() if ratio < 3}
    print(f"\nnon-text contrast in high contrast: {ratios}")
    assert low == {}


def test_high_contrast_is_switched_on_in_parametres_and_kept(
    qtbot: QtBot, qapp: QApplication, cvl_db: Database, make_window: WindowFactory
) -> None:
    from PySide6.QtCore import QSettings

    from spro_desk.ui.app.contrast import high_contrast_wanted
    from spro_desk.ui.common.display import CONTRAST_KEY, ContrastMode

    previous_palette, previous_sheet = qapp.palette(), qapp.styleSheet()
    try:
        window = make_window(cvl_db)
        window.show_screen("parametres")
        panel = window.screens["parametres"].display
        assert panel.title() == "Affichage : contraste"  # the radio group's legend
        assert panel.buttons[ContrastMode.SYSTEM].isChecked()
        panel.buttons[ContrastMode.HIGH].click()
        black = qapp.palette().color(QPalette.ColorRole.Window)
        assert black == QColor("#000000") and "palette(window-text)" in qapp.styleSheet()
        settings = window.context.qsettings
        assert settings.value(CONTRAST_KEY) == "eleve"
        reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
        assert high_contrast_wanted(reread)  # the next start opens in high contrast
        panel.buttons[ContrastMode.NORMAL].click()
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
        assert "palette(window-text)" not in qapp.styleSheet()
    finally:
        qapp.setStyleSheet(previous_sheet)
        qapp.setPalette(previous_palette)


# --- 8 and 9. the assistant: Escape asks, pages are announced ---------------------------------


def test_escape_in_the_assistant_asks_first_and_pages_are_announced(
    qtbot: QtBot, wizard: FirstRunWizard, events: AccessibilityEvents
) -> None:
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: QWidget, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return answers.pop(0)

    wizard.confirm = confirm
    _next(qtbot, wizard)
    assert events.heard("Le site")  # the page the agent arrived on
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "Rien n'est encore enregistré" in asked[0]
    assert wizard.isVisible() and wizard.currentId() == SITE  # kept: the agent said no
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


# --- 9. mnemonics unique per window ------------------------------------------------------------


def mnemonic_clashes(window: QWidget, extra: list[str] | None = None) -> dict[str, list[str]]:
    """Alt+letter keys that two visible, enabled controls of `window` answer to."""
    from collections import defaultdict

    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    owners: dict[str, list[str]] = defaultdict(list)
    texts = list(extra or [])
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton | QGroupBox):
            texts.append(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
    for text in texts:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            owners[key].append(text.replace("&", ""))
    return {key: names for key, names in owners.items() if len(names) > 1}


def test_mnemonics_are_unique_in_every_window(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.ui.app.screens import SCREEN_ORDER

    window = make_window(cvl_db)
    menus = [action.text() for action in window.menuBar().actions()]
    clashes = {}
    for name in SCREEN_ORDER:
        window.show_screen(name)
        found = mnemonic_clashes(window, menus)
        if found:
            clashes[name] = found
    print(f"\nmnemonic clashes: {clashes}")
    assert clashes == {}


def test_mnemonics_are_unique_in_every_dialog(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.orientation.slip import build_slip
    from spro_desk.ui.common.agents_dialog import FirstAgentDialog
    from spro_desk.ui.orientation.booking_dialog import BookingDialog
    from spro_desk.ui.orientation.slip_dialog import SlipDialog

    from .conftest import FIXED_NOW
    from .test_accessibility import _picker

    window = make_window(cvl_db)
    dialogs: dict[str, QWidget] = {
        "first account": FirstAgentDialog(cvl_db, window),
        "new agent": NewAgentDialog(cvl_db, window),
    }
    picker = _picker(qtbot, window)
    summary = picker.selected()
    assert summary is not None
    dialogs["picker"] = picker
    booking = BookingDialog(summary, has_consent=True, now=FIXED_NOW, parent=window)
    booking.rendez_vous.setChecked(True)
    dialogs["booking"] = booking
    slip = build_slip(window.context.db, summary.service_id)
    context = window.context
    dialogs["slip"] = SlipDialog(
        slip, runner=context.runner, settings=context.qsettings, parent=window
    )
    clashes = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found = mnemonic_clashes(dialog)
        if found:
            clashes[name] = found
        dialog.close()
    print(f"\nmnemonic clashes in dialogs: {clashes}")
    assert clashes == {}


def test_mnemonics_are_unique_in_the_other_windows_and_dialogs(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from spro_desk.agents.accounts import AgentView
    from spro_desk.ui.common.agents_dialog import SecretDialog
    from spro_desk.ui.common.backup_dialog import BackupDialog
    from spro_desk.ui.coordination import SCREEN_ORDER as COORDINATION_SCREENS
    from spro_desk.ui.coordination.window import CoordinatorWindow

    from .conftest import FIXED_NOW

    window = make_window(cvl_db)
    clashes: dict[str, dict[str, list[str]]] = {}

    def check(name: str, shown: QWidget, extra: list[str] | None = None) -> None:
        if found := mnemonic_clashes(shown, extra):
            clashes[name] = found

    about = window.show_about()
    qtbot.waitUntil(about.isVisible)
    for index in range(about.tabs.count()):  # type: ignore[attr-defined]
        about.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        check(f"about {index}", about)
    about.reject()
    backup = BackupDialog(window.context, window)
    qtbot.addWidget(backup)
    backup.show()
    check("backup", backup)
    agent = AgentView("a", "Camille", Role.AGENT, "pin", FIXED_NOW, True, False)
    secret = SecretDialog(cvl_db, agent, window)
    qtbot.addWidget(secret)
    secret.show()
    check("agent's code", secret)
    settings = QSettings(str(tmp_path / "coordination.ini"), QSettings.Format.IniFormat)
    coordination_db = Database(tmp_path / "coordination.sqlite")
    coordinator = CoordinatorWindow(coordination_db, tmp_path, settings=settings)
    qtbot.addWidget(coordinator)
    coordinator.show()
    menus = [action.text() for action in coordinator.menuBar().actions()]
    for name in COORDINATION_SCREENS:
        coordinator.show_screen(name)
        check(f"coordination {name}", coordinator, menus)
    coordinator.close()
    coordination_db.close()
    print(f"\nmnemonic clashes in the other windows: {clashes}")
    assert clashes == {}


def test_mnemonics_are_unique_on_every_page_of_the_assistant(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    clashes = {}
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        if found := mnemonic_clashes(wizard):
            clashes[page_id] = found
    assert clashes == {}


# --- 8. structure: radio legend, needs tree ----------------------------------------------------


def test_booking_choices_sit_under_their_legend_and_needs_form_a_tree(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QGroupBox, QTreeView

    from spro_desk.ui.orientation.booking_dialog import BookingDialog

    from .a11y import read_name
    from .conftest import FIXED_NOW
    from .test_accessibility import _picker

    window = make_window(cvl_db)
    picker = _picker(qtbot, window)
    summary = picker.selected()
    assert summary is not None
    picker.reject()
    booking = BookingDialog(summary, has_consent=False, now=FIXED_NOW, parent=window)
    qtbot.addWidget(booking)
    for radio in (booking.information, booking.rendez_vous):
        legend = radio.parentWidget()
        assert isinstance(legend, QGroupBox) and legend.title() == "Type d'orientation"
        assert read_name(radio) == radio.text().replace("&", "")  # what is seen is what is read
    booking.reject()

    window.show_screen("orientation")
    needs = window.screens["orientation"].profile.needs
    assert isinstance(needs.list, QTreeView)
    model = needs.list.model()
    top = model.index(0, 0)
    assert model.rowCount(top) > 0  # sub-thématiques are children of their category
    child = model.index(0, 0, top)
    assert not child.data().startswith(" ") and needs.list.isExpanded(top)
    qtbot.keyClicks(needs.filter_box, "metier")
    assert model.rowCount() >= 1 and model.rowCount(model.index(0, 0)) >= 1


# --- 9. date fields, splitters -----------------------------------------------------------------


def test_a_date_field_is_one_tab_stop_and_splitters_move_from_the_keyboard(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    window = make_window(cvl_db)
    desk = open_accueil(qtbot, window, cvl_db)
    when = desk.screen.form.when
    when.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClick(when, Qt.Key.Key_Tab)
    assert not when.hasFocus()  # one press, not five silent ones

    window.show_screen("annuaire")
    view = window.directory_view
    assert view is not None
    view.search_box.setFocus()
    qtbot.waitUntil(view.search_box.hasFocus)
    before = view.splitter.sizes()[0]
    qtbot.keyClick(view.search_box, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.AltModifier)
    assert view.splitter.sizes()[0] > before
    qtbot.keyClick(view.search_box, Qt.Key.Key_Left, CTRL | Qt.KeyboardModifier.AltModifier)
    assert view.splitter.sizes()[0] == before


def test_service_detail_headings_are_headings(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    window = make_window(cvl_db)
    window.show_screen("annuaire")
    view = window.directory_view
    assert view is not None
    view.search_box.setText("CIO")
    view.run_search()
    view.table.selectRow(0)
    document = view.detail.document()
    qtbot.waitUntil(lambda: document.blockCount() > 3)
    levels = []
    block = document.begin()
    while block.isValid():
        levels.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    assert levels[0][0] == 2  # the service's name
    sections = [text for level, text in levels if level == 3]
    assert sections and all(text.strip() for text in sections)
    assert "<h3" in document.toHtml()
