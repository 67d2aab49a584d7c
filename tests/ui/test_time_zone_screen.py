"""Issue 18: a site's time zone, chosen in Paramètres, is the one the screens show and store."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk import clock
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.accueil.today import TodayColumn
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.settings.screen import SettingsScreen

from .conftest import WindowFactory
from .test_accueil import open_accueil, record_walk_in

# 00:30 on 11 March in Saint-Denis (UTC+4): still the 10th in Paris and at UTC.
REUNION_NIGHT = datetime(2026, 3, 11, 0, 30)


def _parametres(window: MainWindow) -> SettingsScreen:
    """Paramètres, shown as the agent opens it."""
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    return screen


def test_a_walk_in_after_midnight_in_la_reunion_is_on_the_reunion_day(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    SiteSettings(db).set("site.fuseau", "Indian/Reunion")
    desk = open_accueil(qtbot, make_window(db, clock=lambda: REUNION_NIGHT), db)
    assert clock.zone_name() == "Indian/Reunion"  # the window put the process on the site
    with qtbot.waitSignal(desk.window.context.navigator.contacts_changed):
        record_walk_in(desk, "E", "1")
    # The screen: in today's list, at the time on the wall.
    model = desk.screen.today.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, TodayColumn.HEURE).data() == "00:30"
    # The database: the UTC moment, which is the Réunion's 00:30 of the 11th.
    with sqlite3.connect(db.path) as connection:
        (stored,) = connection.execute("SELECT occurred_at FROM contact").fetchone()
    assert str(stored).startswith("2026-03-10 20:30")
    [contact] = desk.contacts.list()
    assert clock.day_of(contact.occurred_at) == date(2026, 3, 11)


def test_the_zone_is_chosen_in_parametres_and_applies_at_once(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    window = make_window(db)
    screen = _parametres(window)
    combo = screen.editors["site.fuseau"].widget
    assert combo.currentText().startswith("Celui de l'ordinateur")
    labels = [combo.itemText(i) for i in range(combo.count())]
    for territory in ("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"):
        assert territory in labels
    combo.setCurrentIndex(labels.index("Guyane"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Paramètres enregistrés."
    assert SiteSettings(db).get("site.fuseau") == "America/Cayenne"
    assert clock.zone_name() == "America/Cayenne"


def test_the_assistant_proposes_the_territorys_zone_for_an_overseas_commune(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from spro_desk.geo import geography
    from spro_desk.ui.first_run.wizard import FirstRunWizard

    db = Database(tmp_path / "desk.sqlite")
    wizard = FirstRunWizard(db, tmp_path, geography())
    qtbot.addWidget(wizard)
    page = wizard.site_page
    assert page.choice().fuseau == ""  # until a commune says where the site is
    qtbot.keyClicks(page.commune, "97400")  # Saint-Denis, La Réunion
    page.commune.settle()
    assert page.choice().fuseau == "Indian/Reunion"
    guyane = page.zone.widget.findData("America/Cayenne")
    page.zone.widget.setCurrentIndex(guyane)
    page.zone.widget.activated.emit(guyane)  # the agent's own choice wins from now on
    page.commune.clear()
    qtbot.keyClicks(page.commune, "97200")  # Fort-de-France
    page.commune.settle()
    assert page.choice().fuseau == "America/Cayenne"
    wizard.reject()
    db.close()


def test_the_catchment_area_is_chosen_by_name_in_parametres(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.geo import geography
    from spro_desk.site.catchment import catchment_communes

    settings = SiteSettings(db)
    settings.set("site.commune", "18033")
    window = make_window(db)
    screen = _parametres(window)
    editor = screen.editors["site.zone"]
    entry = editor.entry  # type: ignore[attr-defined]
    epci = geography().commune("18197").epci  # Saint-Amand-Montrond's intercommunality
    assert epci
    for typed in ("Creuse (23)", geography().zone_label(epci), "Vierzon", "nulle part zzz"):
        entry.setFocus()
        qtbot.keyClicks(entry, typed)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert editor.value() == ["23", epci, "18279"]
    assert entry.text() == "nulle part zzz"  # not a place: kept for correction, not added
    entry.clear()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Paramètres enregistrés."
    assert settings.get("site.zone") == ["23", epci, "18279"]
    area = catchment_communes(settings.get, geography())
    assert "23096" in area and "18279" in area and "18033" not in area  # Guéret in, Bourges out


def test_a_territory_or_an_intercommunality_is_found_by_its_name_alone(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """At a Réunion desk, « La Reunion » + Entrée added La Réunion, a commune of the
    Lot-et-Garonne; « Mayotte » and « CINOR », offered in the list, added nothing."""
    SiteSettings(db).set("site.commune", "97411")
    window = make_window(db)
    screen = _parametres(window)
    editor = screen.editors["site.zone"]
    entry = editor.entry  # type: ignore[attr-defined]
    for typed in ("La Reunion", "Mayotte", "cinor", "Saint-Pierre 974"):
        entry.setFocus()
        qtbot.keyClicks(entry, typed)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        assert entry.text() == ""  # taken
    assert editor.value() == ["974", "976", "249740119", "97416"]
    # A name shared by a département and a commune: the commune near the site, else the area.
    screen.editors["site.commune"].set_value("38185")  # a site in Grenoble, Isère
    for typed in ("Vienne", "Creuse"):
        entry.setFocus()
        qtbot.keyClicks(entry, typed)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert editor.value()[-2:] == ["38544", "23"]  # not the Creuse commune of the Somme


def test_a_zone_typed_but_not_found_is_said_when_saving(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """« Polynesie » + Entrée matched nothing: said in a tooltip only, then « Enregistrer »
    saved without it and said « Paramètres enregistrés. »."""
    SiteSettings(db).set("site.commune", "98735")  # Papeete
    window = make_window(db)
    screen = _parametres(window)
    entry = screen.editors["site.zone"].entry  # type: ignore[attr-defined]
    entry.setFocus()
    qtbot.keyClicks(entry, "Polynesie")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "« Polynesie » n'est ni une commune, ni un EPCI, ni un département" in (
        screen.status.text()
    )
    assert SiteSettings(db).get("site.zone") == [] and entry.text() == "Polynesie"


def test_the_last_purge_is_told_on_the_sites_clock(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    from datetime import UTC

    from spro_desk.privacy.purge import run_purge

    SiteSettings(db).set("site.fuseau", "Indian/Reunion")
    run_purge(db, now=datetime(2026, 3, 10, 20, 30, tzinfo=UTC))  # 00:30 on the 11th there
    window = make_window(db, clock=lambda: REUNION_NIGHT)
    screen = _parametres(window)
    text = screen.privacy_panel.last.text()
    assert text.startswith("Dernière purge : 11/03/2026 00:30 ;"), text  # not UTC, not ISO


def test_a_reunion_desk_booking_a_mainland_partner_reads_its_hours_on_the_partners_clock(
    qtbot: QtBot,
) -> None:
    """Issue 18: « ouvert » at 10:30 in Saint-Denis for a Bourges office opening at 9:00 (12:00
    in Saint-Denis); the rendez-vous is still typed and told on the site's clock."""
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QApplication, QLabel

    from spro_desk.directory.catalog import ServiceSummary
    from spro_desk.ui.orientation.booking_dialog import BookingDialog

    clock.use_zone("Indian/Reunion")
    summary = ServiceSummary(1, "s", "st", "Conseil", "Cap emploi Cher",
                             "Bourges", "18033", "Mo-Fr 09:00-12:00,14:00-17:00; PH off", None,
                             ("en-presentiel",))  # fmt: skip
    dialog = BookingDialog(summary, has_consent=False, now=datetime(2026, 3, 11, 8, 0))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), "R", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.time.hasFocus)  # the hour is what is typed next
    hours = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(text.endswith("(heures locales du service, pas celles du poste)") for text in hours)
    # Proposed: the office's next opening, 9:00 in Bourges, on the desk's clock.
    assert dialog.rdv_at() == datetime(2026, 3, 11, 12, 0)
    for key in "1030":
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert dialog.time.time() == QTime(10, 30)
    assert dialog.hours_status.text() == (
        "Le service est fermé à ce moment : il ouvre le mercredi 11 mars 2026 à 12\u00a0h\u00a000."
    )
    dialog.time.setFocus()
    dialog.time.setSelectedSection(dialog.time.Section.HourSection)  # typed again
    qtbot.waitUntil(dialog.time.hasFocus)
    for key in "1300":  # 10:00 in Bourges
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert dialog.hours_status.text() == "Le service est ouvert à ce moment."
    assert dialog.rdv_at() == datetime(2026, 3, 11, 13, 0)


