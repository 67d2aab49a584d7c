"""Paramètres: a form generated from the declared settings, and importing a directory."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import DirectoryInfo
from spro_desk.site.settings import SETTINGS, SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Setting
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.commune_field import CommuneField
from spro_desk.ui.common.setting_editors import ListEditor
from spro_desk.ui.settings.directory_panel import DirectoryPanel
from spro_desk.ui.settings.screen import SettingsScreen

from .conftest import IMPORT_TIMEOUT_MS, WindowFactory, cvl_rows, write_directory


def _screen(window: MainWindow) -> SettingsScreen:
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    return screen


def _list_editor(screen: SettingsScreen, key: str) -> ListEditor:
    editor = screen.editors[key]
    assert isinstance(editor, ListEditor)
    return editor


def test_the_form_follows_the_declaration(window: MainWindow) -> None:
    screen = _screen(window)
    assert list(screen.editors) == [s.key for s in SETTINGS if s.shown]
    assert "agents" not in screen.editors  # one list of agents: their accounts
    kinds = {
        "site.nom": QLineEdit,
        "site.commune": CommuneField,
        "site.canal_defaut": QComboBox,
        "langue": QComboBox,
    }
    for key, kind in kinds.items():
        assert isinstance(screen.editors[key].widget, kind)
    canal = screen.editors["site.canal_defaut"].widget
    assert isinstance(canal, QComboBox)
    assert canal.currentText() == "Accueil physique"  # the declared default, in French
    langue = screen.editors["langue"].widget
    assert isinstance(langue, QComboBox)
    names = [langue.itemText(i) for i in range(langue.count())]
    assert names == ["Langue de l'ordinateur", "Français", "English"]
    assert langue.accessibleDescription() == (
        "La langue prend effet au prochain démarrage de SPRO Desk."
    )
    assert all(editor.widget.accessibleName() for editor in screen.editors.values())
    secret = screen.editors["sync.secret"].widget
    assert isinstance(secret, QLineEdit)
    assert secret.echoMode() == QLineEdit.EchoMode.Password  # never readable over a shoulder


def test_settings_are_saved_and_reloaded(
    qtbot: QtBot, window: MainWindow, make_window: WindowFactory, cvl_db: Database
) -> None:
    screen = _screen(window)
    nom = screen.editors["site.nom"].widget
    qtbot.keyClicks(nom, "CIO de Bourges")
    commune = screen.editors["site.commune"].widget
    qtbot.keyClicks(commune, "18000")
    canal = screen.editors["site.canal_defaut"].widget
    assert isinstance(canal, QComboBox)
    canal.setCurrentIndex(canal.findData("permanence"))
    places = _list_editor(screen, "site.permanences")
    for place in ("Mairie de Blet", "Collège de Dun"):
        places.entry.setText(place)
        qtbot.keyClick(places.entry, Qt.Key.Key_Return)
    places.items.setCurrentRow(1)
    qtbot.mouseClick(places.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Paramètres enregistrés."
    saved = SiteSettings(cvl_db).all()
    assert saved["site.nom"] == "CIO de Bourges"
    assert saved["site.commune"] == "18033"
    assert saved["site.canal_defaut"] == "permanence"
    assert saved["site.permanences"] == ["Mairie de Blet"]
    window.close()
    reopened = _screen(make_window(cvl_db))
    assert reopened.editors["site.commune"].widget.text() == "Bourges (18000)"
    assert reopened.editors["site.canal_defaut"].value() == "permanence"
    assert _list_editor(reopened, "site.permanences").value() == ["Mairie de Blet"]


def test_an_unknown_commune_is_refused_in_french(qtbot: QtBot, window: MainWindow) -> None:
    screen = _screen(window)
    commune = screen.editors["site.commune"].widget
    qtbot.keyClicks(commune, "Zzyzx")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text().startswith(
        "Commune du site : «\u00a0Zzyzx\u00a0» ne correspond à aucune commune."
    )
    assert commune.hasFocus()
    assert SiteSettings(window.context.db).get("site.commune") is None


def test_a_value_the_declaration_refuses_is_not_saved(
    cvl_db: Database, make_window: WindowFactory
) -> None:
    # A value stored by an older version, no longer a choice: shown, and refused on saving.
    with cvl_db.transaction() as session:
        session.add(Setting(key="site.canal_defaut", value={"v": "pigeon"}))
    screen = _screen(make_window(cvl_db))
    nom = screen.editors["site.nom"].widget
    assert isinstance(nom, QLineEdit)
    nom.setText("Nouveau nom")
    assert not screen.save()
    assert screen.status.text() == "Canal par défaut : « pigeon » n'est pas un choix possible."
    assert SiteSettings(cvl_db).get("site.nom") == ""  # nothing saved while one is refused


@pytest.fixture
def small_directory(tmp_path: Path) -> Path:
    structures = copy.deepcopy(cvl_rows("structures.json")[:3])
    ids = {s["id"] for s in structures}
    services = [s for s in cvl_rows("services.json") if s["structure_id"] in ids]
    return write_directory(tmp_path / "petit-annuaire", structures, services)


def test_importing_from_settings_shows_progress_and_new_counts(
    qtbot: QtBot,
    window: MainWindow,
    small_directory: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _screen(window)
    panel = screen.directory
    assert panel.counts.text() == "329 structures · 679 services"
    chosen = (str(small_directory / "structures.json"), "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: chosen)
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)  # 3 structures replace 329: the agent must confirm
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    steps: list[int] = []
    panel.progress_bar.valueChanged.connect(steps.append)
    with qtbot.waitSignal(window.importer.finished, timeout=IMPORT_TIMEOUT_MS):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
        assert not panel.import_button.isEnabled()
        assert panel.progress_bar.isVisible() and panel.cancel_button.isEnabled()
    qtbot.waitUntil(
        lambda: panel.counts.text().startswith("3 structures"), timeout=IMPORT_TIMEOUT_MS
    )
    qtbot.waitUntil(lambda: panel.import_button.isEnabled(), timeout=IMPORT_TIMEOUT_MS)
    assert len(asked) == 1 and "679" in asked[0]
    assert steps and steps[-1] == panel.progress_bar.maximum() == 4
    assert panel.counts.text().startswith("3 structures · ")
    assert panel.source.text().endswith("petit-annuaire")
    assert panel.message.text().startswith("Annuaire importé : 3 structures")
    assert panel.import_button.isEnabled() and not panel.progress_bar.isVisible()
    assert panel.imported.text() != "—"


def test_the_directory_age_is_told_in_days(qtbot: QtBot) -> None:
    panel = DirectoryPanel()
    qtbot.addWidget(panel)
    info = DirectoryInfo(
        structures=1,
        services=2,
        source="/exports/annuaire.zip",
        imported_at=datetime(2026, 3, 7, 12, 0, tzinfo=UTC),
        rejected=4,
        warnings=1,
        oldest_update="2025-01-15",
        newest_update="2026-02-08",
    )
    panel.show_info(info, date(2026, 3, 10))
    assert panel.imported.text().endswith(" (il y a 3 jours)")
    assert panel.freshness.text() == (
        "la plus récente le 08/02/2026 (il y a 30 jours), la plus ancienne le 15/01/2025"
    )
    assert panel.counts.text() == "1 structure · 2 services (4 lignes rejetées, 1 avertissement)"
    assert panel.source.text() == "/exports/annuaire.zip"


def test_coming_back_keeps_unsaved_edits_and_shows_changes_made_elsewhere(
    window: MainWindow,
) -> None:
    screen = _screen(window)
    SiteSettings(window.context.db).set("site.nom", "Camille")
    window.show_screen("accueil")
    _screen(window)
    agent = screen.editors["site.nom"].widget
    assert isinstance(agent, QLineEdit)
    assert agent.text() == "Camille"
    agent.setText("Dominique")
    window.show_screen("accueil")
    _screen(window)
    assert agent.text() == "Dominique" and screen.has_unsaved_edits()
