"""Issue 18's fifth walk: the site manager at the end of a month, exporting her bilan from the
Tableau de bord (real widgets, real files written to disk and read back)."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.dashboard.screen import DashboardScreen

from .conftest import WindowFactory
from .test_agent_day import _dashboard


def _record_month(db: Database) -> None:
    service = ContactService(db)
    for day, statut in ((2, "salarie"), (9, "etudiant"), (9, "salarie"), (20, "autre")):
        service.record(ContactInput(canal="accueil-physique", statut=statut,
                                    occurred_at=datetime(2026, 3, day, 14, 0)))  # fmt: skip


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str) -> None:
    chosen = (str(path), chosen_filter)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: chosen)


def test_a_name_typed_without_its_suffix_does_not_replace_a_bilan_unasked(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Last month's bilan is « bilan-mars.xlsx »; she types « bilan-mars » with the XLSX
    filter: the dialog found no « bilan-mars » to warn about, the desk added « .xlsx » and
    wrote over last month's file without a word."""
    import openpyxl

    _record_month(cvl_db)
    view = _dashboard(qtbot, window).view
    earlier = tmp_path / "bilan-mars.xlsx"
    earlier.write_bytes(b"le bilan du mois dernier")
    questions: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, question: str, _go: str, _undo: bool) -> bool:
        questions.append(question)
        return answers[len(questions) - 1]

    view.exporter.confirm = confirm
    _choose(monkeypatch, tmp_path / "bilan-mars", "Classeur XLSX (*.xlsx)")
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)
    assert len(questions) == 1 and "bilan-mars.xlsx" in questions[0]
    assert earlier.read_bytes() == b"le bilan du mois dernier"
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy and "écrit" in view.message.text(), timeout=20_000)
    assert len(questions) == 2
    assert openpyxl.load_workbook(earlier).sheetnames  # replaced by the bilan, as she agreed


@pytest.mark.parametrize(
    ("code", "said"),
    [(errno.ENOSPC, "plein"), (errno.EROFS, "refuse l'écriture"), (errno.EACCES, "refuse")],
)
def test_a_full_or_locked_target_is_said_in_french_and_nothing_is_left(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, code: int, said: str,
) -> None:  # fmt: skip
    """A USB stick fills up half-way through the bilan: the message read « (No space left on
    device) » — the system's English words in a French sentence."""
    from spro_desk.reports import exports

    def half_then_full(_bilan: object, path: Path) -> Path:
        def write(target: Path) -> None:
            target.write_text('{"format": "spro-desk-bi', "utf-8")
            raise OSError(code, os.strerror(code))

        return exports._atomic_write(path, write)

    _record_month(cvl_db)
    view = _dashboard(qtbot, window).view
    monkeypatch.setattr(exports, "write_json", half_then_full)
    _choose(monkeypatch, tmp_path / "cle" / "bilan.json", "JSON pour scripts (*.json)")
    (tmp_path / "cle").mkdir()
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy and "bilan" in view.message.text(), timeout=20_000)
    text = view.message.text()
    assert said in text, text
    assert os.strerror(code) not in text, text
    assert list((tmp_path / "cle").iterdir()) == []  # nothing half-written left there


# --- the month's bilan at a Cayenne desk on a Paris computer ----------------------------------


def _cayenne_month(db: Database) -> int:
    """Six weeks of contacts with every canal, statut and age band, on Cayenne's wall clock;
    some late in the evening, when the computer (Paris) is already on the next day, and
    around Paris' change to summer time (29 March). Returns March's number."""
    from spro_desk.site.settings import SiteSettings
    from spro_desk.vocab import CANAUX, STATUTS, TRANCHES_AGE

    SiteSettings(db).set("site.fuseau", "America/Cayenne")
    service = ContactService(db)
    canaux, statuts, ages = list(CANAUX), list(STATUTS), list(TRANCHES_AGE)
    march, n = 0, 0
    for day in range(40):
        when = datetime(2026, 3, 1) + timedelta(days=day)
        for hour in (8, 13, 22) if day % 7 != 6 else (23,):
            occurred = when.replace(hour=hour, minute=30)
            service.record(ContactInput(
                canal=canaux[n % len(canaux)], statut=statuts[n % len(statuts)],
                tranche_age=ages[n % len(ages)], occurred_at=occurred,
            ))  # fmt: skip
            n += 1
            march += occurred.month == 3
    return march


