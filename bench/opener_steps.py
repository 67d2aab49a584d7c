"""What the database opener's steps cost, in a fresh process, in the opener's order.

Usage::

    python bench/opener_steps.py DATA_DIR      # a data folder, e.g. one bench_ui.py prepares

Prints the CPU and wall time of each import and step of `ui/common/startup.DatabaseOpener`
(the ORM's pieces apart), and whether asyncio, Alembic and the coordination's tables came in.
The order is a desk in service's, which opens on its lock screen: the database is attached
(the first ORM query done) before Accueil's reads (`ACCUEIL_STEPS`: contacts.service, the
geography), which a window opening on Accueil loads before it attaches.
"""

from __future__ import annotations

import sys
import time
from importlib import import_module
from pathlib import Path

STEPS = (
    "spro_desk.agents.early_unlock",
    "sqlalchemy",
    "sqlalchemy.orm",
    "pydantic",
    "sqlmodel",
    "spro_desk.storage.tables",
    "spro_desk.storage.engine",
    "spro_desk.privacy.personal",
    "spro_desk.directory.catalog",
)


class Clock:
    def __init__(self) -> None:
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def step(self, name: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        used, waited = 1000 * (cpu - self.cpu), 1000 * (wall - self.wall)
        print(f"{name:36} CPU {used:7.1f} ms   wall {waited:7.1f} ms")
        self.cpu, self.wall = cpu, wall


def main() -> None:
    data_dir = Path(sys.argv[1])
    # Loaded before the opener runs, as in the desk (the module imports QtWidgets).
    from spro_desk.ui.common.startup import WARM_MODULES, _prepare, open_database_or_explain

    clock = Clock()
    for module in STEPS:
        import_module(module)
        clock.step(module)
    missing = [module for module in WARM_MODULES if module not in sys.modules]
    assert not missing, f"the opener imports more than these steps: {missing}"
    db = open_database_or_explain(data_dir)
    clock.step("open (migration check)")
    assert not isinstance(db, str), db
    _prepare(db)
    clock.step("first ORM query (_prepare)")
    print("--- attached (a desk in service; one opening on Accueil loads these first)")
    import_module("spro_desk.contacts.service")
    clock.step("spro_desk.contacts.service")
    from spro_desk.geo import geography

    geography()
    clock.step("geography()")
    for name in ("asyncio", "alembic", "spro_desk.storage.coordination_tables"):
        print(f"{name} imported: {name in sys.modules}")


if __name__ == "__main__":
    main()
