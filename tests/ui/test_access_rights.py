"""« Données de cette personne » (right of access): the dialog shows, prints to PDF and exports
as JSON everything held about one person, found from the Accueil or by a search; each display
is in the access log; closing or locking leaves nothing on screen."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spro_desk.agents.sessions import desk_session
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.ui.common.person_data_dialog import PersonDataDialog
from test_privacy_support import CANARY_MAIL, CANARY_NAME, MANAGER_PIN, manager, record_canary

from .conftest import FIXED_NOW, WindowFactory


def _productions(db: Database) -> list[str]:
    return [e["detail"]["forme"] for e in audit_log(db).entries() if e["action"] == "droit-d-acces"]


def test_the_dialog_shows_prints_and_exports_and_logs_each(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    contact_id = record_canary(db)
    desk_session(db).login(manager(db).id, MANAGER_PIN)
    dialog = PersonDataDialog(db, contact_id)
    qtbot.addWidget(dialog)
    shown = dialog.view.toPlainText()
    assert CANARY_NAME in shown and CANARY_MAIL in shown and "Consentement" in shown
    # The display itself is in the access log it lists.
    assert "Données de cette personne à l'écran" in shown
    pdf = dialog.save_pdf(tmp_path / "personne.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    exported = dialog.save_json(tmp_path / "personne.json")
    assert exported is not None
    assert json.loads(exported.read_text("utf-8"))["donnees_personnelles"]["nom"] == CANARY_NAME
    assert _productions(db) == ["ecran", "pdf", "json"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no .part
    dialog.reject()
    assert dialog.view.toPlainText() == ""


def test_a_person_is_found_by_a_search_on_the_consented_data(qtbot: QtBot, db: Database) -> None:
    contact_id = record_canary(db)
    record_canary(db, nom="Autre Personne", telephone="0600000000", courriel="autre@ex.fr")
    desk_session(db).login(manager(db).id, MANAGER_PIN)
    dialog = PersonDataDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.toPlainText() == "" and not dialog.print_button.isEnabled()
    qtbot.keyClicks(dialog.search, "canarivaux")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.results.count() == 1 and CANARY_NAME in dialog.results.item(0).text()
    dialog.results.itemActivated.emit(dialog.results.item(0))
    assert CANARY_NAME in dialog.view.toPlainText() and dialog.print_button.isEnabled()
    assert _productions(db) == ["ecran"]
    assert [e["contact"] for e in audit_log(db).entries() if e["action"] == "droit-d-acces"] == [
        contact_id
    ]


def test_a_found_person_is_listed_with_the_day_of_the_site(qtbot: QtBot, db: Database) -> None:
    from datetime import UTC, datetime

    from spro_desk import clock

    clock.use_zone("Indian/Reunion")  # a desk in La Réunion (UTC+4)
    record_canary(db, datetime(2026, 3, 10, 20, 30, tzinfo=UTC))  # 00:30 on the 11th there
    desk_session(db).login(manager(db).id, MANAGER_PIN)
    dialog = PersonDataDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "canarivaux")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.results.item(0).text() == f"{CANARY_NAME} — contact du 11/03/2026"


def test_opened_from_the_accueil_and_cancelled_by_the_lock(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    record_canary(db, FIXED_NOW)
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    window = make_window(db)
    window.show_screen("accueil")
    accueil = window.screens["accueil"]
    accueil.today.select(accueil.today.model.contact(0).id)
    assert accueil.personal.access_button.isEnabled()
    qtbot.mouseClick(accueil.personal.access_button, Qt.MouseButton.LeftButton)
    dialog = accueil.personal_data.access_dialog
    assert isinstance(dialog, PersonDataDialog) and dialog.isVisible()
    assert QApplication.activeModalWidget() is dialog or dialog.isModal()
    assert CANARY_NAME in dialog.view.toPlainText()
    window.privacy.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_persons_file_reads_in_french_on_the_sites_clock(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    """Issue 18: no raw field name (`occurred_at`, `statut`) nor ISO UTC moment in the
    document shown and printed for the person; the JSON copy keeps its portable form."""
    from datetime import UTC, datetime

    from spro_desk import clock

    clock.use_zone("Indian/Reunion")  # 20:30 UTC on the 10th is 00:30 on the 11th there
    contact_id = record_canary(db, datetime(2026, 3, 10, 20, 30, tzinfo=UTC))
    desk_session(db).login(manager(db, name="Claire Manager").id, MANAGER_PIN)
    dialog = PersonDataDialog(db, contact_id)
    qtbot.addWidget(dialog)
    shown = dialog.view.toPlainText()
    lines = [line.strip() for line in shown.splitlines()]
    assert "Date du contact : 11/03/2026 à 00:30" in lines
    assert "Canal : Téléphone" in lines
    assert "Situation : Salarié" in lines
    assert "Besoins : Trouver un emploi" in lines
    assert "Réponses apportées : Information orale" in lines
    assert "Finalité : Prise de rendez-vous et suivi de l'orientation" in lines
    for raw in ("T20:30", "+00:00", "occurred_at", "statut :", "canal :", "donne_le", "salarie"):
        assert raw not in shown, raw
    log = lines[lines.index(next(x for x in lines if x.startswith("Journal des accès"))) + 1]
    assert "Claire Manager" in log and "droit-d-acces" not in log
    pdf = dialog.save_pdf(tmp_path / "personne.pdf")
    assert pdf is not None
    from .test_slip_pdf import pdf_text

    assert "11/03/2026 à 00:30" in pdf_text(pdf)
    exported = dialog.save_json(tmp_path / "personne.json")
    assert exported is not None
    portable = json.loads(exported.read_text("utf-8"))
    assert portable["contact"]["date"] == "2026-03-10T20:30:00+00:00"  # machine-readable
    assert portable["contact"]["statut"] == "salarie"
