"""The directory part of the settings: where it comes from, how old it is, importing another."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from spro_desk import clock
from spro_desk.directory.catalog import DirectoryInfo
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.formatting import (
    french_date,
    french_datetime,
    number,
    one_line,
    services_count,
    structures_count,
)
from spro_desk.ui.common.import_flow import DirectoryImportController, report_message

if TYPE_CHECKING:  # the importer loads with the first import
    from spro_desk.directory.importer import ImportReport


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # the source is a path from outside
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class DirectoryPanel(QGroupBox):
    """Shows `DirectoryInfo`; imports through the window's import action, with progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Annuaire des partenaires"))
        self.source = _plain_label()
        self.imported = _plain_label()
        self.freshness = _plain_label()
        self.counts = _plain_label()
        self.import_button = QPushButton(self.tr("&Importer un annuaire…"))
        self.progress_bar = QProgressBar()
        self.progress_label = _plain_label()
        self.cancel_button = QPushButton(self.tr("Annuler l'import"))
        self.message = StatusLabel()
        self._importer: DirectoryImportController | None = None
        self._describe()
        self._layout()
        self._show_progress(False)

    def _describe(self) -> None:
        for widget, name in (
            (self.import_button, self.tr("Importer un annuaire")),
            (self.progress_bar, self.tr("Progression de l'import")),
            (self.cancel_button, self.tr("Annuler l'import")),
        ):
            widget.setAccessibleName(name)
        self.import_button.setAccessibleDescription(
            self.tr("Remplace l'annuaire par un export data·inclusion (dossier ou archive .zip).")
        )
        self.cancel_button.setAccessibleDescription(
            self.tr("Arrête l'import ; l'annuaire actuel est conservé.")
        )

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Source :"), self.source)
        form.addRow(self.tr("Importé le :"), self.imported)
        form.addRow(self.tr("Fiches mises à jour :"), self.freshness)
        form.addRow(self.tr("Contenu :"), self.counts)
        actions = QHBoxLayout()
        self.import_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        actions.addWidget(self.import_button)
        actions.addWidget(self.progress_bar, 1)
        actions.addWidget(self.cancel_button)
        form.addRow(actions)
        form.addRow(self.progress_label)
        form.addRow(self.message)

    # --- showing the directory ----------------------------------------------------------------

    def show_info(self, info: DirectoryInfo, today: date) -> None:
        empty = info.structures == 0 and info.services == 0
        self.source.setText(one_line(info.source) if info.source else self.tr("Aucun import"))
        self.imported.setText(self._imported_text(info.imported_at, today))
        self.freshness.setText(self._freshness_text(info, today))
        if empty:
            self.counts.setText(self.tr("Annuaire vide"))
            return
        counts = f"{structures_count(info.structures)} · {services_count(info.services)}"
        if info.rejected or info.warnings:
            counts += f" ({self._rejected(info.rejected)}, {self._warnings(info.warnings)})"
        self.counts.setText(counts)

    # French puts 0 and 1 in the singular.
    def _rejected(self, n: int) -> str:
        text = self.tr("{n} ligne rejetée") if n <= 1 else self.tr("{n} lignes rejetées")
        return text.format(n=number(n))

    def _warnings(self, n: int) -> str:
        text = self.tr("{n} avertissement") if n <= 1 else self.tr("{n} avertissements")
        return text.format(n=number(n))

    def _imported_text(self, imported_at: datetime | None, today: date) -> str:
        if imported_at is None:
            return "—"
        local = clock.local(imported_at)
        return f"{french_datetime(local)}{self._age(local.date(), today)}"

    def _freshness_text(self, info: DirectoryInfo, today: date) -> str:
        if not info.newest_update:
            return "—"
        newest = self._parse(info.newest_update)
        age = self._age(newest, today) if newest else ""
        text = self.tr("la plus récente le {newest}{age}, la plus ancienne le {oldest}")
        return text.format(
            newest=french_date(info.newest_update), age=age, oldest=french_date(info.oldest_update)
        )

    @staticmethod
    def _parse(value: str) -> date | None:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None

    def _age(self, day: date, today: date) -> str:
        """ " (il y a 12 jours)"; nothing for a date still to come."""
        days = (today - day).days
        if days < 0:
            return ""
        if days == 0:
            return self.tr(" (aujourd'hui)")
        if days == 1:
            return self.tr(" (hier)")
        return self.tr(" (il y a {n} jours)").format(n=number(days))

    # --- importing ----------------------------------------------------------------------------

    def bind_importer(self, importer: DirectoryImportController, action: QAction) -> None:
        """Import with the window's action (its file dialog); follow the controller's progress."""
        self._importer = importer
        self.import_button.clicked.connect(action.trigger)
        self.cancel_button.clicked.connect(self._cancel)
        importer.started.connect(self._started)
        importer.progressed.connect(self._progressed)
        importer.succeeded.connect(self._succeeded)
        importer.failed.connect(self.message.setText)
        importer.confirmation_needed.connect(lambda message, _path: self.message.setText(message))
        importer.cancelled.connect(self._cancelled)
        importer.finished.connect(self._finished)

    def _show_progress(self, running: bool) -> None:
        self.import_button.setEnabled(not running)
        for widget in (self.progress_bar, self.cancel_button, self.progress_label):
            widget.setVisible(running)
        self.cancel_button.setEnabled(running)

    def _started(self, label: str) -> None:
        self.message.clear()
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, 0)  # busy until the first step arrives
        self._show_progress(True)

    def _progressed(self, label: str, done: int, total: int) -> None:
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _finished(self) -> None:
        self._show_progress(False)

    def _succeeded(self, report: ImportReport) -> None:
        self.message.set_message(report_message(report))

    def _cancel(self) -> None:
        self.progress_label.setText(self.tr("Annulation…"))
        self.cancel_button.setEnabled(False)
        if self._importer is not None:
            self._importer.cancel()

    def _cancelled(self) -> None:
        self.message.set_message(self.tr("Import annulé : l'annuaire actuel est conservé."))
