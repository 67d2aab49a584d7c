"""The dashboard's two pages: the overview (charts and every table) and one breakdown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.ui.common.dashboard.breakdowns import NO_CHART, Breakdown
from spro_desk.ui.common.dashboard.charts import BreakdownChart
from spro_desk.ui.common.dashboard.data import DashboardData
from spro_desk.ui.common.dashboard.models import BreakdownTableModel, BreakdownTreeModel
from spro_desk.ui.common.widgets import plain_label, setup_row_table

# The overview's charts, in reading order: volumes and last year, publics, needs, referrals.
OVERVIEW_CHARTS = (
    "comparaison.mois", "contacts.semaine", "contacts.canal", "contacts.statut",
    "contacts.sexe_age", "besoins.categorie", "orientations.issue", "orientations.reseau_issue",
)  # fmt: skip
CARD_COLUMNS = 2
CARD_LINES = 22  # the tallest chart of a card, in lines of text (its table has every row)


class OverviewPage(QWidget):
    breakdown_requested = Signal(str)  # open a breakdown's page
    row_activated = Signal(str, str)  # (breakdown key, row code): drill from a bar or a row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: dict[str, BreakdownChart] = {}
        self.titles: dict[str, QToolButton] = {}
        self._queue: list[tuple[str, Breakdown]] = []
        self._empty_text = ""
        self._next_chart = QTimer(self)
        self._next_chart.setInterval(0)
        self._next_chart.timeout.connect(self._draw_next_chart)
        self.tree_model = BreakdownTreeModel(self)
        self.tree = self._make_tree()
        self.cards = QScrollArea()
        self.cards.setWidgetResizable(True)
        self.cards.setWidget(self._make_cards())
        self.cards.setAccessibleName(self.tr("Graphiques"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cards)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _make_cards(self) -> QWidget:
        cards = QWidget()
        grid = QGridLayout(cards)
        for number, key in enumerate(OVERVIEW_CHARTS):
            title = QToolButton()
            title.clicked.connect(lambda _checked=False, k=key: self.breakdown_requested.emit(k))
            chart = BreakdownChart()
            chart.row_activated.connect(lambda code, k=key: self.row_activated.emit(k, code))
            card = QVBoxLayout()
            card.addWidget(title, 0, Qt.AlignmentFlag.AlignLeft)
            card.addWidget(chart, 1)
            grid.addLayout(card, number // CARD_COLUMNS, number % CARD_COLUMNS)
            self.titles[key], self.charts[key] = title, chart
        return cards

    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.tree_model)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setUniformRowHeights(True)  # thousands of communes or sites scroll smoothly
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.setAccessibleName(self.tr("Tous les tableaux"))
        tree.setAccessibleDescription(self.tr(
            "Chaque tableau et ses lignes ; Entrée sur un tableau l'ouvre, sur une ligne montre "
            "son détail"))  # fmt: skip
        tree.activated.connect(self._tree_activated)
        return tree

    def show_data(self, data: DashboardData, empty_text: str) -> None:
        """The tree at once; the charts one per turn of the event loop, so the window answers
        between two (a region's eight charts in one go would hold it for a while)."""
        self._queue = [(key, data.breakdown(key)) for key in self.charts]
        self._empty_text = empty_text
        self.tree_model.set_breakdowns([data.breakdown(key) for key in data.listed()])
        self._next_chart.start()

    @property
    def pending(self) -> bool:
        """Charts still to redraw."""
        return bool(self._queue)

    def stop(self) -> None:
        self._next_chart.stop()

    def _draw_next_chart(self) -> None:
        if not self._queue:
            self._next_chart.stop()
            return
        key, breakdown = self._queue.pop(0)
        self.titles[key].setText(self.tr("{title} ›").format(title=breakdown.title))
        self.titles[key].setAccessibleName(
            self.tr("Ouvrir le tableau : {title}").format(title=breakdown.title)
        )
        chart = self.charts[key]
        chart.show_breakdown(breakdown, self._empty_text)
        # Cards scroll: each chart gets its readable height rather than a share of the page.
        chart.setMinimumHeight(min(chart.preferred_height(), self._card_height()))
        if not self._queue:
            self._next_chart.stop()
            cards = self.cards.widget()
            layout = cards.layout() if cards is not None else None
            if layout is not None:
                layout.invalidate()  # the charts' new minimum heights are not seen otherwise
                layout.activate()

    def _card_height(self) -> int:
        return self.fontMetrics().height() * CARD_LINES

    def _tree_activated(self, index: QModelIndex) -> None:
        breakdown = self.tree_model.breakdown_at(index)
        row = self.tree_model.row_at(index)
        if breakdown is None:
            return
        if row is None:
            self.breakdown_requested.emit(breakdown.key)
        else:
            self.row_activated.emit(breakdown.key, row.code)


class BreakdownPage(QWidget):
    """One breakdown: its chart (when its rows compare) beside its full table."""

    row_activated = Signal(str)  # the row's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = BreakdownChart()
        self.chart.row_activated.connect(self.row_activated)
        self.model = BreakdownTableModel(self)
        self.table = setup_row_table(QTableView(), self.model, self.tr("Tableau du détail"),
                                     self.tr("Entrée sur une ligne : son détail"))  # fmt: skip
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._table_activated)
        self.note = plain_label("", self.tr("Note du tableau"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)

    def show_breakdown(self, breakdown: Breakdown, title: str, empty_text: str) -> None:
        self.model.set_breakdown(breakdown)
        # The label column takes the room left (a mode set per section, after the columns exist).
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(title)
        self.chart.setVisible(breakdown.chart != NO_CHART)
        if breakdown.chart != NO_CHART:
            self.chart.show_breakdown(breakdown, empty_text)
            self.chart.setAccessibleName(title)
        self.note.setText(breakdown.note)
        self.note.setVisible(bool(breakdown.note))

    def select(self, code: str) -> None:
        """Put the table's cursor on row `code` (the bar the user came from)."""
        breakdown = self.model.breakdown()
        codes = [row.code for row in breakdown.rows] if breakdown else []
        if code in codes:
            self.table.selectRow(codes.index(code))

    def _table_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.row_activated.emit(row.code)
