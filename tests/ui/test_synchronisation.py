"""Synchronisation screen: real widgets over a real desk database, a real coordinator and a real
WebDAV server (wsgidav on 127.0.0.1)."""

from __future__ import annotations

import errno
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration
from spro_desk.sync.transport import SECRET_KEY, URL_KEY, USER_KEY
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.synchronisation.queue_model import QueueColumn
from spro_desk.ui.synchronisation.rounds import SyncRounds
from spro_desk.ui.synchronisation.screen import SynchronisationScreen
from test_disk_errors import disk_filled, tiny_disk  # noqa: F401 - fixture
from test_sync_transport import PASSWORD, USER, Fault, WebDavServer

from .conftest import WindowFactory

WAIT_MS = 10_000


class Coordination:
    """The coordinator's keys and database; the identity file the desk imports."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "coordinator"
        init_coordinator(self.folder)
        self.identity_file = root / "coordinateur.json"
        self.identity_file.write_text(json.dumps(signed_identity_file(self.folder)), "utf-8")
        self.db = Database(root / "coordinator.sqlite")

    def register(self, desk: Database, root: Path) -> None:
        identity = load_identity(desk)
        assert identity is not None
        register_desk(self.db, write_registration(identity, root / "inscription.json"))


@pytest.fixture
def coordination(tmp_path: Path) -> Iterator[Coordination]:
    world = Coordination(tmp_path / "region")
    yield world
    world.db.close()


@pytest.fixture
def desk(db: Database, coordination: Coordination, tmp_path: Path) -> Database:
    """A desk set up and trusting its coordinator, registered there, with three contacts."""
    init_desk(db, db.path.parent, "CIO de Bourges", "cio", "18033")
    trust_coordinator(db, coordination.identity_file)
    coordination.register(db, tmp_path)
    for statut in ("scolaire", "etudiant", "salarie"):
        ContactService(db).record(ContactInput(canal="accueil-physique", statut=statut))
    return db


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDavServer]:
    server = WebDavServer(tmp_path / "webdav")
    server.start()
    yield server
    server.stop()


def _screen(qtbot: QtBot, window: MainWindow) -> SynchronisationScreen:
    window.show_screen("synchronisation")
    screen = window.screens["synchronisation"]
    assert isinstance(screen, SynchronisationScreen)
    qtbot.waitUntil(lambda: screen.state is not None, timeout=WAIT_MS)
    return screen


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _configure(db: Database, dav: WebDavServer) -> None:
    site = SiteSettings(db)
    site.set(URL_KEY, dav.url)
    site.set(USER_KEY, USER)
    site.set(SECRET_KEY, PASSWORD)


def test_the_screen_shows_what_waits_from_the_database(
    qtbot: QtBot, desk: Database, make_window: WindowFactory
) -> None:
    window = make_window(desk)
    screen = _screen(qtbot, window)
    assert screen.title() == "Synchronisation"
    assert window.screen_actions["synchronisation"].shortcut().toString() == "Ctrl+7"
    assert screen.pending.text() == (
        "3 événements pas encore confirmés par le coordinateur\n"
        "0 envoi dans la file vers le serveur"
    )
    # set up and trusting its coordinator, which has acknowledged nothing yet: said plainly,
    # and the registration file stays at hand (issue 12)
    assert "pas encore inscrit" in screen.readiness.text()
    assert screen.registration_button.isVisibleTo(screen)
    assert screen.last_export.text() == "Aucun export pour l'instant."
    assert screen.acknowledgement.text().startswith("Aucun accusé de réception")
    assert screen.directory.text() == "Aucun annuaire installé."
    assert "importez la dernière mise à jour" in screen.directory_warning.text()
    assert screen.server.text().startswith("Aucun serveur réglé")
    assert screen.export_button.isEnabled() and not screen.send_button.isEnabled()
    ContactService(desk).record(ContactInput(canal="telephone", statut="scolaire"))
    window.context.navigator.contacts_changed.emit()  # the Accueil tells the desk
    qtbot.waitUntil(lambda: screen.pending.text().startswith("4 événements"), timeout=WAIT_MS)


def test_export_to_a_stick_through_the_button_reaches_the_coordinator(
    qtbot: QtBot,
    desk: Database,
    coordination: Coordination,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "CLE-USB"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    screen = _screen(qtbot, make_window(desk))
    _click(qtbot, screen.export_button)
    qtbot.waitUntil(lambda: "écrit et relu" in screen.message.text(), timeout=WAIT_MS)
    [bundle] = stick.glob("*.spro-bundle")
    assert str(bundle) in screen.message.text()
    outcome = import_bundle(coordination.db, coordination.folder, bundle)
    assert (outcome.bundle_seq, outcome.events_new, outcome.events_duplicate) == (1, 3, 0)
    qtbot.waitUntil(lambda: screen.last_export.text().startswith("Envoi n° 1, le "))
    assert str(stick) in screen.last_export.text() and "(3 événements)" in screen.last_export.text()
    assert screen.export_button.isEnabled()  # ready for the next one


def test_the_queue_shows_a_failure_from_a_stopped_server_then_empties(
    qtbot: QtBot, desk: Database, dav: WebDavServer, make_window: WindowFactory
) -> None:
    _configure(desk, dav)
    dav.stop()
    window = make_window(desk)
    screen = _screen(qtbot, window)
    assert screen.server.text().startswith(f"Serveur : {dav.url}")
    _click(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=WAIT_MS)
    model = screen.model

    def cell(column: QueueColumn) -> str:
        return model.data(model.index(0, column))

    assert cell(QueueColumn.NAME) == "Envoi n° 1"
    name_tip = model.data(model.index(0, QueueColumn.NAME), Qt.ItemDataRole.ToolTipRole)
    assert name_tip.endswith("_n0001_b1.spro-bundle</qt>")  # the file's name on the server
    assert cell(QueueColumn.ATTEMPTS) == "1"
    assert "injoignable" in cell(QueueColumn.LAST_ERROR)
    assert cell(QueueColumn.NEXT_ATTEMPT) not in ("", "Au prochain passage")
    assert cell(QueueColumn.SIZE).endswith(("o", "Ko"))
    assert "Échange interrompu" in screen.message.text()
    assert "1 envoi en attente" in window.sync_rounds.indicator.text()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in QueueColumn]
    assert headers == ["Envoi", "Taille", "Essais", "Prochain essai", "Dernière erreur"]
    dav.start()
    qtbot.waitUntil(screen.send_button.isEnabled, timeout=WAIT_MS)
    _click(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=WAIT_MS)
    assert "1 envoi confirmé par le serveur" in screen.message.text()
    assert len(dav.files("bundles")) == 1
    assert window.sync_rounds.indicator.text().startswith("Synchronisé à")


def test_a_desk_not_set_up_says_what_to_do_and_does_it(
    qtbot: QtBot,
    db: Database,
    coordination: Coordination,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    screen = _screen(qtbot, make_window(db))
    assert not screen.setup_box.isHidden()
    assert "pas encore d'identité" in screen.readiness.text()
    assert not screen.export_button.isEnabled()
    _click(qtbot, screen.init_button)
    qtbot.waitUntil(lambda: "Paramètres" in screen.message.text(), timeout=WAIT_MS)
    assert load_identity(db) is None  # no site yet: nothing created
    site = SiteSettings(db)
    site.set("site.nom", "Mairie de Blet")
    site.set("site.reseau", "information-jeunesse")  # chosen in a list (issue 18)
    site.set("site.commune", "18030")
    _click(qtbot, screen.init_button)
    qtbot.waitUntil(lambda: load_identity(db) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "coordinateur" in screen.readiness.text(), timeout=WAIT_MS)
    assert screen.trust_button.isVisibleTo(screen) and not screen.init_button.isVisibleTo(screen)
    registration = tmp_path / "inscription-blet.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(registration), ""))
    _click(qtbot, screen.registration_button)
    qtbot.waitUntil(registration.exists, timeout=WAIT_MS)
    registered = register_desk(coordination.db, registration)  # what the coordination does
    assert registered.site_nom == "Mairie de Blet" and registered.commune == "18030"
    chosen = str(coordination.identity_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (chosen, ""))
    _click(qtbot, screen.trust_button)
    qtbot.waitUntil(lambda: "pas encore inscrit" in screen.readiness.text(), timeout=WAIT_MS)
    assert screen.export_button.isEnabled()
    assert screen.registration_button.isVisibleTo(screen)  # always there (issue 12)


def test_the_registration_file_stays_available_and_unregistered_is_said_plainly(
    qtbot: QtBot,
    db: Database,
    coordination: Coordination,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Issue 12, item 8: the coordinator's identity imported before the registration file was
    saved used to hide the registration button for good."""
    from spro_desk.sync.acknowledgement import write_acknowledgements
    from spro_desk.sync.bundle import export_bundle
    from spro_desk.sync.updates import apply_update

    init_desk(db, db.path.parent, "Mairie de Blet", "pij", "18030")
    trust_coordinator(db, coordination.identity_file)  # before any registration file
    ContactService(db).record(ContactInput(canal="telephone", statut="scolaire"))
    screen = _screen(qtbot, make_window(db))
    assert "pas encore inscrit" in screen.readiness.text()
    assert screen.readiness.isVisibleTo(screen)
    assert screen.registration_button.isVisibleTo(screen)
    registration = tmp_path / "inscription-blet.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(registration), ""))
    _click(qtbot, screen.registration_button)
    qtbot.waitUntil(registration.exists, timeout=WAIT_MS)
    register_desk(coordination.db, registration)
    bundle = export_bundle(db, db.path.parent, tmp_path / "cle").path
    import_bundle(coordination.db, coordination.folder, bundle)
    [ack] = write_acknowledgements(coordination.db, coordination.folder, tmp_path / "acks")
    apply_update(db, ack)
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.readiness.isVisibleTo(screen), timeout=WAIT_MS)
    assert screen.registration_button.isVisibleTo(screen)  # still there, to give it again
    registration.unlink()
    _click(qtbot, screen.registration_button)
    qtbot.waitUntil(registration.exists, timeout=WAIT_MS)


