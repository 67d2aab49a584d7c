"""Orientation as an agent does it: profile, Entrée, Ctrl+Entrée, booking, fiche de liaison."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.orientation.slip import build_slip
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.context import OrientationRequest
from spro_desk.ui.orientation.booking_dialog import BookingDialog
from spro_desk.ui.orientation.screen import OrientationScreen
from spro_desk.ui.orientation.service_picker import ServicePickerDialog
from spro_desk.ui.orientation.slip_dialog import SlipDialog
from spro_desk.ui.orientation.suggestion_model import SuggestionColumn

from .conftest import FIXED_NOW
from .test_slip_pdf import A5_POINTS, page_size, pdf_text

WEDNESDAY_10AM = datetime(2026, 3, 11, 10, 0)
SUNDAY_10AM = datetime(2026, 3, 15, 10, 0)
CTRL = Qt.KeyboardModifier.ControlModifier


def _screen(window: MainWindow) -> OrientationScreen:
    window.show_screen("orientation")
    screen = window.screens["orientation"]
    assert isinstance(screen, OrientationScreen)
    return screen


def _type_profile(qtbot: QtBot, screen: OrientationScreen) -> None:
    """Bourges, demandeur d'emploi with a handicap, looking for a job; typed, then Entrée."""
    profile = screen.profile
    qtbot.keyClicks(profile.commune, "18033")
    assert "Bourges" in profile.commune_hint.text()
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    qtbot.keyClick(profile.handicap, Qt.Key.Key_Space)
    qtbot.keyClicks(profile.needs.filter_box, "trouver un emploi")
    qtbot.keyClick(profile.needs.filter_box, Qt.Key.Key_Down)
    qtbot.keyClick(profile.needs.list, Qt.Key.Key_Space)
    assert profile.needs.codes() == ("trouver-un-emploi",)
    qtbot.keyClick(profile.needs.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)


def open_booking(qtbot: QtBot, screen: OrientationScreen) -> BookingDialog:
    qtbot.keyClick(screen.table, Qt.Key.Key_Return, CTRL)
    dialog = screen.booking.booking_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _book_rendez_vous(qtbot: QtBot, dialog: BookingDialog, when: datetime) -> None:
    qtbot.mouseClick(dialog.rendez_vous, Qt.MouseButton.LeftButton)
    dialog.set_moment(when)


