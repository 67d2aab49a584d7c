"""Table model of directory search results: one row per service, columns named by constant.

Rows arrive in pages: the view asks for the next page (`canFetchMore`/`fetchMore`) when the
agent scrolls to the end, so a broad search never reads more than what is looked at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import network_label
from spro_desk.directory.search import DirectorySearch, SearchFilters
from spro_desk.ui.common.column_model import ColumnTableModel
from spro_desk.ui.common.context import Clock
from spro_desk.ui.common.formatting import one_line, tooltip

# The most rows DirectorySearch returns for one call; further pages come with an offset.
RESULT_LIMIT = 1000
# Ranking, not reading rows, is what a search costs: one page is as large as the search allows.
PAGE_SIZE = RESULT_LIMIT
# "Open now" checks each candidate's hours in Python: small pages keep a keystroke fast.
OPEN_NOW_PAGE_SIZE = 100

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SERVICE = 0
    STRUCTURE = 1
    COMMUNE = 2
    RESEAU = 3
    HORAIRES = 4


SERVICE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Query:
    text: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)

    @property
    def page_size(self) -> int:
        return OPEN_NOW_PAGE_SIZE if self.filters.open_at is not None else PAGE_SIZE


class ServiceResultsModel(ColumnTableModel):
    """Holds the summaries of the last search; the hours status is computed for visible rows."""

    COLUMNS = Column

    def __init__(
        self, search: DirectorySearch, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._clock = clock
        self._query = _Query()
        self._rows: list[ServiceSummary] = []
        self._seen: set[int] = set()
        self._more = False
        self._now = clock()
        # status_fr walks the opening rules: computed once per row, when a view asks for it.
        self._status: dict[int, str] = {}

    # --- filling ------------------------------------------------------------------------------

    def search(self, text: str, filters: SearchFilters | None = None) -> None:
        """Run a new search and show its first page."""
        self._query = _Query(text, filters or SearchFilters())
        page = self._fetch_page(0, self._query.page_size)
        self._reset(page, more=len(page) == self._query.page_size)

    def set_summaries(self, summaries: list[ServiceSummary]) -> None:
        """Show given rows (no further pages)."""
        self._reset(list(summaries), more=False)

    def _reset(self, rows: list[ServiceSummary], *, more: bool) -> None:
        self.beginResetModel()
        self._rows = rows
        self._seen = {row.pk for row in rows}
        self._more = more
        self._now = self._clock()
        self._status.clear()
        self.endResetModel()

    def _fetch_page(self, offset: int, size: int) -> list[ServiceSummary]:
        query = self._query
        hits = self._search.search(query.text, query.filters, limit=size, offset=offset)
        return [hit.summary for hit in hits]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt signature)
        if not self.canFetchMore(parent):
            return
        size = min(self._query.page_size, RESULT_LIMIT - len(self._rows))
        page = self._fetch_page(len(self._rows), size)
        # Equal ranks may come back in another order from a longer search: skip repeats.
        fresh = [row for row in page if row.pk not in self._seen]
        self._more = len(page) == size and len(self._rows) + len(fresh) < RESULT_LIMIT
        if not fresh:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._seen.update(row.pk for row in fresh)
        self.endInsertRows()

    def refresh_clock(self) -> None:
        """Recompute the statuses for the current time: "Ouvert jusqu'à 17 h" goes stale."""
        self._now = self._clock()
        self._status.clear()
        if self._rows:
            first = self.index(0, Column.HORAIRES)
            last = self.index(len(self._rows) - 1, Column.HORAIRES)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])

    # --- reading ------------------------------------------------------------------------------

    @property
    def has_more(self) -> bool:
        """Whether scrolling to the end will bring more rows."""
        return self._more

    def summary(self, row: int) -> ServiceSummary:
        return self._rows[row]

    def service_id(self, row: int) -> str:
        return self._rows[row].service_id

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), summary, Column(index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), summary, Column(index.column()))
        if role == SERVICE_ID_ROLE:
            return summary.service_id
        return None

    def column_title(self, column: Column) -> str:
        titles = {
            Column.SERVICE: self.tr("Service"),
            Column.STRUCTURE: self.tr("Structure"),
            Column.COMMUNE: self.tr("Commune"),
            Column.RESEAU: self.tr("Réseau"),
            Column.HORAIRES: self.tr("Horaires"),
        }
        return titles[column]

    def _display(self, row: int, summary: ServiceSummary, column: Column) -> str:
        if column == Column.SERVICE:
            return one_line(summary.service_nom)
        if column == Column.STRUCTURE:
            return one_line(summary.structure_nom)
        if column == Column.COMMUNE:
            return one_line(summary.commune)
        if column == Column.RESEAU:
            return network_label(summary.reseau) if summary.reseau else ""
        return self._hours_status(row, summary)

    def _tooltip(self, row: int, summary: ServiceSummary, column: Column) -> str | None:
        # Cells are elided in narrow columns: the tooltip gives the whole text.
        if column == Column.HORAIRES:
            text = "\n".join(Hours.parse(summary.horaires).describe_fr())
        else:
            text = self._display(row, summary, column)
        return tooltip(text) if text else None

    def _hours_status(self, row: int, summary: ServiceSummary) -> str:
        if row not in self._status:
            self._status[row] = Hours.parse(summary.horaires).status_fr(self._now)
        return self._status[row]
