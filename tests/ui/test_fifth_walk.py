"""Issue 18's fifth walk: the site manager at the end of a month, exporting her bilan from the
Tableau de bord (real widgets, real files written to disk and read back)."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow

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
