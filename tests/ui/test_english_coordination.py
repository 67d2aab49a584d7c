"""The coordination's window in English, on a region with registered desks and imported
bundles: every text our own code builds is English (what stays French: CONTRIBUTING.md,
« Translate »; here also the audit trail's targets and notes, recorded as written)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from spro_desk.agents.coordination_audit import audit_entries
from spro_desk.geo import Geography
from spro_desk.ui.coordination import SCREEN_ORDER, TABLEAU
from spro_desk.ui.coordination.window import CoordinatorWindow

from . import test_coordinator_mode as coordinator_mode
from .conftest import assert_nothing_running
from .test_english_window import french_left, widget_texts

LOAD_MS = 20_000
region_template = coordinator_mode.region_template
region = coordinator_mode.region


@cache
def _commune_names() -> frozenset[str]:
    geo = Geography.load()
    communes = (geo.commune(code) for code in geo.communes_in_zone("france"))
    return frozenset(commune.nom for commune in communes if commune is not None)


@pytest.fixture
def coordination(
    qtbot: QtBot,
    english: None,
    region: coordinator_mode.Region,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CoordinatorWindow]:
    region.register_all()
    region.week(0, 3)
    region.week(1, 2)
    window = CoordinatorWindow(region.db, region.coordinator_dir, settings=settings)
    qtbot.addWidget(window)
    window.show()
    coordinator_mode._import(qtbot, window, monkeypatch, region.root / "depot")
    yield window
    window.close()
    assert_nothing_running(window)  # type: ignore[arg-type]


def _french_left(text: str, recorded: set[str]) -> bool:
    plain = re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'")
    if plain in recorded or plain in _commune_names():
        return False
    return french_left(text) is not None


@pytest.mark.parametrize("name", SCREEN_ORDER)
def test_every_coordination_screen_speaks_english(
    qtbot: QtBot, coordination: CoordinatorWindow, region: coordinator_mode.Region, name: str
) -> None:
    coordination.show_screen(name)
    if name == TABLEAU:
        screen: Any = coordination.screens[name]
        qtbot.waitUntil(lambda: screen.view.settled, timeout=LOAD_MS)
    qtbot.wait(200)
    recorded = {text for entry in audit_entries(region.db) for text in (entry.target, entry.note)}
    found = {
        text: type(widget).__name__
        for widget in coordination.findChildren(QWidget)
        if widget.isVisible()
        for text in widget_texts(widget)
        if _french_left(text, recorded)
    }
    assert not found, "French in the English window:\n" + "\n".join(
        f"{kind}: {text!r}" for text, kind in sorted(found.items())
    )
