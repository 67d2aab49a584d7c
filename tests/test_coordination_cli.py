"""Signing in on the command line: each `coordinator` command in a real subprocess, on the
coordination's real SQLite file, refused with exit code 2 and a French reason naming the role."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coordination_team import TEAM, team_region
from spro_desk.storage.engine import Database
from sync_world import World

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region")
    db = team_region(region)
    db.close()
    region.coordinator = Database(region.root / "unused.sqlite")
    yield region
    region.close()


def _cli(
    world: World, *argv: str, account: str | None = None, password: str | None = None,
    stdin: str | None = None, env: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any], str]:  # fmt: skip
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SPRO_DESK_")}
    environ |= {"PYTHONPATH": str(SRC), **(env or {})}
    if account is not None:
        environ["SPRO_DESK_COORDINATOR_ACCOUNT"] = account
        if password is None and stdin is None:
            password = TEAM[account][1]
    if password is not None:
        environ["SPRO_DESK_COORDINATOR_PASSWORD"] = password
    done = subprocess.run(
        [sys.executable, "-m", "spro_desk", "--data-dir", str(world.coordinator_dir), *argv,
         "--json"],
        capture_output=True, text=True, env=environ, input=stdin or "", timeout=120,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout + done.stderr
    return done.returncode, json.loads(lines[0]), done.stderr


def test_every_command_needs_an_account_whose_role_allows_it(world: World) -> None:
    drop = world.root / "drop"
    world.record(0, 3)
    world.export(0, drop)

    code, result, stderr = _cli(world, "coordinator", "status")
    assert code == 2 and "--account" in result["error"] and "Refusé" in stderr
    code, result, _ = _cli(world, "coordinator", "status", account="Chloé", password="faux-mot")
    assert code == 2 and "mot de passe incorrect" in result["error"]

    code, result, _ = _cli(world, "coordinator", "import", str(drop), account="Chloé")
    assert code == 2
    assert "« Chargé·e d'études » ou « Coordinateur·rice »" in result["error"]
    assert "« Lecture seule »" in result["error"]
    code, result, _ = _cli(world, "coordinator", "status", account="Chloé")
    assert code == 0 and result["events"] == 0  # nothing was imported by the refusal

    code, result, _ = _cli(world, "coordinator", "import", str(drop), account="Bruno")
    assert code == 0 and result["events_new"] == 3
    code, result, _ = _cli(world, "coordinator", "revoke", world.ids[1], account="Bruno")
    assert code == 2 and "« Coordinateur·rice »" in result["error"]
    code, result, _ = _cli(
        world, "coordinator", "revoke", world.ids[1], "--account", "Alice", "--password-stdin",
        stdin="alice-mot-de-passe\n",
    )  # fmt: skip
    assert code == 0 and result["revoked"] is True

    code, result, _ = _cli(world, "coordinator", "audit", account="Chloé")
    assert code == 0
    trail = [(e["account"], e["action"]) for e in result["entries"]]
    assert trail[0] == ("Chloé", "connexion")  # the audit command's own sign-in
    assert trail[1] == ("Alice", "revocation-poste")
    assert ("Chloé", "connexion-refusee") in trail
    revoked = result["entries"][1]
    assert revoked["target"].startswith(world.ids[1]) and revoked["at"].endswith("+00:00")


def test_sign_ins_and_manual_imports_are_in_the_trail(world: World) -> None:
    drop = world.root / "drop"
    world.record(0, 2)
    world.export(0, drop)
    (drop / "abime.spro-bundle").write_bytes(b"pas un envoi")
    code, result, _ = _cli(world, "coordinator", "import", str(drop), account="Bruno")
    assert code == 1 and result["events_new"] == 2  # one accepted, one refused: partial

    code, result, _ = _cli(world, "coordinator", "audit", "--limit", "3", account="Chloé")
    entries = result["entries"]
    assert [(e["account"], e["action"]) for e in entries] == [
        ("Chloé", "connexion"), ("Bruno", "import-envois"), ("Bruno", "connexion"),
    ]  # fmt: skip
    assert entries[0]["note"] == "ligne de commande (coordinator audit)"
    assert entries[1]["target"] == "1 envoi(s) accepté(s), 1 refusé(s)"
    assert entries[1]["note"] == "ligne de commande ; 2 événement(s) nouveau(x)"
    assert entries[1]["role"] == "charge-etudes"
    assert entries[2]["note"] == "ligne de commande (coordinator import)"


def test_accounts_are_managed_by_a_coordinator_on_the_command_line(world: World) -> None:
    new = {"SPRO_DESK_NEW_PASSWORD": "david-mot-de-passe"}
    code, result, _ = _cli(
        world, "coordinator", "account", "add", "David", "--role", "lecture", account="Bruno",
        env=new,
    )  # fmt: skip
    assert code == 2 and "gérer les comptes" in result["error"]
    code, result, _ = _cli(
        world, "coordinator", "account", "add", "David", "--role", "lecture", account="Alice",
        env={"SPRO_DESK_NEW_PASSWORD": "court"},
    )  # fmt: skip
    assert code == 2 and "8 caractères" in result["error"]
    code, result, _ = _cli(
        world, "coordinator", "account", "add", "David", "--role", "lecture", account="Alice",
        env=new,
    )  # fmt: skip
    assert code == 0 and result["created"]["role"] == "lecture"
    code, result, _ = _cli(world, "coordinator", "alerts", account="David",
                           password="david-mot-de-passe")  # fmt: skip
    assert code == 0
    code, result, _ = _cli(world, "coordinator", "account", "disable", "David", account="Alice")
    assert code == 0
    code, result, _ = _cli(world, "coordinator", "account", "list", "--all", account="Chloé")
    assert code == 0
    assert {(a["nom"], a["actif"]) for a in result["accounts"]} >= {("David", False)}
    code, result, _ = _cli(world, "coordinator", "status", account="David",
                           password="david-mot-de-passe")  # fmt: skip
    assert code == 2 and "désactivé" in result["error"]
    secret = world.root / "credential"
    secret.write_text("chloe-lit-tout\n", "utf-8")  # as systemd's LoadCredential= gives it
    code, result, _ = _cli(world, "coordinator", "status", account="Chloé", password=None,
                           env={"SPRO_DESK_COORDINATOR_PASSWORD_FILE": str(secret)},
                           stdin="")  # fmt: skip
    assert code == 0
    code, result, _ = _cli(world, "coordinator", "audit", "--action", "compte-desactive",
                           account="Chloé")  # fmt: skip
    [entry] = result["entries"]
    assert (entry["account"], entry["target"]) == ("Alice", "David")


def test_init_creates_the_first_account(tmp_path: Path) -> None:
    world = World.__new__(World)
    world.coordinator_dir = tmp_path / "coordination"
    code, result, _ = _cli(
        world, "coordinator", "init", "--account", "Alice",
        env={"SPRO_DESK_NEW_PASSWORD": "alice-mot-de-passe"},
    )  # fmt: skip
    assert code == 0 and result["account"]["role"] == "coordinateur"
    code, result, _ = _cli(world, "coordinator", "status")
    assert code == 2
    code, result, _ = _cli(world, "coordinator", "status", account="Alice")
    assert code == 0


def test_the_parser_offers_the_roles_the_domain_knows() -> None:
    from spro_desk.agents.coordination_roles import CoordinationRole
    from spro_desk.cli.parser_coordination import ROLES

    assert tuple(role.value for role in CoordinationRole) == ROLES


def _snapshot(world: World) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the coordination but the trail (where a refusal is written)."""
    import sqlite3
    from contextlib import closing

    from spro_desk.paths import database_path

    with closing(sqlite3.connect(database_path(world.coordinator_dir))) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"')))
            for name in names
            if name not in ("coordination_audit", "audit_witness", "coordinator_account")
        }


