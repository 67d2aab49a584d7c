"""Issue 18's fourth walk: a reception agent and her site manager on inputs shaped unlike the
fixtures (territories with unusual codes, clocks that change, a process killed mid-save, the
keyboard alone), each acted out as she would (real widgets, real files, real processes)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
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


def zone_editor(window: MainWindow) -> ZoneEditor:
    """Paramètres shown, and its « Zone desservie » editor."""
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    editor = screen.editors["site.zone"]
    assert isinstance(editor, ZoneEditor)
    return editor


def _type_zones(qtbot: QtBot, db: Database, make_window: WindowFactory, *typed: str) -> list[str]:
    """Paramètres › « Zone desservie »: each place typed then Entrée; the codes it added."""
    window = make_window(db)
    editor = zone_editor(window)
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


# --- a process killed during a save ---------------------------------------------------------------

# The desk as it runs, in a process of its own: the real window on the real file, keys typed
# where the focus is. `freeze_after_the_next_write()`: the process says « écrit » as soon as
# the next write is committed, then waits to be killed (SIGKILL).
DESK_IN_A_CHILD = """
import contextlib, sys, time
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.background import ImmediateRunner

app = QApplication([])
db = Database(Path(sys.argv[1]))
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(db, settings=settings, runner=ImmediateRunner(),
                    clock=lambda: datetime(2026, 3, 10, 10, 0))
window.show()
window.show_screen("accueil")
window.activateWindow()
screen = window.screens["accueil"]

def wait(condition):
    for _ in range(500):
        if condition():
            return
        app.processEvents()
        time.sleep(0.01)
    raise SystemExit("waited in vain")

def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)

def freeze_after_the_next_write():
    real = Database.transaction

    @contextlib.contextmanager
    def written_then_frozen(self, **options):
        with real(self, **options) as session:
            yield session
        print("écrit", flush=True)
        time.sleep(60)

    Database.transaction = written_then_frozen

wait(window.isActiveWindow)
"""

# The agent corrects a contact (statut and, under the consent she ticks, the caller's phone).
CORRECTING = """
table = screen.today.table
table.setFocus()
wait(lambda: table.model().rowCount() == 1)
table.selectRow(0)
press(Qt.Key.Key_Return)
wait(screen.form.statut.hasFocus)
press("D")
press("O", Qt.KeyboardModifier.AltModifier)
wait(screen.form.consent.is_given)
press("P", Qt.KeyboardModifier.AltModifier)
for char in "0601020304":
    press(char)
freeze_after_the_next_write()
press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
"""

# The agent types a walk-in, looks at the form a couple of seconds (the draft is kept), saves.
RECORDING = """
wait(screen.form.statut.hasFocus)
for key in ("E", Qt.Key.Key_Tab, "1"):
    press(key)
deadline = time.monotonic() + 2
while time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
freeze_after_the_next_write()
press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
"""


def _kill_after_the_write(path: Path, settings: Path, scenario: str) -> None:
    """The desk on `path` plays `scenario` in a child process, killed once it has written."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    desk = subprocess.Popen(
        [sys.executable, "-c", DESK_IN_A_CHILD + scenario, str(path), str(settings)],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert desk.stdout is not None and desk.stdout.readline().strip() == "écrit"
    finally:
        desk.kill()
        desk.wait()


def test_a_correction_killed_mid_save_is_whole_or_not_at_all(tmp_path: Path) -> None:
    """An anonymous contact corrected (« Demandeur d'emploi », and a phone under the consent
    ticked), the desk killed as the save wrote: on restart the statut was corrected and the
    phone lost — the two went in two transactions, and the form's draft keeps no correction."""
    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService

    path = tmp_path / "desk.sqlite"
    db = Database(path)
    contact_id = ContactService(db).record(
        ContactInput(canal="telephone", statut="salarie", besoins=("se-former",),
                     reponses=("information-orale",), occurred_at=datetime(2026, 3, 10, 9, 0))
    )  # fmt: skip
    db.close()
    _kill_after_the_write(path, tmp_path / "settings.ini", CORRECTING)
    db = Database(path)  # the desk started again
    try:
        service = ContactService(db)
        corrected = service.get(contact_id).statut == "demandeur-emploi"
        personal = service.personal_data(contact_id)
        phone = personal.telephone if personal else None
        assert (corrected, phone) in ((True, "06 01 02 03 04"), (False, None))
    finally:
        db.close()


