"""Issue 18's new surfaces of personal data (corrections, the consent added later, Suivi's
call list, « Données de cette personne » by phone), used in the real window as an agent does
and then looked at as a colleague at the same desk would: after a lock, with another role."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from privacy_attacker import readable_canaries
from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.model import PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.background import ImmediateRunner
from spro_desk.ui.suivi.screen import SuiviScreen
from test_privacy_support import (
    AGENT_PIN,
    CANARY_NAME,
    CANARY_PHONE,
    FAST,
    MANAGER_PIN,
    files_of,
    occurrences,
    record_canary,
)

from .conftest import WindowFactory
from .lock_support import desk_with_agents, type_code
from .test_accueil import CTRL, Desk, open_accueil
from .test_agent_day import CAP_EMPLOI, consenting_caller, suivi_screen
from .test_lock import widget_texts

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
COORDINATOR_CODE = "coordination 2026"


def _desk_with_a_coordinator(db: Database) -> tuple[str, str, str]:
    """Claire (site manager), Samir (agent) and Léa (coordinator, who may not see names)."""
    claire, samir = desk_with_agents(db)
    session = desk_session(db)
    session.login(claire, MANAGER_PIN)
    lea = create_agent(db, "Léa", COORDINATOR_CODE, Role.COORDINATEUR, cost=FAST)
    session.lock()
    return claire, samir, lea.id


def _unlocked(qtbot: QtBot, window: MainWindow, agent_id: str, code: str) -> None:
    type_code(qtbot, window, agent_id, code)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)


def _on_screen(window: MainWindow, *needles: str) -> list[str]:
    """Every text of every widget (tests/ui/test_lock.py), with what only a screen reader or
    a hovering mouse gets: accessible descriptions, status tips, « What's this »."""
    from PySide6.QtWidgets import QWidget

    _count, texts = widget_texts(window)
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.accessibleDescription(), widget.statusTip(), widget.whatsThis()]
    return [text for text in texts for needle in needles if needle.casefold() in text.casefold()]