@pytest.mark.slow  # sixteen interpreters and sign-ins: ~45 s
def test_a_read_only_account_changes_nothing_whatever_it_runs(world: World) -> None:
    """Every command that changes the coordination or sends something out, run by the
    read-only account: refused (exit 2, the role needed named in French), nothing written
    in the database or on disk."""
    from test_sync_transport import _small_directory

    drop, out = world.root / "drop", world.root / "sorties"
    world.record(0, 3)
    world.export(0, drop)
    code, _result, _ = _cli(world, "coordinator", "import", str(drop), account="Bruno")
    assert code == 0
    directory = _small_directory(world.root / "annuaire", 2)
    registration = next(world.root.glob(f"{world.ids[1]}.json"))
    year = ["--from", "2026-01-01", "--to", "2026-12-31"]
    code, _result, _ = _cli(world, "coordinator", "report", *year, "--format", "json",
                            "--out", str(world.root / "region.json"), account="Alice")  # fmt: skip
    assert code == 0  # a published period: closing it again or a new edition are refused
    before = _snapshot(world)
    keys = sorted(p.name for p in (world.coordinator_dir / "keys").rglob("*"))
    commands = [
        ["register", str(registration)],
        ["import", str(drop)],
        ["revoke", world.ids[1]],
        ["reinstate", world.ids[1], "--note", "essai"],
        ["handle-alert", "1", "--note", "essai"],
        ["acknowledge", "--out", str(out / "acks")],
        ["publish-directory", str(directory), "--out", str(out / "annuaire.spro-directory")],
        [
            "report",
            *year,
            "--site",
            world.ids[0],
            "--format",
            "json",
            "--out",
            str(out / "bilan.json"),
        ],
        ["report", *year, "--interne", "--format", "json", "--out", str(out / "interne.json")],
        ["close-period", "--from", "2026-03-01", "--to", "2026-03-31"],
        ["new-edition", *year, "--out", str(out / "edition")],
        ["watch", "--folder", str(drop), "--once"],
        ["watch", "--folder", str(drop), "--save"],
        ["account", "add", "Denis", "--role", "coordinateur"],
        ["account", "disable", "Alice"],
        ["init"],
    ]
    (out / "edition").mkdir(parents=True)
    refused = []
    for command in commands:
        code, result, _ = _cli(world, "coordinator", *command, account="Chloé",
                               env={"SPRO_DESK_NEW_PASSWORD": "denis-mot-de-passe"})  # fmt: skip
        if code != 2 or "Coordinateur·rice" not in result.get("error", ""):
            refused.append((command[0], code, result))
    # the internal document is the coordination's working copy: figures, so "consulter"
    # the keys exist already (said before the role); the internal document is the
    # coordination's working copy, figures a read-only account may see
    assert [(c[0], c[1], c[2].get("error")) for c in refused] == [
        ("report", 0, None),
        ("init", 2, "Ce coordinateur a déjà ses clés : aucune modification n'a été faite."),
    ]
    assert _snapshot(world) == before
    assert sorted(p.name for p in (world.coordinator_dir / "keys").rglob("*")) == keys
    assert [p.name for p in out.rglob("*") if p.is_file()] == ["interne.json"]


