"""Several people at the coordination: accounts, roles, refusals in French, the audit trail.

Real SQLite files, real Argon2id hashes (at a low cost, stored in each hash), the real domain
functions the window and the command line call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coordination_team import FAST
from spro_desk.agents.coordination_accounts import (
    CoordinatorAccountError,
    change_password,
    create_coordinator,
    disable_coordinator,
    list_coordinators,
    sign_in,
    sign_out,
)
from spro_desk.agents.coordination_audit import audit_entries, record_action
from spro_desk.agents.coordination_roles import CoordinationDenied, coordination_session
from spro_desk.storage.coordination_tables import SyncAlert
from spro_desk.sync.completeness import handle_alert
from spro_desk.sync.coordinator import import_bundle, register_desk, reinstate_desk, revoke_desk
from spro_desk.sync.identity import load_identity, write_registration
from sync_world import World

PASSWORDS = {
    "Alice": "alice-mot-de-passe",
    "Bruno": "bruno-mot-de-passe",
    "Chloé": "chloe-lit-tout",
}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region", desks=2)
    yield region
    region.close()


def _team(world: World) -> None:
    db = world.coordinator
    create_coordinator(db, "Alice", PASSWORDS["Alice"], "coordinateur", cost=FAST)
    sign_in(db, "Alice", PASSWORDS["Alice"])
    create_coordinator(db, "Bruno", PASSWORDS["Bruno"], "charge-etudes", cost=FAST)
    create_coordinator(db, "Chloé", PASSWORDS["Chloé"], "lecture", cost=FAST)
    sign_out(db)


def test_the_first_account_is_a_coordinator_and_later_ones_need_one(world: World) -> None:
    db = world.coordinator
    with pytest.raises(CoordinatorAccountError, match="premier compte"):
        create_coordinator(db, "Bruno", PASSWORDS["Bruno"], "charge-etudes", cost=FAST)
    with pytest.raises(CoordinatorAccountError, match="mot de passe"):
        create_coordinator(db, "Alice", "48271593", "coordinateur", cost=FAST)
    create_coordinator(db, "Alice", PASSWORDS["Alice"], "coordinateur", cost=FAST)
    with pytest.raises(CoordinationDenied, match="Connectez-vous"):
        create_coordinator(db, "Bruno", PASSWORDS["Bruno"], "charge-etudes", cost=FAST)
    sign_in(db, "alice", PASSWORDS["Alice"])  # the name, whatever its case
    create_coordinator(db, "Bruno", PASSWORDS["Bruno"], "charge-etudes", cost=FAST)
    with pytest.raises(CoordinatorAccountError, match="déjà"):
        create_coordinator(db, "BRUNO", PASSWORDS["Bruno"], "lecture", cost=FAST)
    assert [(a.nom, a.role.value) for a in list_coordinators(db)] == [
        ("Alice", "coordinateur"),
        ("Bruno", "charge-etudes"),
    ]
    with pytest.raises(CoordinatorAccountError, match="au moins un compte « coordinateur »"):
        disable_coordinator(db, "Alice")
    disable_coordinator(db, "Bruno")
    with pytest.raises(CoordinatorAccountError, match="désactivé"):
        sign_in(db, "Bruno", PASSWORDS["Bruno"])
    stored = db.engine.connect().exec_driver_sql("SELECT secret_hash FROM coordinator_account")
    assert all(row[0].startswith("$argon2id$") for row in stored)


def test_a_name_with_accents_signs_in_whatever_its_case(world: World) -> None:
    db = world.coordinator
    create_coordinator(db, "Émile Zoé", "emile-mot-de-passe", "coordinateur", cost=FAST)
    assert sign_in(db, "émile  ZOÉ", "emile-mot-de-passe").nom == "Émile Zoé"
    with pytest.raises(CoordinatorAccountError, match="déjà"):
        create_coordinator(db, "ÉMILE ZOÉ", "autre-mot-de-passe", "lecture", cost=FAST)
    create_coordinator(db, "andré", "andre-mot-de-passe", "lecture", cost=FAST)
    assert [a.nom for a in list_coordinators(db)] == ["andré", "Émile Zoé"]


def test_each_role_may_do_what_it_is_for_and_is_told_which_role_is_needed(world: World) -> None:
    db = world.coordinator
    _team(world)
    bundle = world.export(0) if world.record(0, 2) else None
    assert bundle is not None
    identity = load_identity(world.dbs[1])
    assert identity is not None
    registration = write_registration(identity, world.root / "again.json")

    sign_in(db, "Chloé", PASSWORDS["Chloé"])  # read-only
    with pytest.raises(CoordinationDenied) as refused:
        import_bundle(db, world.coordinator_dir, bundle)
    assert "« Chargé·e d'études » ou « Coordinateur·rice »" in str(refused.value)
    assert "« Lecture seule »" in str(refused.value)
    with pytest.raises(CoordinationDenied, match="« Coordinateur·rice »"):
        revoke_desk(db, world.ids[0])

    sign_in(db, "Bruno", PASSWORDS["Bruno"])  # data officer: imports, handles alerts
    outcome = import_bundle(db, world.coordinator_dir, bundle)
    assert outcome.events_new == 2
    with pytest.raises(CoordinationDenied, match="Pour enregistrer, révoquer"):
        register_desk(db, registration)
    with pytest.raises(CoordinationDenied):
        revoke_desk(db, world.ids[0])

    sign_in(db, "Alice", PASSWORDS["Alice"])
    revoke_desk(db, world.ids[0])
    reinstate_desk(db, world.ids[0], "poste retrouvé")
    sign_out(db)
    with pytest.raises(CoordinationDenied, match="Connectez-vous"):
        revoke_desk(db, world.ids[0])
    assert db.engine.connect().exec_driver_sql(
        "SELECT revoked FROM registered_desk WHERE desk_id = ?", (world.ids[0],)
    ).scalar() in (0, False)

    trail = audit_entries(db)
    done = [(e.account, e.action) for e in reversed(trail) if e.action.endswith("-poste")]
    assert done[-2:] == [("Alice", "revocation-poste"), ("Alice", "reintegration-poste")]
    # the refusals are in the trail too, the last one by nobody signed in
    assert (trail[0].account, trail[0].action) == (None, "action-refusee")
    assert trail[1].note == "poste retrouvé" and trail[1].action == "reintegration-poste"
    refused = [(e.account, e.target) for e in reversed(trail) if e.action == "action-refusee"]
    assert refused == [
        ("Chloé", "importer les envois des postes"),
        ("Chloé", f"révoquer le poste {world.ids[0]}"),
        ("Bruno", f"enregistrer un poste ({registration.name})"),
        ("Bruno", f"révoquer le poste {world.ids[0]}"),
        (None, f"révoquer le poste {world.ids[0]}"),
    ]


def test_refused_attempts_are_in_the_trail_on_both_databases(
    tmp_path: Path, coordinations: object
) -> None:
    """A read-only account trying to revoke a desk, handle an alert, close a period or set
    the idle lock: each refused, each written to the trail (who, what, why), nothing else."""
    from datetime import date

    from spro_desk.agents.coordination_lock import set_idle_lock_minutes
    from spro_desk.reports.filters import Period
    from spro_desk.reports.periods import PeriodRefused, close_period, list_periods

    world = World(tmp_path / "region", desks=2, coordinations=coordinations)
    try:
        db = world.coordinator
        _team(world)
        sign_in(db, "Chloé", PASSWORDS["Chloé"])
        with pytest.raises(CoordinationDenied):
            revoke_desk(db, world.ids[0])
        with pytest.raises(CoordinationDenied):
            handle_alert(db, 7, "vu")
        with pytest.raises(PeriodRefused, match="« Lecture seule »"):
            close_period(db, Period(date(2026, 1, 1), date(2026, 3, 31)))
        with pytest.raises(CoordinationDenied):
            set_idle_lock_minutes(db, 30)
        refused = [e for e in reversed(audit_entries(db)) if e.action == "action-refusee"]
        assert [(e.account, e.role, e.target) for e in refused] == [
            ("Chloé", "lecture", f"révoquer le poste {world.ids[0]}"),
            ("Chloé", "lecture", "traiter l'alerte 7"),
            ("Chloé", "lecture", "clore la période du 01/01/2026 au 31/03/2026"),
            ("Chloé", "lecture", "gérer les comptes de la coordination"),
        ]
        assert all("« Lecture seule »" in e.note for e in refused)
        assert not list_periods(db)
        assert {e.action for e in audit_entries(db) if e.account == "Chloé"} == {
            "connexion", "action-refusee"}  # fmt: skip
    finally:
        world.close()


def test_handling_an_alert_is_kept_with_who_and_why(world: World) -> None:
    db = world.coordinator
    now = datetime.now(UTC)
    with db.transaction() as session:  # how it was raised is test_coordinator_import's matter
        alert = SyncAlert(desk_id=world.ids[0], kind="gap", detail={"count": 1}, raised_at=now,
                          fingerprint="gap:test", occurrences=1, last_raised_at=now)  # fmt: skip
        session.add(alert)
        session.flush()
        pk = alert.pk
    assert pk is not None
    _team(world)
    sign_in(db, "Chloé", PASSWORDS["Chloé"])
    with pytest.raises(CoordinationDenied, match="traiter les alertes"):
        handle_alert(db, pk, "vu")
    sign_in(db, "Bruno", PASSWORDS["Bruno"])
    handle_alert(db, pk, "appel au poste, envoi refait")
    [entry] = audit_entries(db, action="traitement-alerte")
    assert (entry.account, entry.role) == ("Bruno", "charge-etudes")
    assert entry.target.startswith(f"alerte n° {pk} (gap")
    assert entry.note == "appel au poste, envoi refait"
    assert entry.at.tzinfo is not None
    assert abs(entry.at - datetime.now(UTC)) < timedelta(minutes=1)


def test_wrong_passwords_are_logged_and_then_wait(world: World) -> None:
    db = world.coordinator
    _team(world)
    now = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    for _ in range(5):
        with pytest.raises(CoordinatorAccountError, match="incorrect"):
            sign_in(db, "Bruno", "pas-le-bon-mot", now=now)
    with pytest.raises(CoordinatorAccountError, match="réessayez dans 29 s"):
        sign_in(db, "Bruno", PASSWORDS["Bruno"], now=now + timedelta(seconds=1))
    assert coordination_session(db).account is None
    later = now + timedelta(seconds=31)
    assert sign_in(db, "Bruno", PASSWORDS["Bruno"], now=later).nom == "Bruno"
    with pytest.raises(CoordinatorAccountError, match="inconnu"):
        sign_in(db, "Personne", "quelconque-mot", now=later)
    refused = audit_entries(db, action="connexion-refusee")
    assert len(refused) == 7
    assert refused[0].account == "Personne" and refused[-1].account == "Bruno"


def test_a_password_is_changed_by_its_owner_or_a_coordinator(world: World) -> None:
    db = world.coordinator
    _team(world)
    sign_in(db, "Chloé", PASSWORDS["Chloé"])
    with pytest.raises(CoordinationDenied, match="gérer les comptes"):
        change_password(db, "Bruno", "nouveau-mot-de-passe", cost=FAST)
    change_password(db, "Chloé", "nouveau-mot-de-passe", cost=FAST)
    sign_out(db)
    with pytest.raises(CoordinatorAccountError):
        sign_in(db, "Chloé", PASSWORDS["Chloé"])
    assert sign_in(db, "Chloé", "nouveau-mot-de-passe").nom == "Chloé"
    actions = [e.action for e in audit_entries(db)]
    assert actions.count("compte-cree") == 3 and "mot-de-passe-change" in actions


def test_other_parts_write_to_the_trail(world: World) -> None:
    db = world.coordinator
    _team(world)
    record_action(db, None, "cloture-periode", "2026-T1", "bilans envoyés à la Région")
    sign_in(db, "Alice", PASSWORDS["Alice"])
    record_action(db, None, "publication-bilan", "Cher 2026-T1")
    first, signed, second = audit_entries(db, limit=3)
    assert (signed.account, signed.action) == ("Alice", "connexion")  # sign-ins are traced too
    assert (first.account, first.action, first.target) == (
        "Alice",
        "publication-bilan",
        "Cher 2026-T1",
    )
    assert (second.account, second.note) == (None, "bilans envoyés à la Région")
    assert first.as_json()["at"].endswith("+00:00")


def test_the_idle_lock_is_a_coordinators_setting_within_bounds(world: World) -> None:
    from spro_desk.agents.coordination_lock import idle_lock_minutes, set_idle_lock_minutes

    db = world.coordinator
    _team(world)
    assert idle_lock_minutes(db) == 15  # the default
    sign_in(db, "Bruno", PASSWORDS["Bruno"])
    with pytest.raises(CoordinationDenied, match="gérer les comptes"):
        set_idle_lock_minutes(db, 5)
    sign_in(db, "Alice", PASSWORDS["Alice"])
    with pytest.raises(CoordinatorAccountError, match="entre 1 et 240 minutes"):
        set_idle_lock_minutes(db, 0)
    assert idle_lock_minutes(db) == 15
    set_idle_lock_minutes(db, 30)
    assert idle_lock_minutes(db) == 30
    [entry] = audit_entries(db, action="verrouillage-regle")
    assert (entry.account, entry.target) == ("Alice", "30 min")
