"""Item models over breakdowns: one breakdown as a table, and every breakdown as a tree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from spro_desk.ui.common.dashboard.breakdowns import Breakdown, Row, Value
from spro_desk.ui.common.dashboard.data import french_decimal
from spro_desk.ui.common.formatting import number, tooltip

Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the value as a number (None: masked or not applicable)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def show_value(value: Value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return french_decimal(value)
    return value


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class BreakdownTableModel(QAbstractItemModel):
    """Rows of one breakdown, then its total row; a Total column when several columns add up,
    a share column for one-way counts. Read-only, flat."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._breakdown: Breakdown | None = None
        self._headers: list[str] = []

    def set_breakdown(self, breakdown: Breakdown) -> None:
        self.beginResetModel()
        self._breakdown = breakdown
        self._headers = [breakdown.row_header, *(label for _, label in breakdown.columns)]
        if self._has_total_column:
            self._headers.append(self.tr("Total"))
        if breakdown.shares:
            self._headers.append(self.tr("Part"))
        self.endResetModel()

    def breakdown(self) -> Breakdown | None:
        return self._breakdown

    @property
    def _has_total_column(self) -> bool:
        b = self._breakdown
        return b is not None and b.total_column and len(b.columns) > 1

    def row_at(self, row: int) -> Row | None:
        """The breakdown's row shown at `row` (None for the total row)."""
        b = self._breakdown
        return b.rows[row] if b is not None and 0 <= row < len(b.rows) else None

    # --- Qt ----------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        b = self._breakdown
        if parent.isValid() or b is None:
            return 0
        return len(b.rows) + (1 if b.total_row and b.rows else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        b = self._breakdown
        if b is None or not index.isValid():
            return None
        row, column = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.FontRole and row is None:
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and row is not None:
            hint = self.tr("Entrée : le détail de cette ligne") if row.drill else ""
            return tooltip(f"{row.label}\n{hint}".strip())
        if role not in (Qt.ItemDataRole.DisplayRole, RAW_ROLE):
            return None
        raw = self._raw(b, row, column)
        return raw if role == RAW_ROLE or column == 0 else self._shown(b, row, column, raw)

    def _raw(self, b: Breakdown, row: Row | None, column: int) -> Value:
        if column == 0:
            return row.label if row is not None else self.tr("Total")
        values = row.values if row is not None else tuple(
            b.column_total(i) for i in range(len(b.columns)))  # fmt: skip
        if column <= len(values):
            return values[column - 1]
        total = row.total if row is not None else b.total
        if self._has_total_column and column == len(values) + 1:
            return total
        return round(100 * total / b.total, 1) if b.total else None  # the share, in %

    def _shown(self, b: Breakdown, row: Row | None, column: int, raw: Value) -> str:
        if b.shares and column == len(self._headers) - 1:
            return french_decimal(raw, "%") if isinstance(raw, float) else "—"
        return show_value(raw)


class BreakdownTreeModel(QAbstractItemModel):
    """Every breakdown (top level: title and total) and its rows (label and count)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._breakdowns: list[Breakdown] = []

    def set_breakdowns(self, breakdowns: list[Breakdown]) -> None:
        self.beginResetModel()
        self._breakdowns = list(breakdowns)
        self.endResetModel()

    def breakdown_at(self, index: Index) -> Breakdown | None:
        """The breakdown of a top-level item, or of a row's parent."""
        if not index.isValid():
            return None
        number_ = index.internalId() - 1 if index.internalId() else index.row()
        return self._breakdowns[number_]

    def row_at(self, index: Index) -> Row | None:
        """The breakdown row of a child item (None for a top-level one)."""
        if not index.isValid() or not index.internalId():
            return None
        return self._breakdowns[index.internalId() - 1].rows[index.row()]

    def top_index(self, key: str) -> QModelIndex:
        for number_, breakdown in enumerate(self._breakdowns):
            if breakdown.key == key:
                return self.index(number_, 0)
        return QModelIndex()

    # --- Qt ----------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        # internalId: 0 for a breakdown, 1 + its number for one of its rows
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._breakdowns)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self._breakdowns[parent.row()].rows)

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Tableau"), self.tr("Nombre"))[section] if section in (0, 1) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        breakdown = self.breakdown_at(index)
        assert breakdown is not None
        if role == Qt.ItemDataRole.FontRole and row is None:
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return tooltip(row.label if row is not None else breakdown.title)
        if role not in (Qt.ItemDataRole.DisplayRole, RAW_ROLE):
            return None
        if index.column() == 0:
            return row.label if row is not None else breakdown.title
        raw = _count(breakdown, row)
        return raw if role == RAW_ROLE else show_value(raw)


def _count(breakdown: Breakdown, row: Row | None) -> Value:
    """A row's count (its total across columns), or the breakdown's total; lists show none."""
    if row is None:
        if not breakdown.total_row:
            return None
        several = len(breakdown.columns) > 1
        # this year and last year side by side: the first column is the period's total
        return breakdown.column_total(0) if several and not breakdown.total_column else (
            breakdown.total)  # fmt: skip
    if len(row.values) == 1:
        return row.values[0]
    return row.total if breakdown.total_column else None
