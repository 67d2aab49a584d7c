"""What ships: the wheel and the frozen build hold the product, not the dev-only package."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DEV_PACKAGE = "spro_desk_dev"
SPEC = ROOT / "installer" / "spro-desk.spec"


def _build_wheel(tmp_path: Path) -> Path:
    """`pip wheel` on a copy of the tree (its build folders stay out of the checkout)."""
    tree = tmp_path / "tree"
    shutil.copytree(SRC, tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(tree)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = tmp_path.glob("spro_desk-*.whl")
    return wheel


@pytest.mark.slow  # builds a wheel (pip fetches setuptools into its isolated build environment)
def test_the_wheel_holds_every_product_module_and_no_dev_line(tmp_path: Path) -> None:
    names = set(zipfile.ZipFile(_build_wheel(tmp_path)).namelist())
    dev = sorted(name for name in names if name.startswith(f"{DEV_PACKAGE}/"))
    dev_lines = sum(
        len(path.read_text(encoding="utf-8").splitlines())
        for path in (SRC / DEV_PACKAGE).rglob("*.py")
        if path.relative_to(SRC).as_posix() in names
    )
    assert dev == [] and dev_lines == 0
    product = {
        path.relative_to(SRC).as_posix()
        for path in (SRC / "spro_desk").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert product - names == set(), "product modules missing from the wheel"


def _spec_list(name: str) -> list[str]:
    """The string items of the `name=[...]` keyword of the spec's Analysis call."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == name and isinstance(node.value, ast.List):
            return [
                item.value
                for item in node.value.elts
                if isinstance(item, ast.Constant) and isinstance(item.value, str)
            ]
    raise AssertionError(f"{name} not found in {SPEC.name}")


def test_the_frozen_build_excludes_the_dev_package() -> None:
    assert DEV_PACKAGE in _spec_list("excludes")
    assert not any(DEV_PACKAGE in name for name in _spec_list("hiddenimports"))


def test_the_product_keeps_no_dev_module() -> None:
    """The modules the issue named as dev-only live in the dev package, not in spro_desk."""
    moved = ("ui/screenshots.py", "ui/coordination/demo.py", "ui/synchronisation/demo.py",
             "reports/synthetic.py")  # fmt: skip
    assert [name for name in moved if (SRC / "spro_desk" / name).exists()] == []
    assert (SRC / DEV_PACKAGE / "screenshots.py").is_file()
