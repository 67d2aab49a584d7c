"""Issue 19: coordinators importing the same bundles from separate processes — overlapping but
different subsets at once, then one killed (SIGKILL) in the middle of an import and run again —
on SQLite and on PostgreSQL: no duplicate row, and the figures of a single import.

`test_concurrent_import.py` runs its colleagues as threads of one process; here each is a real
`python` process with its own driver, connections and locks, as on several computers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from coordination_db import Coordinations
from spro_desk.sync.coordinator import BundleRefused, import_bundles
from test_concurrent_import import _coordinator, _duplicates, _figures, drop  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
WORKER = """
import sys, time
from pathlib import Path
from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator import import_bundles

path, url, keys, pause = sys.argv[1], sys.argv[2] or None, Path(sys.argv[3]), float(sys.argv[4])
bundles = [Path(p) for p in sys.argv[5:]]
db = Database(Path(path), url=url)
for first in range(0, len(bundles), 2):
    import_bundles(db, keys, bundles[first:first + 2])
    print(first + 2, flush=True)
    time.sleep(pause)
db.close()
"""


def _start(db: Any, region: dict[str, Any], bundles: list[Path], pause: float = 0.0) -> Any:
    url = "" if db.is_sqlite else db.url
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [str(db.path), url, str(region["keys"]), str(pause), *map(str, bundles)]
    return subprocess.Popen([sys.executable, "-c", WORKER, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


@pytest.mark.slow  # four interpreters at once, then a killed one: ~20 s a database
def test_separate_processes_with_overlapping_subsets_and_a_kill_apply_each_event_once(
    coordinations: Coordinations,
    drop: dict[str, Any],  # noqa: F811
) -> None:
    bundles: list[Path] = drop["bundles"]
    reference = _coordinator(coordinations, drop, "reference")
    assert not [r for _p, r in import_bundles(reference, drop["keys"], bundles)
                if isinstance(r, BundleRefused)]  # fmt: skip
    expected = _figures(reference)

    shared = _coordinator(coordinations, drop, "shared")
    # four colleagues, each with three quarters of the bundles (every bundle held by three),
    # each in their own order: together they hold them all
    subsets = []
    for number in range(4):
        subset = [b for i, b in enumerate(bundles) if i % 4 != number]
        random.Random(number).shuffle(subset)
        subsets.append(subset)
    workers = [_start(shared, drop, subset) for subset in subsets]
    for worker in workers:
        _out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
    assert _duplicates(shared) == 0
    assert _figures(shared) == expected

    # another coordination: one colleague killed while importing, then the import run again
    again = _coordinator(coordinations, drop, "killed")
    order = list(bundles)
    random.Random(19).shuffle(order)
    killed = _start(again, drop, order, pause=0.05)
    assert killed.stdout is not None
    for _ in range(3):  # a few batches in: the next is under way
        assert killed.stdout.readline()
    time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    killed.stdout.close()
    killed.stderr.close()
    assert _figures(again) != expected  # stopped midway
    rerun = [_start(again, drop, order), _start(again, drop, list(reversed(order)))]
    for worker in rerun:
        _out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
    assert _duplicates(again) == 0
    assert _figures(again) == expected
