"""Table model of directory search results: one row per service, columns named by constant.

A search ranks up to RESULT_LIMIT services at once (ranking is what it costs) but reads the rows
of the first CHUNK only: further rows are read a chunk at a time when a view shows them, so the
count and keyboard navigation cover every result while a keystroke reads a screenful. "Open
now" results arrive in pages instead (`canFetchMore`/`fetchMore`): their ranking checks each
candidate's hours.
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
from spro_desk.ui.common.formatting import one_line, opening_status, opening_week, tooltip

# The most rows DirectorySearch returns for one call; further pages come with an offset.
RESULT_LIMIT = 1000
# Rows read and decoded at once: a few screenfuls. Reading all 1,000 ranked rows cost about
# 25 ms a keystroke on the national directory.
CHUNK = 100
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
        return OPEN_NOW_PAGE_SIZE if self.filters.open_at is not None else RESULT_LIMIT


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
        # The ranked keys, and their rows once read (None until a view needs them).
        self._pks: list[int] = []
        self._rows: list[ServiceSummary | None] = []
        self._gone: set[int] = set()
        self._seen: set[int] = set()
        self._more = False
        self._now = clock()
        # The status walks the opening rules: computed once per row, when a view asks for it.
        self._status: dict[int, str] = {}

    # --- filling ------------------------------------------------------------------------------

    def search(self, text: str, filters: SearchFilters | None = None) -> None:
        """Run a new search and show its results (the first chunk read before they are shown)."""
        self._query = _Query(text, filters or SearchFilters())
        pks = self._ranked(0, self._query.page_size)
        self.beginResetModel()
        self._pks = pks
        self._rows = [None] * len(pks)
        self._gone = set()
        self._read(0)
        self._after_reset(more=len(pks) == self._query.page_size)

    def set_summaries(self, summaries: list[ServiceSummary]) -> None:
        """Show given rows (no further pages)."""
        self.beginResetModel()
        self._pks = [row.pk for row in summaries]
        self._rows = list(summaries)
        self._gone = set()
        self._after_reset(more=False)

    def _after_reset(self, *, more: bool) -> None:
        self._seen = set(self._pks)
        self._more = more
        self._now = self._clock()
        self._status.clear()
        self.endResetModel()

    def _ranked(self, offset: int, size: int) -> list[int]:
        query = self._query
        ranked = self._search.ranked(query.text, query.filters, limit=size, offset=offset)
        return [pk for pk, _ in ranked]

    def _read(self, row: int) -> None:
        """Read the chunk of rows around `row` (rows gone from the directory meanwhile stay
        empty)."""
        first = row - row % CHUNK
        last = min(first + CHUNK, len(self._pks))
        wanted = [i for i in range(first, last) if self._rows[i] is None and i not in self._gone]
        if not wanted:
            return
        found = {s.pk: s for s in self._search.summaries([self._pks[i] for i in wanted])}
        for i in wanted:
            self._rows[i] = found.get(self._pks[i])
            if self._rows[i] is None:
                self._gone.add(i)

    def _row(self, row: int) -> ServiceSummary | None:
        summary = self._rows[row]
        if summary is None:
            self._read(row)
            summary = self._rows[row]
        return summary

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt signature)
        if not self.canFetchMore(parent):
            return
        size = min(self._query.page_size, RESULT_LIMIT - len(self._pks))
        page = self._ranked(len(self._pks), size) if size > 0 else []
        # Equal ranks may come back in another order from a longer search: skip repeats.
        fresh = [pk for pk in page if pk not in self._seen]
        self._more = len(page) == size and len(self._pks) + len(fresh) < RESULT_LIMIT
        if not fresh:
            self._more = False
            return
        first = len(self._pks)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._pks.extend(fresh)
        self._rows.extend([None] * len(fresh))
        self._seen.update(fresh)
        self.endInsertRows()

    def refresh_clock(self) -> None:
        """Recompute the statuses for the current time: "Ouvert jusqu'à 17 h" goes stale."""
        self._now = self._clock()
        self._status.clear()
        if self._pks:
            first = self.index(0, Column.HORAIRES)
            last = self.index(len(self._pks) - 1, Column.HORAIRES)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])

    # --- reading ------------------------------------------------------------------------------

    @property
    def has_more(self) -> bool:
        """Whether scrolling to the end will bring more rows."""
        return self._more

    def summary(self, row: int) -> ServiceSummary:
        summary = self._row(row)
        if summary is None:
            raise LookupError(f"row {row}: service no longer in the directory")
        return summary

    def service_id(self, row: int) -> str:
        summary = self._row(row)
        return summary.service_id if summary is not None else ""

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._pks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pks):
            return None
        summary = self._row(index.row())
        if summary is None:
            return None
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
            text = "\n".join(opening_week(Hours.parse(summary.horaires), summary.code_insee))
        else:
            text = self._display(row, summary, column)
        return tooltip(text) if text else None

    def _hours_status(self, row: int, summary: ServiceSummary) -> str:
        if row not in self._status:
            self._status[row] = opening_status(
                Hours.parse(summary.horaires), self._now, summary.code_insee
            )
        return self._status[row]
