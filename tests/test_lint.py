"""The code base stays ruff-clean, and the domain and storage never import Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = (
    "storage", "directory", "geo", "orientation", "contacts", "cli", "sync", "site", "reports",
    "privacy", "agents", "security",
)  # fmt: skip


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is part of the dev dependencies: run scripts/bootstrap.sh --dev")
    done = subprocess.run(
        [ruff, "check", "src", "tests", "tools", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


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
