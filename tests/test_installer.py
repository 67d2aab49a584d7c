"""The installer files agree with the code: Qt modules, names, folders, icons (no build here;
tests/test_installer_build.py builds and runs the Linux package)."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

from spro_desk.cli.main import main
from spro_desk.paths import APP_AUTHOR, APP_NAME
from spro_desk.ui.app.start import APP_NAME as WINDOW_APP_NAME
from spro_desk.ui.app.start import ORGANISATION

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = (INSTALLER / "spro-desk.spec").read_text("utf-8")
ISS = (INSTALLER / "windows" / "spro-desk.iss").read_text("utf-8-sig")
# Tools and screenshots are not part of the build (the spec leaves ui.screenshots out).
NOT_BUILT = {ROOT / "src" / "spro_desk" / "ui" / "screenshots.py"}
QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)", re.MULTILINE)


def _spec_constant(name: str) -> object:
    for node in ast.parse(SPEC).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in the spec")


def _used_qt_modules() -> set[str]:
    used: set[str] = set()
    for path in (ROOT / "src" / "spro_desk").rglob("*.py"):
        if path not in NOT_BUILT:
            used |= set(QT_IMPORT.findall(path.read_text("utf-8")))
    return used


def test_the_build_ships_exactly_the_qt_modules_the_code_imports() -> None:
    declared = set(_spec_constant("QT_MODULES"))  # type: ignore[arg-type]
    used = _used_qt_modules()
    assert used == declared, f"imported {sorted(used)}, spec declares {sorted(declared)}"
    excluded = {name.removeprefix("PySide6.") for name in re.findall(r'"(Qt\w+)"', SPEC)}
    assert not used & (excluded - declared)


def test_the_windows_installer_is_per_user_and_keeps_the_data() -> None:
    assert re.search(r"^PrivilegesRequired=lowest\s*$", ISS, re.MULTILINE)
    assert "DefaultDirName={localappdata}\\Programs\\" in ISS
    # The data folder the uninstaller asks about is the one the program uses.
    assert f'#define DataDir "{{localappdata}}\\{APP_AUTHOR}\\{APP_NAME}"' in ISS
    assert f'#define SettingsKey "Software\\{ORGANISATION}\\{WINDOW_APP_NAME}"' in ISS
    assert "uninsneveruninstall" in ISS
    code = ISS[ISS.index("[Code]") :]
    # The data is deleted only after the question (default: No) and a confirmation.
    assert code.index("DataRemovalWanted(Folder)") < code.index("DelTree(Folder")
    assert "MB_DEFBUTTON2" in code and "UninstallSilent" in code
    assert '"{group}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in ISS  # Start menu entry
    assert "[InstallDelete]" in ISS  # an upgrade replaces the older program files


def test_the_desktop_entry_and_icons_exist() -> None:
    entry = (INSTALLER / "linux" / "spro-desk.desktop").read_text("utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Exec"] == "spro-desk" and fields["Icon"] == "spro-desk"
    assert fields["Type"] == "Application" and fields["Terminal"] == "false"
    sizes = re.search(r"for size in ([\d ]+); do", (INSTALLER / "build-linux.sh").read_text())
    assert sizes is not None
    for size in sizes.group(1).split():
        assert (ROOT / "resources" / "icons" / f"spro-desk-{size}.png").is_file()
    assert (ROOT / "resources" / "icons" / "spro-desk.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_the_smoke_option_is_hidden_from_help() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(["--help"])
    assert "--data-dir" in out.getvalue()
    assert "smoke" not in out.getvalue()
