"""The English window on a populated desk: every text our own code builds is English.

Each main screen is built in English over a real desk (the CVL directory, contacts, referrals),
and every visible text is read: labels, buttons, tooltips, accessible names, the rows of item
views (display, tooltip and accessible roles, headers), combo box entries, text panes. What
stays French by rule (CONTRIBUTING.md, « Translate »): data·inclusion's published terms and the
partners' own text shown as data, place names, the consent wording the person reads and agrees
to, the language's own name. Those are taken out first; a French word left is a defect.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from spro_desk.clock import SITE_ZONES
from spro_desk.contacts.model import DEFAULT_CONSENT_WORDING, ContactInput
from spro_desk.directory.networks import NETWORK_LABELS
from spro_desk.geo import Geography
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow

from .conftest import CVL, WindowFactory

ROOT = Path(__file__).resolve().parents[2]
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
ROWS_READ = 40  # of each item view (and of each branch of a tree)
CIO = "spro-annuaire--cio-de-bourges--1"
CAP_EMPLOI = "spro-annuaire--cap-emploi-cher--1"
EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"
LOAD_MS = 20_000
# Words only French uses (accents aside: « à », « où »…, caught by the second pattern).
FRENCH_WORD = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ouvert|ouvre|fermé|fermée|"
    r"horaires|jusqu|demain|férié|fériés|semaine|mois|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre|par|du|des|les|le|la|et|sur|pour|"
    r"avec|sans|aux|au|une|est|ans|oui|non|renseigné|renseignée|délai|contacts? orientés?|"
    r"rendez-vous|adresse|jeton|ce|cette|aucun|aucune)\b",
    re.IGNORECASE,
)
FRENCH_SPACING = re.compile(r"\w\u00a0[:;!?]")
FRENCH_LETTER = re.compile(r"[àâçéèêëîïôûùœ]", re.IGNORECASE)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@cache
def _kept_french() -> re.Pattern[str]:
    """What stays French by rule, longest first: removed from a text before it is judged."""
    kept = set()
    for name in ("structures.json", "services.json"):
        kept |= set(_strings(json.loads((CVL / name).read_text(encoding="utf-8"))))
    vocab = ROOT / "resources" / "vocab" / "data-inclusion-v1.json"
    kept |= set(_strings(json.loads(vocab.read_text(encoding="utf-8"))))
    kept |= set(NETWORK_LABELS.values()) | set(SITE_ZONES.values())
    geo = Geography.load()
    kept |= {geo.zone_label(code) for code in (*geo.epci_codes(), *geo.departement_codes())}
    # The service's official name, given in French beside its English rendering.
    kept |= {DEFAULT_CONSENT_WORDING, "Français", "Service public régional de l'orientation"}
    kept |= {"département", "départements", "Département"}  # French administration, in English
    needles = sorted((k.strip() for k in kept if len(k.strip()) > 2), key=len, reverse=True)
    return re.compile("|".join(re.escape(needle) for needle in needles))


def french_left(text: str) -> str | None:
    """`text` with what stays French taken out, when a French word is left; else None."""
    plain = re.sub(r"<[^>]+>", " ", text).replace("&#x27;", "'")
    plain = _kept_french().sub(" ", plain)
    if FRENCH_SPACING.search(plain):  # « Contacts : 2 », spaced as French prints it
        return plain.strip()
    plain = plain.replace("\u00a0", " ")
    plain = re.sub(r"\b[A-ZÉ][\w'’-]*(?:[ -][A-ZÉ][\w'’-]*)*\s\(\d[\dAB]{1,4}\)", " ", plain)
    if FRENCH_WORD.search(plain) or FRENCH_LETTER.search(plain):
        return plain.strip()
    return None


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: PySide hides its columnCount
        return 1


def _rows(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.rowCount(parent)
    except TypeError:
        return 0 if parent.isValid() else model.rowCount()


def _model_texts(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[object]:
    columns = _columns(model, parent)
    for column in range(columns):
        for role in ROLES:
            yield model.headerData(column, Qt.Orientation.Horizontal, role)
    for row in range(min(_rows(model, parent), ROWS_READ)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in ROLES:
                yield model.data(index, role)
        first = model.index(row, 0, parent)
        if _rows(model, first):
            yield from _model_texts(model, first)


def widget_texts(widget: QWidget) -> list[str]:
    texts: list[object] = [widget.accessibleName(), widget.accessibleDescription()]
    texts.append(widget.toolTip())
    for getter in ("text", "title", "placeholderText", "windowTitle"):
        method = getattr(widget, getter, None)
        if callable(method):
            try:
                texts.append(method())
            except TypeError:  # a method of that name with arguments
                continue
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.extend(widget.toPlainText().splitlines())
    if isinstance(widget, QComboBox):
        texts.extend(widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts.extend(_model_texts(widget.model(), QModelIndex()))
    return [text for text in texts if isinstance(text, str) and text]


def french_on_screen(window: MainWindow) -> dict[str, str]:
    """Each visible text where a French word is left → the widget class showing it."""
    found = {}
    for widget in window.findChildren(QWidget):
        if widget.isVisible():
            for text in widget_texts(widget):
                if french_left(text) is not None:
                    found[text] = type(widget).__name__
    return found


@pytest.fixture
def busy_desk(cvl_db: Database) -> Database:
    from spro_desk.contacts.service import ContactService

    contacts = ContactService(cvl_db)
    first = contacts.record(
        ContactInput(
            canal="accueil-physique", statut="decrocheur", besoins=(EMPLOI,),
            tranche_age="18-25", occurred_at=datetime(2026, 3, 10, 9, 0),
        )
    )  # fmt: skip
    contacts.record(
        ContactInput(canal="telephone", statut="etudiant", occurred_at=datetime(2026, 3, 9, 9, 0))
    )
    contacts.add_referral(first, CIO, rdv_at=datetime(2026, 3, 12, 9, 30))
    contacts.add_referral(first, CAP_EMPLOI)
    return cvl_db


def _show_annuaire(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("annuaire")
    view = window.directory_view
    assert view is not None
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(view.detail.toPlainText()))


def _show_orientation(qtbot: QtBot, window: MainWindow) -> None:
    from .test_orientation_screen import _screen

    screen = _screen(window)
    profile = screen.profile
    qtbot.keyClicks(profile.commune, "18033")
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    qtbot.keyClicks(profile.needs.filter_box, "trouver un emploi")
    qtbot.keyClick(profile.needs.filter_box, Qt.Key.Key_Down)
    qtbot.keyClick(profile.needs.list, Qt.Key.Key_Space)
    screen.suggest()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=LOAD_MS)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(screen.reasons.toPlainText()))


def _show_dashboard(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("tableau-de-bord")
    screen: Any = window.screens["tableau-de-bord"]
    qtbot.waitUntil(lambda: screen.view.settled, timeout=LOAD_MS)


SHOW = {"annuaire": _show_annuaire, "orientation": _show_orientation}
SHOW["tableau-de-bord"] = _show_dashboard


def test_the_judge_finds_french_and_keeps_what_stays_french() -> None:
    assert french_left("Du lundi au vendredi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h") is not None
    assert french_left("Contacts par canal") is not None
    assert french_left("Fermé · ouvre demain à 9 h") is not None
    assert french_left("Monday to Friday: 9:00 – 12:00") is None
    assert french_left("Trouver un emploi › Répondre à des offres d’emploi") is None
    assert french_left("Cap emploi Cher") is None
    assert french_left("Bourges (18000)") is None
    assert french_left("Contacts\u00a0: 2") is not None


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    "name",
    [
        "accueil",
        "annuaire",
        "orientation",
        "suivi",
        "tableau-de-bord",
        "parametres",
        "synchronisation",
    ],
)
def test_every_screen_speaks_english_on_a_busy_desk(
    qtbot: QtBot, busy_desk: Database, make_window: WindowFactory, name: str
) -> None:
    window = make_window(busy_desk)
    SHOW.get(name, lambda _bot, shown: shown.show_screen(name))(qtbot, window)
    found = french_on_screen(window)
    assert not found, "French in the English window:\n" + "\n".join(
        f"{kind}: {text!r}" for text, kind in sorted(found.items())
    )


@pytest.mark.usefixtures("english")
def test_the_fiche_de_liaison_tells_opening_hours_in_english(cvl_db: Database) -> None:
    """The slip's words were English, but its opening hours (written by the directory's
    French-only describer) read « Du lundi au vendredi : 9 h – 12 h 30 »."""
    from PySide6.QtGui import QTextDocument

    from spro_desk.orientation.slip import build_slip
    from spro_desk.ui.orientation.slip_pdf import slip_html

    slip = build_slip(cvl_db, CIO, rdv_at=datetime(2026, 3, 12, 9, 30))
    assert slip is not None
    document = QTextDocument()
    document.setHtml(slip_html(slip))
    text = document.toPlainText()
    hours = text.split("Opening hours\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert hours and all(french_left(line) is None for line in hours), hours
    assert any(line.startswith("Monday to ") for line in hours), hours
    left = [line for line in text.splitlines() if french_left(line) is not None]
    assert not left, left


@pytest.mark.usefixtures("english")
def test_the_dashboards_tables_are_worded_in_english_with_the_same_figures(
    qtbot: QtBot, busy_desk: Database, make_window: WindowFactory
) -> None:
    """The Tableau de bord showed the bilan's French (« Contacts par canal », « Accueil
    physique », « semaine du 09/03/2026 », « mars 2026 ») in the English window."""
    from PySide6.QtCore import QCoreApplication

    from .test_dashboard import _tables

    window = make_window(busy_desk)
    _show_dashboard(qtbot, window)
    shown = _tables(window.screens["tableau-de-bord"])  # type: ignore[arg-type]
    walk_in = QCoreApplication.translate("Vocabulary", "Accueil physique")
    assert walk_in != "Accueil physique"
    assert shown[("Contacts by channel", walk_in)] == "1"
    assert shown[("Contacts by week", "week of 09/03/2026")] == "2"
    assert shown[("Contacts by month", "Mar 2026")] == "2"
    assert shown[("Referrals by outcome", "In progress")] == "2"
    tile = window.screens["tableau-de-bord"].view.summary.buttons["part_niveau2"]  # type: ignore[attr-defined]
    assert tile.figure.text() == "50%"  # not « 50 % », spaced as French prints it
    assert tile.accessibleName() == "Share referred to level 2: 50%"


@pytest.mark.usefixtures("english")
def test_the_reasons_read_in_english_and_are_recorded_in_french(
    qtbot: QtBot, busy_desk: Database, make_window: WindowFactory
) -> None:
    """« Pourquoi » read « couvre votre intercommunalité … · ouvert jusqu'à 12 h 30 » in the
    English window. The motif recorded with a referral (which travels to the coordination,
    French) keeps the French reasons."""
    window = make_window(busy_desk)
    _show_orientation(qtbot, window)
    screen: Any = window.screens["orientation"]
    shown = screen.reasons.toPlainText().splitlines()
    assert shown and all(french_left(line) is None for line in shown), shown
    assert any(line.startswith("• covers your") for line in shown), shown
    recorded = screen.model.choice(0).reasons
    assert len(recorded) == len(shown)
    assert recorded[0].startswith("couvre votre"), recorded


def dialog_french(dialog: QWidget) -> dict[str, str]:
    """`french_on_screen` for a dialog: its visible widgets' texts with French left."""
    found = {}
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if widget.isVisible():
            for text in widget_texts(widget):
                if french_left(text) is not None:
                    found[text] = type(widget).__name__
    return found


