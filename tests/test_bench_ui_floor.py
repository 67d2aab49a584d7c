"""The start bench's floor of the database layer (bench/ui_start_probe.py ``orm``), run once so
that it cannot rot: a bare SQLModel program in a real child process, no window."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "bench" / "ui_start_probe.py"


def test_the_floor_program_reports_when_its_select_returned(tmp_path: Path) -> None:
    data_dir = tmp_path / "donnees"
    data_dir.mkdir()
    started = time.time_ns()
    done = subprocess.run(
        [sys.executable, str(PROBE), "orm", str(started), str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )

    assert done.returncode == 0, done.stderr
    milestones = json.loads(done.stdout.strip().splitlines()[-1])
    elapsed_ms = (time.time_ns() - started) / 1e6
    assert 0 < milestones["probe_started"] < milestones["imports_done"] < milestones["usable"]
    assert milestones["usable"] <= elapsed_ms
    assert milestones["cpu_usable"] > 0
    with sqlite3.connect(tmp_path / "floor.db") as connection:
        tables = {row[0] for row in connection.execute("select name from sqlite_master")}
    assert "visit" in tables
