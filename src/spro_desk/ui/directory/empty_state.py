"""First start: the directory is empty, so the window offers to fill it instead of staying blank."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# A readable line length for the explanation, in pixels.
_TEXT_WIDTH = 560


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


class EmptyStatePanel(QWidget):
    load_sample_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = _plain_label(self.tr("L'annuaire des partenaires est vide"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.explanation = _plain_label(
            self.tr(
                "Pour rechercher un partenaire, SPRO Desk a besoin d'un annuaire. Chargez "
                "l'annuaire d'exemple (Centre-Val de Loire) pour découvrir l'application, ou "
                "importez l'export data·inclusion de votre région : un dossier contenant "
                "structures.json et services.json, ou une archive .zip."
            )
        )
        self.busy_label = _plain_label("")
        self.busy_label.hide()
        self.sample_button = self._button(
            self.tr("Charger l'annuaire d'exemple"),
            "loadSampleButton",
            self.tr("Importe l'annuaire d'exemple fourni avec SPRO Desk."),
        )
        self.import_button = self._button(
            self.tr("Importer un annuaire…"),
            "importButton",
            self.tr("Choisir un dossier ou une archive .zip exportés de data·inclusion."),
        )
        self.sample_button.clicked.connect(self.load_sample_requested)
        self.import_button.clicked.connect(self.import_requested)
        self._layout()

    def _button(self, text: str, name: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    def _layout(self) -> None:
        # Wrapped labels get their height right only when a layout fixes their width: they
        # fill a fixed-width block, and that block is centred.
        content = QWidget()
        content.setFixedWidth(_TEXT_WIDTH)
        column = QVBoxLayout(content)
        for label in (self.title, self.explanation, self.busy_label):
            column.addWidget(label)
        column.addSpacing(16)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch()
        column.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(content)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(row)
        outer.addStretch()

    def set_busy(self, message: str | None) -> None:
        """While an import runs, say so and keep the buttons from starting another one."""
        self.busy_label.setText(message or "")
        self.busy_label.setVisible(bool(message))
        self.sample_button.setEnabled(not message)
        self.import_button.setEnabled(not message)
