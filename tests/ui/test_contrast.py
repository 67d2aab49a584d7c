"""Under a dark high-contrast palette, field frames and check boxes stay visible; the start
paints with the last start's contrast answers and applies what changed right after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from spro_desk.ui.app.contrast import (
    STYLE_PALETTE_KEY,
    SYSTEM_ANSWER_KEY,
    accessible_palette,
    apply_contrast_outlines,
    apply_display,
    high_contrast_palette,
    needs_outlines,
    recheck_display,
)
from spro_desk.ui.common.contrast_mode import CONTRAST_KEY, ContrastMode


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


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    previous_palette, previous_sheet = qapp.palette(), qapp.styleSheet()
    yield qapp
    qapp.setStyleSheet(previous_sheet)
    qapp.setPalette(previous_palette)


def _window(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def test_the_start_paints_with_the_last_answers_then_applies_what_changed(
    restored_app: QApplication, tmp_path: Path
) -> None:
    """Before its first paint the start uses the system's contrast preference and the style's
    palette as they were at the last start; after it, what changed since is applied."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(CONTRAST_KEY, ContrastMode.SYSTEM.value)
    settings.setValue(SYSTEM_ANSWER_KEY, True)  # the system wanted high contrast last time
    apply_display(restored_app, settings, remembered=True)
    assert _window(restored_app) == "#000000"
    recheck_display(restored_app, settings)  # this (offscreen) system reports no preference
    expected = accessible_palette(restored_app.style().standardPalette())
    assert _window(restored_app) == expected.color(QPalette.ColorRole.Window).name()
    assert settings.value(SYSTEM_ANSWER_KEY) in (False, "false")

    stale = QPalette(expected)
    stale.setColor(QPalette.ColorRole.Window, QColor("#336699"))  # another style's, say
    settings.setValue(STYLE_PALETTE_KEY, stale)
    apply_display(restored_app, settings, remembered=True)
    assert _window(restored_app) == "#336699"
    recheck_display(restored_app, settings)
    assert _window(restored_app) == expected.color(QPalette.ColorRole.Window).name()
    assert settings.value(STYLE_PALETTE_KEY) == restored_app.style().standardPalette()
