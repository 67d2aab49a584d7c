"""Issue 18's third walk: what a reception agent met on data shaped unlike the fixtures, each
acted out as she would (real widgets, real files, real processes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from spro_desk.coordinates import format_phone
from spro_desk.storage.engine import Database
from spro_desk.ui.common.commune_field import commune_label

from .conftest import WindowFactory
from .test_accueil import CTRL, open_accueil
from .test_orientation_screen import open_booking


@pytest.fixture
def isolated_settings(tmp_path: Path) -> None:
    # run_app uses the default QSettings: keep it out of the user's real configuration.
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def _poll_box_while(run: Callable[[], int], seen: dict[str, str]) -> int:
    """`run()`; the first message box it shows is read into `seen`, then closed."""

    def read_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen["title"], seen["text"] = box.windowTitle(), box.text()
            box.accept()
        else:
            QApplication.closeAllWindows()  # anything else: never hang the run

    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(lambda: None if "text" in seen else read_box())
    poll.start()
    try:
        return run()
    finally:
        poll.stop()


def _run_app_reading_its_box(data_dir: Path) -> tuple[int, dict[str, str]]:
    """`run_app` on `data_dir`; the first message box it shows is read, then closed."""
    from spro_desk.ui import run_app

    seen: dict[str, str] = {}
    status = _poll_box_while(lambda: run_app(data_dir, use_sample_if_empty=False), seen)
    return status, seen


# The first start, in a process of its own: it holds the folder, and either has not opened
# its server yet (it listens once its database is attached) or is too busy to answer.
FIRST_START = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from spro_desk.ui.app.single_instance import InstanceGuard
app = QCoreApplication([])
guard = InstanceGuard(Path(sys.argv[1]))
assert guard.acquire()
if sys.argv[2] == "not-answering":
    guard.listen()
print("tenu", flush=True)
time.sleep(60)
"""


@pytest.mark.usefixtures("isolated_settings")
@pytest.mark.parametrize("first", ["still-starting", "not-answering"])
def test_a_second_start_whose_first_window_cannot_come_forward_says_so_in_a_window(
    qapp: QApplication, tmp_path: Path, first: str
) -> None:
    """A double-click on the icon while the first window is still opening its database or is
    busy: the second start printed its message on stderr, which nobody double-clicking sees,
    and quit."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "donnees"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    running = subprocess.Popen(
        [sys.executable, "-c", FIRST_START, str(folder), first],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert running.stdout is not None and running.stdout.readline().strip() == "tenu"
        status, seen = _run_app_reading_its_box(folder)
    finally:
        running.kill()
        running.wait()
    assert status == 0
    assert seen.get("title") == "SPRO Desk est déjà ouvert", seen
    assert "ce dossier de données" in seen["text"]
    assert str(folder.resolve()) in seen["text"]
    assert "barre des tâches" in seen["text"]
    assert "relancez SPRO Desk" in seen["text"]


# --- phones of the overseas départements -------------------------------------------------------

MAYOTTE_LANDLINE = ("02 69 60 12 34", "0269601234", "+262 269 60 12 34", "00262269601234")


@pytest.mark.parametrize("zone", ["Europe/Paris", "Indian/Mayotte"])
def test_a_mayotte_landline_is_stored_one_way_however_it_is_typed(
    qtbot: QtBot, db: Database, make_window: WindowFactory, zone: str
) -> None:
    """« 02 69 … » passed as a mainland landline (« 02 69 60 12 34 ») while « +262 269 … » was
    stored « 0269 60 12 34 »: one caller under two numbers, and a Pacific desk dialled
    « +33 2 69 … », which reaches nobody. Martinique's « 05 96 … » likewise."""
    from spro_desk.site.settings import SiteSettings

    from .test_agent_day import _type_a_consenting_call

    SiteSettings(db).set("site.fuseau", zone)
    desk = open_accueil(qtbot, make_window(db), db)
    for n, typed in enumerate((*MAYOTTE_LANDLINE, "05 96 30 12 34")):
        keys = _type_a_consenting_call(qtbot, desk, f"Personne {n}", typed)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert desk.screen.feedback.text().startswith("Contact enregistré"), typed
    phones = sorted(desk.contacts.personal_data(c.id).telephone for c in desk.contacts.list())
    assert phones == ["0269 60 12 34"] * len(MAYOTTE_LANDLINE) + ["0596 30 12 34"]


