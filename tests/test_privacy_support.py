"""Helpers shared by the privacy tests (imported by test_privacy_*.py, test_agents.py and the
lock tests), and the check that the byte search they rely on does find what is there."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from spro_desk.agents import management
from spro_desk.agents.accounts import AgentView
from spro_desk.agents.roles import Role
from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.security import crypto
from spro_desk.storage.engine import Database

# Argon2id at its lightest for tests that are not about its cost (the default one is measured
# in tests/test_agents.py); everything else is the production code path.
FAST = crypto.KdfCost(time_cost=1, memory_kib=8 * 1024)
CANARY_NAME = "Zéphyrine Canarivaux"
CANARY_PHONE = "06 99 88 77 66"  # as stored: formatted (spro_desk.coordinates)
CANARY_MAIL = "zephyrine.canarivaux@exemple.fr"
CANARY_NOTE = "rappeler après 17 h — canari"
CANARIES = (CANARY_NAME, CANARY_PHONE, CANARY_MAIL, CANARY_NOTE)
MANAGER_PIN = "48021573"
AGENT_PIN = "73910462"


def canary_input(occurred_at: datetime | None = None, **personal: str) -> ContactInput:
    return ContactInput(
        canal="telephone",
        statut="salarie",
        besoins=("trouver-un-emploi",),
        reponses=("information-orale",),
        occurred_at=occurred_at,
        personal=PersonalDataInput(
            nom=personal.get("nom", CANARY_NAME),
            telephone=personal.get("telephone", CANARY_PHONE),
            courriel=personal.get("courriel", CANARY_MAIL),
            note=personal.get("note", CANARY_NOTE),
        ),
        consent=ConsentInput(agent="Claire"),
    )


def record_canary(db: Database, occurred_at: datetime | None = None, **personal: str) -> str:
    return ContactService(db).record(canary_input(occurred_at, **personal))


def files_of(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def occurrences(paths: list[Path], needles: tuple[str, ...]) -> dict[str, int]:
    """How many files hold each needle, in UTF-8 and UTF-16 (what SQLite or Qt could write)."""
    found = dict.fromkeys(needles, 0)
    for path in paths:
        data = path.read_bytes()
        for needle in needles:
            forms = (needle.encode("utf-8"), needle.encode("utf-16-le"))
            if any(form in data for form in forms):
                found[needle] += 1
    return found


def manager(db: Database, name: str = "Claire", pin: str = MANAGER_PIN) -> AgentView:
    return management.create_agent(db, name, pin, Role.RESPONSABLE, cost=FAST)


def test_the_byte_search_finds_what_is_there(tmp_path: Path) -> None:
    (tmp_path / "clear.txt").write_text(f"x {CANARY_NAME} y", encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(CANARY_PHONE.encode("utf-16-le"))
    (tmp_path / "none.bin").write_bytes(b"\0" * 100)
    found = occurrences(files_of(tmp_path), (CANARY_NAME, CANARY_PHONE, CANARY_MAIL))
    assert found == {CANARY_NAME: 1, CANARY_PHONE: 1, CANARY_MAIL: 0}


def test_privacy_and_agents_are_domain_packages_free_of_qt() -> None:
    """As tests/test_lint.py checks for the older domain packages (the first-run assistant and
    the command line use these without a window)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1] / "src" / "spro_desk"
    for package in ("privacy", "agents"):
        for path in (root / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "PySide6" not in text and "spro_desk.ui" not in text, path
    code = (
        "import sys, spro_desk.privacy.purge, spro_desk.security.audit, spro_desk.agents.sessions;"
        " sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
