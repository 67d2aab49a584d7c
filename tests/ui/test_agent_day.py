"""Issue 18, an agent's day: every friction met is reproduced with the keys an agent presses."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.contacts.coordinates import check_email, format_phone
from spro_desk.contacts.model import ContactError, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database

from .conftest import WindowFactory
from .test_accueil import CTRL, Desk, focus_row, open_accueil

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
    ],
)
def test_phones_are_checked_and_formatted(typed: str, stored: str) -> None:
    assert format_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12", "06 01 02", "bonjour", "0000000000"])
def test_a_wrong_phone_is_refused_in_french(typed: str) -> None:
    with pytest.raises(ContactError, match=r"Téléphone .* invalide"):
        format_phone(typed)


def test_emails_are_checked() -> None:
    assert check_email(" lea.martin@Exemple.FR ") == "lea.martin@exemple.fr"
    for wrong in ("lea@", "lea", "@exemple.fr", "lea@exemple"):
        with pytest.raises(ContactError, match=r"Courriel .* invalide"):
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
    assert "Courriel « lea@ » invalide" in desk.screen.feedback.text()
    assert desk.screen.form.consent.courriel.text() == "lea@"


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
    assert "Téléphone « 0601 » invalide" in desk.screen.feedback.text()
    assert desk.contacts.get(contact_id).statut == "salarie"
    assert not desk.contacts.has_personal_data(contact_id)