@pytest.mark.parametrize(
    ("typed", "zone", "stored"),
    [
        *((typed, "Pacific/Noumea", "+262 269 60 12 34") for typed in MAYOTTE_LANDLINE),
        ("05 96 30 12 34", "Pacific/Tahiti", "+596 596 30 12 34"),
        ("0639 01 23 45", "Indian/Mayotte", "0639 01 23 45"),  # a Mayotte mobile
        ("01 23 45 67 89", "Indian/Mayotte", "01 23 45 67 89"),  # Paris, from Mamoudzou
        ("09 76 12 34 56", "Europe/Paris", "09 76 12 34 56"),  # a box's number stays the 09 plan
        ("08 09 12 34 56", "Europe/Paris", "0 809 12 34 56"),  # not a Guadeloupe landline
    ],
)
def test_an_overseas_landline_is_dialled_with_its_own_country_code(
    typed: str, zone: str, stored: str
) -> None:
    assert format_phone(typed, zone) == stored


# --- the commune completer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("97460", "Saint-Paul (97460)"),  # Saint-Paul, La Réunion: six postal codes
        ("97435", "Saint-Paul (97435)"),
        ("saint-paul 97422", "Saint-Paul (97422)"),
        ("31400", "Toulouse (31400)"),
        ("Toulouse", "Toulouse (31)"),  # no postal code typed: its département, not « 31000 »
        ("Bourges", "Bourges (18000)"),  # one postal code: unchanged
    ],
)
def test_a_commune_with_several_postal_codes_is_labelled_with_the_one_typed(
    qtbot: QtBot, db: Database, make_window: WindowFactory, typed: str, label: str
) -> None:
    """Every commune was labelled with its first postal code: « 97460 » offered
    « Saint-Paul (97411) », and the person living in 97460 was not sure it was hers."""
    desk = open_accueil(qtbot, make_window(db), db)
    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type(typed)
    assert commune.match_texts()[0] == label
    desk.keyboard.press(Qt.Key.Key_Tab)
    assert commune.text() == label


