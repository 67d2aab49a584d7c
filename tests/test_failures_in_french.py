"""Issue 15, finding 7: failures end in a French message, nothing half-written, leftovers
cleaned at the next start. Real faults: a small tmpfs filled to the last byte (root, as on CI),
real bytes that are not UTF-8 on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spro_desk.cli.main import main
from test_disk_errors import disk_filled, record, tiny_disk  # noqa: F401 - fixture

from conftest import CVL

SRC = Path(__file__).resolve().parents[1] / "src"


def test_directory_import_on_a_full_disk_says_so_in_french(
    tiny_disk: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tiny_disk / "data"
    assert main(["--data-dir", str(data), "contact", "add", "--canal", "telephone",
                 "--statut", "scolaire"]) == 0  # fmt: skip
    capsys.readouterr()
    for room in (0, 300_000):  # full before it starts, full half-way through
        with disk_filled(tiny_disk) as filler:
            os.truncate(filler, max(0, filler.stat().st_size - room))
            code = main(["--data-dir", str(data), "directory", "import", str(CVL)])
        captured = capsys.readouterr()
        print(f"\ndirectory import, {room} bytes free: exit {code}, "
              f"« {captured.err.strip()[:160]} »")  # fmt: skip
        assert code == 2 and "plein" in captured.err and "Traceback" not in captured.err
    assert main(["--data-dir", str(data), "directory", "import", str(CVL)]) == 0  # space back


def test_sync_export_to_a_full_stick_says_so_and_leaves_no_part_file(
    tmp_path: Path,
    tiny_disk: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    from test_sync_transport import Region

    region = Region(tmp_path / "region")
    region.record(3)
    region.close()
    stick = tiny_disk / "CLE-USB"
    stick.mkdir()
    with disk_filled(tiny_disk):
        code = main(["--data-dir", str(region.desk_dir), "sync", "export", "--out", str(stick)])
        left = sorted(p.name for p in stick.iterdir())
    captured = capsys.readouterr()
    print(f"\nsync export to a full stick: exit {code}, « {captured.err.strip()[:200]} », "
          f"files left {left}")  # fmt: skip
    assert code == 2 and "plein" in captured.err and "Traceback" not in captured.err
    assert "[Errno" not in captured.err  # the French refusal alone, not OSError's form
    assert left == []
    capsys.readouterr()  # the line printed above
    assert main(["--data-dir", str(region.desk_dir), "sync", "export", "--out", str(stick),
                 "--json"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert json.loads(out)["sequence"] == 1, out  # the failed one took no number


def test_arguments_that_are_not_utf8_are_refused_in_french(tmp_path: Path) -> None:
    data = tmp_path / "data"
    command = [sys.executable, "-m", "spro_desk", "--data-dir", str(data), "desk", "init",
               b"--site-nom", b"\xff", "--reseau", "cio", "--commune", "18033"]  # fmt: skip
    environment = {**os.environ, "PYTHONPATH": str(SRC), "LC_ALL": "C.UTF-8"}
    done = subprocess.run(command, capture_output=True, env=environment, check=False)
    message = done.stderr.decode("utf-8", "replace")
    print(f"\ndesk init --site-nom $'\\xff': exit {done.returncode}, « {message.strip()} »")
    assert done.returncode == 2 and "UTF-8" in message and "Traceback" not in message
    assert not data.exists() or not any(data.iterdir())  # nothing written


def test_what_a_backup_killed_mid_way_left_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    import signal

    from spro_desk.security.files import privacy_folder
    from spro_desk.storage.backup import backups_folder, create_backup
    from spro_desk.storage.engine import Database
    from spro_desk.ui.app.resilience import startup_duties

    db = Database(tmp_path / "spro-desk.sqlite")
    record(db)
    folder = backups_folder(db.path)
    folder.mkdir(mode=0o700)
    killed = folder / "sauvegarde-20260301-090000.sqlite.partiel"
    in_progress = folder / "sauvegarde-20260301-090001.sqlite.partiel"
    # A backup writer holds a lock on its .partiel file: one is killed -9 mid-way, another is
    # still running (another window's backup) and must be left alone.
    script = (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, b'SQLite format 3\\x00' + b'x' * 4096)\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE)
        for path in (killed, in_progress)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
    writers[0].send_signal(signal.SIGKILL)
    writers[0].wait()
    Path(f"{killed}-journal").write_bytes(b"journal")
    key_temporary = privacy_folder(db.path) / "spro-desk.sqlite.cles-personnes.tmp"
    key_temporary.parent.mkdir(mode=0o700, exist_ok=True)
    key_temporary.write_bytes(b"keys being rewritten when the power went")
    try:
        outcome = startup_duties(db)  # the next start
        left = sorted(p.name for p in folder.iterdir())
    finally:
        writers[1].kill()
        writers[1].wait()
    print(f"\nAfter a backup killed -9: at the next start, files left in backups/: {left}")
    assert outcome.backup is not None and outcome.backup.exists()
    assert killed.name not in left and f"{killed.name}-journal" not in left
    assert in_progress.name in left  # still being written by a live process
    assert not key_temporary.exists()
    assert create_backup(db.path).exists()
    db.close()