@pytest.mark.usefixtures("english")
def test_the_booking_dialog_speaks_english(
    qtbot: QtBot, busy_desk: Database, make_window: WindowFactory
) -> None:
    window = make_window(busy_desk)
    _show_orientation(qtbot, window)
    screen: Any = window.screens["orientation"]
    screen.orient()
    qtbot.waitUntil(lambda: screen.booking.booking_dialog is not None)
    dialog = screen.booking.booking_dialog
    qtbot.waitUntil(dialog.isVisible)
    try:
        qtbot.mouseClick(dialog.rendez_vous, Qt.MouseButton.LeftButton)
        dialog.set_moment(datetime(2026, 3, 15, 10, 0))  # a Sunday: the dialog says closed
        qtbot.wait(100)
        found = dialog_french(dialog)
    finally:
        dialog.reject()
    assert not found, "\n".join(f"{kind}: {text!r}" for text, kind in sorted(found.items()))


@pytest.mark.usefixtures("english")
def test_suivis_call_list_and_the_about_box_speak_english(
    qtbot: QtBot, busy_desk: Database, make_window: WindowFactory
) -> None:
    from spro_desk.contacts.service import ContactService

    from .test_agent_day import consenting_caller

    ContactService(busy_desk).add_referral(
        consenting_caller(busy_desk), CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0)
    )
    window = make_window(busy_desk)
    window.show_screen("suivi")
    screen: Any = window.screens["suivi"]
    screen.call_card.call_list.setChecked(True)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(screen.call_card.question.text()))
    found = french_on_screen(window)
    about = window.show_about()
    try:
        found |= dialog_french(about)
    finally:
        about.reject()
    assert not found, "\n".join(f"{kind}: {text!r}" for text, kind in sorted(found.items()))