def test_a_saved_commune_with_several_postal_codes_is_shown_by_its_departement(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A saved Saint-Paul (only its INSEE code is kept) came back as « Saint-Paul (97411) »,
    a postal code the person may not have; « (974) » names it without a wrong detail, and
    typed back it finds the same commune, not Saint-Paul in the Oise or the Gironde."""
    from spro_desk.geo import geography

    desk = open_accueil(qtbot, make_window(db), db)
    commune = desk.screen.form.commune
    commune.set_code("97415")
    assert commune.text() == "Saint-Paul (974)"
    labels = {commune_label(c) for c in geography().search_communes("saint-paul", 200)}
    assert "Saint-Paul (974)" in labels and len(labels) == len(
        geography().search_communes("saint-paul", 200)
    )  # every Saint-Paul told apart
    commune.clear()
    commune.setFocus()
    qtbot.keyClicks(commune, "Saint-Paul (974)")
    commune.settle()
    assert commune.code() == "97415"


# --- the fiche de liaison in the interface's language ------------------------------------------

SLIP_WORDS = {
    "fr": (
        "Fiche de liaison", "Où aller", "Quand", "Rendez-vous le mercredi 11 mars 2026 à 10 h 00",
        "Horaires d'ouverture", "Contact", "Fiche remise le mardi 10 mars 2026",
    ),
    "en": (
        "Referral slip", "Where to go", "When", "Appointment on Wednesday 11 March 2026 at 10:00",
        "Opening hours", "Contact", "Slip handed over on Tuesday 10 March 2026",
    ),
}  # fmt: skip


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_fiche_de_liaison_speaks_the_windows_language(
    qtbot: QtBot,
    qapp: QApplication,
    cvl_db: Database,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """The slip's words were never in the catalogue (built from a variable, lupdate saw
    none) and its dates came from a French locale: an English desk printed « Fiche de
    liaison … Où aller … Rendez-vous le mercredi 11 mars 2026 »."""
    from PySide6.QtCore import QLocale

    from spro_desk.ui.app.i18n import install_translators, remove_translators

    from .test_orientation_screen import (
        WEDNESDAY_10AM,
        _book_rendez_vous,
        _ok,
        _save_pdf,
        _screen,
        _slip_dialog,
        _type_profile,
    )
    from .test_slip_pdf import pdf_text

    previous = QLocale()
    translators = install_translators(qapp, preferred=language)
    try:
        window = make_window(cvl_db)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        screen = _screen(window)
        _type_profile(qtbot, screen)
        dialog = open_booking(qtbot, screen)
        _book_rendez_vous(qtbot, dialog, WEDNESDAY_10AM)
        _ok(qtbot, dialog)
        path = tmp_path / "fiche.pdf"
        _save_pdf(qtbot, _slip_dialog(qtbot, screen), path, monkeypatch)
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)
    text = pdf_text(path)
    for words in SLIP_WORDS[language]:
        assert words in text
    other = SLIP_WORDS["en" if language == "fr" else "fr"]
    for words in other:
        if words not in SLIP_WORDS[language]:
            assert words not in text


# --- a data folder that cannot be made -------------------------------------------------------


@pytest.mark.usefixtures("isolated_settings")
@pytest.mark.parametrize("where", ["a-file", "a-missing-disk"])
def test_a_data_folder_that_cannot_be_made_is_said_in_a_window(
    qapp: QApplication, tmp_path: Path, where: str
) -> None:
    """SPRO_DESK_DATA_DIR on a USB key left in another computer, or a file where the folder
    should be: the icon printed a Python traceback on stderr (mkdir's FileNotFoundError)
    and showed nothing."""
    from spro_desk.cli.main import main

    if where == "a-file":
        folder = tmp_path / "donnees"
        folder.write_text("pas un dossier")
    else:
        folder = Path("/proc/aucun-disque/donnees")  # no folder can be made under /proc
    seen: dict[str, str] = {}
    status = _poll_box_while(lambda: main(["--data-dir", str(folder)]), seen)
    assert status == 1
    assert seen.get("title") == "SPRO Desk ne peut pas démarrer", seen
    assert str(folder) in seen["text"]
    assert "relancez SPRO Desk" in seen["text"]


def test_a_command_on_a_data_folder_that_cannot_be_made_is_refused_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spro_desk.cli.main import main

    folder = tmp_path / "donnees"
    folder.write_text("pas un dossier")
    assert main(["--data-dir", str(folder), "contact", "list"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"le dossier de données « {folder} » ne peut pas être créé" in err


# --- a person's data found by the phone she gives ---------------------------------------------


@pytest.mark.parametrize(
    "typed", ["06.99.88.77.66", "+33 6 99 88 77 66", "0033699887766", "06-99-88-77-66", "88 77 66"]
)
def test_a_person_is_found_by_her_phone_written_as_she_gives_it(
    qtbot: QtBot, db: Database, typed: str
) -> None:
    """A request for « mes données » by a caller who gives « 06.99.88.77.66 » or her number
    with +33: « Données de cette personne » found nobody (only « 06 99 88 77 66 » matched)."""
    from spro_desk.agents.sessions import desk_session
    from spro_desk.ui.common.person_data_dialog import PersonDataDialog
    from test_privacy_support import CANARY_NAME, MANAGER_PIN, manager, record_canary

    record_canary(db)  # her phone stored « 06 99 88 77 66 »
    record_canary(db, nom="Autre Personne", telephone="06 11 22 33 44", courriel="a@exemple.fr")
    desk_session(db).login(manager(db).id, MANAGER_PIN)
    dialog = PersonDataDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, typed)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.results.count() == 1
    assert CANARY_NAME in dialog.results.item(0).text()


# --- the Marquesas and the Gambier keep their own clocks --------------------------------------


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("Nuku-Hiva", "Pacific/Marquesas"), ("Hiva-Oa", "Pacific/Marquesas"),
     ("Gambier", "Pacific/Gambier"), ("Papeete", "Pacific/Tahiti")],
)  # fmt: skip
def test_the_assistant_proposes_the_marquesas_clock_for_a_marquesas_site(
    qtbot: QtBot, tmp_path: Path, typed: str, zone: str
) -> None:
    """Every commune of Polynésie française was given Tahiti's clock: a desk in Nuku-Hiva
    (UTC−9:30) counted its days half an hour off, and a Tahiti desk read a Hiva-Oa
    partner's hours on its own clock."""
    from spro_desk import clock
    from spro_desk.geo import geography
    from spro_desk.ui.first_run.wizard import FirstRunWizard

    db = Database(tmp_path / "desk.sqlite")
    wizard = FirstRunWizard(db, tmp_path, geography())
    qtbot.addWidget(wizard)
    page = wizard.site_page
    qtbot.keyClicks(page.commune, typed)
    page.commune.settle()
    assert page.choice().fuseau == zone
    code = page.commune.code()
    wizard.reject()
    db.close()
    assert clock.zone_of_commune(code) == zone


# --- the coordination's alerts and import summaries in English ---------------------------------


def test_the_coordinations_alert_kinds_and_import_summary_are_in_the_catalogue(
    qapp: QApplication,
) -> None:
    """Their words went through a helper taking a variable: lupdate never saw them, and an
    English coordination read « Bifurcation », « Aucun envoi à importer »."""
    from PySide6.QtCore import QLocale

    from spro_desk.sync.coordinator_views import BatchImport
    from spro_desk.ui.app.i18n import install_translators, remove_translators
    from spro_desk.ui.coordination.alert_text import FORK, GAP, alert_kind_label, ranges_text
    from spro_desk.ui.coordination.bundle_import import batch_summary

    previous = QLocale()
    translators = install_translators(qapp, preferred="en")
    try:
        assert [alert_kind_label(k) for k in (FORK, GAP)] == ["Fork", "Missing events"]
        assert ranges_text(((4, 7), (12, 12))) == "4 to 7, 12"
        assert batch_summary(BatchImport()).startswith("No bundle to import")
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)
    assert alert_kind_label(FORK) == "Bifurcation"


