"""The table model of a list of rows: one class for every simple table of the interface.

Subclasses say how a cell reads (`display`), and optionally its tooltip, alignment, emphasis and
sort key; the model does the rest (counts, roles, sorting that keeps the selection).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from spro_desk.ui.common.column_model import ColumnTableModel
from spro_desk.ui.common.formatting import tooltip

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class RowsModel(ColumnTableModel, Generic[Row]):
    """Rows of one dataclass; subclasses say how a cell reads (and sorts, where the view sorts)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._order: tuple[int, Qt.SortOrder] | None = None  # None: the domain's order

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._sorted(before)
        # The selection follows its row to where the sort put it.
        moved = {id(row): number for number, row in enumerate(self._rows)}
        kept = self.persistentIndexList()
        self.changePersistentIndexList(
            kept, [self.index(moved[id(before[i.row()])], i.column()) for i in kept]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._order is None:
            return rows
        column, order = self.COLUMNS(self._order[0]), self._order[1]
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=lambda row: self.sort_key(row, column), reverse=descending)

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.COLUMNS(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tooltip_text(row, column)
            return tooltip(text) if text else None
        if role == Qt.ItemDataRole.FontRole and self.emphasised(row):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = self.alignment(column)
            return int(alignment) if alignment is not None else None
        return self.role_data(row, role)

    def display(self, row: Row, column: Any) -> str:
        raise NotImplementedError

    def sort_key(self, row: Row, column: Any) -> Any:
        return self.display(row, column).casefold()

    def tooltip_text(self, row: Row, column: Any) -> str:
        """Plain text shown literally; empty: no tooltip."""
        return ""

    def emphasised(self, row: Row) -> bool:
        """Bold row (an overdue referral, a late desk)."""
        return False

    def alignment(self, column: Any) -> Qt.AlignmentFlag | None:
        return None

    def role_data(self, row: Row, role: int) -> Any:
        """Any other role of a row (an id for the view to find it back)."""
        return None
