"""Issue 18, an agent's day: every friction met is reproduced with the keys an agent presses."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactError, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.coordinates import CoordinateError, check_email, format_phone
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.context import OrientationRequest
from spro_desk.ui.dashboard.screen import DashboardScreen
from spro_desk.ui.orientation.screen import OrientationScreen
from spro_desk.ui.suivi.screen import SuiviScreen

from .conftest import FIXED_NOW, WindowFactory
from .test_accueil import CTRL, Desk, Keyboard, focus_row, open_accueil
from .test_orientation_screen import open_booking

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def desk(qtbot: QtBot, db: Database, make_window: WindowFactory) -> Desk:
    return open_accueil(qtbot, make_window(db), db)


def anonymous_contact(db: Database, statut: str = "salarie") -> str:
    return ContactService(db).record(
        ContactInput(
            canal="accueil-physique",
            statut=statut,
            besoins=("se-former",),
            reponses=("information-orale",),
            occurred_at=datetime(2026, 3, 10, 9, 0),
        )
    )


def edit_first_row(qtbot: QtBot, desk: Desk) -> None:
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(desk.screen.form.statut.hasFocus)


# --- recording and correcting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0601020304", "06 01 02 03 04"),
        ("+33 6 01 02 03 04", "06 01 02 03 04"),
        ("0690 12 34 56", "0690 12 34 56"),  # Guadeloupe
        ("0692123456", "0692 12 34 56"),  # La Réunion
        ("0694201234", "0694 20 12 34"),  # Guyane
        ("+32 2 555 12 12", "+32 2 555 12 12"),
        ("+508 41 12 34", "+508 41 12 34"),  # Saint-Pierre-et-Miquelon: not 0-dialled
        ("00 508 55 12 34", "+508 55 12 34"),
    ],
)
def test_phones_are_checked_and_formatted(typed: str, stored: str) -> None:
    assert format_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12", "06 01 02", "bonjour", "0000000000"])
def test_a_wrong_phone_is_refused_in_french(typed: str) -> None:
    with pytest.raises(CoordinateError, match=r"Téléphone .* invalide"):
        format_phone(typed)


@pytest.mark.parametrize(
    ("zone", "example"),
    [
        ("Pacific/Tahiti", "87 12 34 56"),
        ("Pacific/Noumea", "75.12.34"),
        ("Pacific/Wallis", "82 12 34"),
    ],
)
def test_a_pacific_desk_is_told_its_own_numbers_form(zone: str, example: str) -> None:
    """A wrong number at a desk in the Pacific asked for « un numéro français à 10 chiffres »,
    which the desk's own callers do not have."""
    with pytest.raises(CoordinateError) as refused:
        format_phone("12", zone)
    message = str(refused.value)
    assert example in message and "+33" in message
    assert "10 chiffres" not in message


def test_emails_are_checked() -> None:
    assert check_email(" lea.martin@Exemple.FR ") == "lea.martin@exemple.fr"
    for wrong in ("lea@", "lea", "@exemple.fr", "lea@exemple"):
        with pytest.raises(CoordinateError, match=r"Courriel .* invalide"):
            check_email(wrong)


