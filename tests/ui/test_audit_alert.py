"""Issue 15: a cut access log is said in the window, at every purge (start, then daily)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database

from .conftest import WindowFactory


def test_a_cut_access_log_is_said_in_the_status_bar(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    log = audit_log(db)
    for number in range(4):
        log.append("affichage", contact_id=f"c{number}")
    [segment] = log.segments()
    segment.write_bytes(b"".join(segment.read_bytes().splitlines(keepends=True)[:2]))
    window = make_window(db)
    window.privacy.purge_now()
    qtbot.waitUntil(lambda: "coupée" in window.statusBar().currentMessage(), timeout=10_000)
    print(f"\nStatus bar: « {window.statusBar().currentMessage()} »")