def test_a_walk_in_killed_as_it_was_saved_is_not_recorded_twice(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory
) -> None:
    """A walk-in typed, saved, the desk killed just after the save: on restart the form came
    back filled, « Saisie en cours retrouvée : SPRO Desk s'était fermé avant son
    enregistrement … enregistrez », and Ctrl+Entrée recorded the person a second time."""
    from PySide6.QtCore import QSettings

    from spro_desk.contacts.service import ContactService

    path, ini = tmp_path / "desk.sqlite", tmp_path / "settings.ini"
    Database(path).close()
    _kill_after_the_write(path, ini, RECORDING)
    db = Database(path)  # the desk started again
    try:
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        desk = open_accueil(qtbot, make_window(db, settings=settings), db)
        assert len(ContactService(db).list()) == 1
        assert "avant son enregistrement" not in desk.screen.feedback.text()
        desk.screen.form.statut.setFocus()
        desk.keyboard.press(Qt.Key.Key_Return, CTRL)  # the agent saves what she sees
        assert len(ContactService(db).list()) == 1
        window_closed = desk.window.close()
        assert window_closed
    finally:
        db.close()


# --- the keyboard alone ------------------------------------------------------------------------


def _access_log_actions(db: Database) -> list[str]:
    import json

    from spro_desk.security.audit import audit_log

    lines = [line for path in audit_log(db).segments() for line in path.read_text().splitlines()]
    return [json.loads(line)["action"] for line in lines]


def test_a_persons_data_are_found_and_shown_with_enter_each_logged_once(
    qtbot: QtBot, db: Database
) -> None:
    """« Données de cette personne »: Entrée in the search field ran the search twice (the
    field, then the « Rechercher » button as the dialog's default), and Entrée on the person
    found showed her file and searched once more, the focus back on the list: two access-log
    entries for each search, a third one never made."""
    from spro_desk.agents.sessions import desk_session
    from spro_desk.ui.common.person_data_dialog import PersonDataDialog
    from test_privacy_support import CANARY_NAME, MANAGER_PIN, manager, record_canary

    record_canary(db)
    desk_session(db).login(manager(db).id, MANAGER_PIN)
    dialog = PersonDataDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.search.hasFocus)
    before = len(_access_log_actions(db))
    qtbot.keyClicks(dialog.search, "Canari")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert _access_log_actions(db)[before:] == ["recherche-droit-d-acces"]
    assert dialog.results.hasFocus() and dialog.results.count() == 1
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert _access_log_actions(db)[before:] == ["recherche-droit-d-acces", "droit-d-acces"]
    assert CANARY_NAME in dialog.view.toPlainText()
    assert dialog.view.hasFocus()  # read next, by the eyes or the screen reader
    assert dialog.isVisible()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.view.toPlainText() == ""


def test_a_backup_declined_with_escape_is_not_asked_again(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Paramètres › « Restaurer une sauvegarde… », Entrée on the backup, then Échap
    (« Annuler ») on the question: the same question came back at once — the Entrée that
    opened it also pressed the dialog's default button, « Restaurer cette sauvegarde… »."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService
    from spro_desk.storage.backup import create_backup
    from spro_desk.ui.common.backup_dialog import BackupDialog

    ContactService(db).record(ContactInput(canal="accueil-physique", statut="scolaire"))
    create_backup(db.path)
    window = make_window(db)
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    screen.backup_button.click()
    dialog = screen.backup_dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(dialog.list.hasFocus)
    asked: list[str] = []

    def decline() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Escape)

    poll = QTimer()
    poll.timeout.connect(decline)
    poll.start(50)
    try:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.wait(300)
    finally:
        poll.stop()
    assert len(asked) == 1 and "Remplacer la base actuelle" in asked[0]
    assert dialog.isVisible()
    dialog.close()


def test_enter_in_the_directory_pickers_search_goes_to_the_results_not_past_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Orientation › « Autre service de l'annuaire… », « cio » + Entrée: the dialog closed
    on the first of 310 services, unseen — Entrée went to the results, then also pressed
    « Choisir ce service »."""
    from .test_orientation_screen import open_directory_picker

    screen, picker = open_directory_picker(qtbot, window)
    qtbot.keyClicks(picker.search_box, "cio")
    qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.focusWidget() is picker.table
    qtbot.keyClick(picker.table, Qt.Key.Key_Down)
    second = picker.selected()
    assert second is not None
    qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    choice = screen.selected_choice()
    assert choice is not None and choice.summary.service_id == second.service_id


# --- clocks that move on --------------------------------------------------------------------------


def test_suivi_left_open_marks_a_rendez_vous_late_once_its_time_has_passed(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Suivi open at 13:55 on a rendez-vous of 14:00: at 14:30 it still read « Rendez-vous
    pris », last of the list, and « aucune en retard » — the call list kept the morning's
    order until the agent changed screen."""
    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService
    from spro_desk.ui.suivi.follow_up_model import FollowUpColumn

    from .test_suivi import CIO, _screen

    contacts = ContactService(cvl_db)
    for hour, rdv in ((9, datetime(2026, 3, 10, 14, 0)), (10, datetime(2026, 3, 12, 9, 0))):
        contact = contacts.record(
            ContactInput(canal="accueil-physique", statut="salarie",
                         occurred_at=datetime(2026, 3, 10, hour, 0))
        )  # fmt: skip
        contacts.add_referral(contact, CIO, rdv_at=rdv)
    now = [datetime(2026, 3, 10, 13, 55)]
    window = make_window(cvl_db, clock=lambda: now[0])
    screen = _screen(qtbot, window)
    assert "aucune en retard" in screen.summary.text()
    now[0] = datetime(2026, 3, 10, 14, 30)
    screen.clock_timer.setInterval(20)  # a minute in the application
    qtbot.waitUntil(lambda: "dont 1 rendez-vous en retard" in screen.summary.text())
    status = screen.model.data(screen.model.index(0, FollowUpColumn.STATUT))
    assert status == "En retard · Rendez-vous pris"


