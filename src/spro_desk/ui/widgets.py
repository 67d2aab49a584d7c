"""Widget settings every screen shares: read-only row tables and plain-text labels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView


def setup_row_table(
    table: QTableView, model: QAbstractItemModel, name: str, description: str = ""
) -> QTableView:
    """A read-only table that selects one whole row; Tab leaves it, the arrows move inside."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setAccessibleName(name)
    if description:
        table.setAccessibleDescription(description)
    return table


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A wrapping label that never interprets its text as HTML (it may come from outside)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label
