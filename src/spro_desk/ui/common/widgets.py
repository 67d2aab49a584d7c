"""Widget settings every screen shares: row tables, action bars and plain-text labels."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

# A column number, or the IntEnum member that names it.
ColumnKey = TypeVar("ColumnKey", bound=int)


def setup_row_table(
    table: QTableView,
    model: QAbstractItemModel,
    name: str,
    description: str = "",
    widths: Mapping[ColumnKey, int] | None = None,
) -> QTableView:
    """A read-only table that selects one whole row; Tab leaves it, the arrows move inside.

    With `widths` (column → pixels), one line per row and columns the agent can resize.
    """
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setAccessibleName(name)
    if description:
        table.setAccessibleDescription(description)
    if widths is not None:
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in widths.items():
            table.setColumnWidth(column, width)
    return table


class FittedColumns(QObject):
    """A row table's fixed columns narrowed, down to `narrowest` of their widths, so that its
    last (stretching) column keeps `last_chars` characters in view as the table narrows; and
    widened, the `grow` columns taking the room beyond that as far as their texts need, as it
    widens or its rows change.

    At 1024 px or at 200 %, fixed widths pushed the last column (the Annuaire's « Horaires »,
    the suggestions' « Raisons ») behind a sideways scroll bar; at 1280 px, Suivi's last
    column took 460 px for « Proposé » beside names cut short. Widths the agent sets by
    dragging a column's edge are hers: from then on they are kept.
    """

    def __init__(
        self,
        table: QTableView,
        widths: Mapping[ColumnKey, int],
        last_chars: int,
        narrowest: float = 0.5,
        grow: Collection[ColumnKey] = (),
    ) -> None:
        super().__init__(table)
        self._table = table
        self._widths = {int(column): width for column, width in widths.items()}
        self._last_chars, self._narrowest = last_chars, narrowest
        self._grow = [int(column) for column in widths if column in grow]
        self._chosen = False  # by the agent
        self._fitting = False
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        if self._grow:
            table.model().modelReset.connect(self._refit)
            table.model().layoutChanged.connect(self._refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event first: the table is gone while the collector destroys the view.
        if event.type() == QEvent.Type.Resize and not self._chosen:
            self._fit(self._table.viewport().width())
        return super().eventFilter(watched, event)

    def _fit(self, available: int) -> None:
        last = self._table.fontMetrics().averageCharWidth() * self._last_chars
        total = sum(self._widths.values())
        share = min(1.0, max(self._narrowest, (available - last) / total))
        widths = {column: int(width * share) for column, width in self._widths.items()}
        if self._grow and available - last - total > 0:
            # The last column's own texts (bold for some rows) before the growing ones.
            last_column = self._table.model().columnCount() - 1
            last = max(last, self._table.sizeHintForColumn(last_column))
            self._widen(widths, available - last - total)
        self._fitting = True
        try:
            for column, width in widths.items():
                self._table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _widen(self, widths: dict[int, int], spare: int) -> None:
        """The growing columns up to their texts' widths, in proportion to what each lacks."""
        lacking = {
            column: max(0, self._table.sizeHintForColumn(column) - widths[column])
            for column in self._grow
        }
        scale = max(0.0, min(1.0, spare / max(1, sum(lacking.values()))))
        for column, lack in lacking.items():
            widths[column] += int(lack * scale)

    def _refit(self) -> None:
        if not self._chosen:
            self._fit(self._table.viewport().width())

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self._widths:  # the last one stretches itself
            self._chosen = True


class OwnEnterDialog(QDialog):
    """A dialog whose field and list act on Entrée themselves (search, open the row): the key
    they pass on must not also press the dialog's default button, which would search or ask
    again. A focused button still takes Entrée itself, and Échap still closes."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


def scroll_area() -> QScrollArea:
    """A QScrollArea whose viewport was made in Python, so that Python already knows it.

    The viewport Qt makes is a plain QWidget Python has never seen: the first time such a
    widget reaches Python (`viewport()`), PySide6 looks through every QWidget subclass for its
    type and sets each one up with its enums (QWizard, QMdiArea…: ~16 ms of CPU in a fresh
    process, ~5 ms into the desk's start, before its first paint; bench/start_costs.py).
    """
    area = QScrollArea()
    viewport = QWidget()
    # As QScrollArea sets up its own: filled, in its parent's background colour.
    viewport.setBackgroundRole(QPalette.ColorRole.NoRole)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)
    return area


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A wrapping label that never interprets its text as HTML (it may come from outside).

    `name` only identifies the label (object name): an accessible name would replace the text
    for assistive technology, and the text is what the label is for (RGAA 11.1).
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def field_label(text: str, field: QWidget, after: str = "") -> QLabel:
    """The visible label of `field`, tied to it (relation and mnemonic); the field is named
    with the words seen (RGAA 11.2, WCAG 2.5.3), then `after` when the label alone is ambiguous.
    """
    label = QLabel(text)
    label.setBuddy(field)
    seen = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    field.setAccessibleName(seen.rstrip(" :\u00a0") + after)
    return label


def action_bar(name: str, actions: Iterable[QAction]) -> QToolBar:
    """A text-only bar of a screen's actions, each button named for screen readers.

    A toolbar folds what does not fit behind its extension button: the screen stays usable in a
    narrow window or at 200 % scaling.
    """
    bar = QToolBar()
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setAccessibleName(name)
    for action in actions:
        bar.addAction(action)
        button = bar.widgetForAction(action)
        button.setAccessibleName(action.text().replace("&", ""))
        button.setAccessibleDescription(action.toolTip())
    return bar


def table_screen_layout(
    screen: QWidget,
    control_label: str,
    control: QWidget,
    summary: QWidget,
    below: tuple[QWidget, ...],
) -> None:
    """A list screen: a labelled control and a summary on top, then `below` (table, actions…)."""
    top = QHBoxLayout()
    label = QLabel(control_label)
    label.setBuddy(control)
    top.addWidget(label)
    top.addWidget(control)
    top.addWidget(summary, stretch=1)
    layout = QVBoxLayout(screen)
    layout.addLayout(top)
    for widget in below:
        layout.addWidget(widget)