# --- Paris, Lyon and Marseille ------------------------------------------------------------------


def _marseille_area_directory(folder: Path) -> Database:
    """Three missions locales of the Aix-Marseille-Provence metropolis, serving the
    Bouches-du-Rhône, published without coordinates (as many partners do): in Aix, in
    Pertuis (Vaucluse, same metropolis) and in Marseille's 1st arrondissement."""
    from spro_desk.directory.importer import import_directory

    from .conftest import cvl_rows, write_directory

    structure = cvl_rows("structures.json")[0]
    service = next(s for s in cvl_rows("services.json") if s["structure_id"] == structure["id"])
    places = (("Aix", "13001", "Aix-en-Provence", "13100"), ("Pertuis", "84089", "Pertuis",
              "84120"), ("Marseille", "13201", "Marseille", "13001"))  # fmt: skip
    structures, services = [], []
    for n, (name, code, commune, postal) in enumerate(places):
        where = {"code_insee": code, "commune": commune, "code_postal": postal,
                 "latitude": None, "longitude": None}  # fmt: skip
        structures.append({**structure, **where, "id": f"ml-{n}", "nom": f"Mission {name}",
                           "siret": None})  # fmt: skip
        services.append({**service, **where, "id": f"ml-{n}-s", "structure_id": f"ml-{n}",
                         "nom": "Choisir un métier", "zone_eligibilite": ["13"],
                         "modes_accueil": ["en-presentiel"]})  # fmt: skip
    database = Database(folder / "desk.sqlite")
    import_directory(database, write_directory(folder / "annuaire", structures, services))
    return database


def test_a_marseillais_is_sent_to_marseille_before_aix_and_pertuis(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory
) -> None:
    """A person from Marseille's 3rd arrondissement (« marseille 3 » typed in Orientation):
    the mission of the 1st arrondissement came last, after Aix and Pertuis — two
    arrondissements of one city were « the same intercommunality », as Pertuis is."""
    from spro_desk.ui.orientation.screen import OrientationScreen
    from spro_desk.ui.orientation.suggestion_model import SuggestionColumn

    db = _marseille_area_directory(tmp_path)
    try:
        window = make_window(db)
        window.show_screen("orientation")
        screen = window.screens["orientation"]
        assert isinstance(screen, OrientationScreen)
        profile = screen.profile
        qtbot.keyClicks(profile.commune, "marseille 3")
        if profile.commune.popup_visible():
            qtbot.keyClick(profile.commune.completer().popup(), Qt.Key.Key_Return)
        assert profile.commune.code() == "13203"
        profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
        profile.needs.set_codes(("choisir-un-metier",))
        qtbot.mouseClick(screen.suggest_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 3)
        first = screen.model.index(0, SuggestionColumn.STRUCTURE).data()
        assert first == "Mission Marseille"
        screen.table.selectRow(0)
        assert "dans votre commune" in screen.reasons.toPlainText()
        window.close()
    finally:
        db.close()


# --- Saint-Pierre-et-Miquelon ---------------------------------------------------------------------


