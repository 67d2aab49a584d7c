"""The import contracts of docs/architecture.md, read from the source (every import, including
those inside functions; only `if TYPE_CHECKING:` blocks are left out, they never run).

Each contract lists its violations so that a failure names the import to remove.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PRODUCT = "spro_desk"
DEV = "spro_desk_dev"
MIGRATIONS = SRC / PRODUCT / "storage" / "migrations"
# The interface's shell: it builds the window from every screen, nothing imports it back.
UI_SHELL = "spro_desk.ui.app"
UI_COMMON = "spro_desk.ui.common"
# What a migration may import besides the standard library and its own helpers: an old
# migration must keep its meaning when the live code changes, so no spro_desk module (nor
# SQLModel, whose column types follow the live tables). 0008 seals personal rows and stores
# the desk key: the cryptography and keyring libraries, whose formats it freezes in itself.
MIGRATION_DEPENDENCIES = {"sqlalchemy", "alembic", "cryptography", "keyring"}
# The environment hands Alembic the live tables' metadata (for `revision --autogenerate`); it
# is the runner, not a revision, and changes nothing an old revision does.
MIGRATION_RUNNER = MIGRATIONS / "env.py"
DEV_ONLY_ROOTS = {DEV, "tests", "bench", "tools", "conftest", "pytest", "hypothesis"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (or the package, for `from package import name`)
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def known_modules() -> frozenset[str]:
    paths = (path for path in SRC.rglob("*.py") if MIGRATIONS not in path.parents)
    return frozenset(module_name(path) for path in paths)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node that can run: `if TYPE_CHECKING:` bodies are skipped (their `else` is not)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _resolve_from(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(path: Path) -> list[Import]:
    module = module_name(path) if MIGRATIONS not in path.parents else path.stem
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[Import] = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(module, node, path.name == "__init__.py")
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                target = candidate if candidate in known_modules() else base
                found.append(Import(module, target, node.lineno))
    return found


@cache
def product_imports() -> tuple[Import, ...]:
    paths = (p for p in (SRC / PRODUCT).rglob("*.py") if MIGRATIONS not in p.parents)
    return tuple(imp for path in sorted(paths) for imp in imports_of(path))


def internal_edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for imp in product_imports():
        if imp.target in known_modules() and imp.target != imp.source:
            graph.setdefault(imp.source, set()).add(imp.target)
    return graph


def package_of(module: str) -> str:
    """spro_desk.ui's feature folders count as packages of their own, like spro_desk's."""
    parts = module.split(".")
    depth = 3 if parts[:2] == [PRODUCT, "ui"] and len(parts) > 2 else 2
    return ".".join(parts[:depth])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    nodes = set(graph) | {t for targets in graph.values() for t in targets}
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def module_cycle_violations() -> list[list[str]]:
    return cycles(internal_edges())


def package_cycle_violations() -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for source, targets in internal_edges().items():
        for target in targets:
            if package_of(source) != package_of(target):
                graph.setdefault(package_of(source), set()).add(package_of(target))
    return cycles(graph)


def _ui_folder(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:3]) if parts[:2] == [PRODUCT, "ui"] and len(parts) > 2 else None


def ui_layer_violations() -> list[str]:
    """ui.common imports no screen; a screen's folder imports no other screen nor the shell."""
    found = []
    for imp in product_imports():
        source, target = _ui_folder(imp.source), _ui_folder(imp.target)
        if source is None or target is None or source in (target, UI_SHELL):
            continue
        if target != UI_COMMON:
            found.append(f"{imp.source}:{imp.line} imports {imp.target}")
    return found


def dev_code_violations() -> list[str]:
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in product_imports()
        if imp.target.split(".")[0] in DEV_ONLY_ROOTS
    ]


def domain_qt_violations() -> list[str]:
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in product_imports()
        if _ui_folder(imp.source) is None
        and imp.source != f"{PRODUCT}.ui"
        and imp.source not in {f"{PRODUCT}.cli.main"}  # starts the window, lazily
        and (imp.target.split(".")[0] == "PySide6" or imp.target.startswith(f"{PRODUCT}.ui"))
    ]


def migration_violations() -> list[str]:
    allowed = MIGRATION_DEPENDENCIES | set(sys.stdlib_module_names) | {"__future__"}
    own = {path.stem for path in MIGRATIONS.rglob("*.py")}
    found = []
    for path in sorted(MIGRATIONS.rglob("*.py")):
        if path == MIGRATION_RUNNER:
            continue
        for imp in imports_of(path):
            root = imp.target.split(".")[0]
            if (
                root not in allowed
                and root not in own
                and not imp.target.startswith(f"{PRODUCT}.storage.migrations")
            ):
                found.append(f"{path.relative_to(ROOT)}:{imp.line} imports {imp.target}")
    return found


CONTRACTS = {
    "module cycles": module_cycle_violations,
    "package cycles": package_cycle_violations,
    "ui layers": ui_layer_violations,
    "dev-only code": dev_code_violations,
    "Qt-free domain": domain_qt_violations,
    "frozen migrations": migration_violations,
}


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_holds(contract: str) -> None:
    assert CONTRACTS[contract]() == []


def test_the_contracts_see_imports_inside_functions(tmp_path: Path) -> None:
    """A cycle hidden in a function body is still a cycle: the reader must see it."""
    sample = SRC / PRODUCT / "text.py"  # any product module: only its parsing is used
    tree_imports = imports_of(sample)
    assert all(imp.source == "spro_desk.text" for imp in tree_imports)
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    hidden = tmp_path / "hidden.py"
    hidden.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import never_runs\n"
        "def later():\n    from spro_desk import paths\n",
        encoding="utf-8",
    )
    targets = {imp.target for imp in _imports_of_file(hidden, "hidden")}
    assert "spro_desk.paths" in targets and "never_runs" not in targets


def _imports_of_file(path: Path, module: str) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                target = candidate if candidate in known_modules() else node.module
                found.append(Import(module, target, node.lineno))
        elif isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
    return found


if __name__ == "__main__":  # prints every violation: python tests/test_architecture.py
    total = 0
    for name, check in CONTRACTS.items():
        violations = check()
        total += len(violations)
        print(f"{name}: {len(violations)}")
        for violation in violations:
            print("   ", violation)
    sys.exit(1 if total and "--check" in sys.argv else 0)
