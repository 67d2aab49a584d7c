"""Status bar pieces: progress of background work, which can be cancelled."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from spro_desk.ui.common.named_values import set_by_name

# Work that ends sooner than this never flashes a progress bar.
SHOW_DELAY_MS = 500


class ProgressIndicator(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        set_by_name(self.label, "textFormat", "PlainText")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progression"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Annuler"))
        self.cancel_button.setAccessibleName(self.tr("Annuler l'opération en cours"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Arrête l'opération ; les données actuelles sont conservées.")
        )
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SHOW_DELAY_MS)
        self._delay.timeout.connect(self.show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.hide()

    def begin(self, label: str) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the first real step arrives
        self.cancel_button.setEnabled(True)
        self._delay.start()

    def step(self, label: str, done: int, total: int) -> None:
        self.label.setText(label)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setAccessibleDescription(f"{done}/{total}")

    def cancelling(self) -> None:
        self.label.setText(self.tr("Annulation…"))
        self.cancel_button.setEnabled(False)

    def end(self) -> None:
        self._delay.stop()
        self.hide()
