"""« Envois reçus »: the bundles received; import bundle files or a whole drop folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QToolBar, QVBoxLayout, QWidget

from spro_desk.sync.coordinator_views import BatchImport, received_bundles
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.common.status import ProgressIndicator
from spro_desk.ui.common.widgets import action_bar, plain_label
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.bundle_import import (
    BundleImportController,
    batch_summary,
    refused_lines,
)
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.models import BundleColumn, BundleModel
from spro_desk.ui.coordination.tables import sorted_table

_COLUMN_WIDTHS = {BundleColumn.POSTE: 280, BundleColumn.NUMERO: 110, BundleColumn.EVENEMENTS: 110}


class BundlesScreen(CoordinatorScreen):
    name = "envois"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = BundleModel(self)
        self.table = sorted_table(
            self.model,
            self.tr("Envois reçus"),
            self.tr("Les plus récents d'abord ; cliquez un en-tête pour trier."),
            _COLUMN_WIDTHS,
            (BundleColumn.RECU_LE, Qt.SortOrder.DescendingOrder),
        )
        self.summary = plain_label("", self.tr("Résumé des envois reçus"))
        self.report = plain_label("", self.tr("Compte rendu du dernier import"))
        self.progress = ProgressIndicator()
        self.importer = BundleImportController(context, self)
        self.import_files_action = self._action(
            self.tr("&Importer des envois…"),
            "Ctrl+I",
            self.tr("Importer des fichiers d'envoi (.spro-bundle) reçus des postes"),
            self.choose_files,
        )
        self.import_folder_action = self._action(
            self.tr("Importer un &dossier de dépôt…"),
            "Ctrl+Shift+I",
            self.tr("Importer tous les envois (.spro-bundle) d'un dossier : clé USB, partage…"),
            self.choose_folder,
        )
        self.toolbar = self._make_toolbar()
        self._layout()
        self._connect()

    def title(self) -> str:
        return self.tr("Envois reçus")

    def menu_actions(self) -> list[QAction]:
        return [self.import_files_action, self.import_folder_action]

    # --- construction -------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str, tip: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_toolbar(self) -> QToolBar:
        return action_bar(self.tr("Importer des envois"), self.menu_actions())

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.toolbar)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.report)

    def _connect(self) -> None:
        self.importer.bind(
            self._started, self._imported, self._failed, self._finished, self.progress.step
        )
        self.progress.cancel_requested.connect(self.cancel_import)

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        self.model.set_rows(received_bundles(self.context.db))
        total = self.model.rowCount()
        if total == 0:
            text = self.tr("Aucun envoi reçu pour l'instant.")
        else:
            bundles = count_phrase(total, self.tr("{n} envoi reçu"), self.tr("{n} envois reçus"))
            desks = count_phrase(
                self.model.desk_count(), self.tr("de {n} poste"), self.tr("de {n} postes")
            )
            text = f"{bundles} {desks}."
        self.summary.setText(text)

    # --- importing ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        selected, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Importer des envois"),
            str(Path.home()),
            self.tr("Envois SPRO Desk (*.spro-bundle);;Tous les fichiers (*)"),
        )
        if selected:
            self.importer.import_files([Path(name) for name in selected])

    def choose_folder(self) -> None:
        selected = QFileDialog.getExistingDirectory(
            self, self.tr("Importer un dossier de dépôt"), str(Path.home())
        )
        if selected:
            self.importer.import_folder(Path(selected))

    def cancel_import(self) -> None:
        self.progress.cancelling()
        self.importer.cancel()

    def _started(self, label: str) -> None:
        self.context.navigator.screen_requested.emit(self.name)  # the report shows up here
        for action in self.menu_actions():
            action.setEnabled(False)
        self.report.setText(label)
        self.progress.begin(label)

    def _imported(self, batch: BatchImport) -> None:
        summary = batch_summary(batch)
        refused = refused_lines(batch)
        heading = self.tr("Fichiers refusés (rien n'en a été importé) :")
        details = "\n".join([heading, *(f"• {line}" for line in refused)]) if refused else ""
        self.report.setText(f"{summary}\n{details}".strip())
        self.context.navigator.message.emit(summary)
        self.context.navigator.data_changed.emit()

    def _failed(self, message: str) -> None:
        self.report.setText(message)
        self.context.navigator.message.emit(message)
        self.context.navigator.data_changed.emit()  # what was imported before the error shows

    def _finished(self) -> None:
        self.progress.end()
        for action in self.menu_actions():
            action.setEnabled(True)

    def shutdown(self) -> None:
        self.importer.cancel()
        self.progress.end()
