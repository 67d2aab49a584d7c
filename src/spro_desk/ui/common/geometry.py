"""A window's size on its screen: its own module, the main window's first paint needs no more
of ui/common/widgets (whose tables and tool bars set up their Qt classes on import)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.95  # of the screen's free area at most: room left for the window's frame


def fit_on_screen(window: QWidget, wanted: tuple[int, int]) -> None:
    """Size `window` as `wanted`, but within its screen's free area, and centre it there.

    At 200 % a 1920 × 1080 screen is 960 × 540 logical pixels: the desk's usual size would
    open larger than the screen, its buttons out of reach (RGAA 10.4 / WCAG 1.4.10).
    """
    area = window.screen().availableGeometry()
    room = QSize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE))
    size = QSize(*wanted).boundedTo(room).expandedTo(window.minimumSize())
    window.resize(size)
    window.move(area.center() - QPoint(size.width() // 2, size.height() // 2))