def test_a_refused_email_is_not_left_on_screen_for_the_next_agent(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """« Courriel « zephyrine.canarivaux@exemple » invalide » stayed under the form through
    the lock, for a coordinator to read after unlocking."""
    _claire, samir, lea = _desk_with_a_coordinator(db)
    window = make_window(db, runner=ImmediateRunner())
    _unlocked(qtbot, window, samir, AGENT_PIN)
    desk: Desk = open_accueil(qtbot, window, db)
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")
    keys.press("O", ALT)
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("I", ALT)  # Courriel, its domain cut short
    keys.type("zephyrine.canarivaux@exemple")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.list() == []
    assert "invalide" in desk.screen.feedback.text()  # refused, said under the form
    window.privacy.lock()
    _unlocked(qtbot, window, lea, COORDINATOR_CODE)
    assert _on_screen(window, "canarivaux") == []


# --- Suivi's call list --------------------------------------------------------------------------


def _call_list(qtbot: QtBot, window: MainWindow) -> SuiviScreen:
    screen = suivi_screen(qtbot, window)
    qtbot.keyClick(screen.table, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(screen.table.hasFocus)
    return screen


def test_a_person_who_withdraws_her_consent_on_the_call_back_is_erased_from_suivi(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Called back from the call list days later, Lea Martin asks to be forgotten: only
    Accueil's list of today's contacts could erase her, so she stayed on the call list, name
    and phone, until the retention purge months later."""
    contact = consenting_caller(cvl_db)
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    window = make_window(cvl_db, runner=ImmediateRunner())
    screen = _call_list(qtbot, window)
    assert screen.call_card.name.full_text() == "Lea Martin"
    asked: list[str] = []

    def confirm(_parent: object, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return True

    screen.confirm = confirm
    button = screen.call_card.erase_button
    assert button.isEnabled() and button.accessibleName()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert asked and "Lea Martin" not in asked[0]  # the question names nobody
    assert not ContactService(cvl_db).has_personal_data(contact)
    assert audit_log(cvl_db).entries()[-1]["action"] == "effacement"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.call_card.name.full_text() == "" and not button.isEnabled()
    assert _on_screen(window, "Lea Martin", "06 01 02 03 04") == []


def test_the_daily_purge_takes_the_person_off_an_open_call_list(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """The purge (at start, then every 24 hours while the window is open) erased a person
    whose time was up, while Suivi's call card showed her name and phone: they stayed there,
    and her row on the call list, until the agent moved."""
    from datetime import UTC, timedelta

    window = make_window(cvl_db, runner=ImmediateRunner())
    seven_months_ago = datetime.now(UTC) - timedelta(days=7 * 31)
    contact = record_canary(cvl_db, seven_months_ago)
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    screen = _call_list(qtbot, window)
    assert screen.call_card.name.full_text() == CANARY_NAME
    window.privacy.purge_now()
    assert not ContactService(cvl_db).has_personal_data(contact)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert _on_screen(window, CANARY_NAME, CANARY_PHONE) == []


# --- Accueil's corrections ----------------------------------------------------------------------


def test_a_contact_whose_data_was_erased_is_corrected_without_the_consent_box(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Its consent box was offered, the details typed, then refused by the domain (they
    would have been erased again by the next purge)."""
    from spro_desk.privacy.erasure import erase_person

    from .conftest import FIXED_NOW
    from .test_agent_day import edit_first_row

    contact = record_canary(db, FIXED_NOW)
    erase_person(db, contact)
    desk = open_accueil(qtbot, make_window(db), db)
    edit_first_row(qtbot, desk)
    box = desk.screen.form.consent
    assert not box.isEnabled() and not box.consent.isEnabled()
    assert "effacées" in desk.screen.form.edit_note.text()
    desk.keyboard.press("D")  # the anonymous part is still corrected
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.get(contact).statut == "demandeur-emploi"


# --- a day's use, then the disk -----------------------------------------------------------------

NAME = "Éloïse N'Guessan-d'Aubigné"
PHONE_TYPED, PHONE = "+262 692 12 34 56", "0692 12 34 56"  # a Réunion mobile, from abroad
PHONE_CORRECTED = "0262 21 23 45"
EMAIL = "Éloïse.N'Guessan+suivi@Exemple.Réunion"  # plus-addressing, an IDN domain
# Every form a name, phone or e-mail could take on its way to a file: as typed, as stored,
# folded as the search folds it, digits only, E.164, the IDN domain in punycode.
FORMS = (
    NAME, NAME.casefold(), "eloisen'guessan-d'aubigne", "N'Guessan",
    PHONE, "0692123456", "+262692123456", "692123456",
    PHONE_CORRECTED, "0262212345", "+262262212345",
    "N'Guessan+suivi", "xn--runion-bva", "exemple.réunion",
)  # fmt: skip


def _disk(folder: Path) -> dict[str, int]:
    """Each form found in clear in a file of `folder` (UTF-8 or UTF-16), with its count."""
    found = occurrences(files_of(folder), FORMS)
    return {form: count for form, count in found.items() if count}


def _compose(field: QWidget, text: str) -> None:
    """Typed as a keyboard with dead keys (or an input method) delivers « é »: QTest's key
    clicks know only ASCII."""
    from PySide6.QtGui import QInputMethodEvent

    field.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def test_a_day_of_the_new_surfaces_leaves_nothing_in_clear_on_the_disk(
    qtbot: QtBot,
    cvl_db: Database,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A caller with an accented, apostrophed name, a Réunion mobile given from abroad and a
    plus-addressed e-mail at an IDN domain, recorded, her phone corrected, called back from
    Suivi's call list, found by her phone in « Données de cette personne », then erased from
    the call list when she withdraws: the log at DEBUG with SQL parameters, the settings file,
    the temporary folder and every file of the data folder hold none of it in clear, at any
    step; afterwards the agents' codes open none of it in any file."""
    import logging
    import tempfile

    from spro_desk.ui.common.person_data_dialog import PersonDataDialog

    from .test_agent_day import _type_a_consenting_call, edit_first_row

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    log_file = tmp_path / "logs" / "spro-desk.log"
    log_file.parent.mkdir()
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = (root.level, sql.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.DEBUG)  # statements and their parameters
    try:
        claire, _samir = desk_with_agents(cvl_db)
        window = make_window(cvl_db, runner=ImmediateRunner())
        _unlocked(qtbot, window, claire, MANAGER_PIN)
        desk = open_accueil(qtbot, window, cvl_db)
        box = desk.screen.form.consent
        keys = _type_a_consenting_call(qtbot, desk, "", PHONE_TYPED)
        for field, text in ((box.nom, NAME), (box.courriel, EMAIL)):
            _compose(field, text)
        keys.press(Qt.Key.Key_Return, CTRL)
        [contact] = desk.contacts.list()
        held = desk.contacts.personal_data(contact.id)
        assert held == PersonalDataInput(NAME, PHONE, "Éloïse.N'Guessan+suivi@exemple.réunion")
        assert _disk(tmp_path) == {}

        edit_first_row(qtbot, desk)  # the phone was the desk's: she gives her landline
        box.telephone.setFocus()
        box.telephone.selectAll()
        keys.type(PHONE_CORRECTED)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert desk.contacts.personal_data(contact.id).telephone == PHONE_CORRECTED
        assert _disk(tmp_path) == {}
        codes = [MANAGER_PIN, AGENT_PIN]
        opened = readable_canaries(tmp_path, codes, (NAME, PHONE, PHONE_CORRECTED))
        assert opened[NAME] >= 1 and opened[PHONE_CORRECTED] >= 1  # the attacker does read
        assert opened[PHONE] == 0  # the former phone, in no copy

        ContactService(cvl_db).add_referral(
            contact.id, CAP_EMPLOI, rdv_at=datetime(2026, 3, 12, 14, 0)
        )
        screen = _call_list(qtbot, window)
        assert screen.call_card.phone.full_text() == PHONE_CORRECTED

        dialog = PersonDataDialog(cvl_db, None, window)
        dialog.search.setText("02.62.21.23.45")
        dialog.run_search()
        assert dialog.results.count() == 1 and NAME in dialog.results.item(0).text()
        dialog.reject()
        assert _disk(tmp_path) == {}

        screen.confirm = lambda *_args: True
        screen.erase_person()
        window.close()
        handler.flush()
        assert _disk(tmp_path) == {}
        assert log_file.stat().st_size > 0  # the log was written, at DEBUG
        readable = readable_canaries(tmp_path, codes, FORMS)
        assert {form: n for form, n in readable.items() if n} == {}
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(levels[0])
        sql.setLevel(levels[1])


def test_a_coordinator_unlocking_on_the_call_list_reads_no_name_and_gets_it_greyed_out(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Samir left the call list on Lea Martin; the desk locked; Léa, coordinator, unlocks."""
    contact = consenting_caller(cvl_db)
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    _claire, samir, lea = _desk_with_a_coordinator(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    _unlocked(qtbot, window, samir, AGENT_PIN)
    screen = _call_list(qtbot, window)
    assert screen.call_card.name.full_text() == "Lea Martin"
    window.privacy.lock()
    assert _on_screen(window, "Lea Martin", "06 01 02 03 04") == []
    _unlocked(qtbot, window, lea, COORDINATOR_CODE)
    assert _on_screen(window, "Lea Martin", "06 01 02 03 04") == []
    box = screen.call_card.call_list
    assert not box.isEnabled() and not box.isChecked()
    assert not screen.call_card.erase_button.isEnabled()
    assert screen.model.rowCount() == 1  # the whole list, not only who consented


def test_a_coordinator_unlocking_during_a_correction_reads_no_detail(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    window, desk, samir, lea = _samir_correcting_the_canary(qtbot, cvl_db, make_window)
    assert desk.screen.form.consent.nom.text() == CANARY_NAME  # opened to be corrected
    window.privacy.lock()
    _unlocked(qtbot, window, lea, COORDINATOR_CODE)
    assert _on_screen(window, CANARY_NAME, CANARY_PHONE) == []
    window.privacy.lock()
    _unlocked(qtbot, window, samir, AGENT_PIN)  # back to Samir: his correction, as it was
    assert desk.screen.form.consent.nom.text() == CANARY_NAME


def test_a_phone_copied_to_dial_it_is_off_the_clipboard_once_the_desk_locks(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Samir copied Lea's phone from the correction form to dial it in the softphone; the desk
    locked; the phone stayed on the computer's clipboard for anyone at the locked desk to
    paste into any program. A copy made in another program is left alone."""
    window, desk, _samir, _lea = _samir_correcting_the_canary(qtbot, cvl_db, make_window)
    phone = desk.screen.form.consent.telephone
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClick(phone, Qt.Key.Key_C, CTRL)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == CANARY_PHONE
    window.privacy.lock()
    assert CANARY_PHONE not in clipboard.text()


def test_a_copy_made_in_another_program_stays_on_the_clipboard(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    from spro_desk.ui.lock.clipboard import ClipboardWatch

    watch = ClipboardWatch()
    clipboard = QApplication.clipboard()
    field = QLineEdit("copié ici")
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(field.isActiveWindow)
    field.selectAll()
    field.copy()
    watch.clear_ours()
    assert clipboard.text() == ""
    field.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None)
    clipboard.setText("copié dans un autre programme")  # this application is not active
    watch.clear_ours()
    assert clipboard.text() == "copié dans un autre programme"
    clipboard.clear()


def test_the_single_instance_server_names_no_folder_and_answers_only_its_user(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The local server a second start asks to bring the window forward: its name is a hash
    of the data folder (which may be named after a town, a structure, an agent), and its
    socket is the desk user's alone (another account of a shared computer cannot connect)."""
    import stat

    from spro_desk.ui.app.single_instance import InstanceGuard

    folder = tmp_path / "Données d'Éloïse N'Guessan"
    guard = InstanceGuard(folder)
    assert guard.acquire()
    guard.listen()
    try:
        assert guard._server is not None
        full = guard._server.fullServerName()
        assert "Guessan" not in full and "Donn" not in full
        mode = Path(full).stat().st_mode
        assert stat.S_ISSOCK(mode) and mode & 0o077 == 0, oct(mode)
    finally:
        guard.release()


# --- « Données de cette personne » --------------------------------------------------------------


def test_a_person_found_by_her_phone_who_asks_to_be_forgotten_is_erased_from_the_dialog(
    qtbot: QtBot, cvl_db: Database
) -> None:
    """The site manager finds her by the phone she gives (« 06.99.88.77.66 »); she asks to be
    forgotten: only Accueil's list of today's contacts erased, so a person received another day
    stayed held, and found by the search, until the retention purge."""
    from spro_desk.ui.common.person_data_dialog import PersonDataDialog

    contact = record_canary(cvl_db, datetime(2026, 3, 2, 9, 0))
    dialog = PersonDataDialog(cvl_db, None)
    qtbot.addWidget(dialog)
    erased: list[str] = []
    dialog.erased.connect(erased.append)
    asked: list[str] = []

    def confirm(_parent: object, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return True

    dialog.confirm = confirm
    dialog.search.setText("06.99.88.77.66")
    dialog.run_search()
    assert dialog.results.count() == 1
    dialog._chosen(dialog.results.item(0))
    assert CANARY_NAME in dialog.view.toPlainText()
    assert dialog.erase_button.isEnabled() and dialog.erase_button.accessibleName()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert asked and CANARY_NAME not in asked[0]
    assert not ContactService(cvl_db).has_personal_data(contact)
    assert erased == [contact] and audit_log(cvl_db).entries()[-1]["action"] == "effacement"
    assert dialog.results.count() == 0 and CANARY_NAME not in dialog.view.toPlainText()
    assert not dialog.erase_button.isEnabled()
    dialog.search.setText("06.99.88.77.66")
    dialog.run_search()
    assert dialog.results.count() == 0


def test_a_correction_sealed_by_the_lock_does_not_come_back_into_another_contacts_form(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Samir was correcting Zéphyrine's details when the desk locked; Léa (coordinator)
    unlocked and abandoned the correction; at Samir's unlock her details came back, consent
    ticked, into the blank form of the next walk-in, to be recorded under someone else."""
    window, desk, samir, lea = _samir_correcting_the_canary(qtbot, cvl_db, make_window)
    window.privacy.lock()
    _unlocked(qtbot, window, lea, COORDINATOR_CODE)
    qtbot.mouseClick(desk.screen.cancel_edit_button, Qt.MouseButton.LeftButton)
    window.privacy.lock()
    _unlocked(qtbot, window, samir, AGENT_PIN)
    box = desk.screen.form.consent
    assert not box.is_given() and box.nom.text() == "" and box.telephone.text() == ""


def test_a_phone_copied_to_dial_it_is_off_the_clipboard_once_the_window_closes(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Windows keeps a closed program's clipboard: the phone stayed there after SPRO Desk
    was closed for the night."""
    from .conftest import FIXED_NOW
    from .test_agent_day import edit_first_row

    record_canary(cvl_db, FIXED_NOW)
    window = make_window(cvl_db, runner=ImmediateRunner())
    desk = open_accueil(qtbot, window, cvl_db)
    edit_first_row(qtbot, desk)
    phone = desk.screen.form.consent.telephone
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClick(phone, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == CANARY_PHONE
    window.close()
    assert CANARY_PHONE not in QApplication.clipboard().text()


def test_the_coordinates_shown_are_not_the_former_ones_after_a_correction(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Shown (Ctrl+Maj+A), then corrected: the panel kept showing the former, mistyped phone,
    the number the agent then dialled."""
    from .conftest import FIXED_NOW
    from .test_agent_day import edit_first_row

    record_canary(db, FIXED_NOW)
    desk = open_accueil(qtbot, make_window(db), db)
    desk.screen.today.select(desk.screen.today.model.contact(0).id)
    qtbot.mouseClick(desk.screen.personal.show_button, Qt.MouseButton.LeftButton)
    assert CANARY_PHONE in desk.screen.personal.details.full_text()
    edit_first_row(qtbot, desk)
    box = desk.screen.form.consent
    box.telephone.setFocus()
    box.telephone.selectAll()
    desk.keyboard.type("0262 21 23 45")
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.personal_data(desk.contacts.list()[0].id).telephone == "0262 21 23 45"
    assert CANARY_PHONE not in desk.screen.personal.details.full_text()


def _samir_correcting_the_canary(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> tuple[MainWindow, Desk, str, str]:
    """A desk with a coordinator (Léa); Samir unlocked it and opened the canary's contact in
    Accueil to correct it. The window, Accueil's driver, Samir and Léa."""
    from .conftest import FIXED_NOW
    from .test_agent_day import edit_first_row

    record_canary(cvl_db, FIXED_NOW)
    _claire, samir, lea = _desk_with_a_coordinator(cvl_db)
    window = make_window(cvl_db, runner=ImmediateRunner())
    _unlocked(qtbot, window, samir, AGENT_PIN)
    desk = open_accueil(qtbot, window, cvl_db)
    edit_first_row(qtbot, desk)
    return window, desk, samir, lea
