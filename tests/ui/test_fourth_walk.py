"""Issue 18's fourth walk: a reception agent and her site manager on inputs shaped unlike the
fixtures (territories with unusual codes, clocks that change, a process killed mid-save, the
keyboard alone), each acted out as she would (real widgets, real files, real processes)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.common.setting_editors import ZoneEditor
from spro_desk.ui.settings.screen import SettingsScreen

from .conftest import WindowFactory
from .test_accueil import CTRL, open_accueil


def test_a_desk_left_open_past_midnight_starts_a_new_today(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A walk-in at 23:50, the desk left open: at 00:05 « Date et heure » moved to the new
    day but « Aujourd'hui » still listed yesterday's contact until something was recorded."""
    now = [datetime(2026, 3, 10, 23, 50)]
    desk = open_accueil(qtbot, make_window(db, clock=lambda: now[0]), db)
    desk.keyboard.press("E")
    desk.keyboard.press(Qt.Key.Key_Tab)
    desk.keyboard.press("1")
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    today = desk.screen.today
    qtbot.waitUntil(lambda: today.model.rowCount() == 1)
    now[0] = datetime(2026, 3, 11, 0, 5)
    desk.screen.clock_timer.setInterval(20)
    when = desk.screen.form.when
    qtbot.waitUntil(lambda: when.dateTime().toPython().strftime("%d %H:%M") == "11 00:05")
    qtbot.wait(100)
    assert today.model.rowCount() == 0


# --- territories with unusual codes ------------------------------------------------------------


def _type_zones(qtbot: QtBot, db: Database, make_window: WindowFactory, *typed: str) -> list[str]:
    """Paramètres › « Zone desservie »: each place typed then Entrée; the codes it added."""
    window = make_window(db)
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    editor = screen.editors["site.zone"]
    assert isinstance(editor, ZoneEditor)
    for text in typed:
        editor.entry.setFocus()
        qtbot.keyClicks(editor.entry, text)
        qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
        assert editor.entry.text() == "", text  # taken
    return editor.value()


def test_a_saint_pierre_et_miquelon_site_serving_saint_pierre_gets_its_own_commune(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """At a desk in Saint-Pierre (975), « Saint-Pierre » + Entrée added Saint-Pierre of La
    Réunion, 13,000 km away: the zone editor took the first national match, unlike the
    commune fields, which prefer the site's area."""
    SiteSettings(db).set("site.commune", "97502")
    assert _type_zones(qtbot, db, make_window, "Saint-Pierre", "Miquelon") == ["97502", "97501"]


def test_a_corsican_site_serving_corsica_types_corse(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """At an Ajaccio desk, « Corse » + Entrée added Corsept, a commune of the Loire-Atlantique,
    and « 20 » (Corsica's number before 1976, its postal codes' still) Ajaccio alone: the
    island is its two départements."""
    SiteSettings(db).set("site.commune", "2A004")
    assert _type_zones(qtbot, db, make_window, "Corse") == ["2A", "2B"]
    assert _type_zones(qtbot, db, make_window, "20") == ["2A", "2B"]


def test_a_paris_desk_reaching_all_its_callers_has_no_white_zone(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Two Parisians, one typed « 75011 » (Paris), the other « paris 18 » (the 18e
    arrondissement): the Tableau de bord read « 19 » white zones « sur 21 communes », its
    other arrondissements: the city and its parts were counted as 21 communes."""
    from .test_agent_day import _dashboard, _texts

    SiteSettings(db).set("site.commune", "75056")
    window = make_window(db)
    desk = open_accueil(qtbot, window, db)
    commune = desk.screen.form.commune
    for typed in ("75011", "paris 18"):
        commune.setFocus()
        qtbot.waitUntil(commune.hasFocus)
        desk.keyboard.type(typed)
        desk.keyboard.press(Qt.Key.Key_Tab)
        desk.screen.form.statut.setFocus()
        desk.keyboard.press("E")
        desk.keyboard.press(Qt.Key.Key_Tab)
        desk.keyboard.press("1")
        desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    assert sorted(c.commune for c in desk.contacts.list()) == ["75056", "75118"]
    tile = _dashboard(qtbot, window).view.summary.buttons["zones_blanches"]
    assert tile.figure.text() == "0"
    assert "sur 1 commune " in _texts(tile) + " "
