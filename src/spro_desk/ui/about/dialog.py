"""The application's icon, and « À propos »: version, data sources and component licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spro_desk.ui.common.icon import app_icon
from spro_desk.ui.common.widgets import plain_label, setup_row_table
from spro_desk.version import (
    DATA_SOURCES,
    OWN_LICENCE,
    Component,
    DataSource,
    app_version,
    components,
)

ABOUT_SIZE_EM = (70, 34)


def qt_component() -> Component:
    """Qt itself, inside the PySide6 wheels (and the build) but not a Python package."""
    return Component("Qt", qVersion(), "LGPL-3.0-only", "https://www.qt.io")


def _row_model(headers: list[str], rows: list[list[str]]) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers))
    model.setHorizontalHeaderLabels(headers)
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setToolTip(text)
            model.setItem(row, column, item)
    return model


class AboutDialog(QDialog):
    """Keyboard first: Ctrl+Tab between the tabs, the arrows in the tables, Échap closes."""

    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos de SPRO Desk"))
        self.setWindowIcon(app_icon())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Rubriques de la fenêtre À propos"))
        self.tabs.addTab(self._summary(data_dir), self.tr("SPRO Desk"))
        self.sources = self._table(
            [self.tr("Données"), self.tr("Producteur"), self.tr("Licence"), self.tr("Adresse")],
            [[s.name, s.producer, s.licence, s.url] for s in self.data_sources()],
            self.tr("Sources des données"),
        )
        self.tabs.addTab(self.sources, self.tr("Sources des &données"))
        self.components = self._table(
            [self.tr("Composant"), self.tr("Version"), self.tr("Licence"), self.tr("Adresse")],
            [[c.name, c.version, c.licence, c.url] for c in self.component_list()],
            self.tr("Composants et leurs licences"),
        )
        self.tabs.addTab(self.components, self.tr("&Composants"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        width, height = ABOUT_SIZE_EM
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * width, metrics.height() * height)

    @staticmethod
    def data_sources() -> tuple[DataSource, ...]:
        return DATA_SOURCES

    @staticmethod
    def component_list() -> list[Component]:
        listed = components()
        if not any(c.name == "Qt" for c in listed):
            listed.append(qt_component())
        return sorted(listed, key=lambda c: c.name.lower())

    def _summary(self, data_dir: Path | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("Logo de SPRO Desk"))
        self.version_label = plain_label(
            self.tr("SPRO Desk, version {version}").format(version=app_version()),
            self.tr("Version"),
        )
        lines = [
            self.tr(
                "Poste d'accueil hors ligne du Service public régional de l'orientation : "
                "premier accueil, annuaire des partenaires et orientation."
            ),
            self.tr("Logiciel libre distribué sous licence {licence}.").format(licence=OWN_LICENCE),
        ]
        if data_dir is not None:
            lines.append(self.tr("Dossier des données : {path}").format(path=data_dir))
        self.description = plain_label("\n\n".join(lines), self.tr("Présentation"))
        for widget in (logo, self.version_label, self.description):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    @staticmethod
    def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableView:
        table = QTableView()
        setup_row_table(table, _row_model(headers, rows), name)
        table.model().setParent(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setWordWrap(False)
        return table
