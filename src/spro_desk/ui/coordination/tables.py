"""The coordination's tables: read-only rows that sort on a header click (the model sorts)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QTableView

from spro_desk.ui.common.widgets import ColumnKey, setup_row_table


def sorted_table(
    model: QAbstractItemModel,
    name: str,
    description: str,
    widths: Mapping[ColumnKey, int],
    first_order: tuple[int, Qt.SortOrder],
) -> QTableView:
    """A row table over `model`; `first_order` (column, order) is the order it opens in."""
    table = setup_row_table(QTableView(), model, name, description, widths)
    table.setSortingEnabled(True)
    table.sortByColumn(*first_order)
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None