def _ok(qtbot: QtBot, dialog: BookingDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _slip_dialog(qtbot: QtBot, screen: OrientationScreen) -> SlipDialog:
    qtbot.waitUntil(lambda: screen.booking.slip_dialog is not None)
    dialog = screen.booking.slip_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _save_pdf(
    qtbot: QtBot, dialog: SlipDialog, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), ""))
    with qtbot.waitSignal(dialog.pdf_saved, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and dialog.busy_bar.isVisible()  # rendering runs in the background
    assert not dialog.busy


def test_suggestion_to_referral_to_a_slip_pdf(
    qtbot: QtBot,
    window: MainWindow,
    cvl_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _screen(window)
    _type_profile(qtbot, screen)
    assert screen.table.hasFocus() and screen.selected_choice() is not None
    choice = screen.model.choice(0)
    assert choice.summary.structure_nom == "Cap emploi Cher"
    reasons = screen.reasons.toPlainText()
    assert "opérateur du conseil en évolution professionnelle" in reasons
    cell = screen.model.data(screen.model.index(0, SuggestionColumn.RAISONS))
    assert "couvre votre département" in cell

    dialog = open_booking(qtbot, screen)
    assert "Pas de consentement enregistré" in dialog.consent_note.text()
    _book_rendez_vous(qtbot, dialog, WEDNESDAY_10AM)
    assert dialog.hours_status.text() == "Le service est ouvert à ce moment."
    _ok(qtbot, dialog)
    slip_dialog = _slip_dialog(qtbot, screen)

    contacts = ContactService(cvl_db).list()
    assert len(contacts) == 1  # from scratch: a minimal anonymous contact was recorded first
    contact = contacts[0]
    assert (contact.canal, contact.statut, contact.commune) == (
        "accueil-physique",
        "demandeur-emploi",
        "18033",
    )
    assert contact.besoins == ["trouver-un-emploi"] and "orientation" in contact.reponses
    assert contact.handicap is True and not contact.has_personal_data
    referral = contact.referrals[0]
    assert referral.service_id == choice.summary.service_id
    assert referral.statut == "rdv-pris" and referral.motif == choice.reasons
    assert screen.contact_id == contact.id
    assert "Orientation enregistrée vers Cap emploi Cher" in screen.message.text()

    slip_dialog.page_size.setCurrentIndex(slip_dialog.page_size.findData("A5"))
    path = tmp_path / "fiche.pdf"
    _save_pdf(qtbot, slip_dialog, path, monkeypatch)
    text = pdf_text(path)
    expected = build_slip(cvl_db, choice.summary.service_id)
    assert expected is not None
    assert "Cap emploi Cher" in text
    assert expected.address_lines[0] in text
    assert " ".join(expected.hours_lines[0].split()) in text
    assert "Rendez-vous le mercredi 11 mars 2026 à 10 h 00" in text
    assert "Fiche remise le mardi 10 mars 2026" in text
    assert page_size(path) == pytest.approx(A5_POINTS, abs=1)
    assert "fiche.pdf" in slip_dialog.status.text()


def test_a_rendez_vous_on_sunday_is_questioned(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    screen = _screen(window)
    _type_profile(qtbot, screen)
    dialog = open_booking(qtbot, screen)
    _book_rendez_vous(qtbot, dialog, SUNDAY_10AM)
    warning = dialog.hours_status.text()
    assert warning.startswith("Le service est fermé à ce moment : il ouvre le lundi 16 mars 2026")
    _ok(qtbot, dialog)
    box = dialog.closed_warning
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "Le service est fermé à ce moment" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not ContactService(cvl_db).list()  # nothing recorded
    dialog.set_moment(datetime(2026, 3, 16, 10, 0))
    assert dialog.hours_status.text() == "Le service est ouvert à ce moment."
    _ok(qtbot, dialog)
    _slip_dialog(qtbot, screen)
    referral = ContactService(cvl_db).list()[0].referrals[0]
    assert referral.rdv_at is not None and referral.rdv_at.astimezone().day == 16


def test_a_closed_moment_can_be_kept_on_purpose(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    screen = _screen(window)
    _type_profile(qtbot, screen)
    dialog = open_booking(qtbot, screen)
    _book_rendez_vous(qtbot, dialog, SUNDAY_10AM)
    _ok(qtbot, dialog)
    box = dialog.closed_warning
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    _slip_dialog(qtbot, screen)
    assert len(ContactService(cvl_db).list()[0].referrals) == 1


def _consenting_contact(db: Database) -> str:
    return ContactService(db).record(
        ContactInput(
            canal="accueil-physique",
            statut="demandeur-emploi",
            commune="18033",
            besoins=("trouver-un-emploi",),
            occurred_at=FIXED_NOW,
            personal=PersonalDataInput(nom="Camille Martin", telephone="06 00 00 00 00"),
            consent=ConsentInput(),
        )
    )


def test_a_request_from_accueil_suggests_and_prints_the_consented_name(
    qtbot: QtBot,
    window: MainWindow,
    cvl_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    contact_id = _consenting_contact(cvl_db)
    request = OrientationRequest(
        contact_id=contact_id, commune="18033", statut="demandeur-emploi", age=40,
        handicap=True, besoins=("trouver-un-emploi",),
    )  # fmt: skip
    window.context.navigator.orientation_requested.emit(request)
    assert window.current_screen_name() == "orientation"
    screen = _screen(window)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)  # suggested without a keystroke
    assert screen.profile.age_value() == 40 and screen.profile.handicap.isChecked()
    dialog = open_booking(qtbot, screen)
    assert "La personne a donné son accord" in dialog.consent_note.text()
    _ok(qtbot, dialog)  # information only
    slip_dialog = _slip_dialog(qtbot, screen)
    assert slip_dialog.slip.person is not None
    path = tmp_path / "nominative.pdf"
    _save_pdf(qtbot, slip_dialog, path, monkeypatch)
    text = pdf_text(path)
    assert "Pour : Camille Martin" in text and "06 00" not in text
    assert "Sans rendez-vous" in text
    contacts = ContactService(cvl_db).list()
    assert len(contacts) == 1 and contacts[0].referrals[0].type == "information"


def test_without_consent_the_slip_is_anonymous(
    qtbot: QtBot,
    window: MainWindow,
    cvl_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    contact_id = ContactService(cvl_db).record(
        ContactInput(canal="telephone", statut="demandeur-emploi", occurred_at=FIXED_NOW)
    )
    screen = _screen(window)
    screen.load_request(OrientationRequest(contact_id=contact_id))
    _type_profile(qtbot, screen)
    _ok(qtbot, open_booking(qtbot, screen))
    slip_dialog = _slip_dialog(qtbot, screen)
    assert slip_dialog.slip.person is None
    path = tmp_path / "anonyme.pdf"
    _save_pdf(qtbot, slip_dialog, path, monkeypatch)
    assert "Pour :" not in pdf_text(path)
    assert len(ContactService(cvl_db).list()) == 1  # attached to the existing contact


def open_directory_picker(
    qtbot: QtBot, window: MainWindow
) -> tuple[OrientationScreen, ServicePickerDialog]:
    """Orientation for a pupil, then « Autre service de l'annuaire… » clicked: the screen and
    its picker, shown."""
    screen = _screen(window)
    screen.profile.statut.setCurrentIndex(screen.profile.statut.findData("scolaire"))
    qtbot.mouseClick(screen.other_button, Qt.MouseButton.LeftButton)
    picker = screen.picker
    assert picker is not None
    qtbot.waitUntil(picker.isVisible)
    return screen, picker


def test_any_service_can_be_picked_from_the_directory(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    screen, picker = open_directory_picker(qtbot, window)
    qtbot.keyClicks(picker.search_box, "cio de bourges")
    qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
    qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    choice = screen.selected_choice()
    assert choice is not None and choice.picked
    assert choice.summary.structure_nom == "CIO de Bourges"
    assert "choisi dans l'annuaire" in screen.reasons.toPlainText()
    _ok(qtbot, open_booking(qtbot, screen))
    _slip_dialog(qtbot, screen)
    referral = ContactService(cvl_db).list()[0].referrals[0]
    assert referral.structure_nom == "CIO de Bourges" and referral.motif == []


def test_an_incomplete_profile_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    screen = _screen(window)
    qtbot.keyClick(screen.profile.commune, Qt.Key.Key_Return)
    assert screen.message.text() == (
        "Indiquez la commune de la personne (nom, code postal ou code INSEE)."
    )
    qtbot.keyClicks(screen.profile.commune, "zzzz")
    assert "Commune introuvable" in screen.profile.commune_hint.text()
    screen.profile.commune.set_code("18033")
    qtbot.keyClick(screen.profile.commune, Qt.Key.Key_Return)
    assert screen.message.text() == "Choisissez le statut de la personne."
    screen.profile.statut.setCurrentIndex(1)
    qtbot.keyClick(screen.profile.commune, Qt.Key.Key_Return)
    assert "au moins un besoin" in screen.message.text()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return, CTRL)
    assert "Sélectionnez d'abord un service" in screen.message.text()


def test_every_control_is_named(qtbot: QtBot, window: MainWindow) -> None:
    screen = _screen(window)
    profile = screen.profile
    controls = [
        profile.commune, profile.statut, profile.age, profile.handicap,
        profile.needs.filter_box, profile.needs.list, screen.table, screen.reasons,
        screen.suggest_button, screen.new_button, screen.orient_button, screen.other_button,
    ]  # fmt: skip
    assert all(control.accessibleName() for control in controls)
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in SuggestionColumn]
    assert headers == ["N°", "Service", "Structure", "Commune", "Pourquoi"]


def test_printing_goes_through_the_background_runner(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    screen = _screen(window)
    _type_profile(qtbot, screen)
    _ok(qtbot, open_booking(qtbot, screen))
    slip_dialog = _slip_dialog(qtbot, screen)
    assert slip_dialog.page_size_name() == "A4"
    # A printer that writes a PDF stands for the one the agent picks in the print dialog,
    # where A5 paper was chosen: the paper of the print dialog wins.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(slip_dialog.printed, timeout=30_000):
        slip_dialog.print_to(printer)
    assert "Cap emploi Cher" in pdf_text(tmp_path / "printed.pdf")
    assert page_size(tmp_path / "printed.pdf") == pytest.approx(A5_POINTS, abs=1)
    assert slip_dialog.status.text() == "Fiche envoyée à l'imprimante."


def test_enter_in_the_commune_list_picks_the_commune_only(qtbot: QtBot, window: MainWindow) -> None:
    screen = _screen(window)
    field = screen.profile.commune
    field.setFocus()
    qtbot.keyClicks(field, "vierz")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.code() == "18279"
    assert screen.model.rowCount() == 0  # Entrée chose the commune, it did not suggest


def test_leaving_the_commune_field_names_the_commune(qtbot: QtBot, window: MainWindow) -> None:
    screen = _screen(window)
    field = screen.profile.commune
    field.setFocus()
    qtbot.keyClicks(field, "18100")
    field.completer().popup().hide()
    screen.profile.statut.setFocus()
    qtbot.waitUntil(lambda: field.text().startswith("Vierzon"))
    assert field.code() == "18279"


def test_the_slip_dialogs_underlined_letters_work(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # « Enregistrer en PDF… » underlines its P and « Imprimer… » its I, but Ctrl+S and Ctrl+P
    # had replaced those letters: Alt+P did nothing.
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: asked.append(args[1]) or ("", "")
    )
    screen = _screen(window)
    _type_profile(qtbot, screen)
    _ok(qtbot, open_booking(qtbot, screen))
    slip_dialog = _slip_dialog(qtbot, screen)
    slip_dialog.activateWindow()
    qtbot.waitUntil(slip_dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: asked == ["Enregistrer la fiche de liaison"])  # a pressed look first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=1_000)


def test_the_directory_index_is_prepared_when_orientation_shows_and_after_an_import(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    """Suggestions load only what can reach their first places once the directory's index is
    built: Orientation builds it on its own thread when it shows and after each import, and a
    suggestion asked while it is being built ranks every candidate (same list, no wait)."""
    from spro_desk.orientation.shortlist import _BUILDING, _INDEXES, ready_index

    def prepared() -> bool:
        with cvl_db.engine.connect() as connection:
            return ready_index(connection, str(cvl_db.path)) is not None

    _INDEXES.clear()
    with _BUILDING:  # the build waits, as a national directory's takes seconds
        screen = _screen(window)
        _type_profile(qtbot, screen)  # not queued behind the build: suggested all the same
        assert not prepared()
        first = [screen.model.choice(row).summary for row in range(screen.model.rowCount())]
    qtbot.waitUntil(prepared)
    _INDEXES.clear()  # as after an import
    window.context.navigator.directory_changed.emit()
    qtbot.waitUntil(prepared)
    qtbot.keyClick(screen.suggest_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    assert [screen.model.choice(row).summary for row in range(screen.model.rowCount())] == first
