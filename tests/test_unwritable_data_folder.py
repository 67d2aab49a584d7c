"""A data folder the agent's account may not write: the window's start and a command, each in a
real process of an unprivileged account, say so in French, with no traceback, and write
nothing there.

The suite often runs as root, who writes anywhere: the child then drops to the `nobody`
account (uid and gid 65534, no capability left) through util-linux's `setpriv` before it
starts (`setpriv` resolves the interpreter's path before it drops them: a venv's interpreter
under root's private home still starts). Run by an ordinary account, the folder's mode alone
keeps it out.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import spro_desk
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.storage.engine import Database

NOBODY = 65534
SOURCES = Path(spro_desk.__file__).resolve().parents[1]
# The window's start as the icon runs it (`spro-desk --data-dir …`); the first message box it
# shows is read, closed, and printed with the exit status.
WINDOW_START = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
seen = {}
def read_box():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.accept()
    else:
        seen["polls"] = seen.get("polls", 0) + 1
        if seen["polls"] > 150:  # a window opened instead: never hang the run
            QApplication.closeAllWindows()
poll = QTimer()
poll.setInterval(100)
poll.timeout.connect(lambda: None if "text" in seen else read_box())
poll.start()
from spro_desk.cli.main import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, **seen}, ensure_ascii=False))
"""


def _unprivileged_prefix() -> list[str]:
    """The command that runs the child as `nobody` when the suite runs as root; else none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without util-linux's setpriv: privileges cannot be dropped")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder the child can reach (tmp_path's parents are private to the suite's account)."""
    folder = Path(tempfile.mkdtemp(prefix="spro-unwritable-"))
    folder.chmod(0o755)
    home = folder / "home"  # the child's own home: its settings go there, not to the folder
    home.mkdir()
    if os.geteuid() == 0:
        os.chown(home, NOBODY, NOBODY)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _run(place: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(place / "home"),
        "XDG_CONFIG_HOME": str(place / "home" / ".config"),
        "XDG_RUNTIME_DIR": str(place / "home"),
        "PYTHONPATH": str(SOURCES),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [*_unprivileged_prefix(), sys.executable, *args], env=env, cwd=place,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def unprivileged(place: Path) -> Path:
    """`place`, once an unprivileged child is known to run there (else the test is skipped)."""
    probe = _run(place, "-c", PROBE)
    if probe.returncode != 0:
        pytest.skip(
            "the unprivileged account cannot run the interpreter or read the sources "
            f"(privileges cannot be dropped here): {probe.stderr.strip()[-300:]}"
        )
    uid, capabilities = probe.stdout.split()
    if uid == "0" or int(capabilities, 16):
        pytest.skip(f"the child kept root's rights (uid {uid}, capabilities {capabilities})")
    return place


PROBE = """
import os, spro_desk, PySide6.QtWidgets
status = open("/proc/self/status").read() if os.path.exists("/proc/self/status") else ""
effective = [line.split()[1] for line in status.splitlines() if line.startswith("CapEff:")]
print(os.geteuid(), effective[0] if effective else "0")
"""


def _read_only_desk(place: Path) -> Path:
    """A desk with a contact, in a folder the child may read but not write."""
    folder = place / "donnees"
    folder.mkdir(mode=0o755)
    db = Database(database_path(folder))
    ContactService(db).record(ContactInput(canal="telephone", statut="etudiant"))
    db.close()
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    if os.geteuid() != 0:  # an ordinary account: the modes alone keep it out
        folder.chmod(0o555)
    return folder


def _read_only_parent(place: Path) -> Path:
    """Where a new desk's folder would be made, in a folder the child may not write."""
    parent = place / "partage"
    parent.mkdir(mode=0o755)
    if os.geteuid() != 0:
        parent.chmod(0o555)
    return parent / "donnees"


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (and itself), with its bytes and metadata."""
    if not folder.exists():
        return {}
    seen = {}
    for path in (folder, *sorted(folder.rglob("*"))):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        seen[str(path.relative_to(folder))] = f"{stat.st_mode:o} {stat.st_mtime_ns} {digest}"
    return seen


FOLDERS = {"existing-desk": _read_only_desk, "new-desk": _read_only_parent}


def _window_refusal(place: Path, folder: Path) -> dict[str, Any]:
    """The window's start on `folder` as the unprivileged child: it must refuse in a French
    message box, with no traceback; the box's title and text, and the exit status."""
    done = _run(place, "-c", WINDOW_START, "--data-dir", str(folder))
    assert "Traceback" not in done.stderr, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] == 1, seen
    assert seen.get("title") == "SPRO Desk ne peut pas démarrer", seen
    return seen


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_the_window_says_in_french_that_the_folder_cannot_be_written(
    unprivileged: Path, kind: str
) -> None:
    folder = FOLDERS[kind](unprivileged)
    watched = folder if folder.exists() else folder.parent
    before = _snapshot(watched)
    seen = _window_refusal(unprivileged, folder)
    assert str(folder) in seen["text"]
    assert "droit d'y écrire" in seen["text"]
    assert "relancez SPRO Desk" in seen["text"]
    assert "Permission denied" not in seen["text"]  # the system's reason, in French too
    assert _snapshot(watched) == before


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_a_command_says_in_french_that_the_folder_cannot_be_written(
    unprivileged: Path, kind: str
) -> None:
    folder = FOLDERS[kind](unprivileged)
    watched = folder if folder.exists() else folder.parent
    before = _snapshot(watched)
    done = _run(unprivileged, "-m", "spro_desk", "--data-dir", str(folder), "contact", "list")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout == ""
    assert "lecture seule" in done.stderr or "droit d'y écrire" in done.stderr, done.stderr
    assert "Permission denied" not in done.stderr
    assert _snapshot(watched) == before


def _read_only_database(place: Path) -> Path:
    """A desk whose folder the child may write but whose database file it may not (copied
    from a read-only medium, or given the read-only attribute)."""
    folder = _read_only_desk(place)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)  # the folder is the child's; the file stays root's
    else:
        folder.chmod(0o755)
        database_path(folder).chmod(0o444)
    return folder


def test_a_read_only_database_file_is_said_in_french_before_anything_is_typed(
    unprivileged: Path,
) -> None:
    """The window opened as if all was well: the first walk-in typed was refused at its save."""
    folder = _read_only_database(unprivileged)
    database = database_path(folder)
    before = _snapshot(database)
    seen = _window_refusal(unprivileged, folder)
    assert str(database) in seen["text"]
    assert "lecture seule" in seen["text"]
    assert "relancez SPRO Desk" in seen["text"]
    assert _snapshot(database) == before
