"""The coordination's window: desks, bundles received, alerts; over a real region of desks.

A coordinator data folder (keys from `coordinator init`, its own database) and desks built with
the real services (identity, trust, contacts, signed and encrypted bundles); bundles are
imported through the window's actions on the real background runner.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.branches import high_water_path
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    SIGNING_KEY_FILE,
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.coordinator_views import late_after_days
from spro_desk.sync.identity import DeskIdentity, init_desk, load_identity, write_registration
from spro_desk.ui import run_app
from spro_desk.ui.common.mode import COORDINATOR_KEY, is_coordinator
from spro_desk.ui.coordination import (
    ALERTES,
    ANNUAIRE,
    COMPTES,
    ENVOIS,
    JOURNAL,
    PERIODES,
    POSTES,
    TABLEAU,
)
from spro_desk.ui.coordination.alerts_screen import AlertsScreen
from spro_desk.ui.coordination.bundles_screen import BundlesScreen
from spro_desk.ui.coordination.desks_screen import DesksScreen
from spro_desk.ui.coordination.directory_screen import DirectoryScreen
from spro_desk.ui.coordination.models import AlertColumn, BundleColumn, DeskColumn
from spro_desk.ui.coordination.window import CoordinatorWindow

from .a11y import hidden_labels, read_name
from .conftest import IMPORT_TIMEOUT_MS, assert_nothing_running

SITES = (
    ("CIO de Bourges", "cio", "18033"),
    ("Mission locale de Vierzon", "mission-locale", "18279"),
)


class Region:
    """A coordination and two desks on real files; each desk exports real bundles.

    Keys, identities and databases are created once (`create`), then each test works on a copy
    of the folder: the same region, a third of the set-up time.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.coordinator_dir = root / "coordination"
        self.identity_file = root / "coordination.json"
        self.db = Database(database_path(self.coordinator_dir))
        self.desks = [Database(root / f"poste{n}" / "desk.sqlite") for n in range(len(SITES))]
        self.registrations = [root / f"{n}.json" for n in range(len(SITES))]

    @staticmethod
    def create(root: Path) -> None:
        coordinator_dir = root / "coordination"
        init_coordinator(coordinator_dir)
        Database(database_path(coordinator_dir)).close()
        identity_file = root / "coordination.json"
        identity_file.write_text(json.dumps(signed_identity_file(coordinator_dir)))
        for number, (site, reseau, commune) in enumerate(SITES):
            folder = root / f"poste{number}"
            desk = Database(folder / "desk.sqlite")
            identity = init_desk(desk, folder, site, reseau, commune)
            trust_coordinator(desk, identity_file)
            write_registration(identity, root / f"{number}.json")
            desk.close()

    def identity(self, desk: int) -> DeskIdentity:
        identity = load_identity(self.desks[desk])
        assert identity is not None
        return identity

    def register_all(self, db: Database | None = None) -> None:
        for path in self.registrations:
            register_desk(db or self.db, path)

    def week(self, desk: int, contacts: int, out: str = "depot") -> Path:
        for _ in range(contacts):
            ContactService(self.desks[desk]).record(
                ContactInput(canal="accueil-physique", statut="scolaire")
            )
        return export_bundle(self.desks[desk], self.root / f"poste{desk}", self.root / out).path

    def restore_desk(self, desk: int, backup: Path) -> None:
        """The desk's PC comes back from an old image of its disk: database, journal and the
        sync high-water mark beside them replaced, so the desk cannot tell (a database put
        back alone opens a new branch: tests/test_sync_integrity.py)."""
        path = self.desks[desk].path
        self.desks[desk].close()
        shutil.copy(backup, path)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        mark, kept = high_water_path(path), _kept_mark(backup)
        if kept.exists():
            shutil.copy(kept, mark)
        else:
            mark.unlink(missing_ok=True)
        self.desks[desk] = Database(path)

    def backup_desk(self, desk: int, backup: Path) -> None:
        with sqlite3.connect(self.desks[desk].path) as source, sqlite3.connect(backup) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        mark = high_water_path(self.desks[desk].path)
        if mark.exists():
            shutil.copy(mark, _kept_mark(backup))

    def close(self) -> None:
        for db in [*self.desks, self.db]:
            db.close()