def test_a_cayenne_desks_month_on_a_paris_computer_is_the_same_on_screen_and_in_the_bilan(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """31 March, 22:00 in Cayenne (already 1 April, 03:00, on the computer's Paris clock):
    « Ce mois » is March on the site's calendar, and the XLSX, PDF and JSON bilans say what
    the screen says."""
    import json
    import subprocess
    import time

    import openpyxl

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    march = _cayenne_month(cvl_db)
    window = make_window(cvl_db, clock=lambda: datetime(2026, 3, 31, 22, 0))
    window.show_screen("tableau-de-bord")
    screen = window.screens["tableau-de-bord"]
    assert isinstance(screen, DashboardScreen)
    view = screen.view
    qtbot.waitUntil(lambda: view.settled, timeout=20_000)
    bar = view.filter_bar
    bar.preset.setFocus()
    qtbot.keyClick(bar.preset, Qt.Key.Key_Down)  # « Cette semaine » → « Ce mois »
    qtbot.waitUntil(lambda: view.settled and bar.preset_code() == "ce-mois", timeout=20_000)
    qtbot.waitUntil(lambda: view.settled, timeout=20_000)
    assert (bar.start.date().toPython(), bar.end.date().toPython()) == (
        date(2026, 3, 1), date(2026, 3, 31))  # fmt: skip
    shown = view.summary.buttons["contacts"].figure.text()
    assert shown == str(march)
    for fmt, name in (("json", "JSON pour scripts (*.json)"), ("xlsx", "Classeur XLSX (*.xlsx)"),
                      ("pdf", "Bilan PDF (*.pdf)")):  # fmt: skip
        _choose(monkeypatch, tmp_path / f"mars.{fmt}", name)
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda f=fmt: not view.busy and (tmp_path / f"mars.{f}").exists(),
                        timeout=20_000)  # fmt: skip
    document = json.loads((tmp_path / "mars.json").read_text("utf-8"))
    assert document["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    figures = document["themes"][0]["sections"][0]["items"]
    assert next(int(i["value"]) for i in figures if i["label"] == "Contacts") == march
    cells = [[c for c in row if c is not None]
             for sheet in openpyxl.load_workbook(tmp_path / "mars.xlsx").worksheets
             for row in sheet.iter_rows(values_only=True)]  # fmt: skip
    assert any(row[:2] in (["Contacts", march], ["Contacts", str(march)]) for row in cells), cells[
        :12
    ]
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "mars.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "01/03/2026" in text and "31/03/2026" in text
    assert "31/03/2026 22:00" in text, text[:600]  # « à jour au »: the site's clock
    assert any(line.split()[:2] == ["Contacts", str(march)] for line in text.splitlines()), text[
        :900
    ]


# --- Paramètres: the catchment area -------------------------------------------------------------


def test_a_catchment_area_typed_but_not_saved_is_not_lost_when_the_window_is_closed(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """The site manager adds her intercommunality to « Zone desservie », then closes the
    window for the evening: the area was dropped without a word (nothing asked, nothing kept),
    and the next morning's dashboard still counted the old white zones."""
    from spro_desk.site.settings import SiteSettings

    from .test_fourth_walk import zone_editor

    window = make_window(cvl_db)
    editor = zone_editor(window)
    before = SiteSettings(cvl_db).get("site.zone")
    editor.entry.setFocus()
    qtbot.keyClicks(editor.entry, "CA Bourges Plus")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    typed = editor.value()
    assert typed == [*before, "241800507"]
    questions: list[str] = []
    answers = ["cancel", "save"]

    def ask(_parent: object, question: str) -> str:
        questions.append(question)
        return answers[len(questions) - 1]

    window.ask_unsaved = ask
    assert not window.close()  # « Annuler »: the window stays, the edits too
    assert window.isVisible() and editor.value() == typed
    assert len(questions) == 1 and "Paramètres" in questions[0]
    assert window.close()  # « Enregistrer »
    assert SiteSettings(cvl_db).get("site.zone") == typed


@pytest.mark.parametrize(
    ("typed", "commune"),
    [("Bourges Plus", "18033"), ("Pays de Fayence", "83055"), ("cinor", "97411")],
)
def test_an_intercommunality_is_found_by_the_name_people_call_it(
    qtbot: QtBot, db: Database, make_window: WindowFactory, typed: str, commune: str
) -> None:
    """« Bourges Plus » + Entrée: « n'est ni une commune, ni un EPCI » — the list knows it as
    « CA Bourges Plus », and nobody says « CA » (« CC du Pays de Fayence » likewise)."""
    from spro_desk.geo import geography

    from .test_fourth_walk import zone_editor

    window = make_window(db)
    editor = zone_editor(window)
    editor.entry.setFocus()
    qtbot.keyClicks(editor.entry, typed)
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assert editor.value() == [geography().commune(commune).epci], editor.entry.toolTip()
