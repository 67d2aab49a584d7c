"""App identity: the icon, the version, « À propos » with the data sources and the licences."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from spro_desk.storage.engine import Database
from spro_desk.ui.about.dialog import AboutDialog, app_icon
from spro_desk.version import (
    DATA_SOURCES,
    _source_tree_version,
    app_version,
    build_record,
    components,
    installed_components,
    main,
)

from .conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ("PySide6", "SQLAlchemy", "alembic", "cryptography", "pyrage", "data-inclusion-schema")


def _column(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_version_is_the_package_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert app_version() == project["version"]
    assert _source_tree_version() == project["version"]


def test_every_runtime_dependency_is_listed_with_a_licence() -> None:
    listed = {c.name.lower().replace("_", "-"): c for c in installed_components()}
    for name in RUNTIME:
        match = [c for key, c in listed.items() if key.startswith(name.lower())]
        assert match, f"{name} missing from the licences"
        assert match[0].licence and match[0].licence != "voir le paquet", name
    assert "pytest" not in listed  # dev tools are not shipped
    assert "ruff" not in listed
    print(f"\n{len(listed)} components listed with their licences")


def test_the_build_records_the_licences_it_ships(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "resources" / "licences.json"
    out.parent.mkdir()
    assert main(["--write-licences", str(out)]) == 0
    record = json.loads(out.read_text("utf-8"))
    assert record["version"] == app_version()
    names = {c["name"] for c in record["components"]}
    assert {"Python", "PyInstaller (bootloader)"} <= names
    # A frozen build reads the recorded list: the packages' metadata is not in it.
    monkeypatch.setenv("SPRO_DESK_RESOURCES", str(out.parent))
    assert [c.name for c in components()] == [c["name"] for c in record["components"]]
    assert build_record([])["components"]


def test_about_shows_version_sources_and_licences(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert app_version() in dialog.version_label.text()
    assert str(tmp_path) in dialog.description.text()
    assert "EUPL-1.2" in dialog.description.text()
    sources = " ".join(_column(dialog.sources, 0) + _column(dialog.sources, 2))
    assert "INSEE" in " ".join(_column(dialog.sources, 1))
    assert "data·inclusion" in sources and "Licence Ouverte" in sources
    assert len(_column(dialog.sources, 0)) == len(DATA_SOURCES)
    names = _column(dialog.components, 0)
    assert "Qt" in names and any(n.startswith("PySide6") for n in names)
    assert all(_column(dialog.components, 2))
    for table in (dialog.sources, dialog.components):
        assert table.accessibleName()
        assert table.editTriggers() == QTableView.EditTrigger.NoEditTriggers
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_window_has_the_icon_and_an_aide_menu(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    assert not app_icon().isNull()
    assert app_icon().availableSizes()  # the PNG sizes shipped in resources/icons
    window = make_window(db)
    assert not window.windowIcon().isNull()
    menus = [action.text() for action in window.menuBar().actions()]
    assert "Aide" in menus  # no mnemonic: each of its letters is a field's on some screen
    assert window.about_action.shortcut().toString() == "F1"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [w for w in window.findChildren(AboutDialog) if w.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].windowTitle() == "À propos de SPRO Desk"
    dialogs[0].close()