@pytest.mark.usefixtures("english")
def test_a_bad_email_is_refused_in_english(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """The refusal (written by the domain's check) read « Courriel invalide : il faut une
    adresse complète… » in the English window."""
    from .test_accueil import open_accueil
    from .test_agent_day import CTRL

    desk = open_accueil(qtbot, make_window(db), db)
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")
    consent = desk.screen.form.consent
    consent.consent.setChecked(True)  # the English mnemonics are not the French ones
    qtbot.waitUntil(consent.is_given)
    consent.courriel.setFocus()
    keys.type("lea@")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.list() == []
    shown = desk.screen.feedback.text()
    assert "E-mail address is not valid: a full address is needed" in shown, shown
    assert "lea@" not in shown  # the person's value stays in its field (privacy)
    assert french_left(shown) is None, shown


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("typed", ["0", "999"])
def test_an_impossible_age_is_refused_in_english(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, typed: str
) -> None:
    from .test_agent_day import orientation_screen

    screen = orientation_screen(make_window(cvl_db))
    profile = screen.profile
    qtbot.keyClicks(profile.commune, "18033")
    profile.statut.setCurrentIndex(profile.statut.findData("demandeur-emploi"))
    profile.needs.set_codes(("trouver-un-emploi",))
    profile.age.setFocus()
    profile.age.selectAll()
    qtbot.keyClicks(profile.age, typed)
    screen.suggest()
    shown = screen.message.text()
    assert typed in shown and french_left(shown) is None, shown
    assert screen.model.rowCount() == 0


@pytest.mark.usefixtures("english")
def test_suivis_refusal_and_question_speak_english(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """« Rendez-vous pris » on an information, and reopening an « Honoré »: the refusal and
    the question were the domain's French in the English window."""
    from spro_desk.contacts.service import ContactService

    from .test_agent_day import anonymous_contact, select_referral

    service = ContactService(cvl_db)
    information = service.add_referral(anonymous_contact(cvl_db), CIO)
    honoured = service.add_referral(
        anonymous_contact(cvl_db), CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0)
    )
    service.set_referral_status(honoured, "honore")
    window = make_window(cvl_db)
    window.show_screen("suivi")
    screen: Any = window.screens["suivi"]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    select_referral(screen, information)
    screen.set_status("rdv-pris")
    refusal = screen.message.text()
    asked: list[str] = []
    screen.confirm = lambda _parent, _title, question, _go, _undo: asked.append(question)
    select_referral(screen, honoured)
    screen.set_status("rdv-pris")
    assert refusal and french_left(refusal) is None, refusal
    assert asked and french_left(asked[0]) is None, asked


@pytest.mark.usefixtures("english")
def test_parametres_refusals_speak_english(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A site phone nobody can dial, saved in Paramètres: « Téléphone du site : Téléphone
    « 12 » invalide : tapez un numéro français… » in the English window."""
    window = make_window(db)
    window.show_screen("parametres")
    screen: Any = window.screens["parametres"]
    screen.editors["site.telephone"].set_value("12")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    said = screen.status.text()
    assert "12" in said and french_left(said) is None, said


@pytest.mark.usefixtures("english")
def test_the_first_run_assistant_speaks_english(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    """Every page of the assistant, the site and the first agent filled in, the summary read."""
    from PySide6.QtWidgets import QWizard

    from spro_desk.geo import geography
    from spro_desk.ui.first_run.wizard import FirstRunWizard

    wizard = FirstRunWizard(db, tmp_path, geography())
    qtbot.addWidget(wizard)
    wizard.show()
    found: dict[str, str] = {}
    try:
        for _ in range(4):  # role → site → agent → directory → summary
            found |= dialog_french(wizard)
            page = wizard.currentPage()
            if page is wizard.site_page:
                qtbot.keyClicks(page.name, "CIO de Bourges")
                page.network.setCurrentIndex(page.network.findData("cio"))
                qtbot.keyClicks(page.commune, "Bourges")
            if page is wizard.agent_page:
                for field in (page.name, page.pin, page.confirmation):
                    qtbot.keyClicks(field, "Claire" if field is page.name else "48219063")
            wizard.button(QWizard.WizardButton.NextButton).click()
        assert wizard.currentPage() is wizard.summary_page
        found |= dialog_french(wizard)
    finally:
        wizard.reject()
    assert not found, "\n".join(f"{kind}: {text!r}" for text, kind in sorted(found.items()))
