"""The results model ranks every result at once but reads rows a chunk at a time, as shown."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.search import DirectorySearch
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common import service_results as models
from spro_desk.ui.directory.view import DirectoryView

ALL_SERVICES = 679
NOW = datetime(2026, 3, 10, 10)


class CountingSearch(DirectorySearch):
    """The real search, counting the rows it is asked to read."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.read: list[int] = []

    def summaries(self, pks: list[int]) -> list[ServiceSummary]:
        self.read.extend(pks)
        return super().summaries(pks)


def _ids(model: models.ServiceResultsModel) -> list[str]:
    return [model.service_id(row) for row in range(model.rowCount())]


def test_a_search_counts_every_result_but_reads_one_chunk(cvl_db: Database) -> None:
    search = CountingSearch(cvl_db)
    model = models.ServiceResultsModel(search, lambda: NOW)
    model.search("")
    assert model.rowCount() == ALL_SERVICES and not model.has_more
    assert len(search.read) == models.CHUNK
    expected = [hit.summary.service_id for hit in DirectorySearch(cvl_db).search("", limit=1000)]
    # Every row, read as it is asked for, in the search's order, each read once.
    assert _ids(model) == expected and len(set(expected)) == ALL_SERVICES
    assert sorted(search.read) == sorted({*search.read}) and len(search.read) == ALL_SERVICES


def test_a_text_search_keeps_the_search_order(cvl_db: Database) -> None:
    model = models.ServiceResultsModel(DirectorySearch(cvl_db), lambda: NOW)
    for text in ("mission locale", "m", "conseil en e", "cio"):
        model.search(text)
        hits = DirectorySearch(cvl_db).search(text, limit=1000)
        assert _ids(model) == [hit.summary.service_id for hit in hits], text
        assert model.rowCount() == len(hits) > 0


def test_results_beyond_the_limit_say_more_may_follow(
    cvl_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "RESULT_LIMIT", 250)
    model = models.ServiceResultsModel(DirectorySearch(cvl_db), lambda: NOW)
    model.search("")
    assert model.rowCount() == 250 and model.has_more
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250 and len(set(_ids(model))) == 250


def test_a_service_gone_from_the_directory_leaves_an_empty_row(cvl_db: Database) -> None:
    model = models.ServiceResultsModel(DirectorySearch(cvl_db), lambda: NOW)
    model.search("")
    last = model.rowCount() - 1
    with cvl_db.engine.begin() as connection:
        pk = connection.exec_driver_sql(
            "SELECT pk FROM service WHERE id = ?", (_id_of_unread_row(model, last),)
        ).scalar_one()
        connection.exec_driver_sql("DELETE FROM service_tag WHERE service_pk = ?", (pk,))
        connection.exec_driver_sql("DELETE FROM service WHERE pk = ?", (pk,))
    assert model.service_id(last) == ""
    assert model.data(model.index(last, models.Column.SERVICE)) is None
    assert model.service_id(last - 1) != ""


def _id_of_unread_row(model: models.ServiceResultsModel, row: int) -> str:
    search = DirectorySearch(model._search.db)  # the key only: the model has not read it yet
    return search.summaries([model._pks[row]])[0].service_id


def _view(window: MainWindow) -> DirectoryView:
    window.show_screen("annuaire")
    return window.directory_view


def test_the_keyboard_reaches_the_last_result(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    view.run_search()
    assert view.result_count.text() == f"{ALL_SERVICES} services"
    table = view.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    rows = table.selectionModel().selectedRows()
    assert [index.row() for index in rows] == [ALL_SERVICES - 1]
    last = view.model.summary(ALL_SERVICES - 1)
    assert view.detail.toPlainText().startswith(last.service_nom.split()[0])
    qtbot.keyClick(table, Qt.Key.Key_PageUp)
    row = table.selectionModel().selectedRows()[0].row()
    assert 0 < row < ALL_SERVICES - 1 and view.model.service_id(row)