@pytest.fixture(scope="module")
def region_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("region")
    Region.create(root)
    return root


@pytest.fixture
def region(region_template: Path, tmp_path: Path) -> Iterator[Region]:
    root = tmp_path / "region"
    shutil.copytree(region_template, root, symlinks=False)
    world = Region(root)
    yield world
    world.close()


@pytest.fixture
def window(qtbot: QtBot, region: Region, settings: QSettings) -> Iterator[CoordinatorWindow]:
    coordinator = CoordinatorWindow(region.db, region.coordinator_dir, settings=settings)
    qtbot.addWidget(coordinator)
    coordinator.show()
    coordinator.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(coordinator.isActiveWindow)
    yield coordinator
    coordinator.close()
    assert_nothing_running(coordinator)  # type: ignore[arg-type]


def _desks(window: CoordinatorWindow) -> DesksScreen:
    window.show_screen(POSTES)
    screen = window.screens[POSTES]
    assert isinstance(screen, DesksScreen)
    return screen


def _bundles(window: CoordinatorWindow) -> BundlesScreen:
    screen = window.screens[ENVOIS]
    assert isinstance(screen, BundlesScreen)
    return screen


def _alerts(window: CoordinatorWindow) -> AlertsScreen:
    window.show_screen(ALERTES)
    screen = window.screens[ALERTES]
    assert isinstance(screen, AlertsScreen)
    return screen


