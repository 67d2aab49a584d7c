"""Directory text is data, never markup: names with tags or bidi controls show literally."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.search import DirectorySearch
from spro_desk.storage.engine import Database
from spro_desk.ui.common.service_results import Column, ServiceResultsModel

from .conftest import FIXED_NOW, WindowFactory, one_service_directory

HOSTILE_NAME = "<img src=x> <b>Atelier</b>"
HOSTILE_DESCRIPTION = '<a href="https://example.org">lien</a> & <script>alert(1)</script>'
HOSTILE_HOURS = "<img src=x> sur rendez-vous"  # not OSM syntax: shown as given
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: makes "fdp.exe" read "exe.pdf"


@pytest.fixture
def hostile_db(tmp_path: Path) -> Iterator[Database]:
    database = one_service_directory(
        tmp_path,
        {"nom": f"Structure {RLO}cod.exe"},
        {"nom": HOSTILE_NAME, "description": HOSTILE_DESCRIPTION,
         "horaires_accueil": HOSTILE_HOURS},
    )  # fmt: skip
    yield database
    database.close()


def test_markup_is_shown_literally(
    hostile_db: Database, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(hostile_db)
    view = window.directory_view
    model = view.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, Column.SERVICE)) == HOSTILE_NAME
    view.table.selectRow(0)
    text = view.detail.toPlainText()
    assert text.startswith(HOSTILE_NAME)
    # producers' HTML is neutralised: rendered as text, links shown with their address
    assert "lien (https://example.org) & alert(1)" in text
    html = view.detail.document().toHtml()
    assert "<img" not in html and "<b>" not in html and "<a " not in html
    assert "&lt;img src=x&gt;" in html
    assert HOSTILE_HOURS in text


def test_tooltips_escape_directory_text(hostile_db: Database, make_window: WindowFactory) -> None:
    # Qt shows a tooltip as HTML as soon as it looks like HTML.
    model = make_window(hostile_db).directory_view.model
    for column in (Column.SERVICE, Column.HORAIRES):
        tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip and "&lt;img src=x&gt;" in tip


def test_bidi_controls_never_reach_the_screen(
    hostile_db: Database, make_window: WindowFactory
) -> None:
    window = make_window(hostile_db)
    view = window.directory_view
    view.table.selectRow(0)
    assert RLO not in view.model.data(view.model.index(0, Column.STRUCTURE))
    assert RLO not in view.detail.toPlainText()
    assert "Structure cod.exe" in view.detail.toPlainText()


def test_the_model_strips_bidi_controls_itself(hostile_db: Database) -> None:
    # The importer strips them already; the screen must not depend on it.
    model = ServiceResultsModel(DirectorySearch(hostile_db), lambda: FIXED_NOW)
    row = ServiceSummary(1, "s", "st", f"Atelier {RLO}fdp.exe", "S", None, None, None, None, ())
    model.set_summaries([row])
    assert model.data(model.index(0, Column.SERVICE)) == "Atelier fdp.exe"


def test_typed_markup_is_searched_as_words(
    qtbot: QtBot, hostile_db: Database, make_window: WindowFactory
) -> None:
    window = make_window(hostile_db)
    view = window.directory_view
    qtbot.keyClicks(view.search_box, "<b>rien</b>")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.result_count.textFormat() == Qt.TextFormat.PlainText
