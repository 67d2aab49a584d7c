"""The summary row: one button per headline figure; activating it opens its breakdown."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spro_desk.ui.common.dashboard.data import Tile, french_decimal
from spro_desk.ui.common.widgets import plain_label

VALUE_SCALE = 1.6  # the figure reads at a glance, larger than its label


class TileButton(QPushButton):
    """A button drawn as a card: label, figure, and a line of context."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.caption = plain_label()
        self.figure = QLabel()
        self.figure.setTextFormat(Qt.TextFormat.PlainText)
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        font.setBold(True)
        self.figure.setFont(font)
        self.detail = plain_label()
        column = QVBoxLayout(self)
        for label in (self.caption, self.figure, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAutoDefault(True)  # Entrée opens the detail, as Espace does

    def show_tile(self, tile: Tile) -> None:
        value = french_decimal(tile.value, tile.unit)
        self.caption.setText(tile.label)
        self.figure.setText(value)
        self.detail.setText(tile.detail)
        self.setAccessibleName(
            self.tr("{label}\u00a0: {value}").format(label=tile.label, value=value)
        )
        self.setAccessibleDescription(
            self.tr("{detail}. Entrée : le détail de ce chiffre.").format(detail=tile.detail)
        )
        self.updateGeometry()

    def _layout(self) -> QLayout:
        layout = self.layout()
        assert layout is not None  # built with its layout
        return layout

    def sizeHint(self) -> QSize:
        return self._layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        hint = self._layout().minimumSize()
        return QSize(self.fontMetrics().averageCharWidth() * 14, hint.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout().totalHeightForWidth(width)


class SummaryRow(QWidget):
    """One button per headline figure, all built at once (`keys`): the controls the keyboard
    reaches do not change when the first figures arrive."""

    tile_activated = Signal(str)  # the tile's key

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chiffres clés"))
        self.buttons: dict[str, TileButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for key in keys:
            button = TileButton(key)
            button.clicked.connect(lambda _checked=False, k=key: self.tile_activated.emit(k))
            row.addWidget(button)
            self.buttons[key] = button

    def show_tiles(self, tiles: tuple[Tile, ...]) -> None:
        for tile in tiles:
            if tile.key in self.buttons:
                self.buttons[tile.key].show_tile(tile)