def _column(screen: Any, column: int) -> list[str]:
    """A column as the view shows it, top to bottom."""
    model = screen.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _import(
    qtbot: QtBot, window: CoordinatorWindow, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> BundlesScreen:
    """« Importer un dossier de dépôt… » from the menu, the worker driven to its end."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kw: str(folder))
    screen = _bundles(window)
    with qtbot.waitSignal(screen.importer.finished, timeout=IMPORT_TIMEOUT_MS):
        screen.import_folder_action.trigger()
    return screen


def _import_files(
    qtbot: QtBot, window: CoordinatorWindow, monkeypatch: pytest.MonkeyPatch, files: list[Path]
) -> BundlesScreen:
    chosen = ([str(path) for path in files], "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kw: chosen)
    screen = _bundles(window)
    with qtbot.waitSignal(screen.importer.finished, timeout=IMPORT_TIMEOUT_MS):
        screen.import_files_action.trigger()
    return screen


# --- choosing the mode ---------------------------------------------------------------------


def test_the_mode_follows_the_coordinator_keys(region: Region) -> None:
    assert COORDINATOR_KEY == SIGNING_KEY_FILE
    assert is_coordinator(region.coordinator_dir)
    assert not is_coordinator(region.root / "poste0")  # a desk has its own, other key
    code = (
        "import sys, spro_desk.ui.app.start; sys.exit('spro_desk.ui.coordination' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.usefixtures("isolated_settings")
def test_the_app_opens_the_coordination_on_a_coordinator_folder(
    qapp: QApplication, region: Region
) -> None:
    region.register_all()
    SiteSettings(region.db).set("langue", "fr")
    seen: dict[str, Any] = {}

    def close_when_shown() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, CoordinatorWindow)]
        if windows and windows[0].isVisible():
            screen = windows[0].screens[POSTES]
            seen["title"] = windows[0].windowTitle()
            seen["desks"] = screen.model.rowCount()  # type: ignore[attr-defined]
            poll.stop()
            windows[0].close()
            windows[0].deleteLater()

    poll = QTimer()
    poll.timeout.connect(close_when_shown)
    poll.start(50)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(qapp.quit)
    watchdog.start(IMPORT_TIMEOUT_MS)
    status = run_app(region.coordinator_dir, use_sample_if_empty=True)
    poll.stop()
    watchdog.stop()
    assert status == 0
    assert seen == {"title": "SPRO Desk — Coordination — Postes", "desks": 2}


@pytest.fixture
def isolated_settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


# --- Postes --------------------------------------------------------------------------------


def test_registering_a_desk_from_its_file(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _desks(window)
    assert screen.model.rowCount() == 0
    assert "Aucun poste enregistré" in screen.summary.text()
    for count, path in enumerate(region.registrations, start=1):
        chosen = (str(path), "")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, c=chosen, **_k: c)
        screen.register_action.trigger()
        qtbot.waitUntil(lambda n=count: screen.model.rowCount() == n)
    assert screen.message.text().startswith("Poste « Mission locale de Vierzon » enregistré.")
    assert sorted(_column(screen, DeskColumn.SITE)) == [
        "CIO de Bourges",
        "Mission locale de Vierzon",
    ]
    assert sorted(_column(screen, DeskColumn.RESEAU)) == ["CIO", "Mission locale"]
    assert sorted(_column(screen, DeskColumn.COMMUNE)) == ["Bourges", "Vierzon"]
    assert _column(screen, DeskColumn.DERNIER_ENVOI) == ["Aucun envoi", "Aucun envoi"]
    assert _column(screen, DeskColumn.ETAT) == ["À jour", "À jour"]
    assert screen.summary.text() == "2 postes enregistrés : 0 en retard, 0 révoqué."
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in DeskColumn]
    assert headers == [
        "Site", "Réseau", "Commune", "Enregistré le", "Dernier envoi reçu", "Sans envoi depuis",
        "État", "Envois manquants",
    ]  # fmt: skip
    screen.register(region.registrations[0])  # the same file again changes nothing
    qtbot.waitUntil(lambda: "déjà enregistré" in screen.message.text())
    assert screen.model.rowCount() == 2


def test_a_late_desk_comes_first_in_bold_and_in_words(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    region.week(0, 2)
    region.week(1, 1)
    _import(qtbot, window, monkeypatch, region.root / "depot")
    vierzon = region.identity(1).desk_id
    with sqlite3.connect(region.db.path) as connection:  # as if received three weeks ago
        connection.execute(
            "UPDATE received_bundle SET received_at = ? WHERE desk_id = ?",
            ((datetime.now(UTC) - timedelta(days=21)).replace(tzinfo=None).isoformat(" "), vierzon),
        )
    connection.close()
    screen = _desks(window)
    assert _column(screen, DeskColumn.SITE) == ["Mission locale de Vierzon", "CIO de Bourges"]
    assert _column(screen, DeskColumn.ETAT) == ["En retard", "À jour"]
    assert _column(screen, DeskColumn.SILENCE) == ["21 jours", "Aujourd'hui"]
    assert _column(screen, DeskColumn.DERNIER_ENVOI)[1].startswith("n° 1 · ")
    font = screen.model.data(screen.model.index(0, DeskColumn.SITE), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert screen.summary.text() == "2 postes enregistrés : 1 en retard, 0 révoqué."
    assert screen.late_after.value() == 14  # the default
    screen.late_after.setValue(30)
    assert _column(screen, DeskColumn.ETAT) == ["À jour", "À jour"]
    qtbot.waitUntil(lambda: late_after_days(region.db) == 30)  # kept for the next start
    screen.table.sortByColumn(DeskColumn.SITE, Qt.SortOrder.AscendingOrder)  # a header click
    assert _column(screen, DeskColumn.SITE) == ["CIO de Bourges", "Mission locale de Vierzon"]


def test_revoking_asks_first_naming_the_desk(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    screen = _desks(window)
    bourges = region.identity(0).desk_id
    assert screen.select_desk(bourges)
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)  # the keyboard way
    box = screen.confirmation
    assert box is not None and box.isVisible()
    assert "Révoquer le poste « CIO de Bourges » (CIO, Bourges) ?" in box.text()
    assert bourges in box.text()
    assert box.defaultButton().text() == "&Annuler"  # Entrée does not revoke
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.confirmation is None)
    assert "abandonnée" in screen.message.text()
    assert _column(screen, DeskColumn.ETAT) == ["À jour", "À jour"]

    screen.revoke_action.trigger()  # the toolbar and menu way
    button = screen.confirmation_button("Révoquer ce poste")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Révoqué" in _column(screen, DeskColumn.ETAT))
    assert screen.selected_desk() is not None and screen.selected_desk().revoked  # type: ignore[union-attr]
    assert not screen.revoke_action.isEnabled()
    assert "révoqué : ses prochains envois seront refusés" in screen.message.text()
    # Its next bundle is refused, with the reason, in the import's report.
    region.week(0, 1)
    bundles = _import(qtbot, window, monkeypatch, region.root / "depot")
    assert "0 envoi accepté, 1 refusé" in bundles.report.text()
    assert "révoqué" in bundles.report.text()


# --- Envois reçus --------------------------------------------------------------------------


def test_importing_a_drop_folder_accepts_and_refuses_with_reasons(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    first = region.week(0, 2)
    region.week(1, 3)
    damaged = region.root / "depot" / "abime.spro-bundle"
    damaged.write_bytes(first.read_bytes()[:-40])  # truncated on the stick
    (region.root / "depot" / "lisez-moi.txt").write_text("pas un envoi")  # not picked up
    window.show_screen(POSTES)
    screen = _import(qtbot, window, monkeypatch, region.root / "depot")
    assert window.current_screen_name() == ENVOIS  # the report is shown where it is written
    report = screen.report.text()
    assert report.startswith("2 envois acceptés, 1 refusé : 5 événements nouveaux, 0 déjà reçu.")
    assert "• abime.spro-bundle : Envoi indéchiffrable" in report
    assert screen.model.rowCount() == 2
    assert sorted(_column(screen, BundleColumn.POSTE)) == [
        "CIO de Bourges", "Mission locale de Vierzon",
    ]  # fmt: skip
    assert sorted(_column(screen, BundleColumn.EVENEMENTS)) == ["2", "3"]
    assert _column(screen, BundleColumn.NUMERO) == ["1", "1"]
    assert screen.summary.text() == "2 envois reçus de 2 postes."
    assert window.statusBar().currentMessage().startswith("2 envois acceptés")
    # The same folder again: nothing new, nothing counted twice.
    damaged.unlink()
    screen = _import(qtbot, window, monkeypatch, region.root / "depot")
    assert screen.report.text().startswith(
        "2 envois acceptés, 0 refusé : 0 événement nouveau, 5 déjà reçus."
    )
    assert screen.model.rowCount() == 2
    desks = _desks(window)
    assert all(text.startswith("n° 1 · ") for text in _column(desks, DeskColumn.DERNIER_ENVOI))


def test_an_import_cancelled_before_it_starts_imports_nothing(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    region.week(0, 1)
    region.week(1, 1)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(region.root / "depot")
    )
    screen = _bundles(window)
    gate = threading.Event()
    window.context.runner.submit(lambda _task: gate.wait(10))  # the one worker is busy
    screen.import_folder_action.trigger()
    assert not screen.import_folder_action.isEnabled()  # one import at a time
    with qtbot.waitSignal(screen.importer.finished, timeout=IMPORT_TIMEOUT_MS):
        qtbot.mouseClick(screen.progress.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert "Import interrompu : 2 fichiers n'ont pas été importés" in screen.report.text()
    assert screen.model.rowCount() == 0
    assert screen.import_folder_action.isEnabled()


# --- Alertes -------------------------------------------------------------------------------


def _kept_mark(backup: Path) -> Path:
    return backup.with_name(backup.name + ".high-water.json")


def _fork_at_bourges(region: Region) -> list[Path]:
    """Bundle 2 of Bourges is sent twice with other events: its PC came back from a backup."""
    first = region.week(0, 1, out="semaine1")
    region.backup_desk(0, region.root / "sauvegarde.sqlite")
    second = region.week(0, 1, out="semaine2")
    region.restore_desk(0, region.root / "sauvegarde.sqlite")
    forked = region.week(0, 2, out="semaine3")
    return [first, second, forked]


def _gap_at_vierzon(region: Region) -> Path:
    """Events 1–3 of Vierzon were received and acknowledged on the coordination's previous
    computer; this database never saw them, and the desk does not send them again."""
    sent = region.week(1, 3, out="ancien")
    previous = Database(region.root / "ancien-coordinateur.sqlite")
    region.register_all(previous)
    import_bundle(previous, region.coordinator_dir, sent)
    written = write_acknowledgements(previous, region.coordinator_dir, region.root / "accuses")
    previous.close()
    vierzon = region.identity(1).desk_id
    apply_acknowledgement(region.desks[1], next(p for p in written if p.stem == vierzon))
    return region.week(1, 2, out="semaine3")


def test_forks_and_gaps_are_listed_and_explained(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    files = [*_fork_at_bourges(region), _gap_at_vierzon(region)]
    bundles = _import_files(qtbot, window, monkeypatch, files)
    assert "4 envois acceptés, 0 refusé" in bundles.report.text()
    assert "2 alertes à examiner dans l'écran Alertes." in bundles.report.text()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    screen = _alerts(window)
    assert window.current_screen_name() == ALERTES
    assert sorted(_column(screen, AlertColumn.TYPE)) == ["Bifurcation", "Événements manquants"]
    summaries = dict(
        zip(_column(screen, AlertColumn.POSTE), _column(screen, AlertColumn.RESUME), strict=True)
    )
    assert summaries == {
        "CIO de Bourges": "Envoi n° 2 : numéro déjà reçu avec un autre contenu",
        "Mission locale de Vierzon": "3 événements manquants : n° 1 à 3",
    }
    assert screen.summary.text() == (
        "2 alertes : 1 bifurcation, 1 poste avec des événements manquants."
    )
    for row in range(screen.model.rowCount()):
        screen.table.selectRow(row)
        text = screen.explanation.toPlainText()
        assert "À faire :" in text
        if screen.selected_alert().kind == "fork":  # type: ignore[union-attr]
            assert "restauré depuis une ancienne sauvegarde" in text and "CIO de Bourges" in text
        else:
            assert "les événements n° 1 à 3 (3 en tout)" in text
    assert screen.explanation.isReadOnly() and screen.explanation.accessibleName()
    desks = _desks(window)  # issue 12: missing bundle numbers at a glance, per desk
    from spro_desk.ui.coordination.models import DeskColumn

    missing = dict(zip(_column(desks, DeskColumn.SITE), _column(desks, DeskColumn.MANQUANTS),
                       strict=True))  # fmt: skip
    # Vierzon's bundle n° 1 went to the previous computer only
    assert missing == {"CIO de Bourges": "Aucun", "Mission locale de Vierzon": "1 : n° 1"}
    matrix = desks.matrix  # desk × week: this week's bundles per desk, by when they were made
    sites = [matrix.verticalHeaderItem(r).text() for r in range(matrix.rowCount())]
    this_week = {
        site: matrix.item(r, matrix.columnCount() - 1).text() for r, site in enumerate(sites)
    }
    assert this_week == {"CIO de Bourges": "3", "Mission locale de Vierzon": "1"}
    assert matrix.columnCount() == 8 and matrix.accessibleName()
    screen = _alerts(window)
    # issue 12: an alert is marked handled with a note, which the audit trail keeps
    from PySide6.QtWidgets import QInputDialog

    from spro_desk.sync.completeness import alert_log

    screen.table.selectRow(0)
    chosen = screen.selected_alert()
    assert chosen is not None and screen.handle_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("appelé le site", True))
    qtbot.mouseClick(screen.handle_button, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 1 and screen.summary.text().startswith("1 alerte")
    assert [e["note"] for e in alert_log(region.db)] == ["appelé le site"]


def test_an_event_sent_again_with_other_content_is_quarantined_and_explained(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    first = region.week(0, 2, out="semaine1")
    with sqlite3.connect(region.desks[0].path) as connection:  # the desk's base edited by hand
        connection.execute(
            "UPDATE event SET payload = json_set(payload, '$.statut', 'salarie') WHERE seq = 1"
        )
    connection.close()
    second = region.week(0, 1, out="semaine2")  # carries events 1–3 again: nothing acknowledged
    _import_files(qtbot, window, monkeypatch, [first, second])
    screen = _alerts(window)
    assert _column(screen, AlertColumn.TYPE) == ["Quarantaine"]
    assert _column(screen, AlertColumn.RESUME) == [
        "Événement n° 1 reçu deux fois avec des contenus différents"
    ]
    text = screen.explanation.toPlainText()
    assert "La première version est conservée" in text and "À faire :" in text
    assert screen.summary.text() == "1 alerte : 1 événement en quarantaine."


def test_acknowledgements_and_identity_for_the_desks(
    qtbot: QtBot, window: CoordinatorWindow, region: Region, monkeypatch: pytest.MonkeyPatch
) -> None:
    region.register_all()
    region.week(0, 2)
    _import(qtbot, window, monkeypatch, region.root / "depot")
    acks = region.root / "accuses"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(acks))
    window.exports.acknowledge_action.trigger()
    qtbot.waitUntil(lambda: "2 accusés de réception écrits" in window.statusBar().currentMessage())
    bourges = region.identity(0).desk_id
    assert apply_acknowledgement(region.desks[0], acks / f"{bourges}.spro-ack") == 2
    target = region.root / "pour-les-postes.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.exports.identity_action.trigger()
    qtbot.waitUntil(target.is_file)
    qtbot.waitUntil(lambda: "Identité écrite" in window.statusBar().currentMessage())
    newcomer = Database(region.root / "nouveau" / "desk.sqlite")
    try:
        assert trust_coordinator(newcomer, target).recipients  # a new desk can trust it
    finally:
        newcomer.close()


# --- keyboard and names --------------------------------------------------------------------


def test_every_screen_and_action_is_reachable_and_named(
    qtbot: QtBot, window: CoordinatorWindow
) -> None:
    for number, name in enumerate(
        (POSTES, ENVOIS, ALERTES, TABLEAU, PERIODES, JOURNAL, ANNUAIRE, COMPTES), start=1
    ):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_screen_name() == name
    desks, bundles, alerts = window.screens[POSTES], _bundles(window), window.screens[ALERTES]
    assert isinstance(desks, DesksScreen) and isinstance(alerts, AlertsScreen)
    controls = [
        desks.table, desks.late_after, bundles.table, alerts.table, alerts.explanation,
    ]  # fmt: skip
    assert all(read_name(control) for control in controls)
    # Summaries and messages are read as their text, which no fixed name replaces.
    hidden = {}
    for name in (POSTES, ENVOIS, ALERTES):
        window.show_screen(name)
        hidden[name] = hidden_labels(window.tabs.currentWidget())
    assert hidden == {POSTES: [], ENVOIS: [], ALERTES: []}
    directory = window.screens[ANNUAIRE]
    assert isinstance(directory, DirectoryScreen)
    for screen in (desks, bundles, directory):
        for action in screen.menu_actions():
            assert screen.toolbar.widgetForAction(action).accessibleName()
    shortcuts = {
        action.text(): action.shortcut().toString()
        for action in [
            *desks.menu_actions(),
            *bundles.menu_actions(),
            *directory.menu_actions(),
            *window.exports.menu_actions(),
        ]
    }
    assert shortcuts == {
        "&Enregistrer un poste…": "Ctrl+E",
        "&Révoquer…": "Del",
        "&Importer des envois…": "Ctrl+I",
        "Importer un &dossier de dépôt…": "Ctrl+Shift+I",
        "Produire les &accusés de réception…": "Ctrl+K",
        "Exporter l'&identité du coordinateur…": "",
        "&Télécharger l'annuaire": "Ctrl+T",
        "&Publier aux postes…": "Ctrl+U",
    }
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Postes", "&Envois reçus", "A&nnuaire", "Co&llecte", "&Aller à"]


def test_a_damaged_coordination_database_is_explained_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spro_desk.paths import database_path
    from spro_desk.ui.coordination import window as window_module

    shown: list[str] = []
    monkeypatch.setattr(window_module, "show_fatal", shown.append)
    database_path(tmp_path).write_bytes(b"pas une base SQLite" * 200)
    assert window_module.open_coordinator_database(tmp_path) is None
    assert "endommagée" in shown[0]