def test_a_bad_email_refuses_the_contact_and_keeps_the_form(qtbot: QtBot, desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")
    keys.press("O", ALT)
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("I", ALT)  # Courriel
    keys.type("lea@")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.list() == []
    # Said without the address typed: the message outlives the form (tests/ui/
    # test_privacy_new_surfaces.py); the field keeps it for the agent to correct.
    assert "Courriel invalide" in desk.screen.feedback.text()
    assert desk.screen.form.consent.courriel.text() == "lea@"


def _type_a_consenting_call(qtbot: QtBot, desk: Desk, name: str, phone: str) -> Keyboard:
    """A phone call typed as an agent does (demandeur d'emploi, 26-35 ans), the caller's
    consent given, then their name and phone; not recorded yet. Returns the keyboard."""
    keys = desk.keyboard
    keys.press("D")
    keys.press(Qt.Key.Key_Tab)
    keys.press("3")
    keys.press("C", ALT)
    keys.press("T")  # Téléphone
    keys.press("O", ALT)  # the caller agrees
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("N", ALT)
    keys.type(name)
    keys.press(Qt.Key.Key_Tab)
    keys.type(phone)
    return keys


def test_an_overseas_phone_call_is_recorded_with_its_number_written_out(
    qtbot: QtBot, desk: Desk
) -> None:
    keys = _type_a_consenting_call(qtbot, desk, "Jean-Marc Payet", "0692123456")  # La Réunion
    keys.press("I", ALT)
    keys.type("jm.payet@exemple.re")
    keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert desk.contacts.personal_data(contact.id) == PersonalDataInput(
        nom="Jean-Marc Payet", telephone="0692 12 34 56", courriel="jm.payet@exemple.re"
    )


def test_a_saint_pierre_et_miquelon_number_keeps_its_country_code(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """+508 is no 0-dialled French number: « 041 12 34 » reached nobody from Paris, Cayenne
    nor Saint-Denis, and the desk of Saint-Pierre saw the +508 it typed disappear."""
    from spro_desk.site.settings import SiteSettings

    SiteSettings(db).set("site.fuseau", "America/Miquelon")
    desk = open_accueil(qtbot, make_window(db), db)
    keys = _type_a_consenting_call(qtbot, desk, "Yannick Detcheverry", "+508 41 12 34")
    keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert desk.contacts.personal_data(contact.id) == PersonalDataInput(
        nom="Yannick Detcheverry", telephone="+508 41 12 34"
    )


def test_a_tahiti_desk_types_its_callers_local_numbers(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """The site's zone may be Polynésie française: its eight-digit numbers were refused
    (only « +689 87 12 34 56 » passed), and a mainland mobile was stored « 06 … », which
    cannot be dialled from Papeete."""
    from spro_desk.site.settings import SiteSettings

    SiteSettings(db).set("site.fuseau", "Pacific/Tahiti")
    desk = open_accueil(qtbot, make_window(db), db)
    for name, typed in (("Moana Teriitahi", "87 12 34 56"), ("Lea Martin", "06 12 34 56 78")):
        keys = _type_a_consenting_call(qtbot, desk, name, typed)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert desk.screen.feedback.text().startswith("Contact enregistré")
    phones = sorted(desk.contacts.personal_data(c.id).telephone for c in desk.contacts.list())
    assert phones == ["+33 6 12 34 56 78", "87 12 34 56"]


def test_consent_and_phone_are_added_to_an_anonymous_contact(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    contact_id = anonymous_contact(db)
    edit_first_row(qtbot, desk)
    form = desk.screen.form
    assert form.consent.consent.isEnabled()
    keys = desk.keyboard
    keys.press("O", ALT)  # the person agrees now
    qtbot.waitUntil(form.consent.is_given)
    keys.press("N", ALT)
    keys.type("Lea")
    keys.press(Qt.Key.Key_Tab)
    keys.type("0601020304")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.screen.feedback.text() == "Contact de 09:00 modifié."
    assert desk.contacts.personal_data(contact_id) == PersonalDataInput(
        nom="Lea", telephone="06 01 02 03 04"
    )
    changes = [e for e in audit_log(db).entries() if e["action"] == "modification"]
    assert len(changes) == 1
    assert changes[0]["detail"] == {"champs": ["nom", "telephone"]}
    assert "Lea" not in str(audit_log(db).entries())  # names of fields, never their values


def test_a_mistyped_phone_is_corrected_and_logged(qtbot: QtBot, db: Database, desk: Desk) -> None:
    from spro_desk.contacts.model import ConsentInput

    service = ContactService(db)
    contact_id = service.record(
        ContactInput(
            canal="telephone",
            statut="salarie",
            occurred_at=datetime(2026, 3, 10, 9, 0),
            personal=PersonalDataInput(nom="Lea Martin", telephone="0601020305"),
            consent=ConsentInput(),
        )
    )
    edit_first_row(qtbot, desk)
    phone = desk.screen.form.consent.telephone
    assert phone.isEnabled() and phone.text() == "06 01 02 03 05"
    phone.setFocus()
    keys = desk.keyboard
    keys.press(Qt.Key.Key_Backspace)
    keys.type("4")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert service.personal_data(contact_id) == PersonalDataInput(
        nom="Lea Martin", telephone="06 01 02 03 04"
    )
    actions = [e["action"] for e in audit_log(db).entries()]
    assert "modification" in actions
    assert actions.index("affichage") < actions.index("modification")  # opened to be corrected


def test_an_agent_who_may_not_see_personal_data_cannot_add_them_in_a_correction(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """A coordinator signed in on the desk corrects an anonymous contact's statut: the consent
    box was offered, the name typed, then the whole correction refused at Ctrl+Entrée."""
    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.agents.sessions import desk_session
    from spro_desk.ui.common.background import ImmediateRunner
    from test_privacy_support import FAST, MANAGER_PIN

    from .lock_support import desk_with_agents, type_code

    claire, _samir = desk_with_agents(cvl_db)
    session = desk_session(cvl_db)
    session.login(claire, MANAGER_PIN)
    lea = create_agent(cvl_db, "Léa", "coordination 2026", Role.COORDINATEUR, cost=FAST)
    session.lock()
    contact_id = anonymous_contact(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    type_code(qtbot, window, lea.id, "coordination 2026")
    qtbot.waitUntil(lambda: not window.privacy.is_locked)
    desk = open_accueil(qtbot, window, cvl_db)
    edit_first_row(qtbot, desk)
    form = desk.screen.form
    assert not form.consent.consent.isEnabled() and not form.consent.nom.isEnabled()
    assert "ne permet pas d'y ajouter des coordonnées" in form.edit_note.text()
    keys = desk.keyboard
    keys.press("D")  # the statut is corrected, and nothing else can be
    keys.press("O", ALT)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.screen.feedback.text() == "Contact de 09:00 modifié."
    assert desk.contacts.get(contact_id).statut == "demandeur-emploi"
    assert not desk.contacts.has_personal_data(contact_id)


def test_a_bad_phone_in_a_correction_changes_nothing(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    contact_id = anonymous_contact(db)
    edit_first_row(qtbot, desk)
    keys = desk.keyboard
    keys.press("D")  # the statut is corrected too
    keys.press("O", ALT)
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("P", ALT)
    keys.type("0601")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert "Téléphone invalide" in desk.screen.feedback.text()
    assert "0601" not in desk.screen.feedback.text()
    assert desk.contacts.get(contact_id).statut == "salarie"
    assert not desk.contacts.has_personal_data(contact_id)


# --- ages, bands and dates ---------------------------------------------------------------------


def orientation_screen(window: MainWindow) -> OrientationScreen:
    window.show_screen("orientation")
    screen = window.screens["orientation"]
    assert isinstance(screen, OrientationScreen)
    return screen


def test_the_age_band_is_never_turned_into_an_age(qtbot: QtBot, desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("D")
    keys.press(Qt.Key.Key_Tab)
    keys.press("3")
    keys.press("G", ALT)  # Tranche d'âge
    keys.press("5")  # 45-54 ans (one key picks the band)
    assert desk.screen.form.tranche_age.code() == "45-54"
    with qtbot.waitSignal(desk.window.context.navigator.orientation_requested) as emitted:
        keys.press(Qt.Key.Key_O, CTRL)
    request = emitted.args[0]
    assert (request.age, request.tranche_age) == (None, "45-54")
    profile = orientation_screen(desk.window).profile
    assert profile.age_value() is None  # not « 50 ans »
    assert profile.age_hint.text().startswith("Tranche d'âge : 45-54 ans")


def test_a_band_is_eligible_when_any_of_its_ages_is() -> None:
    from spro_desk.orientation.profile import VisitorProfile

    band = VisitorProfile(
        commune="18033", statut="demandeur-emploi", besoins=("trouver-un-emploi",),
        tranche_age="18-25",
    )  # fmt: skip
    assert band.ages == (18, 25) and band.is_young_adult
    wide = VisitorProfile(
        commune="18033", statut="demandeur-emploi", besoins=("trouver-un-emploi",),
        tranche_age="26-44",
    )  # fmt: skip
    assert not wide.is_young_adult  # 35 used to be assumed: now the band decides nothing alone


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "Âge de 0 ans impossible pour le statut « Demandeur d'emploi » : 16 ans au moins."),
        ("999", "Âge de 999 ans impossible : 120 ans au plus."),
    ],
)
def test_an_impossible_age_is_refused_in_french(
    qtbot: QtBot, window: MainWindow, typed: str, message: str
) -> None:
    screen = orientation_screen(window)
    profile = screen.profile
    qtbot.keyClicks(profile.commune, "18033")
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    profile.needs.set_codes(("trouver-un-emploi",))
    profile.age.setFocus()
    profile.age.selectAll()
    qtbot.keyClicks(profile.age, typed)
    assert profile.age.value() == int(typed)  # kept as typed, not capped to 120
    qtbot.keyClick(profile.age, Qt.Key.Key_Return)
    assert screen.message.text() == message
    assert screen.model.rowCount() == 0


def suggest_for_bourges(qtbot: QtBot, screen: OrientationScreen) -> None:
    profile = screen.profile
    qtbot.keyClicks(profile.commune, "18033")
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    profile.needs.set_codes(("trouver-un-emploi",))
    qtbot.mouseClick(screen.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)


def test_the_rendez_vous_time_is_typed(qtbot: QtBot, window: MainWindow, cvl_db: Database) -> None:
    screen = orientation_screen(window)
    suggest_for_bourges(qtbot, screen)
    dialog = open_booking(qtbot, screen)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), "R", ALT)
    qtbot.waitUntil(dialog.rendez_vous.isChecked)
    qtbot.waitUntil(dialog.time.hasFocus)  # the hour is what is typed next
    for key in "1430":
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert dialog.rdv_at() is not None and dialog.rdv_at().strftime("%H:%M") == "14:30"


def test_a_rendez_vous_in_2078_is_refused(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    screen = orientation_screen(window)
    suggest_for_bourges(qtbot, screen)
    dialog = open_booking(qtbot, screen)
    qtbot.mouseClick(dialog.rendez_vous, Qt.MouseButton.LeftButton)
    dialog.date.setFocus()
    dialog.date.setSelectedSection(dialog.date.Section.YearSection)
    qtbot.keyClicks(dialog.date, "2078")
    assert dialog.date.value().year == 2078
    assert "est à plus d'un an : vérifiez l'année" in dialog.hours_status.text()
    assert "ouvert" not in dialog.hours_status.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.closed_warning is None  # no « keep it anyway »
    assert ContactService(cvl_db).list() == []


def test_ctrl_o_takes_the_contact_selected_today(qtbot: QtBot, desk: Desk) -> None:
    first = anonymous_contact(desk.db, "retraite")
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 0)
    with qtbot.waitSignal(desk.window.context.navigator.orientation_requested) as emitted:
        desk.keyboard.press(Qt.Key.Key_O, CTRL)
    request = emitted.args[0]
    assert (request.contact_id, request.statut) == (first, "retraite")
    assert len(desk.contacts.list()) == 1  # nothing new recorded


def test_a_commune_typed_in_orientation_is_saved_to_the_contact(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    contact_id = ContactService(cvl_db).record(
        ContactInput(canal="accueil-physique", statut="demandeur-emploi",
                     besoins=("trouver-un-emploi",), occurred_at=FIXED_NOW)
    )  # fmt: skip
    window.context.navigator.orientation_requested.emit(
        OrientationRequest(contact_id=contact_id, statut="demandeur-emploi",
                           besoins=("trouver-un-emploi",))
    )  # fmt: skip
    screen = orientation_screen(window)
    qtbot.keyClicks(screen.profile.commune, "18033")
    qtbot.mouseClick(screen.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    dialog = open_booking(qtbot, screen)
    dialog.accept()
    qtbot.waitUntil(lambda: screen.booking.slip_dialog is not None)
    assert ContactService(cvl_db).get(contact_id).commune == "18033"


# --- the site's area -----------------------------------------------------------------------------


def test_the_commune_completer_prefers_the_sites_area(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    from spro_desk.site.settings import SiteSettings

    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type("saint-amand")
    assert commune.match_texts()[0].startswith("Saint-Amand (23")  # no site commune: national
    commune.clear()
    SiteSettings(db).set("site.commune", "18033")  # a desk in Bourges (Cher)
    desk.window.show_screen("accueil")
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type("saint-amand")
    desk.keyboard.press(Qt.Key.Key_Return)
    assert (commune.text(), commune.code()) == ("Saint-Amand-Montrond (18200)", "18197")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Saint-Denis (97400)", "97411"),
        ("saint-denis 93200", "93066"),
        ("Bourges 18000", "18033"),
        ("saint-denis 93", "93066"),  # the département as people say it
        ("Saint-Pierre 974", "97416"),
        ("saint-pierre 975", "97502"),
    ],
)
def test_a_commune_typed_as_the_list_shows_it_is_found(
    qtbot: QtBot, desk: Desk, typed: str, code: str
) -> None:
    # « Bourges (18000) » is how the list writes a commune: typed or left so in the field, it
    # used to match nothing (« ne correspond à aucune commune »).
    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    qtbot.keyClicks(commune, typed)
    commune.settle()  # as Tab or leaving the field do
    assert commune.code() == code


def test_a_chosen_catchment_area_comes_first(db: Database) -> None:
    from spro_desk.geo import geography
    from spro_desk.site.catchment import catchment_communes, catchment_label
    from spro_desk.site.settings import SiteSettings

    settings = SiteSettings(db)
    settings.set("site.commune", "18033")
    geo = geography()
    assert catchment_label(settings.get, geo) == "Cher (18)"
    settings.set("site.zone", ["23"])  # the site serves the Creuse instead
    area = catchment_communes(settings.get, geo)
    assert "18197" not in area
    assert geo.search_communes("saint-amand", 1, area)[0].departement == "23"


def test_date_and_time_move_forward_while_idle(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    now = [FIXED_NOW]
    desk = open_accueil(qtbot, make_window(db, clock=lambda: now[0]), db)
    when = desk.screen.form.when
    assert when.dateTime().toPython().strftime("%H:%M") == "10:00"
    now[0] = FIXED_NOW.replace(minute=4)
    desk.screen.clock_timer.setInterval(20)  # ten seconds in the application
    qtbot.waitUntil(lambda: when.dateTime().toPython().strftime("%H:%M") == "10:04")
    assert not desk.screen.form.has_changes()
    record_walk_in_keys = desk.keyboard
    record_walk_in_keys.press("E")
    record_walk_in_keys.press(Qt.Key.Key_Tab)
    record_walk_in_keys.press("1")
    record_walk_in_keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert contact.occurred_at.astimezone().strftime("%H:%M") == "10:04"


# --- orienting and booking -----------------------------------------------------------------------


def test_why_is_cleared_when_the_next_visitor_gets_no_reasons(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = orientation_screen(window)
    suggest_for_bourges(qtbot, screen)
    assert screen.reasons.toPlainText()
    window.context.navigator.orientation_requested.emit(
        OrientationRequest(commune="97411", statut="salarie", besoins=("trouver-un-emploi",))
    )  # La Réunion: nothing of the Centre-Val de Loire directory serves it
    qtbot.waitUntil(lambda: screen.message.text().startswith("Aucun service"))
    assert screen.model.rowCount() == 0
    assert screen.reasons.toPlainText() == ""


def test_the_thematique_filter_keeps_logement_and_enter(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("annuaire")
    view = window.directory_view
    combo = view.filter_bar.thematique
    line = combo.lineEdit()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    line.selectAll()
    for key in "logement":
        qtbot.keyClick(QApplication.focusWidget(), key)
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.code() == "logement-hebergement")
    assert combo.currentText() == "Logement et hébergement"


def test_the_fiche_carries_the_need_and_the_sites_address_and_phone(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, tmp_path: Path
) -> None:
    from spro_desk.site.settings import SettingError, SiteSettings
    from spro_desk.ui.orientation.slip_pdf import render_slip_pdf

    from .test_slip_pdf import pdf_text

    settings = SiteSettings(cvl_db)
    settings.set("site.nom", "CIO de Bourges")
    settings.set("site.adresse", "12 rue Moyenne, 18000 Bourges")
    settings.set("site.telephone", "0248123456")
    assert settings.get("site.telephone") == "02 48 12 34 56"
    with pytest.raises(SettingError, match="Téléphone du site : Téléphone « 12 » invalide"):
        settings.set("site.telephone", "12")
    screen = orientation_screen(window)
    suggest_for_bourges(qtbot, screen)
    dialog = open_booking(qtbot, screen)
    dialog.accept()
    qtbot.waitUntil(lambda: screen.booking.slip_dialog is not None)
    slip = screen.booking.slip_dialog.slip
    assert slip.besoins == ["Trouver un emploi"]
    assert slip.sender is not None
    assert slip.sender.lines() == [
        "CIO de Bourges",
        "12 rue Moyenne, 18000 Bourges",
        "02 48 12 34 56",
    ]
    text = " ".join(pdf_text(render_slip_pdf(slip, tmp_path / "fiche.pdf")).split())
    assert "Motif de l'orientation Trouver un emploi" in text
    assert (
        "Orienté par CIO de Bourges 12 rue Moyenne, 18000 Bourges Téléphone : 02 48 12 34 56"
        in text
    )


# --- following up --------------------------------------------------------------------------------

CAP_EMPLOI = "spro-annuaire--cap-emploi-cher--1"
CIO = "spro-annuaire--cio-de-bourges--1"


def consenting_caller(db: Database) -> str:
    """Lea Martin, who called and agreed to be called back."""
    from spro_desk.contacts.model import ConsentInput

    return ContactService(db).record(
        ContactInput(
            canal="telephone", statut="salarie", occurred_at=datetime(2026, 3, 2, 9, 0),
            personal=PersonalDataInput(nom="Lea Martin", telephone="0601020304"),
            consent=ConsentInput(),
        )
    )  # fmt: skip


def suivi_screen(qtbot: QtBot, window: MainWindow) -> SuiviScreen:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_screen("suivi")
    screen = window.screens["suivi"]
    assert isinstance(screen, SuiviScreen)
    qtbot.waitUntil(screen.table.hasFocus)
    return screen


def select_referral(screen: SuiviScreen, referral_id: str) -> None:
    row = screen.model.row_of(referral_id)
    assert row is not None
    screen.table.selectRow(row)


def statut_of(db: Database, referral_id: str) -> str:
    return next(
        r.statut for c in ContactService(db).list() for r in c.referrals if r.id == referral_id
    )


def test_rendez_vous_pris_is_refused_on_an_information(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    information = ContactService(cvl_db).add_referral(anonymous_contact(cvl_db), CIO)
    screen = suivi_screen(qtbot, window)
    select_referral(screen, information)
    assert not screen.status_actions["rdv-pris"].isEnabled()
    screen.set_status("rdv-pris")  # as if the key still reached it
    assert "ne vaut que pour une orientation avec rendez-vous" in screen.message.text()
    assert statut_of(cvl_db, information) == "propose"
    with pytest.raises(ContactError):
        ContactService(cvl_db).set_referral_status(information, "rdv-pris")


def test_honore_back_to_rendez_vous_pris_only_when_confirmed(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    service = ContactService(cvl_db)
    referral = service.add_referral(
        anonymous_contact(cvl_db), CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0)
    )
    service.set_referral_status(referral, "honore")
    screen = suivi_screen(qtbot, window)
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return answers.pop(0)

    screen.confirm = confirm
    select_referral(screen, referral)
    qtbot.keyClick(screen.table, Qt.Key.Key_R)
    assert asked and "déjà notée « Honoré »" in asked[0]
    assert statut_of(cvl_db, referral) == "honore"  # refused: nothing changed
    qtbot.keyClick(screen.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: statut_of(cvl_db, referral) == "rdv-pris")


def test_an_honoured_information_is_not_an_honoured_rendez_vous(cvl_db: Database) -> None:
    from sqlalchemy import create_engine

    from spro_desk.reports import queries

    service = ContactService(cvl_db)
    information = service.add_referral(anonymous_contact(cvl_db), CAP_EMPLOI)
    service.set_referral_status(information, "honore")
    with create_engine("sqlite://").connect() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE merged_referral (contact_id, type, statut, niveau)"
        )  # the shape level_two reads
        connection.exec_driver_sql(
            "INSERT INTO merged_referral VALUES (?, ?, ?, 2)",
            [("a", "information", "honore"), ("b", "rendez-vous", "honore")],
        )
        assert queries.level_two(connection, table="merged_referral") == (2, 1)


def test_ratios_have_two_decimals() -> None:
    from spro_desk.ui.common.dashboard.data import french_decimal

    assert french_decimal(0.429) == "0,43"
    assert french_decimal(12.5, "%") == "12,5\u00a0%"


def test_suivi_is_the_call_list_of_consenting_people(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:

    service = ContactService(cvl_db)
    consenting = consenting_caller(cvl_db)
    to_call = service.add_referral(consenting, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    service.add_referral(anonymous_contact(cvl_db), CIO)  # anonymous: nobody to call
    screen = suivi_screen(qtbot, window)
    assert screen.model.rowCount() == 2
    assert screen.call_card.name.full_text() == ""  # nothing personal outside the call list
    qtbot.keyClick(screen.table, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    qtbot.waitUntil(screen.table.hasFocus)
    card = screen.call_card
    assert (card.name.full_text(), card.phone.full_text()) == ("Lea Martin", "06 01 02 03 04")
    assert card.question.text() == (
        "Le rendez-vous du 05/03/2026 à 14:00 chez Cap emploi Cher a-t-il eu lieu ? "
        "H : honoré, N : non honoré, A : annulé."
    )
    assert audit_log(cvl_db).entries()[-1]["action"] == "affichage"
    qtbot.keyClick(screen.table, Qt.Key.Key_H)  # the answer, one key
    qtbot.waitUntil(lambda: statut_of(cvl_db, to_call) == "honore")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.summary.text() == "Personne à rappeler."
    assert card.name.full_text() == "" and card.name.toolTip() == ""
    screen.hide_personal_data()
    assert card.phone.full_text() == ""


def _cut_cells(screen: SuiviScreen) -> list[str]:
    """Cells whose text, in its own font (bold when overdue), is wider than their column (Qt
    draws them with « … »)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from spro_desk.ui.suivi.follow_up_model import FollowUpColumn

    table, model = screen.table, screen.model
    padding = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    cut = []
    for row in range(model.rowCount()):
        for column in FollowUpColumn:
            index = model.index(row, column)
            text = str(model.data(index) or "")
            font = model.data(index, Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font) if isinstance(font, QFont) else table.fontMetrics()
            if metrics.horizontalAdvance(text) + padding > table.columnWidth(column):
                cut.append(text)
    return cut


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_suivis_names_are_not_cut_while_the_status_column_has_room(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, size: tuple[int, int]
) -> None:
    """At 1280 px the Statut column took 460 px for « Proposé » while the services read
    « Accompagnement vers l'emploi … » and every information referral « Information (… »."""
    service = ContactService(cvl_db)
    late = anonymous_contact(cvl_db)
    service.add_referral(late, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    service.add_referral(anonymous_contact(cvl_db), CIO)
    window.resize(*size)
    screen = suivi_screen(qtbot, window)
    QApplication.processEvents()
    assert screen.model.rowCount() == 2
    assert _cut_cells(screen) == []
    assert screen.table.horizontalScrollBar().maximum() == 0


def test_at_1280_px_long_names_give_way_before_an_overdue_status(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    """Where not everything fits, the names are shortened, never « En retard · Rendez-vous … »
    (bold, wider than the 32 ordinary characters set aside for it)."""
    from spro_desk.ui.suivi.follow_up_model import FollowUpColumn

    romorantin = "spro-annuaire--mission-locale-cc-du-romorantinais-et-du-monestois--1-p1"
    ContactService(cvl_db).add_referral(
        anonymous_contact(cvl_db), romorantin, rdv_at=datetime(2026, 3, 5, 14, 0)
    )
    window.resize(1280, 800)
    screen = suivi_screen(qtbot, window)
    QApplication.processEvents()
    status = str(screen.model.data(screen.model.index(0, FollowUpColumn.STATUT)))
    assert status == "En retard · Rendez-vous pris"
    assert status not in _cut_cells(screen)
    assert screen.table.horizontalScrollBar().maximum() == 0


def test_at_1024_by_768_suivis_status_stays_in_view(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    from spro_desk.ui.suivi.follow_up_model import FollowUpColumn

    ContactService(cvl_db).add_referral(
        anonymous_contact(cvl_db), CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0)
    )
    window.resize(1024, 768)
    screen = suivi_screen(qtbot, window)
    QApplication.processEvents()
    table = screen.table
    status = str(screen.model.data(screen.model.index(0, FollowUpColumn.STATUT)))
    assert status.startswith("En retard")
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(FollowUpColumn.STATUT) > table.fontMetrics().horizontalAdvance(status)


# --- the site manager ----------------------------------------------------------------------------


def test_the_dashboards_white_zones_are_those_of_the_catchment_area(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    from spro_desk.geo import geography
    from spro_desk.site.settings import SiteSettings

    SiteSettings(cvl_db).set("site.commune", "18033")
    ContactService(cvl_db).record(
        ContactInput(canal="accueil-physique", statut="salarie", commune="18033",
                     occurred_at=datetime(2026, 3, 9, 14, 0))
    )  # fmt: skip
    screen = _dashboard(qtbot, window)
    cher = len(geography().communes_in_zone("18"))
    tile = screen.view.summary.buttons["zones_blanches"]
    assert tile.figure.text() == str(cher - 1)  # Bourges was reached
    assert f"sur {cher} communes" in tile.accessibleName() + tile.toolTip() + _texts(tile)


def test_the_dashboards_tiles_say_one_in_the_singular(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    """A desk in Saint-Barthélemy (one commune) orienting its first visitor read « 1 contacts
    orientés » and « sur 1 communes »."""
    from spro_desk.site.settings import SiteSettings

    SiteSettings(cvl_db).set("site.commune", "97701")
    service = ContactService(cvl_db)
    contact = service.record(
        ContactInput(canal="accueil-physique", statut="salarie", commune="97701",
                     occurred_at=datetime(2026, 3, 9, 14, 0))
    )  # fmt: skip
    service.add_referral(contact, CIO)
    summary = _dashboard(qtbot, window).view.summary
    oriented = _texts(summary.buttons["taux_orientation"])
    covered = _texts(summary.buttons["zones_blanches"])
    assert "1 contact orienté" in oriented and "contacts" not in oriented
    assert "sur 1 commune " in covered and "sur 1 communes" not in covered


def test_the_coverage_tile_says_where_to_choose_the_area_when_there_is_none(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A site with no commune yet (so no catchment area) read « 0 sur 0 communes »."""
    covered = _texts(_dashboard(qtbot, window).view.summary.buttons["zones_blanches"])
    assert "sur 0 commune" not in covered
    assert "Paramètres" in covered


def _dashboard(qtbot: QtBot, window: MainWindow) -> DashboardScreen:
    """The Tableau de bord opened with Ctrl+5, as the site manager does, once its figures
    are on screen."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    screen = window.screens["tableau-de-bord"]
    assert isinstance(screen, DashboardScreen)
    qtbot.waitUntil(lambda: screen.view.settled, timeout=20_000)
    return screen


def exported_bilan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """The site's bilan exported from the Tableau de bord as JSON (« Exporter… », the file
    chosen in the save dialog), read back."""
    import json

    from PySide6.QtWidgets import QFileDialog

    view = _dashboard(qtbot, window).view
    chosen = (str(tmp_path / "bilan.json"), "JSON pour scripts (*.json)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: chosen)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)
    return json.loads((tmp_path / "bilan.json").read_text("utf-8"))


def _texts(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_the_sites_own_bilan_is_not_masked(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    service = ContactService(cvl_db)
    for statut in ("salarie", "salarie", "etudiant"):  # counts of 2 and 1: below any threshold
        service.record(ContactInput(canal="accueil-physique", statut=statut,
                                    occurred_at=datetime(2026, 3, 9, 14, 0)))  # fmt: skip
    document = exported_bilan(qtbot, window, tmp_path, monkeypatch)
    view = _dashboard(qtbot, window).view
    sections = {s["key"]: s for theme in document["themes"] for s in theme["sections"]
                if s["kind"] == "table"}  # fmt: skip
    statuts = sections["contacts.statut"]
    cells = {row["code"]: cells[0] for row, cells in zip(statuts["rows"], statuts["cells"],
                                                            strict=True)}  # fmt: skip
    assert (cells["salarie"], cells["etudiant"]) == (2, 1)
    assert "non masqués" in view.message.text()
    # What the screen says of its export is what the export does (it said « Tout export
    # applique le secret statistique » above an unmasked internal bilan).
    note = view.secrecy.text() + view.export_button.accessibleDescription()
    assert "Tout export applique" not in note and "avec le secret statistique" not in note
    assert "Le bilan exporté ici est le bilan interne du site, non masqué" in view.secrecy.text()


# --- the window ----------------------------------------------------------------------------------


def test_a_directory_imported_today_is_not_zero_days_old(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.sync.identity import init_desk
    from spro_desk.ui.synchronisation.screen import SynchronisationScreen

    init_desk(cvl_db, cvl_db.path.parent, "CIO de Bourges", "cio", "18033")
    window = make_window(cvl_db, clock=datetime.now)
    window.show_screen("synchronisation")
    screen = window.screens["synchronisation"]
    assert isinstance(screen, SynchronisationScreen)
    qtbot.waitUntil(lambda: screen.state is not None, timeout=10_000)
    assert "(aujourd'hui)" in screen.directory.text()
    assert "0 jour" not in screen.directory.text()


def test_a_second_start_on_the_same_folder_brings_the_first_window_forward(
    qtbot: QtBot, db: Database, make_window: WindowFactory, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    from spro_desk.ui.app.single_instance import InstanceGuard, bring_forward

    folder = tmp_path / "donnees"
    window = make_window(db)
    window.showMinimized()
    guard = InstanceGuard(folder)
    assert guard.acquire()
    guard.listen()
    guard.raise_requested.connect(lambda: bring_forward(window))
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        second = subprocess.Popen(
            [sys.executable, "-m", "spro_desk", "--data-dir", str(folder)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        with qtbot.waitSignal(guard.raise_requested, timeout=30_000):
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        _out, err = second.communicate()
        assert second.returncode == 0
        assert "SPRO Desk est déjà ouvert sur ce dossier de données" in err
        assert not window.isMinimized()
        other = InstanceGuard(tmp_path / "autre")  # another folder: its own window
        assert other.acquire()
        other.release()
    finally:
        guard.release()
    again = InstanceGuard(folder)
    assert again.acquire()  # released with the first window
    again.release()


def test_the_first_account_opens_on_accueil(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.ui.common.agents_dialog import FirstAgentPanel
    from spro_desk.ui.common.background import ImmediateRunner

    window = make_window(cvl_db, runner=ImmediateRunner())
    window.show_screen("annuaire")  # where a first import leaves the window
    window.privacy.require_first_agent()
    panel = window.centralWidget()
    assert isinstance(panel, FirstAgentPanel)
    qtbot.keyClicks(panel.form.name, "Claire")
    for field in (panel.form.secret, panel.form.confirmation):
        qtbot.keyClicks(field, "48291573")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert window.centralWidget() is window.tabs, panel.form.message.text()
    assert window.current_screen_name() == "accueil"


def test_save_dialogs_remember_their_folder(
    qtbot: QtBot, db: Database, make_window: WindowFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QFileDialog

    from spro_desk.ui.synchronisation.screen import SynchronisationScreen

    stick = tmp_path / "cle-usb"
    stick.mkdir()
    opened_in: list[str] = []

    def choose(_parent: object, _title: str, start: str) -> str:
        opened_in.append(start)
        return str(stick)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    monkeypatch.setenv("HOME", str(tmp_path))  # no Documents there: the first time is home
    window = make_window(db)
    window.show_screen("synchronisation")
    screen = window.screens["synchronisation"]
    assert isinstance(screen, SynchronisationScreen)
    monkeypatch.setattr(screen, "export_to", lambda _folder: None)
    screen.choose_export_folder()
    screen.choose_export_folder()
    assert opened_in == [str(tmp_path), str(stick)]


def test_coordinator_init_and_identity_speak_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spro_desk.cli.main import main

    folder = str(tmp_path / "coordination")
    assert main(["--data-dir", folder, "coordinator", "init"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Clés du coordinateur créées.\nClé publique de signature : ")
    assert "signing_public_key" not in out and "recipients" not in out
    target = str(tmp_path / "identite.json")
    assert main(["--data-dir", folder, "coordinator", "identity", "--out", target]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Fichier d'identité du coordinateur écrit : {target}"
    assert "file :" not in out and "recipients" not in out


def test_today_columns_show_their_text_when_there_is_room(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    from spro_desk.ui.accueil.today import TodayColumn

    anonymous_contact(db, "demandeur-emploi")
    desk.window.resize(1440, 900)
    desk.window.show_screen("accueil")
    splitter = desk.screen.splitter  # the agent gives the list the room (the needs come first)
    splitter.setSizes([splitter.sizes()[0] - 160, splitter.sizes()[1] + 160])
    table = desk.screen.today.table
    qtbot.waitUntil(lambda: desk.screen.today.model.rowCount() == 1)
    for column in TodayColumn:
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column.name
    assert table.horizontalScrollBar().maximum() == 0


def test_today_columns_hold_at_1024_by_768(qtbot: QtBot, db: Database, desk: Desk) -> None:
    from spro_desk.ui.accueil.today import TodayColumn

    for _ in range(20):  # a vertical scroll bar takes its share too
        anonymous_contact(db, "demandeur-emploi")
    desk.window.resize(1024, 768)
    desk.window.show_screen("accueil")
    table = desk.screen.today.table
    qtbot.waitUntil(lambda: desk.screen.today.model.rowCount() == 20)
    QApplication.processEvents()
    # A sideways scroll bar used to hide the number of orientations: canal and statut give
    # way instead (their tooltip has the text).
    assert table.horizontalScrollBar().maximum() == 0
    last = TodayColumn.ORIENTATIONS
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnWidth(TodayColumn.HEURE) >= table.sizeHintForColumn(TodayColumn.HEURE)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_today_shows_the_needs_and_responses_not_only_ellipses(
    qtbot: QtBot, db: Database, desk: Desk, size: tuple[int, int]
) -> None:
    """The needs and responses are what a colleague reads first: at 1280 × 800 both columns
    were cut to « … » under « esoi » and « pons », canal and statut taking the whole width.
    Responses read as the tally sheet's letters (their names in the tooltip and for a screen
    reader); both headers and the letters are whole, canal and statut give way."""
    from spro_desk.ui.accueil.today import TodayColumn

    ContactService(db).record(
        ContactInput(
            canal="accueil-physique", statut="decrocheur", besoins=("trouver-un-emploi",),
            reponses=("information-orale", "documentation", "orientation"),
            occurred_at=datetime(2026, 3, 10, 9, 0),
        )
    )  # fmt: skip
    desk.window.resize(*size)
    desk.window.show_screen("accueil")
    table, model = desk.screen.today.table, desk.screen.today.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    QApplication.processEvents()
    responses = model.index(0, TodayColumn.REPONSES)
    assert responses.data() == "I, D, O"
    names = "Information orale, Documentation remise, Orientation vers un partenaire"
    assert responses.data(Qt.ItemDataRole.ToolTipRole) == names
    assert responses.data(Qt.ItemDataRole.AccessibleTextRole) == names
    header = table.horizontalHeader()
    for column in (TodayColumn.BESOINS, TodayColumn.REPONSES):
        assert table.columnWidth(column) >= header.sectionSizeHint(column), column.name
    assert table.columnWidth(TodayColumn.REPONSES) >= table.sizeHintForColumn(TodayColumn.REPONSES)
    if size[0] >= 1280:  # there, « Trouver un emploi » is whole too
        assert table.columnWidth(TodayColumn.BESOINS) >= table.sizeHintForColumn(
            TodayColumn.BESOINS
        )
    assert table.horizontalScrollBar().maximum() == 0


LONG_NAME = "N" * 300  # typed without a single space


def _visit_every_screen(window: MainWindow) -> None:
    from spro_desk.ui.app.screens import SCREEN_ORDER

    for name in SCREEN_ORDER:
        window.show_screen(name)
        for _ in range(3):
            QApplication.processEvents()


def test_the_window_holds_at_1024_by_768_with_long_unbroken_names(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.contacts.model import ConsentInput
    from spro_desk.site.settings import SiteSettings

    SiteSettings(cvl_db).set("site.permanences", ["P" * 300])
    service = ContactService(cvl_db)
    contact = service.record(
        ContactInput(
            canal="telephone", statut="salarie", occurred_at=FIXED_NOW,
            personal=PersonalDataInput(nom=LONG_NAME, telephone="0601020304"),
            consent=ConsentInput(),
        )
    )  # fmt: skip
    service.add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    window = make_window(cvl_db)
    window.resize(1024, 768)
    _visit_every_screen(window)
    accueil = window.screens["accueil"]
    window.show_screen("accueil")
    accueil.personal.show_values(PersonalDataInput(nom=LONG_NAME))
    details = accueil.personal.details
    assert details.text().endswith("…") and details.toolTip() == f"Nom : {LONG_NAME}"
    accueil.form.consent.consent.setChecked(True)
    qtbot.keyClicks(accueil.form.consent.nom, LONG_NAME[:120])
    window.show_screen("suivi")
    suivi = window.screens["suivi"]
    suivi.call_card.call_list.setChecked(True)
    qtbot.waitUntil(lambda: suivi.call_card.name.full_text() == LONG_NAME)
    _visit_every_screen(window)
    assert window.width() <= 1024 and window.minimumSizeHint().width() <= 1024
    window.show_screen("accueil")
    QApplication.processEvents()
    assert accueil.form_area.horizontalScrollBar().maximum() == 0  # no sideways scrolling


def test_at_1024_by_768_the_annuaires_opening_status_is_in_view(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """The results' fixed widths (635 px before « Horaires ») left « Ouv… » at the right edge
    of a 1024 px window, the rest behind a sideways scroll bar."""
    from spro_desk.ui.common.service_results import Column

    window = make_window(cvl_db)
    window.resize(1024, 768)
    window.show_screen("annuaire")
    view = window.directory_view
    assert view is not None
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    QApplication.processEvents()
    table = view.table
    status = str(view.model.data(view.model.index(0, Column.HORAIRES)))
    needed = table.fontMetrics().horizontalAdvance(status)
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(Column.HORAIRES) > needed, status
    # A width the agent chose by dragging a column is hers: the window's resizing keeps it.
    table.horizontalHeader().resizeSection(Column.SERVICE, 400)
    window.resize(1100, 768)
    QApplication.processEvents()
    assert table.columnWidth(Column.SERVICE) == 400


def _in_view(area: QWidget, widget: QWidget) -> bool:
    """Whether `widget` is wholly inside the scroll area's visible part."""
    from PySide6.QtWidgets import QScrollArea

    assert isinstance(area, QScrollArea)
    viewport = area.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top) and viewport.rect().contains(bottom)


def test_at_1024_by_768_the_field_a_shortcut_reaches_is_scrolled_into_view(
    qtbot: QtBot, qapp: QApplication, db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.ui.app.focus_style import mark_focus_changes

    mark_focus_changes(qapp)  # as run_app does after the first paint
    window = make_window(db)
    window.resize(1024, 768)
    desk = open_accueil(qtbot, window, db)
    area, form = desk.screen.form_area, desk.screen.form
    keys = desk.keyboard
    keys.press("D")
    keys.press(Qt.Key.Key_Tab)
    keys.press("3")
    keys.press("C", ALT)
    keys.press("T")  # a phone call
    keys.press("O", ALT)  # the caller agrees
    qtbot.waitUntil(form.consent.is_given)
    keys.press("N", ALT)  # Nom, at the bottom of the form
    qtbot.waitUntil(lambda: _in_view(area, form.consent.nom))  # she sees what she types
    keys.type("Payet")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.screen.feedback.text() == "Contact enregistré à 10:00."
    # The next person's statut has the focus, at the top of the form: it is in view again.
    assert form.statut.hasFocus()
    qtbot.waitUntil(lambda: _in_view(area, form.statut))


SCALED_ACCUEIL = """
import sys
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow

app = QApplication([])
db = Database(Path(sys.argv[1]))
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(db, settings=settings, clock=lambda: datetime(2026, 3, 10, 10, 0))
window.show()
window.resize(1024, 768)
window.show_screen("accueil")
for _ in range(5):
    app.processEvents()
accueil = window.screens["accueil"]
print(window.devicePixelRatio(), accueil.form_area.horizontalScrollBar().maximum(),
      window.minimumSizeHint().width())
window.close()
window.shutdown()
db.close()
"""


def test_the_walk_in_fields_never_scroll_sideways_at_200_percent(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCALED_ACCUEIL, str(tmp_path / "desk.sqlite"),
         str(tmp_path / "settings.ini")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    ratio, scroll, minimum = done.stdout.split()
    assert float(ratio) == 2.0  # 2048 × 1536 device pixels
    assert int(scroll) == 0
    assert int(minimum) <= 1024


# --- keystrokes (BENCHMARKS.md) ------------------------------------------------------------


def test_keystrokes_a_phone_call_takes_six(qtbot: QtBot, desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("E")  # statut: Étudiant
    keys.press(Qt.Key.Key_Tab)
    keys.press("1")  # the first frequent need
    keys.press("C", ALT)  # Canal
    keys.press("T")  # Téléphone
    keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert (contact.canal, contact.statut, contact.besoins) == (
        "telephone", "etudiant", ["choisir-un-metier"],
    )  # fmt: skip
    print(f"\nKeystrokes, a phone call: {keys.count}")
    assert keys.count <= 6


def test_keystrokes_a_referral_with_rendez_vous_to_the_printed_fiche(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    from spro_desk.ui.orientation import slip_dialog as slip_module

    printed = tmp_path / "imprimee.pdf"

    class PrintDialog(QDialog):  # stands for the system's: Entrée prints
        def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
            buttons.accepted.connect(self.accept)
            QVBoxLayout(self).addWidget(buttons)

    monkeypatch.setattr(slip_module, "QPrintDialog", PrintDialog)
    monkeypatch.setattr(slip_module.QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    desk = open_accueil(qtbot, make_window(cvl_db), cvl_db)
    form = desk.screen.form
    form.statut.set_code("demandeur-emploi")
    form.besoins.set_codes(["trouver-un-emploi"])
    form.commune.set_code("18033")
    desk.screen.record()  # the contact is saved: counting starts here
    keys = desk.keyboard
    keys.press(Qt.Key.Key_O, CTRL)  # orient the person just recorded
    screen = orientation_screen(desk.window)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.table.hasFocus())
    keys.press(Qt.Key.Key_Return, CTRL)  # the first suggestion
    dialog = screen.booking.booking_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    keys.press("R", ALT)  # rendez-vous: the hour has the focus
    qtbot.waitUntil(dialog.time.hasFocus)
    keys.type("1030")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.booking.slip_dialog is not None)
    slip = screen.booking.slip_dialog
    qtbot.waitUntil(slip.isActiveWindow)
    keys.press(Qt.Key.Key_P, CTRL)  # Imprimer…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), PrintDialog))
    qtbot.waitUntil(lambda: QApplication.activeWindow().isAncestorOf(QApplication.focusWidget()))
    with qtbot.waitSignal(slip.printed, timeout=30_000):
        keys.press(Qt.Key.Key_Return)  # the print dialog's « Imprimer »
    [contact] = ContactService(cvl_db).list()
    [referral] = contact.referrals
    assert referral.type == "rendez-vous" and referral.rdv_at is not None
    assert referral.rdv_at.astimezone().strftime("%H:%M") == "10:30"
    assert printed.stat().st_size > 0
    print(f"\nKeystrokes, referral with rendez-vous to the printed fiche: {keys.count} "
          f"({' '.join(keys.typed)})")  # fmt: skip
    assert keys.count <= 15


def test_parametres_network_is_a_list_with_one_agent_list_and_one_save_button(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    from PySide6.QtWidgets import QComboBox, QPushButton

    from spro_desk.privacy.policy import load_policy
    from spro_desk.site.settings import SiteSettings
    from spro_desk.ui.settings.screen import SettingsScreen

    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    reseau = screen.editors["site.reseau"].widget
    assert isinstance(reseau, QComboBox)
    names = [reseau.itemText(i) for i in range(reseau.count())]
    assert names[:3] == ["— Aucun —", "CIO", "Mission locale"]
    reseau.setFocus()
    qtbot.keyClicks(reseau, "Mis")  # typing picks in the list
    assert reseau.currentData() == "mission-locale"
    assert "agents" not in screen.editors and "agent.courant" not in screen.editors
    visible_saves = [
        button
        for button in screen.findChildren(QPushButton)
        if button.isVisible() and button.text().replace("&", "").startswith("Enregistrer")
    ]
    assert visible_saves == [screen.save_button]
    screen.privacy_panel.idle.setValue(7)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Paramètres enregistrés."
    assert SiteSettings(cvl_db).get("site.reseau") == "mission-locale"
    assert load_policy(cvl_db).idle_minutes == 7


def test_sample_if_empty_names_the_sample_site(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    from spro_desk.site.settings import SiteSettings

    window = make_window(db)
    window.offer_first_start(True)
    qtbot.waitUntil(lambda: not window.directory_is_empty, timeout=60_000)
    settings = SiteSettings(db)
    assert settings.get("site.nom") == "Site d'exemple — CIO de Bourges"
    assert (settings.get("site.reseau"), settings.get("site.commune")) == ("cio", "18033")
    settings.set("site.nom", "CIO de Vierzon")
    window.offer_first_start(True)  # a named site is never renamed
    assert settings.get("site.nom") == "CIO de Vierzon"


def test_the_sites_pdf_bilan_has_two_decimals_and_a_readable_footer(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from spro_desk.reports.pdf import _fonts

    service = ContactService(cvl_db)
    for statut in ("salarie", "salarie", "etudiant"):
        contact = service.record(ContactInput(canal="accueil-physique", statut=statut,
                                              occurred_at=datetime(2026, 3, 9, 14, 0)))  # fmt: skip
        if statut == "salarie":
            service.add_referral(contact, CIO)  # 2 orientations for 3 contacts: 0,666…
    view = _dashboard(qtbot, window).view
    assert view.summary.buttons["taux_orientation"].figure.text() == "0,67"  # the tile
    target = tmp_path / "bilan.pdf"
    chosen = (str(target), "Bilan PDF (*.pdf)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: chosen)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy and target.exists(), timeout=20_000)
    regular, _bold = _fonts()  # the bilan's font, registered for measuring its text
    page = PdfReader(target).pages[0]
    text = " ".join(page.extract_text().split())
    assert "Orientations par contact 0,67" in text  # as on screen, not « 0,667 »
    runs: dict[str, tuple[float, float, float]] = {}  # baseline, left, right; the footer first

    def visit(run: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        for start in ("Document interne", "page 1"):
            if run.startswith(start):
                runs.setdefault(start, (tm[5], tm[4], tm[4] + stringWidth(run, regular, size)))

    page.extract_text(visitor_text=visit)
    (note_y, _left, note_right), (page_y, page_left, _right) = (
        runs["Document interne"], runs["page 1"]
    )  # fmt: skip
    assert abs(note_y - page_y) > 1 or note_right < page_left  # the note ran over « page 1 »


def test_at_1024_by_768_the_suggestions_reasons_are_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The suggestions' fixed widths pushed « Raisons » behind a sideways scroll bar at 1024 px
    (the walk of issue 18, second round): the other columns narrow, as the Annuaire's do."""
    from spro_desk.ui.orientation.suggestion_model import SuggestionColumn

    window.resize(1024, 768)
    screen = orientation_screen(window)
    suggest_for_bourges(qtbot, screen)
    QApplication.processEvents()
    table = screen.table
    assert table.horizontalScrollBar().maximum() == 0
    assert (
        table.columnWidth(SuggestionColumn.RAISONS) >= 25 * table.fontMetrics().averageCharWidth()
    )
    # A width the agent chose by dragging a column is hers: the window's resizing keeps it.
    table.horizontalHeader().resizeSection(SuggestionColumn.SERVICE, 300)
    window.resize(1100, 768)
    QApplication.processEvents()
    assert table.columnWidth(SuggestionColumn.SERVICE) == 300
