"""The ranked suggestions as a table: one service per row, its reasons in the last column."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.orientation.suggest import Suggestion
from spro_desk.ui.common.column_model import ColumnTableModel
from spro_desk.ui.common.formatting import one_line, tooltip

Index = QModelIndex | QPersistentModelIndex
REASON_SEPARATOR = " · "


class SuggestionColumn(IntEnum):
    RANG = 0
    SERVICE = 1
    STRUCTURE = 2
    COMMUNE = 3
    RAISONS = 4


@dataclass(frozen=True)
class Choice:
    """A service the agent may refer to: a suggestion, or a service picked in the directory."""

    summary: ServiceSummary
    reasons: list[str] = field(default_factory=list)  # French: the referral's motif
    picked: bool = False
    shown_reasons: list[str] = field(default_factory=list)  # in the window's words

    @classmethod
    def from_suggestion(cls, suggestion: Suggestion) -> Choice:
        return cls(
            suggestion.summary,
            list(suggestion.reasons),
            shown_reasons=list(suggestion.shown_reasons or suggestion.reasons),
        )


class SuggestionModel(ColumnTableModel):
    COLUMNS = SuggestionColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Choice] = []

    def set_choices(self, choices: list[Choice]) -> None:
        self.beginResetModel()
        self._rows = list(choices)
        self.endResetModel()

    def add_picked(self, summary: ServiceSummary) -> int:
        """A service chosen in the directory goes first; returns its row.

        A service already listed keeps its row and its reasons: they are still true.
        """
        for row, choice in enumerate(self._rows):
            if choice.summary.service_id == summary.service_id:
                return row
        self.beginResetModel()
        self._rows.insert(0, Choice(summary, [], picked=True))
        self.endResetModel()
        return 0

    def choice(self, row: int) -> Choice:
        return self._rows[row]

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._display(index.row(), SuggestionColumn(index.column()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(text) if text else None
        return None

    def column_title(self, column: SuggestionColumn) -> str:
        titles = {
            SuggestionColumn.RANG: self.tr("N°"),
            SuggestionColumn.SERVICE: self.tr("Service"),
            SuggestionColumn.STRUCTURE: self.tr("Structure"),
            SuggestionColumn.COMMUNE: self.tr("Commune"),
            SuggestionColumn.RAISONS: self.tr("Pourquoi"),
        }
        return titles[column]

    def reasons_text(self, row: int) -> str:
        """The reasons one per line, as read aloud to the person."""
        choice = self._rows[row]
        if choice.picked:
            return self.tr("Service choisi dans l'annuaire (hors suggestions).")
        return "\n".join(f"• {one_line(reason)}" for reason in choice.shown_reasons)

    def _display(self, row: int, column: SuggestionColumn) -> str:
        choice = self._rows[row]
        summary = choice.summary
        if column == SuggestionColumn.RANG:
            return self.tr("annuaire") if choice.picked else str(row + 1 - self._picked_count())
        if column == SuggestionColumn.SERVICE:
            return one_line(summary.service_nom)
        if column == SuggestionColumn.STRUCTURE:
            return one_line(summary.structure_nom)
        if column == SuggestionColumn.COMMUNE:
            return one_line(summary.commune)
        if choice.picked:
            return self.tr("choisi dans l'annuaire")
        return REASON_SEPARATOR.join(one_line(reason) for reason in choice.shown_reasons)

    def _picked_count(self) -> int:
        return sum(1 for choice in self._rows if choice.picked)
