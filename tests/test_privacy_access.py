"""Right of access (RGPD art. 15) and portability (art. 20): « Données de cette personne »
gives everything held about one person, found from a contact or by a search on the consented
personal data, and every production of it is in the access log."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import AccessDenied, desk_session
from spro_desk.cli.main import main
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.access import EXPORTED, PRINTED, AccessRightError, find_people, person_file
from spro_desk.privacy.erasure import erase_person
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from test_privacy_support import (
    AGENT_PIN,
    CANARIES,
    CANARY_MAIL,
    CANARY_NAME,
    CANARY_NOTE,
    CANARY_PHONE,
    FAST,
    MANAGER_PIN,
    files_of,
    manager,
    occurrences,
    record_canary,
)

CIO = "spro-annuaire--cio-de-bourges--1"


def _desk(db: Database, *, referral: bool = True) -> str:
    contact_id = record_canary(db)
    if referral:
        ContactService(db).add_referral(contact_id, CIO)
    record_canary(db, nom="Autre Personne", telephone="0600000000", courriel="autre@ex.fr")
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    ContactService(db).personal_data(contact_id)  # an earlier display, to be listed
    return contact_id


def test_the_person_file_holds_everything_and_its_own_access(cvl_db: Database) -> None:
    contact_id = _desk(cvl_db)
    held = person_file(cvl_db, contact_id, how=PRINTED)
    data = held.as_json()
    assert data["donnees_personnelles"] == {
        "nom": CANARY_NAME, "telephone": CANARY_PHONE, "courriel": CANARY_MAIL,
        "note": CANARY_NOTE,
    }  # fmt: skip
    assert data["contact"]["statut"] == "salarie" and data["contact"]["canal"] == "telephone"
    assert len(data["orientations"]) == 1
    assert data["orientations"][0]["structure"]
    assert data["consentement"]["texte_presente"] and data["consentement"]["donne_le"]
    actions = [a["action"] for a in data["journal_des_acces"]]
    assert actions == ["affichage", "droit-d-acces"]  # the earlier display, and this one
    assert data["journal_des_acces"][-1]["detail"] == {"forme": PRINTED}
    json.dumps(data, ensure_ascii=False)  # portable as it is
    print(f"\nRight of access: {len(data['orientations'])} referral(s), consent, 4 personal "
          f"fields, {len(actions)} access-log entries (this production included)")  # fmt: skip


def test_a_search_on_the_consented_data_finds_the_person_and_is_logged(cvl_db: Database) -> None:
    contact_id = _desk(cvl_db)
    by_name = find_people(cvl_db, "zephyrine CANARI")  # accents, case and spaces ignored
    by_phone = find_people(cvl_db, "06 99 88")
    assert [m.contact_id for m in by_name] == [contact_id] == [m.contact_id for m in by_phone]
    assert find_people(cvl_db, "personne-absente") == []
    with pytest.raises(AccessRightError, match="3 caractères"):
        find_people(cvl_db, "ze")
    searches = [e for e in audit_log(cvl_db).entries() if e["action"] == "recherche-droit-d-acces"]
    assert [s["detail"]["resultats"] for s in searches] == ["1", "1", "0"]
    assert occurrences(files_of(audit_log(cvl_db).folder), ("zephyrine", "06 99 88")) == {
        "zephyrine": 0,
        "06 99 88": 0,
    }  # fmt: skip  the query itself is personal: not in the log


def test_only_a_site_manager_may_and_erased_data_is_said_erased(cvl_db: Database) -> None:
    contact_id = _desk(cvl_db)
    samir = create_agent(cvl_db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    erase_person(cvl_db, contact_id)
    held = person_file(cvl_db, contact_id).as_json()
    assert held["donnees_personnelles"] is None and held["consentement"]["donnees_effacees_le"]
    session = desk_session(cvl_db)
    session.lock()
    session.login(samir.id, AGENT_PIN)
    with pytest.raises(AccessDenied):
        person_file(cvl_db, contact_id)
    with pytest.raises(AccessDenied):
        find_people(cvl_db, "canari")


def test_the_command_line_writes_the_portable_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from spro_desk.paths import database_path

    db = Database(database_path(tmp_path / "data"))
    contact_id = _desk(db, referral=False)
    desk_session(db).lock()
    db.close()
    data = str(tmp_path / "data")
    out = tmp_path / "donnees.json"
    refused = main(["--data-dir", data, "privacy", "access", "--contact", contact_id])
    assert refused == 2 and "--agent" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    code = main(["--data-dir", data, "privacy", "access", "--contact", contact_id,
                 "--out", str(out), "--agent", "claire"])  # fmt: skip
    shown = capsys.readouterr().out
    assert code == 0 and CANARY_NAME in shown and str(out) in shown
    copy = json.loads(out.read_text(encoding="utf-8"))
    assert copy["donnees_personnelles"]["courriel"] == CANARY_MAIL
    assert copy["journal_des_acces"][-1]["detail"] == {"forme": EXPORTED}
    assert all(canary in out.read_text(encoding="utf-8") for canary in CANARIES)
