"""Agents' accounts, roles and sessions: who may open the desk and what each may do."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spro_desk.agents import accounts, code_check, management
from spro_desk.agents.accounts import AgentError, open_account
from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Permission, Role, can
from spro_desk.agents.sessions import AccessDenied, desk_session
from spro_desk.contacts.service import ContactService
from spro_desk.security.keys import PersonalDataLocked, provisional_key_path, vault
from spro_desk.storage.engine import Database
from test_privacy_support import AGENT_PIN, CANARY_NAME, FAST, MANAGER_PIN, manager, record_canary


def test_the_first_account_is_the_site_manager(db: Database) -> None:
    with pytest.raises(AgentError, match="premier compte"):
        create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    claire = manager(db)
    assert (claire.role, claire.holds_key, claire.secret_kind) == (Role.RESPONSABLE, True, "pin")
    assert accounts.has_agents(db)


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        ("1234567", "au moins 8 chiffres"),
        ("11111111", "trop facile"),
        ("12345678", "trop facile"),
        ("98765432", "trop facile"),
        ("court", "au moins 8 caractères"),
    ],
)
def test_weak_secrets_are_refused(db: Database, secret: str, message: str) -> None:
    with pytest.raises(AgentError, match=message):
        create_agent(db, "Claire", secret, Role.RESPONSABLE, cost=FAST)
    assert not accounts.has_agents(db)


def test_secret_is_stored_as_an_argon2id_hash_and_the_key_only_wrapped(db: Database) -> None:
    record_canary(db)
    claire = manager(db, pin="un mot de passe long")
    with sqlite3.connect(db.path) as raw:
        stored, wrapped = raw.execute(
            "SELECT secret_hash, wrapped_key FROM agent WHERE id = ?", (claire.id,)
        ).fetchone()
    assert stored.startswith("$argon2id$") and "un mot de passe long" not in stored
    desk_session(db).login(claire.id, "un mot de passe long")
    raw_key = vault(db).private().private_bytes_raw()
    assert raw_key not in wrapped and raw_key not in db.path.read_bytes()
    assert claire.secret_kind == "mot-de-passe"


def test_creating_the_first_agent_shreds_the_provisional_key(db: Database) -> None:
    contact_id = record_canary(db)
    desk = vault(db).existing_public()
    assert desk is not None and provisional_key_path(db.path, desk.key_id).exists()
    claire = manager(db)
    assert not provisional_key_path(db.path, desk.key_id).exists()
    # A fresh process (another Database object) cannot read without the PIN any more.
    other = Database(db.path)
    try:
        with pytest.raises(AccessDenied):
            ContactService(other).personal_data(contact_id)
        with pytest.raises(PersonalDataLocked):
            vault(other).private()
        desk_session(other).login(claire.id, MANAGER_PIN)
        assert ContactService(other).personal_data(contact_id).nom == CANARY_NAME
    finally:
        other.close()


def test_wrong_pin_is_refused_and_repeated_failures_wait_longer(db: Database) -> None:
    claire = manager(db)
    session = desk_session(db)
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    for attempt in range(code_check.FREE_ATTEMPTS):
        with pytest.raises(AgentError, match="incorrect"):
            session.login(claire.id, "00000001", now=start + timedelta(seconds=attempt))
    assert session.agent is None and not vault(db).is_unlocked()
    # Blocked now, even with the right PIN; 30 s later it opens and the count starts again.
    with pytest.raises(AgentError, match="réessayez dans"):
        session.login(claire.id, MANAGER_PIN, now=start + timedelta(seconds=10))
    opened = session.login(claire.id, MANAGER_PIN, now=start + timedelta(seconds=40))
    assert opened.id == claire.id and vault(db).is_unlocked()
    print(f"\nWrong PIN: {code_check.FREE_ATTEMPTS} refusals, then a 30 s wait before any try")


def test_roles_decide_who_reads_personal_data(db: Database) -> None:
    contact_id = record_canary(db)
    claire = manager(db)
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    lea = create_agent(db, "Léa", "coordination 2026", Role.COORDINATEUR, cost=FAST)
    assert (samir.holds_key, lea.holds_key) == (True, False)
    session.lock()
    service = ContactService(db)
    session.login(samir.id, AGENT_PIN)
    assert service.personal_data(contact_id).nom == CANARY_NAME
    with pytest.raises(AccessDenied):
        create_agent(db, "Intrus", "24681357", Role.AGENT, cost=FAST)
    session.lock()
    session.login(lea.id, "coordination 2026")
    with pytest.raises(AccessDenied, match="Coordinateur"):
        service.personal_data(contact_id)
    assert not vault(db).is_unlocked()  # the coordinator's account does not even hold the key
    assert can(Role.COORDINATEUR, Permission.READ_AUDIT)
    assert not can(Role.AGENT, Permission.EXPORT_PERSONAL)


def test_disabled_agents_cannot_open_and_one_site_manager_always_remains(db: Database) -> None:
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    with pytest.raises(AgentError, match="au moins un ou une responsable"):
        management.disable_agent(db, claire.id)
    management.disable_agent(db, samir.id)
    with pytest.raises(AgentError, match="désactivé"):
        open_account(db, samir.id, AGENT_PIN)
    with sqlite3.connect(db.path) as raw:
        wrapped = raw.execute("SELECT wrapped_key FROM agent WHERE id = ?", (samir.id,)).fetchone()
    assert wrapped == (None,)
    assert [a.nom for a in accounts.list_agents(db)] == ["Claire"]


def test_names_are_unique_whatever_the_case(db: Database) -> None:
    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    with pytest.raises(AgentError, match="déjà"):
        create_agent(db, "  CLAIRE ", AGENT_PIN, Role.AGENT, cost=FAST)


def test_a_new_secret_replaces_the_old_one(db: Database) -> None:
    contact_id = record_canary(db)
    claire = manager(db)
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    management.change_secret(db, claire.id, "58204719", cost=FAST)
    session.lock()
    with pytest.raises(AgentError):
        session.login(claire.id, MANAGER_PIN)
    session.login(claire.id, "58204719")
    assert ContactService(db).personal_data(contact_id).nom == CANARY_NAME


def test_a_forgotten_pin_of_the_only_agent_leaves_personal_data_unreadable(db: Database) -> None:
    """By design (docs/privacy.md): no back door, no recovery key."""
    contact_id = record_canary(db)
    manager(db)
    vault(db).lock()
    with pytest.raises(PersonalDataLocked):
        vault(db).private()
    with pytest.raises(AccessDenied):
        ContactService(db).personal_data(contact_id)


def test_the_production_cost_of_a_pin(db: Database) -> None:
    """The default Argon2id cost (64 MiB, 2 passes), twice per unlock: hash and key."""
    started = time.perf_counter()
    claire = create_agent(db, "Claire", MANAGER_PIN, Role.RESPONSABLE)
    created = time.perf_counter() - started
    started = time.perf_counter()
    desk_session(db).login(claire.id, MANAGER_PIN)
    unlocked = time.perf_counter() - started
    print(f"\nArgon2id default cost: account created in {created:.2f} s, "
          f"unlocked in {unlocked:.2f} s")  # fmt: skip
    assert unlocked < 5


def test_the_sqlite3_check_at_start_refuses_what_the_database_layer_refuses(
    db: Database, tmp_path: Path
) -> None:
    """agents.early_unlock: a disabled account, a waiting one, a wrong code (counted beside
    the keys, as open_account counts it); a schema to migrate is left to the layer."""
    from spro_desk.agents.early_unlock import EarlyRefused, NotReady, open_account_early

    claire = manager(db)
    desk_session(db).login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    management.disable_agent(db, samir.id)
    with pytest.raises(EarlyRefused, match="désactivé") as refused:
        open_account_early(db.path, samir.id, AGENT_PIN)
    assert refused.value.failures is None
    now = datetime.now(UTC)
    for attempt in range(1, code_check.FREE_ATTEMPTS + 1):
        with pytest.raises(EarlyRefused, match="incorrect") as refused:
            open_account_early(db.path, claire.id, "00000000", now=now)
        assert refused.value.failures == attempt
    with pytest.raises(AgentError, match="Trop de codes"):  # the layer reads the same counter
        open_account(db, claire.id, MANAGER_PIN, now=now)
    later = now + timedelta(minutes=1)
    opened = open_account_early(db.path, claire.id, MANAGER_PIN, now=later)
    assert opened.agent.id == claire.id and opened.privates and opened.secret_to_rewrap is None
    with pytest.raises(NotReady):
        open_account_early(db.path, "inconnu", MANAGER_PIN)
    with sqlite3.connect(db.path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    with pytest.raises(NotReady):
        open_account_early(db.path, claire.id, MANAGER_PIN)
    with pytest.raises(NotReady):
        open_account_early(tmp_path / "absente.sqlite", claire.id, MANAGER_PIN)


def test_the_code_check_at_start_loads_neither_sqlalchemy_nor_sqlmodel(db: Database) -> None:
    """The whole point of agents.early_unlock: in a fresh process, a code is checked (and a
    wrong one counted) without the ORM, which the opener is still importing."""
    import subprocess
    import sys

    claire = manager(db)
    script = (
        "import sys; from pathlib import Path\n"
        "from spro_desk.agents.early_unlock import EarlyRefused, open_account_early\n"
        f"opened = open_account_early(Path({str(db.path)!r}), {claire.id!r}, {MANAGER_PIN!r})\n"
        "assert opened.privates\n"
        "try:\n"
        f"    open_account_early(Path({str(db.path)!r}), {claire.id!r}, '00000000')\n"
        "except EarlyRefused as refused:\n"
        "    assert refused.failures == 1\n"
        "else:\n"
        "    raise SystemExit('a wrong code was accepted')\n"
        "orm = ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic')\n"
        "print(','.join(m for m in orm if m in sys.modules) or 'none')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"