# --- Suivi's call list in the window's language ------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_call_lists_question_speaks_the_windows_language(
    qtbot: QtBot,
    qapp: QApplication,
    cvl_db: Database,
    make_window: WindowFactory,
    language: str,
) -> None:
    """What to ask was written in French by the domain: an English desk's call list read
    « La personne a-t-elle pu joindre … ? H : oui, c'est fait ; A : elle n'ira pas. »"""
    from datetime import datetime

    from PySide6.QtCore import QLocale

    from spro_desk.contacts.service import ContactService
    from spro_desk.ui.app.i18n import install_translators, remove_translators

    from .test_agent_day import CAP_EMPLOI, CIO, consenting_caller, suivi_screen

    service = ContactService(cvl_db)
    person = consenting_caller(cvl_db)
    service.add_referral(person, CIO)  # an information: no date to ask about
    service.add_referral(person, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))  # past
    previous = QLocale()
    translators = install_translators(qapp, preferred=language)
    try:
        screen = suivi_screen(qtbot, make_window(cvl_db))
        box = screen.call_card.call_list
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()
        qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
        questions = []
        for row in range(2):
            screen.table.selectRow(row)
            qtbot.waitUntil(lambda: bool(screen.call_card.question.text()))
            questions.append(screen.call_card.question.text())
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)
    expected = {
        "fr": [
            "Le rendez-vous du 05/03/2026 à 14:00 chez Cap emploi Cher a-t-il eu lieu ? "
            "H : honoré, N : non honoré, A : annulé.",
            "La personne a-t-elle pu joindre",
        ],
        "en": [
            "Did the appointment on 05/03/2026 at 14:00 with Cap emploi Cher take place? "
            "H: attended, N: not attended, A: cancelled.",
            "Did the person manage to reach",
        ],
    }[language]
    assert questions[0] == expected[0]
    assert questions[1].startswith(expected[1])


