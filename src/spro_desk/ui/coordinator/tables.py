"""The coordination's tables: read-only rows, sorted by a header click on the model's sort key."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from spro_desk.ui.coordinator.models import SORT_ROLE
from spro_desk.ui.widgets import setup_row_table


def sorted_table(
    model: QAbstractItemModel,
    owner: QWidget,
    name: str,
    description: str,
    widths: Mapping[int, int],
    first_order: tuple[int, Qt.SortOrder],
) -> tuple[QTableView, QSortFilterProxyModel]:
    """A row table over a sorting proxy of `model`; `first_order` is the order it opens in."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = setup_row_table(QTableView(), proxy, name, description)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    table.setSortingEnabled(True)
    table.sortByColumn(*first_order)
    return table, proxy


def selected_source_row(table: QTableView, proxy: QSortFilterProxyModel) -> int | None:
    """The model row of the selected line, whatever the sort order."""
    rows = table.selectionModel().selectedRows()
    return proxy.mapToSource(rows[0]).row() if rows else None


def select_source_row(table: QTableView, proxy: QSortFilterProxyModel, row: int) -> None:
    table.selectRow(proxy.mapFromSource(proxy.sourceModel().index(row, 0)).row())