# Wednesday 11 March 2026, 10:30 in Saint-Denis: 07:30 in Bourges, where Cap emploi Cher opens
# at 09:00 (12:00 in Saint-Denis).
REUNION_MORNING = datetime(2026, 3, 11, 10, 30)
CLOSED_TILL_NOON = "Fermé · ouvre à 12\u00a0h"


def test_the_why_pane_tells_a_mainland_partners_hours_as_the_booking_dialog_does(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Issue 18: at 10:30 in Saint-Denis, « Pourquoi » says Cap emploi Cher (Bourges) is closed
    and opens at 12 h on the desk's clock, as the booking dialog does; not « ouvert »."""
    from spro_desk.ui.orientation.screen import OrientationScreen

    SiteSettings(cvl_db).set("site.fuseau", "Indian/Reunion")
    window = make_window(cvl_db, clock=lambda: REUNION_MORNING)
    window.show_screen("orientation")
    screen = window.screens["orientation"]
    assert isinstance(screen, OrientationScreen)
    profile = screen.profile  # Bourges, handicap, looking for a job: Cap emploi Cher first
    qtbot.keyClicks(profile.commune, "18033")
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    qtbot.keyClick(profile.handicap, Qt.Key.Key_Space)
    qtbot.keyClicks(profile.needs.filter_box, "trouver un emploi")
    qtbot.keyClick(profile.needs.filter_box, Qt.Key.Key_Down)
    qtbot.keyClick(profile.needs.list, Qt.Key.Key_Space)
    qtbot.mouseClick(screen.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    assert screen.model.choice(0).summary.structure_nom == "Cap emploi Cher"
    reasons = screen.reasons.toPlainText().split("\n")  # no-break spaces read as plain ones
    assert "• " + CLOSED_TILL_NOON.lower().replace("\u00a0", " ") in reasons, reasons
    assert not any("ouvert" in reason for reason in reasons)


def test_the_annuaire_tells_a_mainland_partners_status_on_the_desks_clock(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Issue 18: the Annuaire's « Horaires » column and service card say what the booking
    dialog says (closed, opens at 12 h for the desk), and « Ouvert maintenant » leaves it out;
    the card's and the column tooltip's weekly hours are marked as the service's local ones."""
    from spro_desk.ui.common.service_results import Column

    from .test_main_window import _select_row

    SiteSettings(cvl_db).set("site.fuseau", "Indian/Reunion")
    window = make_window(cvl_db, clock=lambda: REUNION_MORNING)
    window.show_screen("annuaire")
    view = window.directory_view
    qtbot.keyClicks(view.search_box, "maintien dans l'emploi cap emploi cher")
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 679)
    row = next(
        r for r in range(view.model.rowCount()) if view.model.summary(r).code_insee == "18033"
    )
    status = view.model.data(view.model.index(row, Column.HORAIRES))
    assert status == CLOSED_TILL_NOON
    week = view.model.data(
        view.model.index(row, Column.HORAIRES), Qt.ItemDataRole.ToolTipRole
    )  # the column's tooltip: the week, marked as the card marks it
    assert "(heures locales du service, pas celles du poste)" in week, week
    _select_row(qtbot, window, row)
    card = view.detail.toPlainText()  # no-break spaces read as plain ones
    hours = card[card.index("Horaires\n") :].split("\n")[1:6]
    assert hours == [
        CLOSED_TILL_NOON.replace("\u00a0", " "),
        "Du lundi au jeudi : 9 h – 12 h 30, 13 h 30 – 17 h 30",  # Bourges' own clock
        "Vendredi : 9 h – 12 h 30",
        "Fermé les jours fériés",
        "(heures locales du service, pas celles du poste)",
    ]
    pk = view.model.summary(row).pk
    qtbot.mouseClick(view.filter_bar.open_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 or view.model.summary(0).pk != pk)
    shown = [view.model.summary(r).pk for r in range(view.model.rowCount())]
    assert pk not in shown


def test_parametres_saves_a_new_zone_and_a_phone_of_that_zone_together(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A site moving to Papeete changed its zone and its phone in one save: the phone was read
    on the old zone (Paris) and refused."""
    clock.use_zone("Europe/Paris")
    try:
        SiteSettings(db).set("site.fuseau", "Europe/Paris")
        screen = _parametres(make_window(db))
        zone = screen.editors["site.fuseau"].widget
        zone.setCurrentIndex(zone.findData("Pacific/Tahiti"))
        phone = screen.editors["site.telephone"].widget
        phone.setFocus()
        qtbot.keyClicks(phone, "40 41 22 33")
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        assert screen.status.text() == "Paramètres enregistrés."
        assert SiteSettings(db).get("site.telephone") == "40 41 22 33"
        assert clock.zone_name() == "Pacific/Tahiti"  # the desk follows its new zone at once
    finally:
        clock.use_zone(None)