# --- a role's buttons greyed out, not refused after the click -----------------------------------


@pytest.mark.parametrize(
    ("role", "enabled"),
    [("agent", (True, True, False)), ("coordinateur", (False, False, False)),
     ("responsable-de-site", (True, True, True))],
)  # fmt: skip
def test_a_roles_personal_data_buttons_are_greyed_out_when_it_may_not(
    qtbot: QtBot, db: Database, make_window: WindowFactory, role: str,
    enabled: tuple[bool, bool, bool],
) -> None:  # fmt: skip
    """An agent clicked « Données de cette personne… » (a copy for the person, the site
    manager's) and was told « Action réservée : le rôle « Agent d'accueil » ne le permet
    pas »; a coordinator visiting was offered « Afficher les coordonnées » likewise."""
    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.agents.sessions import desk_session
    from test_privacy_support import FAST, MANAGER_PIN, manager, record_canary

    from .conftest import FIXED_NOW

    record_canary(db, FIXED_NOW)
    session = desk_session(db)
    session.login(manager(db).id, MANAGER_PIN)
    if role != "responsable-de-site":
        other = create_agent(db, "Samir", "73910462", Role(role), cost=FAST)
        session.login(other.id, "73910462")
    window = make_window(db)
    window.show_screen("accueil")
    accueil = window.screens["accueil"]
    accueil.today.select(accueil.today.model.contact(0).id)
    panel = accueil.personal
    buttons = (panel.show_button, panel.erase_button, panel.access_button)
    assert tuple(b.isEnabled() for b in buttons) == enabled
    for button, on in zip(buttons, enabled, strict=True):
        if not on:  # said why, to the eye and to a screen reader
            assert "Réservé à un autre rôle" in button.toolTip()
            assert "Réservé à un autre rôle" in button.accessibleDescription()


def test_the_personal_data_buttons_follow_the_agent_who_unlocks(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """The site manager unlocks after an agent: « Données de cette personne… » is hers."""
    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.agents.sessions import desk_session
    from test_privacy_support import FAST, MANAGER_PIN, manager, record_canary

    from .conftest import FIXED_NOW

    record_canary(db, FIXED_NOW)
    session = desk_session(db)
    claire = manager(db)
    session.login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", "73910462", Role.AGENT, cost=FAST)
    session.login(samir.id, "73910462")
    window = make_window(db)
    window.show_screen("accueil")
    accueil = window.screens["accueil"]
    accueil.today.select(accueil.today.model.contact(0).id)
    assert not accueil.personal.access_button.isEnabled()
    window.privacy.lock()
    window.privacy.unlock(claire.id, MANAGER_PIN)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    qtbot.waitUntil(accueil.personal.access_button.isEnabled)


# --- the English window at 1024 × 768 ------------------------------------------------------------


def test_the_english_accueil_does_not_scroll_sideways_at_1024_by_768(
    qtbot: QtBot, qapp: QApplication, cvl_db: Database, make_window: WindowFactory
) -> None:
    """The statut list took the width of its longest English label (« J — Young person who
    left school without a qualification, not in work or training »): at 1024 × 768 the
    walk-in form scrolled sideways, in English only."""
    from PySide6.QtCore import QLocale

    from spro_desk.ui.app.i18n import install_translators, remove_translators

    from .test_agent_day import _visit_every_screen

    previous = QLocale()
    translators = install_translators(qapp, preferred="en")
    try:
        window = make_window(cvl_db)
        window.resize(1024, 768)
        _visit_every_screen(window)
        window.show_screen("accueil")
        QApplication.processEvents()
        accueil = window.screens["accueil"]
        assert accueil.form_area.horizontalScrollBar().maximum() == 0
        statut = accueil.form.statut
        statut.setFocus()
        statut.showPopup()  # the list itself still shows every label whole
        view = statut.view()
        longest = max(range(statut.count()), key=lambda row: len(statut.itemText(row)))
        assert view.visualRect(statut.model().index(longest, 0)).width() >= (
            view.sizeHintForIndex(statut.model().index(longest, 0)).width()
        )
        statut.hidePopup()
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)