def test_a_background_round_sends_without_being_asked_and_closing_never_waits(
    qtbot: QtBot, desk: Database, dav: WebDavServer, make_window: WindowFactory
) -> None:
    _configure(desk, dav)
    window = make_window(desk)
    rounds = SyncRounds(window.context, window, first_round_ms=10, interval_ms=60_000)
    rounds.start()
    qtbot.waitUntil(lambda: len(dav.files("bundles")) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not rounds.is_running, timeout=WAIT_MS)
    assert rounds.indicator.text().startswith("Synchronisé à")
    # A server that holds the next upload much longer than anyone waits for a window to close.
    ContactService(desk).record(ContactInput(canal="telephone", statut="scolaire"))
    dav.front.faults = [Fault("PUT", dav.front.counts.get("PUT", 0) + 1, "slow", delay=8.0)]
    assert rounds.run_now()
    qtbot.waitUntil(lambda: any(w == "slow" for *_r, w in dav.front.log), timeout=WAIT_MS)
    began = time.monotonic()
    rounds.shutdown()
    window.close()
    elapsed = time.monotonic() - began
    assert elapsed < 2.0, elapsed
    print(f"\nwindow closed during a stalled upload in {elapsed:.2f} s (server held it 8 s)")


def test_an_export_to_a_full_stick_says_why_in_the_windows_words(
    qtbot: QtBot,
    desk: Database,
    make_window: WindowFactory,
    tiny_disk: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real stick filled to the last byte (a small tmpfs): the message read « L'envoi n'a pas
    pu être écrit (L'envoi n'a pas pu être écrit : le support … est plein…) : vérifiez… », the
    domain's whole refusal wrapped in the screen's."""
    stick = tiny_disk / "CLE-USB"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    screen = _screen(qtbot, make_window(desk))
    with disk_filled(tiny_disk):
        _click(qtbot, screen.export_button)
        qtbot.waitUntil(lambda: "n'a pas pu être écrit" in screen.message.text(), timeout=WAIT_MS)
        left = sorted(path.name for path in stick.iterdir())
    text = screen.message.text()
    assert text.count("n'a pas pu être écrit") == 1, text  # not the domain's, wrapped again
    assert f"« {stick} » est plein" in text and "Libérez de la place" in text, text
    assert os.strerror(errno.ENOSPC) not in text, text
    assert left == []  # nothing half-written on the stick