def test_a_saint_pierre_desk_stores_numbers_it_can_dial(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A desk in Saint-Pierre (zone America/Miquelon) stored a mainland mobile « 06 12 34 56
    78 » and a Guadeloupe one « 0690 12 34 56 »: Saint-Pierre-et-Miquelon is outside France's
    ten-digit plan (+508, six digits), neither can be dialled from there without its code."""
    from .test_agent_day import _type_a_consenting_call

    SiteSettings(db).set("site.fuseau", "America/Miquelon")
    desk = open_accueil(qtbot, make_window(db), db)
    for name, typed in (("Yannick Detcheverry", "41 12 34"), ("Lea Martin", "06 12 34 56 78"),
                        ("Rose Bade", "0690 12 34 56")):  # fmt: skip
        keys = _type_a_consenting_call(qtbot, desk, name, typed)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert desk.screen.feedback.text().startswith("Contact enregistré"), typed
    phones = sorted(desk.contacts.personal_data(c.id).telephone for c in desk.contacts.list())
    assert phones == ["+33 6 12 34 56 78", "+508 41 12 34", "+590 690 12 34 56"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("paris 11eme", "75111"), ("Lyon 3eme", "69383"), ("marseille 1ere", "13201"),
     ("Paris 20ieme", "75120")],
)  # fmt: skip
def test_an_arrondissement_is_found_as_people_write_it(
    qtbot: QtBot, db: Database, make_window: WindowFactory, typed: str, code: str
) -> None:
    """« paris 11eme » (or « 11ème », « 1ère », « 20ième »), as people write their
    arrondissement, found nothing: only « Paris 11e » did, the geography's own spelling."""
    desk = open_accueil(qtbot, make_window(db), db)
    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type(typed)
    assert commune.match_texts(), typed
    desk.keyboard.press(Qt.Key.Key_Tab)
    assert commune.code() == code


def test_a_contact_saved_twice_under_its_id_is_stored_once(db: Database) -> None:
    """The form's id kept in the draft: a draft restored before the database could say it was
    recorded (its check comes once the database is open) and saved again is not a second
    person in the figures."""
    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService

    service = ContactService(db)
    walk_in = ContactInput(canal="accueil-physique", statut="etudiant", id="f0f0f0f0-1")
    assert service.record(walk_in) == service.record(walk_in) == "f0f0f0f0-1"
    assert [c.id for c in service.list()] == ["f0f0f0f0-1"]


def test_the_catchment_area_list_is_edited_from_the_keyboard_in_its_visual_order(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Paramètres › « Zone desservie »: Tab goes from the list to « Retirer » beside it, then
    the entry and « Ajouter » below; but a zone added by mistake took the list, Tab and Espace
    to remove — Suppr, as in « Aujourd'hui », did nothing."""
    SiteSettings(db).set("site.commune", "2A004")
    SiteSettings(db).set("site.zone", ["2A", "2B", "75"])
    window = make_window(db)
    window.show_screen("parametres")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    editor = screen.editors["site.zone"]
    assert isinstance(editor, ZoneEditor)
    editor.items.setFocus()
    qtbot.waitUntil(editor.items.hasFocus)
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [editor.remove_button, editor.entry, editor.add_button]
    editor.items.setFocus()
    editor.items.setCurrentRow(2)  # « Paris (75) », added by mistake
    qtbot.keyClick(editor.items, Qt.Key.Key_Delete)
    assert editor.value() == ["2A", "2B"]
    assert editor.items.hasFocus() and editor.items.currentRow() == 1  # the next one, ready
    assert "Suppr" in editor.items.accessibleDescription()


def test_the_directory_imported_last_evening_was_imported_yesterday(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Synchronisation at 10:00 read « importée le 09/03/2026 à 17:00 (aujourd'hui) »: its
    « aujourd'hui », « hier », « il y a N jours » counted whole 24-hour periods, not days —
    while Paramètres, on the same screen's data, said « hier »."""
    import sqlite3

    from spro_desk.ui.synchronisation.screen import SynchronisationScreen

    SiteSettings(cvl_db).set("site.fuseau", "Europe/Paris")
    with sqlite3.connect(cvl_db.path) as connection:  # imported at 17:00 in Paris, the 9th
        connection.execute("UPDATE directory_import SET imported_at = '2026-03-09T16:00:00'")
    window = make_window(cvl_db, clock=lambda: datetime(2026, 3, 10, 10, 0))
    window.show_screen("synchronisation")
    screen = window.screens["synchronisation"]
    assert isinstance(screen, SynchronisationScreen)
    qtbot.waitUntil(lambda: screen.state is not None, timeout=10_000)
    assert "09/03/2026 à 17:00 (hier)" in screen.directory.text()


# --- Wallis-et-Futuna -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "codes"),
    [("Wallis", ["98613"]), ("Mata-Utu", ["98613"]), ("Futuna", ["98611", "98612"])],
)
def test_a_wallisian_is_found_by_her_island(
    qtbot: QtBot, db: Database, make_window: WindowFactory, typed: str, codes: list[str]
) -> None:
    """At a Wallis-et-Futuna desk, « Wallis », « Mata-Utu » or « Futuna » found no commune:
    the geography names the territory's three kingdoms (Uvea is Wallis, with Mata-Utu; Alo
    and Sigave share Futuna), which a caller seldom says."""
    from spro_desk.geo import geography

    SiteSettings(db).set("site.commune", "98613")
    desk = open_accueil(qtbot, make_window(db), db)
    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type(typed)
    offered = commune.match_texts()
    names = [geography().commune(code).nom for code in codes]  # type: ignore[union-attr]
    assert [text.split(" (")[0] for text in offered[: len(codes)]] == names, offered
    desk.keyboard.press(Qt.Key.Key_Tab)
    assert commune.code() == codes[0]
