"""Under a dark high-contrast palette, field frames and check boxes stay visible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from spro_desk.ui.app.contrast import (
    apply_contrast_outlines,
    high_contrast_palette,
    needs_outlines,
)


@pytest.fixture
def dark_app(qapp: QApplication) -> Iterator[QApplication]:
    previous_palette, previous_sheet = qapp.palette(), qapp.styleSheet()
    qapp.setPalette(high_contrast_palette())
    yield qapp
    qapp.setStyleSheet(previous_sheet)
    qapp.setPalette(previous_palette)


def _has_bright_pixels(widget: QLineEdit | QCheckBox) -> bool:
    image = widget.grab().toImage()
    return any(
        image.pixelColor(x, y).lightness() > 200
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_outlines_follow_the_palette(qapp: QApplication) -> None:
    assert not needs_outlines(qapp.palette())
    assert needs_outlines(high_contrast_palette())


def test_fields_and_check_boxes_show_their_outline(qtbot: QtBot, dark_app: QApplication) -> None:
    field, box = QLineEdit(), QCheckBox()
    for widget in (field, box):
        qtbot.addWidget(widget)
        widget.resize(120, 24)
    # An empty field and an unticked box are invisible on black without the outlines...
    assert not _has_bright_pixels(field) and not _has_bright_pixels(box)
    apply_contrast_outlines(dark_app)
    # ...and drawn in the text colour with them.
    assert _has_bright_pixels(field) and _has_bright_pixels(box)
