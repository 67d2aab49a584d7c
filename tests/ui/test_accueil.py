"""The Accueil screen as an agent uses it: keys only, a queue at the desk, nothing ever lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.accueil import defaults
from spro_desk.ui.accueil.needs import search_needs
from spro_desk.ui.accueil.screen import AccueilScreen, frequent_needs
from spro_desk.ui.accueil.today import TodayColumn
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common import labels
from spro_desk.ui.common.context import OrientationRequest
from spro_desk.vocab import CANAUX, REPONSES, SEXES, STATUTS, TRANCHES_AGE, representative_age

from .a11y import hidden_labels, read_name
from .conftest import FIXED_NOW, WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@dataclass
class Keyboard:
    """Types where a real keyboard would (an open popup, else the focus) and counts the keys."""

    qtbot: QtBot
    count: int = 0
    typed: list[str] = field(default_factory=list)

    def press(self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1
        self.typed.append(key if isinstance(key, str) else Qt.Key(key).name)

    def type(self, text: str) -> None:
        for char in text:
            self.press(char)


@dataclass
class Desk:
    window: MainWindow
    screen: AccueilScreen
    db: Database
    keyboard: Keyboard

    @property
    def contacts(self) -> ContactService:
        return ContactService(self.db)


def open_accueil(qtbot: QtBot, window: MainWindow, db: Database) -> Desk:
    window.show_screen("accueil")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = window.screens["accueil"]
    assert isinstance(screen, AccueilScreen)
    qtbot.waitUntil(screen.form.statut.hasFocus)
    return Desk(window, screen, db, Keyboard(qtbot))


@pytest.fixture
def desk(qtbot: QtBot, db: Database, make_window: WindowFactory) -> Desk:
    return open_accueil(qtbot, make_window(db), db)


@pytest.fixture
def confirmations(desk: Desk) -> Iterator[list[str]]:
    """Answers yes to every confirmation and keeps the questions asked."""
    asked: list[str] = []

    def confirm(_parent: QWidget, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return True

    desk.screen.confirm = confirm
    yield asked


def record_walk_in(desk: Desk, statut_key: str, need_digit: str) -> None:
    keys = desk.keyboard
    keys.press(statut_key)
    keys.press(Qt.Key.Key_Tab)
    keys.press(need_digit)
    keys.press(Qt.Key.Key_Return, CTRL)


# --- the 8-keystroke walk-in ----------------------------------------------------------------


def test_a_walk_in_takes_four_keystrokes(qtbot: QtBot, desk: Desk) -> None:
    keys = desk.keyboard
    with qtbot.waitSignal(desk.window.context.navigator.contacts_changed):
        keys.press("E")  # statut: Étudiant
        keys.press(Qt.Key.Key_Tab)  # to the needs
        keys.press("1")  # first frequent need: Choisir un métier
        # the response "Information orale" is ticked on a fresh form
        keys.press(Qt.Key.Key_Return, CTRL)  # record
    assert keys.typed == ["E", "Key_Tab", "1", "Key_Return"]
    assert keys.count <= 8
    [contact] = desk.contacts.list()
    assert contact.statut == "etudiant"
    assert contact.besoins == ["choisir-un-metier"]
    assert contact.reponses == ["information-orale"]
    assert contact.canal == "accueil-physique"
    assert contact.occurred_at.astimezone().replace(tzinfo=None) == FIXED_NOW
    assert not contact.has_personal_data


def test_a_walk_in_with_another_response_takes_seven(desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("D")  # statut: Demandeur d'emploi
    keys.press(Qt.Key.Key_Tab)
    keys.press("3")  # Trouver un emploi
    keys.press("R", ALT)  # jump to the responses
    keys.press("I")  # untick Information orale
    keys.press("D")  # tick Documentation remise
    keys.press(Qt.Key.Key_Return, CTRL)
    assert keys.count == 7
    [contact] = desk.contacts.list()
    assert (contact.statut, contact.besoins, contact.reponses) == (
        "demandeur-emploi",
        ["trouver-un-emploi"],
        ["documentation"],
    )


def test_after_recording_the_form_is_ready_for_the_next_person(desk: Desk) -> None:
    record_walk_in(desk, "S", "2")
    form = desk.screen.form
    assert form.statut.code() is None
    assert form.besoins.codes() == ()
    assert form.reponses.codes() == defaults.DEFAULT_REPONSES
    assert form.canal.code() == "accueil-physique"
    assert form.statut.hasFocus()
    assert desk.screen.feedback.text() == "Contact enregistré à 10:00."
    assert desk.screen.today.model.rowCount() == 1
    record_walk_in(desk, "A", "3")
    assert [c.statut for c in desk.contacts.list()] == ["scolaire", "apprenti"]


# --- the fields -----------------------------------------------------------------------------


def test_needs_are_searched_without_accents(qtbot: QtBot, desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    search = desk.screen.form.besoins.search
    keys.type("metier")
    assert search.popup_visible()
    assert search.match_texts()[0] == "Choisir un métier"
    assert "Choisir un métier › Découvrir un métier ou un secteur d’activité" in (
        search.match_texts()
    )
    keys.press(Qt.Key.Key_Down)  # into the list of matches
    keys.press(Qt.Key.Key_Return)
    assert search.text() == ""
    keys.type("sante")
    keys.press(Qt.Key.Key_Return)  # Entrée without a highlighted match takes the best one
    assert desk.screen.form.besoins.codes() == ("choisir-un-metier", "sante")
    keys.press(Qt.Key.Key_Backspace)  # the empty field removes the last need
    assert desk.screen.form.besoins.codes() == ("choisir-un-metier",)


def test_search_needs_reads_categories_and_sub_thematiques() -> None:
    assert search_needs("form")[0] == ("Se former", "se-former")
    found = dict(search_needs("Formation"))
    assert "se-former--trouver-sa-formation" in found.values()
    assert "Se former" not in found  # words are matched from their start
    assert dict(search_needs("trouver emploi"))["Trouver un emploi"] == "trouver-un-emploi"
    assert search_needs("") == []
    assert search_needs("zzz") == []


def test_commune_by_name_or_postal_code(qtbot: QtBot, desk: Desk) -> None:
    commune = desk.screen.form.commune
    commune.setFocus()
    qtbot.waitUntil(commune.hasFocus)
    desk.keyboard.type("chateauroux")
    assert commune.popup_visible()
    assert commune.match_texts()[0] == "Châteauroux (36000)"
    desk.keyboard.press(Qt.Key.Key_Return)
    assert (commune.text(), commune.code()) == ("Châteauroux (36000)", "36044")
    commune.clear()
    desk.keyboard.type("18000")
    desk.keyboard.press(Qt.Key.Key_Return)
    assert (commune.text(), commune.code()) == ("Bourges (18000)", "18033")


def test_a_commune_typed_but_not_picked_is_resolved_and_named(desk: Desk) -> None:
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("1")
    desk.screen.form.commune.setFocus()
    keys.type("bourges")
    keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert contact.commune == "18033"
    assert desk.screen.feedback.text() == "Contact enregistré à 10:00. Commune : Bourges (18000)."


def test_every_field_by_its_key(qtbot: QtBot, desk: Desk) -> None:
    form = desk.screen.form
    keys = desk.keyboard
    for widget, key, code in (
        (form.tranche_age, "3", "18-25"),
        (form.sexe, "F", "femme"),
        (form.handicap, "O", "oui"),
        (form.canal, "T", "telephone"),
        (form.statut, "J", "decrocheur"),
    ):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        keys.press(key)
        assert widget.code() == code
    keys.press(Qt.Key.Key_Tab)
    keys.press("5")  # Créer une entreprise
    form.duree.setFocus()
    qtbot.waitUntil(form.duree.hasFocus)
    form.duree.selectAll()
    keys.type("20")
    keys.press(Qt.Key.Key_S, CTRL)
    [contact] = desk.contacts.list()
    assert (contact.tranche_age, contact.sexe, contact.handicap) == ("18-25", "femme", True)
    assert (contact.canal, contact.statut, contact.duree) == ("telephone", "decrocheur", 20)
    assert contact.besoins == ["creer-une-entreprise"]


def test_a_late_entry_keeps_its_time(desk: Desk) -> None:
    desk.screen.form.when.setDateTime(datetime(2026, 3, 10, 8, 45))
    record_walk_in(desk, "E", "1")
    [contact] = desk.contacts.list()
    assert contact.occurred_at.astimezone().replace(tzinfo=None) == datetime(2026, 3, 10, 8, 45)
    assert desk.screen.feedback.text() == "Contact enregistré à 08:45."


def test_the_site_presets_channel_place_and_agent(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    site = SiteSettings(db)
    site.set("site.canal_defaut", "permanence")
    site.set("site.permanences", ["Mairie de Sancerre", "Lycée de Vierzon"])
    site.set("agent.courant", "Camille")
    site.set("site.nom", "CIO de Bourges")
    desk = open_accueil(qtbot, make_window(db), db)
    form = desk.screen.form
    assert form.canal.code() == "permanence"
    assert form.lieu.isEnabled()
    assert form.lieu.currentText() == "Mairie de Sancerre"
    record_walk_in(desk, "E", "1")
    [contact] = desk.contacts.list()
    assert (contact.canal, contact.lieu) == ("permanence", "Mairie de Sancerre")
    assert (contact.agent, contact.site) == ("Camille", "CIO de Bourges")
    form.canal.setFocus()
    desk.keyboard.press("A")
    assert not form.lieu.isEnabled()


# --- consent --------------------------------------------------------------------------------


def test_personal_fields_are_locked_until_consent_and_wiped_after(qtbot: QtBot, desk: Desk) -> None:
    consent = desk.screen.form.consent
    personal = consent.personal_widgets()
    assert not any(widget.isEnabled() for widget in personal)
    assert "J'accepte que la structure d'accueil enregistre" in consent.wording.text()
    keys = desk.keyboard
    keys.press("O", ALT)  # the consent box's mnemonic
    assert consent.consent.hasFocus()
    qtbot.waitUntil(consent.is_given)
    assert all(widget.isEnabled() for widget in personal)
    keys.press(Qt.Key.Key_Tab)
    keys.type("Lina")
    assert consent.nom.text() == "Lina"
    consent.consent.setFocus()
    keys.press(Qt.Key.Key_Space)  # untick
    assert consent.nom.text() == ""
    assert not any(widget.isEnabled() for widget in personal)


def test_a_contact_with_consent_keeps_the_personal_data(qtbot: QtBot, desk: Desk) -> None:
    SiteSettings(desk.db).set("agent.courant", "Camille")
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")
    keys.press("O", ALT)  # ticks the box (a mnemonic clicks it, with a short animation)
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("N", ALT)
    keys.type("Lina Martin")
    keys.press(Qt.Key.Key_Tab)
    keys.type("0601020304")
    keys.press(Qt.Key.Key_Return, CTRL)
    [contact] = desk.contacts.list()
    assert contact.has_personal_data
    assert desk.contacts.personal_data(contact.id) == PersonalDataInput(
        nom="Lina Martin", telephone="06 01 02 03 04", courriel=None, note=None
    )
    assert not desk.screen.form.consent.is_given()
    assert desk.screen.form.consent.nom.text() == ""


# --- errors ---------------------------------------------------------------------------------


def test_a_refused_contact_is_explained_and_the_form_kept(desk: Desk) -> None:
    keys = desk.keyboard
    keys.press(Qt.Key.Key_Tab)
    keys.press("1")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.screen.feedback.text() == (
        "Choisissez le statut de la personne (une touche suffit)."
    )
    assert desk.screen.form.statut.hasFocus()
    keys.press("E")
    commune = desk.screen.form.commune
    commune.setFocus()
    keys.type("zzqx")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.screen.feedback.text().startswith("Contact non enregistré : Commune « zzqx »")
    assert desk.contacts.list() == []
    form = desk.screen.form
    assert (form.statut.code(), form.besoins.codes(), commune.text()) == (
        "etudiant",
        ("choisir-un-metier",),
        "zzqx",
    )


# --- today's list ---------------------------------------------------------------------------


def add_contacts(db: Database, *statuts: str) -> list[str]:
    service = ContactService(db)
    return [
        service.record(
            ContactInput(
                canal="accueil-physique",
                statut=statut,
                besoins=("se-former",),
                reponses=("information-orale",),
                occurred_at=datetime(2026, 3, 10, 9, minute),
            )
        )
        for minute, statut in enumerate(statuts)
    ]


def focus_row(qtbot: QtBot, desk: Desk, row: int) -> None:
    desk.window.activateWindow()  # back from a dialog
    qtbot.waitUntil(desk.window.isActiveWindow)
    table = desk.screen.today.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(row)


def test_today_lists_contacts_newest_first(db: Database, qtbot: QtBot, desk: Desk) -> None:
    ContactService(db).record(
        ContactInput(canal="telephone", statut="cadre", occurred_at=datetime(2026, 3, 9, 17, 0))
    )
    add_contacts(db, "salarie", "retraite")
    desk.window.show_screen("accueil")
    model = desk.screen.today.model
    rows = [
        [model.data(model.index(row, column)) for column in TodayColumn]
        for row in range(model.rowCount())
    ]
    assert rows == [  # responses as the tally sheet's letters, their names in the tooltip
        ["09:01", "Accueil physique", "Retraité", "Se former", "I", "0"],
        ["09:00", "Accueil physique", "Salarié", "Se former", "I", "0"],
    ]
    tip = model.index(0, TodayColumn.REPONSES).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Information orale"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in TodayColumn]
    assert headers == ["Heure", "Canal", "Statut", "Besoins", "Réponses", "Orient."]
    role = Qt.ItemDataRole.AccessibleTextRole  # a screen reader hears the word
    assert model.headerData(TodayColumn.ORIENTATIONS, Qt.Orientation.Horizontal, role) == (
        "Orientations"
    )
    assert desk.screen.today.count.text() == "2 contacts aujourd'hui"


def test_a_contact_of_today_is_corrected(qtbot: QtBot, db: Database, desk: Desk) -> None:
    first, second = add_contacts(db, "salarie", "retraite")
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 1)  # 09:00, the older one
    keys = desk.keyboard
    keys.press(Qt.Key.Key_Return)
    form = desk.screen.form
    assert form.statut.hasFocus()
    assert form.statut.code() == "salarie"
    assert form.besoins.codes() == ("se-former",)
    assert form.consent.consent.isEnabled()  # consent may be given now (tests/ui/test_agent_day)
    assert desk.screen.record_button.text() == "Enregistrer la modification (Ctrl+Entrée)"
    keys.press("D")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.get(first).statut == "demandeur-emploi"
    corrected_at = desk.contacts.get(first).occurred_at.astimezone().replace(tzinfo=None)
    assert corrected_at == datetime(2026, 3, 10, 9, 0)  # the time of the visit is kept
    assert desk.contacts.get(second).statut == "retraite"
    assert len(desk.contacts.list()) == 2
    assert desk.screen.feedback.text() == "Contact de 09:00 modifié."
    assert desk.screen.record_button.text() == "Enregistrer (Ctrl+Entrée)"
    assert form.consent.isEnabled()


def test_editing_never_drops_a_half_typed_contact(qtbot: QtBot, db: Database, desk: Desk) -> None:
    add_contacts(db, "salarie")
    desk.window.show_screen("accueil")
    desk.keyboard.press("E")
    asked: list[str] = []
    desk.screen.confirm = lambda *args: asked.append(args[2]) is not None  # answers no
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Return)
    assert asked == [
        "Le formulaire contient une saisie non enregistrée. "
        "L'abandonner pour modifier le contact choisi ?"
    ]
    assert desk.screen.form.statut.code() == "etudiant"


def test_switching_screens_keeps_a_half_typed_contact(qtbot: QtBot, desk: Desk) -> None:
    desk.keyboard.press("E")
    desk.keyboard.press(Qt.Key.Key_2, CTRL)  # to the directory and back
    assert desk.window.current_screen_name() == "annuaire"
    desk.window.show_screen("accueil")
    assert desk.screen.form.statut.code() == "etudiant"
    assert desk.screen.form.statut.hasFocus()


def test_opening_another_contact_unchanged_asks_nothing(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    add_contacts(db, "salarie", "retraite")
    desk.window.show_screen("accueil")
    desk.screen.confirm = lambda *args: pytest.fail(f"unexpected question: {args[2]}")
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Return)
    assert desk.screen.form.statut.code() == "retraite"
    focus_row(qtbot, desk, 1)
    desk.keyboard.press(Qt.Key.Key_Return)
    assert desk.screen.form.statut.code() == "salarie"


def test_delete_asks_then_ctrl_z_restores(
    qtbot: QtBot, db: Database, desk: Desk, confirmations: list[str]
) -> None:
    kept, deleted = add_contacts(db, "salarie", "retraite")
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Delete)
    assert confirmations == ["Supprimer le contact de 09:01 ? Ctrl+Z le rétablit."]
    assert [c.id for c in desk.contacts.list()] == [kept]
    assert desk.screen.today.model.rowCount() == 1
    bar = desk.screen.today.undo_bar
    assert bar.isVisible()
    assert bar.message.text() == "Contact de 09:01 supprimé."
    desk.keyboard.press(Qt.Key.Key_Z, CTRL)
    assert [c.id for c in desk.contacts.list()] == [kept, deleted]
    assert desk.screen.today.current_id() == deleted
    assert not bar.isVisible()
    assert desk.screen.feedback.text() == "Contact rétabli."


def test_the_undo_button_restores_too(
    qtbot: QtBot, db: Database, desk: Desk, confirmations: list[str]
) -> None:
    [contact_id] = add_contacts(db, "salarie")
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 0)
    desk.screen.today.delete_button.click()
    assert desk.contacts.list() == []
    desk.screen.today.undo_bar.undo_button.click()
    assert [c.id for c in desk.contacts.list()] == [contact_id]


def test_the_deletion_question_is_french_and_can_be_declined(
    qtbot: QtBot, db: Database, desk: Desk
) -> None:
    add_contacts(db, "salarie")
    desk.window.show_screen("accueil")
    seen: list[tuple[str, list[str]]] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = [b.text() for b in box.findChildren(QPushButton)]
        seen.append((box.text(), buttons))
        next(b for b in box.findChildren(QPushButton) if b.text() == button_text).click()

    focus_row(qtbot, desk, 0)
    QTimer.singleShot(0, lambda: answer("Annuler"))
    desk.keyboard.press(Qt.Key.Key_Delete)
    assert len(desk.contacts.list()) == 1
    focus_row(qtbot, desk, 0)
    QTimer.singleShot(0, lambda: answer("Supprimer"))
    desk.keyboard.press(Qt.Key.Key_Delete)
    assert desk.contacts.list() == []
    text, buttons = seen[0]
    assert text == "Supprimer le contact de 09:00 ? Ctrl+Z le rétablit."
    assert sorted(buttons) == ["Annuler", "Supprimer"]


# --- orientation ----------------------------------------------------------------------------


def test_orienter_records_then_hands_the_person_over(qtbot: QtBot, desk: Desk) -> None:
    form = desk.screen.form
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")  # Se former
    for widget, key in ((form.tranche_age, "3"), (form.handicap, "O")):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        keys.press(key)
    form.commune.setFocus()
    keys.type("18000")
    keys.press(Qt.Key.Key_Return)
    navigator = desk.window.context.navigator
    with qtbot.waitSignal(navigator.orientation_requested) as emitted:
        keys.press(Qt.Key.Key_O, CTRL)
    [contact] = desk.contacts.list()
    assert emitted.args == [
        OrientationRequest(
            contact_id=contact.id,
            commune="18033",
            statut="etudiant",
            handicap=True,
            besoins=("se-former",),
            tranche_age="18-25",  # the band, never an exact age (tests/ui/test_agent_day)
        )
    ]
    assert desk.window.current_screen_name() == "orientation"


def test_orienter_from_a_corrected_contact_uses_it(qtbot: QtBot, db: Database, desk: Desk) -> None:
    [contact_id] = add_contacts(db, "salarie")
    desk.window.show_screen("accueil")
    focus_row(qtbot, desk, 0)
    desk.keyboard.press(Qt.Key.Key_Return)
    with qtbot.waitSignal(desk.window.context.navigator.orientation_requested) as emitted:
        desk.screen.orient_button.click()
    request = emitted.args[0]
    assert (request.contact_id, request.statut, request.age) == (contact_id, "salarie", None)
    assert len(desk.contacts.list()) == 1


# --- vocabulary and accessibility -----------------------------------------------------------


def test_the_labels_cover_the_vocabularies_with_distinct_keys() -> None:
    for choices, vocabulary in (
        (labels.STATUTS, STATUTS),
        (labels.TRANCHES_AGE, TRANCHES_AGE),
        (labels.SEXES, SEXES),
        (labels.CANAUX, CANAUX),
        (labels.REPONSES, REPONSES),
    ):
        assert {c.code: c.source for c in choices} == vocabulary
        assert len({c.key for c in choices}) == len(choices)
    assert {b for b in TRANCHES_AGE if representative_age(b) is not None} == set(TRANCHES_AGE) - {
        "non-renseigne"
    }


def test_a_desk_may_choose_its_one_key_needs() -> None:
    assert frequent_needs(["sante", "pas-un-besoin"]) == ("sante",)
    assert frequent_needs("mobilite") == ("mobilite",)
    assert frequent_needs(None) == defaults.FREQUENT_NEEDS
    assert frequent_needs(["pas-un-besoin"]) == defaults.FREQUENT_NEEDS


def test_every_control_is_named_for_screen_readers(desk: Desk) -> None:
    screen = desk.screen
    form = screen.form
    controls = [
        form.statut,
        form.besoins.search,
        form.besoins.chosen_list,
        *form.besoins.quick_buttons,
        form.reponses,
        form.tranche_age,
        form.sexe,
        form.handicap,
        form.commune,
        form.canal,
        form.lieu,
        form.when,
        form.duree,
        form.consent.consent,
        *form.consent.personal_widgets(),
        screen.record_button,
        screen.orient_button,
        screen.cancel_edit_button,
        screen.today.table,
        screen.today.edit_button,
        screen.today.delete_button,
        screen.today.undo_bar.undo_button,
    ]
    unnamed = [type(c).__name__ for c in controls if not read_name(c)]
    assert not unnamed
    # Labels are read as their text: no name hides the consent wording or a message.
    assert hidden_labels(screen) == []
    assert read_name(form.consent.wording) == form.consent.wording.text()
    assert read_name(form.consent.consent) == "La personne consent à ce texte :"
    assert form.statut.accessibleDescription().startswith("Une touche choisit : S : Scolaire")


def test_tab_goes_through_the_essentials_first(qtbot: QtBot, desk: Desk) -> None:
    form = desk.screen.form
    expected = [
        form.besoins.search,
        form.besoins.chosen_list,
        form.reponses,
        form.tranche_age,
        form.sexe,
        form.handicap,
        form.commune,
        form.canal,
    ]
    for widget in expected:
        desk.keyboard.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


# --- nothing lost on a crash ----------------------------------------------------------------


def test_a_contact_being_typed_survives_a_crash_without_its_personal_data(
    qtbot: QtBot, db: Database, make_window: WindowFactory, settings: QSettings
) -> None:
    first = open_accueil(qtbot, make_window(db), db)
    keys = first.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")  # a frequent need: Se former
    keys.press("O", ALT)
    qtbot.waitUntil(first.screen.form.consent.is_given)
    keys.press("N", ALT)
    keys.type("Lina Martin")
    first.screen.draft.save()  # what the timer does every 1.5 s
    settings_file = Path(settings.fileName())
    assert "Lina" not in settings_file.read_text(encoding="utf-8")
    # The process dies here: a new window on the same desk finds the contact being typed.
    again = open_accueil(qtbot, make_window(db), db)
    form = again.screen.form
    assert (form.statut.code(), form.besoins.codes()) == ("etudiant", ("se-former",))
    assert form.consent.nom.text() == "" and not form.consent.is_given()
    assert "Saisie en cours retrouvée" in again.screen.feedback.text()
    again.keyboard.press(Qt.Key.Key_Return, CTRL)  # recorded: the draft is gone
    assert again.screen.draft.pending() is None
    assert [c.statut for c in again.contacts.list()] == ["etudiant"]