# --- the site's bilan names communes as the screens do ------------------------------------------


def test_the_sites_bilan_names_communes_by_postal_code_or_departement_not_insee_code(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """« Contacts par commune » read « Saint-Denis (97411) »: the INSEE code, which a
    Réunion reader takes for a postal code — Saint-Paul's (Bois-de-Nèfles); « Bourges
    (18033) » where the screens say « Bourges (18000) »."""
    from datetime import datetime

    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService

    from .test_agent_day import exported_bilan

    service = ContactService(cvl_db)
    for commune in ("97411", "18033", "97415"):  # Saint-Denis (974), Bourges, Saint-Paul (974)
        service.record(ContactInput(canal="accueil-physique", statut="salarie", commune=commune,
                                    occurred_at=datetime(2026, 3, 9, 14, 0)))  # fmt: skip
    window = make_window(cvl_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    document = exported_bilan(qtbot, window, tmp_path, monkeypatch)
    [communes] = [s for theme in document["themes"] for s in theme["sections"]
                  if s.get("key") == "contacts.commune"]  # fmt: skip
    labels = {row["code"]: row["label"] for row in communes["rows"]}
    assert labels["97411"] == "Saint-Denis (974)"
    assert labels["97415"] == "Saint-Paul (974)"
    assert labels["18033"] == "Bourges (18000)"


def test_suivis_call_list_is_greyed_out_for_a_role_that_may_not_see_names(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """A coordinator visiting the desk ticked « Liste d'appels » and got, row after row,
    a refusal instead of a name: offered, then refused."""
    from datetime import datetime

    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.agents.sessions import desk_session
    from spro_desk.contacts.service import ContactService
    from test_privacy_support import FAST, MANAGER_PIN, manager, record_canary

    from .test_agent_day import CAP_EMPLOI, suivi_screen

    contact = record_canary(cvl_db, datetime(2026, 3, 2, 9, 0))
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    session = desk_session(cvl_db)
    session.login(manager(cvl_db).id, MANAGER_PIN)
    visitor = create_agent(cvl_db, "Inès", "73910462", Role.COORDINATEUR, cost=FAST)
    session.login(visitor.id, "73910462")
    screen = suivi_screen(qtbot, make_window(cvl_db))
    box = screen.call_card.call_list
    assert not box.isEnabled() and not box.isChecked()
    assert "Réservé à un autre rôle" in box.toolTip()
    assert "Réservé à un autre rôle" in box.accessibleDescription()


def test_the_annuaires_commune_filter_prefers_the_sites_area(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Accueil and Orientation offered the site's area first; the Annuaire's commune filter
    still took the first national match: « saint-amand » + Entrée at a Cher desk filtered
    on Saint-Amand in the Creuse."""
    from spro_desk.site.settings import SiteSettings

    SiteSettings(cvl_db).set("site.commune", "18033")  # a desk in Bourges (Cher)
    window = make_window(cvl_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Annuaire
    view = window.directory_view
    assert view is not None
    field = view.filter_bar.commune
    field.setFocus()
    qtbot.keyClicks(field, "saint-amand")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert (field.code(), field.text()) == ("18197", "Saint-Amand-Montrond (18200)")
