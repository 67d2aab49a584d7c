"""The code base stays ruff-clean, and the domain and storage never import Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Type errors left to fix (docs/architecture.md): the count may only go down, to 0.
MYPY_ERRORS_LEFT = 0
QT_FREE = (
    "storage", "directory", "geo", "orientation", "contacts", "cli", "sync", "site", "reports",
    "privacy", "agents", "security",
)  # fmt: skip


LINTED = ("src", "tests", "tools", "bench")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is part of the dev dependencies: run scripts/bootstrap.sh --dev")
    return found


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [_tool("ruff"), "check", *LINTED], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean() -> None:
    done = subprocess.run(
        [_tool("ruff"), "format", "--check", *LINTED], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_type_checker_finds_no_error() -> None:
    """mypy over spro_desk and the dev tools (spro_desk_dev) as configured in pyproject.toml
    (calls into PySide6, SQLAlchemy and SQLModel checked against their types)."""
    done = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) <= MYPY_ERRORS_LEFT, "\n".join(errors)


@pytest.mark.parametrize("package", QT_FREE)
def test_domain_packages_do_not_import_qt(package: str) -> None:
    for path in (ROOT / "src" / "spro_desk" / package).rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "spro_desk.ui" not in text.replace(
            "spro_desk.ui.app.start", ""
        ), path


def test_domain_imports_without_qt_loaded() -> None:
    code = (
        "import sys, spro_desk.storage.engine, spro_desk.directory.search, "
        "spro_desk.orientation.suggest, spro_desk.contacts.service, spro_desk.cli.commands; "
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