def test_an_attempt_refused_for_its_role_is_in_the_trail(world: World) -> None:
    """A wrong code at sign-in is in the trail; so is an attempt the role does not allow:
    who, what was attempted, refused (the reason as told), and nothing else changes."""
    world.record(0, 2)
    world.export(0, world.root / "drop")
    registration = next(world.root.glob(f"{world.ids[1]}.json"))
    year = ["--from", "2026-01-01", "--to", "2026-12-31"]
    attempts = [
        (["revoke", world.ids[1]], "coordinator revoke"),
        (["register", str(registration)], "coordinator register"),
        (["handle-alert", "1", "--note", "vu"], "coordinator handle-alert"),
        (["close-period", *year], "clore la période"),
        (["report", *year, "--format", "json", "--out", str(world.root / "r.json")],
         "publier le bilan"),
    ]  # fmt: skip
    for command, _what in attempts:
        code, result, _ = _cli(world, "coordinator", *command, account="Chloé")
        assert code == 2 and "« Lecture seule »" in result["error"], (command, result)
    code, result, _ = _cli(world, "coordinator", "audit", account="Alice")
    assert code == 0
    refused = [e for e in result["entries"] if e["action"] == "action-refusee"]
    assert len(refused) == len(attempts)
    for entry, (_command, what) in zip(reversed(refused), attempts, strict=True):
        assert (entry["account"], entry["role"]) == ("Chloé", "lecture")
        assert what in entry["target"], entry
        assert "« Lecture seule »" in entry["note"]
    done = {e["action"] for e in result["entries"] if e["account"] == "Chloé"}
    assert done == {"connexion", "action-refusee"}
