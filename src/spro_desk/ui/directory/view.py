"""The directory screen: search box, filters, results table and the selected service's detail."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spro_desk.directory.catalog import service_record
from spro_desk.directory.search import DirectorySearch
from spro_desk.geo import Geography, geography
from spro_desk.storage.engine import Database
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.formatting import number, services_count
from spro_desk.ui.common.keyboard import keyboard_splitter
from spro_desk.ui.common.service_results import Clock, Column, ServiceResultsModel
from spro_desk.ui.common.widgets import FittedColumns
from spro_desk.ui.directory.filter_bar import DirectoryFilterBar
from spro_desk.ui.directory.service_detail import build_detail, render_detail

# Results must follow a keystroke within ~100 ms (a search takes ~50 ms on the national
# directory); a typist's next key usually comes later, so most keys do not search twice.
SEARCH_DELAY_MS = 0
# Opening statuses ("ouvert jusqu'à 17 h") are refreshed this often.
CLOCK_REFRESH_MS = 60_000
_COLUMN_WIDTHS = {
    Column.SERVICE: 240,
    Column.STRUCTURE: 190,
    Column.COMMUNE: 110,
    Column.RESEAU: 95,
}
# What « Horaires » keeps in view before the other columns give up width (« Fermé · ouvre
# lundi à 9 h »).
_STATUS_CHARS = 26
# Initial share of the width between results and detail (the agent can drag the handle).
_SPLIT = (68, 32)
_ROW_PADDING = 8


class DirectoryView(QWidget):
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock,
        geo: Geography | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._geo = geo or geography()
        self._search = DirectorySearch(db, self._geo)
        self.model = ServiceResultsModel(self._search, clock, self)
        self.search_box = self._make_search_box()
        self.filter_bar = DirectoryFilterBar(self._geo)
        self.result_count = StatusLabel(wrap=False)
        self.result_count.setTextFormat(Qt.TextFormat.PlainText)
        self.table = self._make_table()
        self.detail = self._make_detail()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        keyboard_splitter(self.splitter)  # Ctrl+Alt+Left/Right
        # A zero-delay timer fires once the keys already queued are handled: a key typed after
        # the results are painted searches at once, keys typed during a search make one search.
        self._search_timer = self._timer(SEARCH_DELAY_MS, self.run_search, single_shot=True)
        self._clock_timer = self._timer(CLOCK_REFRESH_MS, self._refresh_clock, single_shot=False)
        self._layout()
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._focus_results)
        self.filter_bar.changed.connect(self.run_search)
        # Rows fetched while scrolling change the count shown.
        self.model.rowsInserted.connect(self._show_count)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._show_detail(None)

    # --- construction -------------------------------------------------------------------------

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName("searchBox")
        box.setPlaceholderText(self.tr("Rechercher un service, une structure, une commune…"))
        box.setClearButtonEnabled(True)
        box.setAccessibleName(self.tr("Rechercher dans l'annuaire"))
        box.setAccessibleDescription(
            self.tr("Les résultats s'affichent pendant la frappe. Entrée passe aux résultats.")
        )
        return box

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("resultsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        table.verticalHeader().hide()
        # Dense rows: an agent scans many partners at once.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + _ROW_PADDING)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        self.fitted_columns = FittedColumns(table, _COLUMN_WIDTHS, _STATUS_CHARS)
        table.setAccessibleName(self.tr("Résultats de la recherche"))
        table.setAccessibleDescription(self.tr("Un service par ligne ; sa fiche s'affiche à côté."))
        return table

    def _make_detail(self) -> QTextBrowser:
        detail = QTextBrowser()
        detail.setObjectName("serviceDetail")
        detail.setOpenLinks(False)
        detail.setAccessibleName(self.tr("Fiche du service"))
        detail.setAccessibleDescription(self.tr("Coordonnées, horaires et publics du service."))
        return detail

    def _timer(self, interval: int, slot: object, *, single_shot: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single_shot)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _layout(self) -> None:
        results = QWidget()
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_box)
        column.addWidget(self.filter_bar)
        column.addWidget(self.result_count)
        column.addWidget(self.table)
        self.splitter.addWidget(results)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, _SPLIT[0])
        self.splitter.setStretchFactor(1, _SPLIT[1])
        self.splitter.setSizes([share * 100 for share in _SPLIT])
        self.splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(self.splitter)

    # --- behaviour ----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the current results and keep the opening statuses up to date."""
        self.run_search()
        self._clock_timer.start()
        self._search.count_letters_in_background()

    def shutdown(self) -> None:
        self._search_timer.stop()
        self._clock_timer.stop()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        self.model.search(self.search_box.text(), self.filter_bar.filters(self._clock()))
        self._show_count()
        self._show_detail(None)

    def _show_count(self) -> None:
        rows = self.model.rowCount()
        if rows == 0 and self.filter_bar.is_active():
            text = self.tr("Aucun service ne correspond à cette recherche avec ces filtres.")
        elif rows == 0:
            text = self.tr("Aucun service ne correspond à cette recherche.")
        elif self.model.has_more:
            text = self.tr("{n} premiers services affichés ; la suite vient en faisant défiler.")
            text = text.format(n=number(rows))
        else:
            text = services_count(rows)
        self.result_count.set_message(text)

    def _focus_results(self) -> None:
        if self._search_timer.isActive():  # Enter typed before the queued keys were searched
            self.run_search()
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        self._show_detail(self.model.service_id(min(rows)) if rows else None)

    def _show_detail(self, service_id: str | None) -> None:
        record = service_record(self._db, service_id) if service_id else None
        detail = build_detail(record, self._clock(), self._geo) if record else None
        empty = self.tr("Sélectionnez un service pour afficher sa fiche.")
        render_detail(detail, self.detail.document(), empty)

    def _refresh_clock(self) -> None:
        self.model.refresh_clock()
        rows = self.table.selectionModel().selectedRows()
        self._show_detail(self.model.service_id(rows[0].row()) if rows else None)
