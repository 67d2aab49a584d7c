"""Issue 17 through the real accessibility tree: the application under Xvfb with Qt's AT-SPI
bridge on, read by an AT-SPI client (pyatspi) on a private D-Bus session, as Orca reads it.

Needs Xvfb, dbus-run-session, the AT-SPI bus (at-spi2-core) and python3-pyatspi in the
system's python3; `.ci/run` (scripts/bootstrap.sh --dev) installs them. Outside CI, the test
is skipped when they are missing; in CI (CI set) it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"
TIMEOUT_S = 400

RUNNER = """
set -u
Xvfb ":$DISPLAY_NUMBER" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$DISPLAY_NUMBER"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done
"$BUS_LAUNCHER" --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 1
"$SYSTEM_PYTHON" "$CLIENT" "$FOLDER" &
client=$!
for _ in $(seq 100); do [ -e "$FOLDER/ready" ] && break; sleep 0.1; done
"$APP_PYTHON" "$APP" "$DATABASE" "$SETTINGS" "$FOLDER"
status=$?
wait "$client"
kill "$bus" "$xvfb" 2>/dev/null
exit $status
"""


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def tree_report(tmp_path_factory: pytest.TempPathFactory, cvl_db_file: Path) -> dict:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the AT-SPI test; missing: {', '.join(missing)}")
        pytest.skip(f"AT-SPI test needs {', '.join(missing)} (scripts/bootstrap.sh --dev)")
    folder = tmp_path_factory.mktemp("atspi")
    database = folder / "desk.sqlite"
    shutil.copyfile(cvl_db_file, database)
    env = {
        **os.environ,
        "DISPLAY_NUMBER": str(90 + os.getpid() % 100),
        "BUS_LAUNCHER": str(BUS_LAUNCHER),
        "SYSTEM_PYTHON": SYSTEM_PYTHON,
        "APP_PYTHON": sys.executable,
        "CLIENT": str(HERE / "atspi_client.py"),
        "APP": str(HERE / "atspi_app.py"),
        "FOLDER": str(folder),
        "DATABASE": str(database),
        "SETTINGS": str(folder / "settings.ini"),
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "PYTHONPATH": os.pathsep.join([str(HERE.parents[1] / "src"), str(HERE.parents[1])]),
    }
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", RUNNER],
        env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    app = json.loads((folder / "app.json").read_text(encoding="utf-8"))
    client = json.loads((folder / "client.json").read_text(encoding="utf-8"))
    return {"app": app, "client": client}


pytestmark = [pytest.mark.atspi, pytest.mark.slow]


def test_no_content_label_is_hidden_and_every_tab_stop_is_named(tree_report: dict) -> None:
    screens = tree_report["client"]["screens"]
    assert tree_report["client"]["errors"] == []
    assert len(screens) == 7 and all(audit["nodes"] > 10 for audit in screens.values())
    hidden = {name: audit["hidden"] for name, audit in screens.items() if audit["hidden"]}
    unnamed = {name: audit["unnamed"] for name, audit in screens.items() if audit["unnamed"]}
    print(f"\nAT-SPI: labels hidden {sum(map(len, hidden.values()))}, "
          f"unnamed tab stops {sum(map(len, unnamed.values()))}")  # fmt: skip
    assert hidden == {} and unnamed == {}


def test_status_messages_arrive_as_events_carrying_their_text(tree_report: dict) -> None:
    heard = tree_report["client"]["announcements"]
    shown = [text for text in tree_report["app"]["messages"] if text]
    delivered = [text for text in shown if any(text in spoken for spoken in heard)]
    print(f"\nAT-SPI: status messages delivered {len(delivered)}/{len(shown)}")
    assert len(shown) == 5 and delivered == shown, heard


def test_each_screen_is_announced_and_focus_stays_visible(tree_report: dict) -> None:
    heard = tree_report["client"]["announcements"]
    for title in tree_report["app"]["screens"]:
        assert any(title in spoken for spoken in heard), (title, heard)
    focus = tree_report["app"]["focus"]
    print(f"\nfocus ring (px) after programmatic moves: {focus}")
    assert len(focus) == 8 and min(focus.values()) >= 2, focus
    focused = tree_report["client"]["focus"]
    assert focused and all(name for _role, name in focused), focused


def test_todays_list_is_read_in_words_where_it_shows_letters(tree_report: dict) -> None:
    """« Aujourd'hui » shows the responses as the tally sheet's letters and « Orient. » over
    the count of referrals; a screen reader gets the words (issue 18)."""
    shown = tree_report["app"]["today_responses"]
    assert shown == {"shown": "I, D", "words": "Information orale, Documentation remise"}
    today = tree_report["client"]["tables"]["Contacts enregistrés aujourd'hui"]
    assert today["headers"][-1] == "Orientations", today
    assert today["first_row"][today["headers"].index("Réponses")] == shown["words"], today
