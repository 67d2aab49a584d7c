"""Benchmark one committed revision while others edit the working tree.

``run_all.py --revision REV`` extracts ``git archive REV src resources`` into
bench/out/snapshot-REV/ and runs itself again with that ``src`` first on PYTHONPATH (ahead of
the editable install), so every figure, the memory probe's included, comes from REV.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from support import BENCH_OUT, PROJECT_ROOT, SNAPSHOT_VARIABLE


def extract(revision: str) -> Path:
    commit = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", revision],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    target = BENCH_OUT / f"snapshot-{commit}"
    if not (target / "src").is_dir():
        archive = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "archive", commit, "src", "resources"],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target


def run_from_snapshot(revision: str, arguments: list[str]) -> int:
    """Run `arguments` (a script and its options) against the snapshot of `revision`."""
    target = extract(revision)
    environment = dict(os.environ)
    paths = [str(target / "src"), environment.get("PYTHONPATH", "")]
    environment["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    environment[SNAPSHOT_VARIABLE] = target.name.removeprefix("snapshot-")
    return subprocess.run([sys.executable, *arguments], env=environment).returncode
