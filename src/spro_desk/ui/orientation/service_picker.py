"""« Autre service… »: any service of the directory, found by searching as in the Annuaire."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.search import DirectorySearch
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.formatting import services_count
from spro_desk.ui.common.service_results import Column, ServiceResultsModel
from spro_desk.ui.common.widgets import OwnEnterDialog

SEARCH_DELAY_MS = 120


class ServicePickerDialog(OwnEnterDialog):
    def __init__(
        self, search: DirectorySearch, clock: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choisir un service dans l'annuaire"))
        self.resize(820, 520)
        self.model = ServiceResultsModel(search, clock, self)
        self.search_box = QLineEdit()
        self.count = StatusLabel(wrap=False)
        self.table = QTableView()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.run_search()

    def _build(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Rechercher un service, une structure, une commune…")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Rechercher dans l'annuaire"))
        self.search_box.setAccessibleDescription(
            self.tr("Les résultats s'affichent pendant la frappe ; Entrée passe aux résultats.")
        )
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(Column.SERVICE, 260)
        self.table.setColumnWidth(Column.STRUCTURE, 200)
        self.table.setAccessibleName(self.tr("Services de l'annuaire"))
        self.table.setAccessibleDescription(self.tr("Entrée choisit le service sélectionné."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Choisir ce service"))
        ok.setAccessibleName(self.tr("Choisir ce service"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        cancel.setAccessibleName(self.tr("Annuler sans choisir de service"))
        layout = QVBoxLayout(self)
        for widget in (self.search_box, self.count, self.table, self.buttons):
            layout.addWidget(widget)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self._to_results)
        self._timer.timeout.connect(self.run_search)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._selection_changed()

    def run_search(self) -> None:
        self._timer.stop()
        self.model.search(self.search_box.text())
        rows = self.model.rowCount()
        self.count.set_message(
            services_count(rows) if rows else self.tr("Aucun service ne correspond.")
        )
        self._selection_changed()

    def selected(self) -> ServiceSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selected() is not None)

    def _to_results(self) -> None:
        if self._timer.isActive():  # Enter typed faster than the pause
            self.run_search()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def _activated(self, _index: QModelIndex) -> None:
        if self.selected() is not None:
            self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()  # nothing may fire once the dialog is gone
        super().done(result)
