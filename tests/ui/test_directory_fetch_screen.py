"""The coordination's « Annuaire » screen fetches the directory off the UI thread, with a
progress bar, a cancel button and French messages (a real HTTP server on 127.0.0.1), then
publishes it to the desks as a signed update, for the roles allowed to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from coordination_team import FAST
from spro_desk.agents.coordination_accounts import create_coordinator, sign_in
from spro_desk.agents.coordination_audit import audit_entries
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator_identity import init_coordinator
from spro_desk.sync.directory_fetch import COMPLETE_MARKER
from spro_desk.sync.directory_update import read_snapshot
from spro_desk.ui.common.background import TaskRunner
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.directory_fetch import STAGING_FOLDER
from spro_desk.ui.coordination.directory_screen import DirectoryScreen
from test_directory_fetch import TOKEN, _Api, running_api

WAIT_MS = 20_000


@pytest.fixture
def api() -> Iterator[tuple[str, _Api]]:
    with running_api() as served:
        yield served


@pytest.fixture
def screen(
    qtbot: QtBot, db: Database, tmp_path: Path, settings: QSettings, api: tuple[str, _Api]
) -> Iterator[DirectoryScreen]:
    url, _state = api
    SiteSettings(db).set_many({"datainclusion.url": url, "datainclusion.jeton": TOKEN})
    runner = TaskRunner()
    context = CoordinatorContext(db, tmp_path / "data", runner, settings)
    (tmp_path / "data").mkdir()
    widget = DirectoryScreen(context)
    widget.fetcher.page_size = 2  # several pages per kind: a progress worth the name
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    runner.shutdown()


def test_fetching_shows_pages_then_what_came(qtbot: QtBot, screen: DirectoryScreen) -> None:
    steps: list[tuple[str, int, int]] = []
    screen.fetcher.progressed.connect(lambda label, done, total: steps.append((label, done, total)))
    with qtbot.waitSignal(screen.fetcher.finished, timeout=WAIT_MS):
        screen.fetch_action.trigger()
        assert not screen.fetch_action.isEnabled()  # one fetch at a time, off the UI thread
    assert ("Téléchargement des structures (page 5 sur 5)", 5, 5) in steps
    assert ("Téléchargement des services (page 2 sur 2)", 2, 2) in steps
    assert "9 structures et 4 services" in screen.report.text()
    assert screen.fetch_action.isEnabled() and not screen.progress.isVisible()
    staging = screen.fetcher.staging()
    assert staging.name == STAGING_FOLDER
    assert json.loads((staging / COMPLETE_MARKER).read_text()) == {"structures": 9, "services": 4}


def test_a_failing_api_is_told_in_french_and_keeps_the_pages(
    qtbot: QtBot, screen: DirectoryScreen, api: tuple[str, _Api]
) -> None:
    api[1].fail_on = ("services", 1)
    with qtbot.waitSignal(screen.fetcher.failed, timeout=WAIT_MS) as failed:
        screen.fetch_action.trigger()
    message = failed.args[0]
    assert "503" in message or "indisponible" in message.lower()
    assert screen.report.text() == message
    staging = screen.fetcher.staging()
    assert (staging / "structures-page-5.json").is_file()
    assert not (staging / COMPLETE_MARKER).exists()
    qtbot.waitUntil(screen.fetch_action.isEnabled, timeout=WAIT_MS)


def test_cancel_stops_between_pages(
    qtbot: QtBot, screen: DirectoryScreen, api: tuple[str, _Api]
) -> None:
    api[1].delay_s = 0.2
    screen.fetcher.progressed.connect(lambda *_step: screen.progress.cancel_button.click())
    with qtbot.waitSignal(screen.fetcher.failed, timeout=WAIT_MS) as failed:
        screen.fetch_action.trigger()
    assert "annulé" in failed.args[0]
    assert not (screen.fetcher.staging() / COMPLETE_MARKER).exists()
    assert len(api[1].requests) < 7  # 5 pages of structures and 2 of services otherwise


def _fetched(qtbot: QtBot, screen: DirectoryScreen) -> None:
    assert not screen.publish_action.isEnabled()  # nothing downloaded yet: nothing to publish
    with qtbot.waitSignal(screen.fetcher.finished, timeout=WAIT_MS):
        screen.fetch_action.trigger()
    assert screen.publish_action.isEnabled()


def test_a_whole_download_is_published_as_a_signed_update(
    qtbot: QtBot, screen: DirectoryScreen, tmp_path: Path
) -> None:
    identity = init_coordinator(screen.context.data_dir)
    _fetched(qtbot, screen)
    out = tmp_path / "cle" / "annuaire.spro-directory"
    out.parent.mkdir()
    with qtbot.waitSignal(screen.publisher.finished, timeout=WAIT_MS):
        assert screen.publish(out)
        assert not screen.publish_action.isEnabled() and not screen.fetch_action.isEnabled()
        assert not screen.progress.cancel_button.isEnabled()  # signing cannot be cancelled
    snapshot = read_snapshot(out.read_bytes(), identity.signing_public_key)
    assert snapshot.version >= 1
    assert "Annuaire publié" in screen.report.text() and "9 structures et 4 services" in (
        screen.report.text()
    )
    assert screen.publish_action.isEnabled()
    assert [e.action for e in audit_entries(screen.context.db)][-1] == "publication-annuaire"


def test_publishing_without_coordinator_keys_says_what_to_do(
    qtbot: QtBot, screen: DirectoryScreen, tmp_path: Path
) -> None:
    _fetched(qtbot, screen)
    out = tmp_path / "annuaire.spro-directory"
    with qtbot.waitSignal(screen.publisher.failed, timeout=WAIT_MS) as failed:
        screen.publish(out)
    assert "coordinator init" in failed.args[0]
    assert not out.exists()
    qtbot.waitUntil(screen.publish_action.isEnabled, timeout=WAIT_MS)


def test_a_read_only_account_can_neither_fetch_nor_publish(
    qtbot: QtBot, screen: DirectoryScreen
) -> None:
    db = screen.context.db
    create_coordinator(db, "Alice", "alice-mot-de-passe", "coordinateur", cost=FAST)
    sign_in(db, "Alice", "alice-mot-de-passe")
    create_coordinator(db, "Chloé", "chloe-lit-tout", "lecture", cost=FAST)
    sign_in(db, "Chloé", "chloe-lit-tout")
    screen.activate()
    assert not screen.fetch_action.isEnabled() and not screen.publish_action.isEnabled()
    assert "publier l'annuaire" in screen.fetch_action.toolTip()
