"""The command line: JSON contract, exit codes, the --data-dir and environment overrides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spro_desk import __version__
from spro_desk.cli.main import main
from spro_desk.cli.parser import UsageError

from conftest import CVL, CVL_DIRTY


def run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str
) -> tuple[int, dict | str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    if "--json" in args and code == 0:
        return code, json.loads(out), err
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, _, _ = run(capsys, tmp_path, "directory", "import", str(CVL), "--json")
    assert code == 0
    return tmp_path


def test_directory_import_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, _ = run(capsys, tmp_path, "directory", "import", str(CVL_DIRTY), "--json")
    assert code == 0
    assert set(result) == {
        "structures", "services", "structures_sans_service", "horaires", "rejected", "warnings",
        "recherche_preparee",
    }  # fmt: skip
    assert result["structures"] == 174 and len(result["rejected"]) == 53
    assert result["recherche_preparee"] is True
    assert set(result["rejected"][0]) == {"file", "index", "id", "reason"}
    assert set(result["warnings"][0]) == {"file", "index", "id", "message"}


def test_failed_import_exits_2_and_keeps_the_directory(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, desk, "directory", "import", str(desk / "nowhere"), "--json")
    assert code == 2 and "n'existe pas" in err
    assert json.loads(out) == {"ok": False, "error": json.loads(out)["error"], "exit_code": 2}
    assert "n'existe pas" in json.loads(out)["error"]  # --json: one object, refusals included
    code, info, _ = run(capsys, desk, "directory", "info", "--json")
    assert (info["structures"], info["services"]) == (329, 679)
    assert info["source"] == str(CVL) and info["imported_at"]


def test_search_and_suggest_json(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, _ = run(
        capsys,
        desk,
        "directory",
        "search",
        "mission",
        "--commune",
        "18033",
        "--limit",
        "3",
        "--json",
    )
    assert code == 0 and len(result["results"]) == 3
    expected = {
        "service_id",
        "structure_id",
        "service_nom",
        "structure_nom",
        "commune",
        "score",
        "reasons",
    }
    assert expected <= set(result["results"][0])
    code, result, _ = run(
        capsys, desk, "suggest", "--commune", "18197", "--statut", "decrocheur",
        "--besoin", "trouver-un-emploi", "--age", "20", "--at", "2026-11-18T10:00", "--json",
    )  # fmt: skip
    assert code == 0
    assert result["results"][0]["structure_id"] == "spro-annuaire--mission-locale-ca-bourges-plus"
    assert result["results"][0]["reasons"]


def test_suggest_takes_several_needs_and_names_the_profile(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, _ = run(
        capsys, desk, "suggest", "--commune", "18033", "--statut", "demandeur-emploi",
        "--besoin", "trouver-un-emploi", "--besoin", "preparer-sa-candidature", "--age", "45",
        "--handicap", "--at", "2026-11-18T10:00", "--limit", "3", "--json",
    )  # fmt: skip
    assert code == 0
    assert result["profil"] == {
        "commune": "18033", "statut": "demandeur-emploi",
        "besoins": ["trouver-un-emploi", "preparer-sa-candidature"], "age": 45,
        "handicap": True, "moment": "2026-11-18T10:00",
    }  # fmt: skip
    assert result["results"][0]["reseau"] == "cap-emploi"
    assert len({r["structure_id"] for r in result["results"]}) == 3
    code, text, _ = run(
        capsys, desk, "suggest", "--commune", "18033", "--statut", "demandeur-emploi",
        "--besoin", "trouver-un-emploi", "--besoin", "preparer-sa-candidature", "--age", "45",
        "--handicap", "--at", "2026-11-18T10:00", "--limit", "3",
    )  # fmt: skip
    assert code == 0
    assert text.startswith("Pour : Demandeur d'emploi, 45 ans, handicap, commune 18033, "
                           "besoins : Trouver un emploi, Préparer sa candidature")  # fmt: skip
    assert "1. " in text and "Cap emploi" in text


def test_contact_and_referral_commands(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, created, _ = run(
        capsys, desk, "contact", "add", "--canal", "accueil-physique", "--statut", "scolaire",
        "--tranche-age", "16-17", "--besoin", "choisir-un-metier", "--reponse", "orientation",
        "--commune", "18033", "--json",
    )  # fmt: skip
    assert code == 0
    code, referral, _ = run(
        capsys, desk, "referral", "add", "--contact", created["id"],
        "--service", "spro-annuaire--cio-de-bourges--1", "--rdv", "2026-11-25T10:00", "--json",
    )  # fmt: skip
    assert code == 0 and referral["id"]
    code, _, _ = run(
        capsys, desk, "referral", "set", "--id", referral["id"], "--statut", "honore", "--json"
    )
    assert code == 0
    code, listing, _ = run(capsys, desk, "contact", "list", "--json")
    [contact] = listing["contacts"]
    assert contact["id"] == created["id"] and contact["tranche_age"] == "16-17"
    assert [(r["type"], r["statut"]) for r in contact["referrals"]] == [("rendez-vous", "honore")]
    assert "nom" not in contact and contact["has_personal_data"] is False


def test_personal_data_needs_consent(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["contact", "add", "--canal", "telephone", "--statut", "salarie", "--nom", "Camille"]
    code, out, err = run(capsys, desk, *base, "--json")
    assert code == 2 and "consentement" in err and json.loads(out)["ok"] is False
    code, listing, _ = run(capsys, desk, "contact", "list", "--json")
    assert listing["contacts"] == []
    code, created, _ = run(
        capsys, desk, *base, "--consentement", "--telephone", "0600000000", "--json"
    )
    assert code == 0 and created["id"]


def test_contact_list_since(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for moment in ("2026-01-10T09:00", "2026-11-10T09:00"):
        run(
            capsys,
            desk,
            "contact",
            "add",
            "--canal",
            "courriel",
            "--statut",
            "autre",
            "--at",
            moment,
        )
    _, listing, _ = run(capsys, desk, "contact", "list", "--since", "2026-06-01", "--json")
    assert [c["occurred_at"][:10] for c in listing["contacts"]] == ["2026-11-10"]


@pytest.mark.parametrize(
    "args",
    [
        ["contact", "add", "--canal", "pigeon", "--statut", "scolaire"],
        ["suggest", "--commune", "18033"],
        ["directory", "search", "--at", "demain"],
        ["directory"],
        ["nimportequoi"],
    ],
)
def test_usage_errors_exit_2_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, _, err = run(capsys, tmp_path, *args)
    assert code == 2  # nothing done
    assert "spro-desk" in err


def test_unknown_commune_is_refused(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, desk, "suggest", "--commune", "00000", "--statut", "scolaire",
                       "--besoin", "choisir-un-metier", "--json")  # fmt: skip
    assert code == 2 and "Commune" in err


def test_environment_variable_chooses_the_data_dir(tmp_path: Path) -> None:
    env = {"SPRO_DESK_DATA_DIR": str(tmp_path / "env-data"), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "spro_desk", "contact", "add",
         "--canal", "visio", "--statut", "autre"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    assert (tmp_path / "env-data" / "spro-desk.sqlite").exists()


def window_environment(home: Path) -> dict[str, str]:
    """A child process's environment for an offscreen window, running this tree's code."""
    (home / "runtime").mkdir(mode=0o700)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
    }


def test_the_window_started_from_the_command_line_writes_its_log_file(tmp_path: Path) -> None:
    """`spro-desk` (the installed shortcut's command) opens the window: its log file is in the
    data folder, as support is told (the command line's own stderr logging used to stop it)."""
    data = tmp_path / "desk"
    env = window_environment(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "spro_desk", "--data-dir", str(data), "--sample-if-empty",
         "--smoke-quit-after", "1000"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (data / "logs" / "spro-desk.log").is_file()


def test_version_and_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "spro_desk", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == f"spro-desk {__version__}"


# Run as `python -m spro_desk`, noting what was loaded when Qt's first module was imported.
AT_QT_IMPORT = """
import json, runpy, sys
seen = {}
def hook(event, args):
    if event == "import" and args[0].startswith("PySide6") and not seen:
        seen.update((name, name in sys.modules) for name in loaded.split(","))
sys.addaudithook(hook)
loaded = sys.argv[1]
sys.argv = ["spro-desk", *sys.argv[2:]]
try:
    runpy.run_module("spro_desk", run_name="__main__")
finally:
    print(json.dumps(seen))
"""


def test_the_window_opened_without_options_reads_no_parser_and_logs(tmp_path: Path) -> None:
    """The shortcut's start (the data folder from SPRO_DESK_DATA_DIR here) reaches Qt without
    argparse or the command line's parser, and still writes its log file in that folder."""
    data = tmp_path / "env-desk"
    env = window_environment(tmp_path) | {"SPRO_DESK_DATA_DIR": str(data)}
    watched = "argparse,spro_desk.cli.parser,spro_desk.ui.app.start"
    done = subprocess.run(
        [sys.executable, "-c", AT_QT_IMPORT, watched, "--sample-if-empty",
         "--smoke-quit-after", "1000"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"argparse": False, "spro_desk.cli.parser": False,
                    "spro_desk.ui.app.start": False}  # fmt: skip
    assert (data / "logs" / "spro-desk.log").is_file()
    assert (data / "spro-desk.sqlite").is_file()  # the sample directory loaded there


WINDOW_IMPORTS = """
import gc, json, sys
from spro_desk.cli.main import window_runner
before = gc.get_freeze_count()
paused = []
gc.callbacks.append(lambda phase, info: paused.append(phase) if "PySide6.QtWidgets" in sys.modules
                    and "spro_desk.ui.app.start" not in sys.modules else None)
window_runner()
print(json.dumps({"collected_meanwhile": bool(paused), "enabled": gc.isenabled(),
                  "frozen": gc.get_freeze_count() - before}))
"""


def test_the_window_s_modules_are_imported_without_collecting_then_frozen() -> None:
    """No collection while Qt and the interface are imported, whose objects are then frozen;
    the collector works again for the window."""
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_IMPORTS],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["collected_meanwhile"] is False and seen["enabled"] is True
    assert seen["frozen"] > 10_000  # the interface's objects (some 36,000 today)


def test_a_process_that_imported_the_interface_keeps_its_collector_as_it_was() -> None:
    import gc

    import spro_desk.ui.app.start as start
    from spro_desk.cli.main import window_runner

    frozen = gc.get_freeze_count()
    assert window_runner() is start.run_app
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        window_runner()
        assert not gc.isenabled()  # not turned on behind the caller's back
    finally:
        gc.enable()


WINDOW_STARTS = (
    [],
    ["--data-dir", "d"],
    ["--data-dir=d"],
    ["--data-dir", ""],
    ["--data-dir="],
    ["--data-dir=-d"],
    ["--data-dir", "d e", "--sample-if-empty"],
    ["--sample-if-empty", "--data-dir", "~/d"],
    ["--smoke-quit-after", "1500", "--data-dir", "d"],
    ["--smoke-quit-after=007"],
)
# Read by the full parser: abbreviations, repeats, commands, help, version, values it refuses
# or reads its own way.
NOT_WINDOW_STARTS = (
    ["--data", "d"],
    ["--sample"],
    ["--data-dir", "a", "--data-dir", "b"],
    ["--sample-if-empty", "--sample-if-empty"],
    ["--data-dir"],
    ["--data-dir", "-d"],
    ["--data-dir", "-"],
    ["--data-dir", "--sample-if-empty"],
    ["--sample-if-empty=1"],
    ["--smoke-quit-after", "x"],
    ["--smoke-quit-after", "-5"],
    ["--smoke-quit-after", " 5"],
    ["--smoke-quit-after", "\u0665"],
    ["--smoke-quit-after"],
    ["--", "--data-dir", "d"],
    ["-h"],
    ["--help"],
    ["--version"],
    ["--data-dir", "d", "contact", "list"],
    ["contact"],
    ["--inconnu"],
    ["d"],
)


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_the_window_options_read_without_argparse_are_the_parsers(argv: list[str]) -> None:
    from spro_desk.cli.parser import build_parser, build_window_parser
    from spro_desk.cli.window_options import window_options

    fast = window_options(argv)
    parsed, rest = build_window_parser().parse_known_args(argv)
    full = build_parser().parse_args(argv)
    assert fast is not None and rest == [] and full.command is None
    for name in ("data_dir", "sample_if_empty", "smoke_quit_after"):
        assert getattr(fast, name) == getattr(parsed, name) == getattr(full, name), name


@pytest.mark.parametrize("argv", NOT_WINDOW_STARTS)
def test_any_other_command_line_goes_to_the_full_parser(argv: list[str]) -> None:
    from spro_desk.cli.window_options import window_options

    assert window_options(argv) is None


def test_the_window_start_resolves_the_data_folder_as_the_commands_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--data-dir over SPRO_DESK_DATA_DIR, `~` expanded, the folder made private: the window's
    start and a command reach the same folder."""
    import spro_desk.ui.app.start as start
    from spro_desk.cli.main import parse_arguments, start_window
    from spro_desk.cli.window_options import window_options
    from spro_desk.paths import ensure_private_dir, resolve_data_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SPRO_DESK_DATA_DIR", str(tmp_path / "env"))
    opened: list[tuple[Path, bool, int | None]] = []

    def run_app(data_dir: Path, *, use_sample_if_empty: bool, smoke_quit_after_ms: int | None):
        opened.append((data_dir, use_sample_if_empty, smoke_quit_after_ms))
        return 0

    monkeypatch.setattr(start, "run_app", run_app)  # the window itself: tests/ui
    for argv in (["--data-dir", "~/ici", "--sample-if-empty"], ["--smoke-quit-after", "5"]):
        options = window_options(argv)
        assert options is not None
        assert start_window(options) == 0
        command = parse_arguments([*argv, "contact", "list"])
        expected = ensure_private_dir(resolve_data_dir(command.data_dir))
        assert opened[-1][0] == expected
    assert opened == [(tmp_path / "ici", True, None), (tmp_path / "env", False, 5)]
    assert (tmp_path / "ici").stat().st_mode & 0o777 == 0o700


def test_the_window_start_parses_only_the_global_options() -> None:
    from spro_desk.cli.main import parse_arguments

    window = parse_arguments(["--data-dir", "d", "--sample-if-empty"])
    assert (window.command, window.data_dir, window.sample_if_empty) == (None, "d", True)
    command = parse_arguments(["--data-dir", "d", "contact", "list", "--json"])
    assert (command.command, command.action, command.json) == ("contact", "list", True)
    with pytest.raises(UsageError):
        parse_arguments(["--data-dir", "d", "--inconnu"])  # still refused, by the full parser
