"""Desktop application benchmarks (issue 3): cold start and search-as-you-type latency.

Usage::

    python bench/bench_ui.py                  # both parts, national directory, 15 start pairs
    python bench/bench_ui.py --part start     # cold start only (sample directory)
    python bench/bench_ui.py --part typing    # keystroke-to-results only (national directory)
    python bench/bench_ui.py --profile        # also: where the desk's start spends its time
    python bench/bench_ui.py --part typing --search-delay-ms 0 --page-size 100   # what-if
    python bench/bench_ui.py --part typing --settle-s 30   # what-if: after the work in advance

**Cold start to a usable window.** Fresh processes of ``bench/ui_start_probe.py``, alternating:
a bare PySide6 QMainWindow with a QLabel, and SPRO Desk's real start (``spro-desk --data-dir
DIR`` on a database that already holds the sample directory), both offscreen. ``--desk``
chooses the data folder: ``in-service`` (default) also holds the site manager's account and
the morning's contacts, as every desk past its first-run assistant does, and opens on its lock
screen; ``no-account`` is the folder of the runs before issue 18's progressive start, which
opens on Accueil (then on the first account's form once the database is attached). The parent reads
``time.time_ns()`` just before it starts a process; the child reports when its window has been
shown, painted once, and the event loop then ran a 0 ms timer. One unmeasured start of each
comes first (page cache, .pyc files). Target: the desk's median ≤ 1.5 × the bare window's median
(issue 18; issue 3 asked for 2 ×).
Both are reported, and the median of the paired ratios (each desk start against the bare start
run next to it, within half a second): the test machine (a VM) switches between two speeds about
1.4× apart every few seconds, so the two medians can come from different speeds; a pair rarely
does.
The desk's window paints before its database is open (ui/common/startup.py), from what
``storage/quick_read.py`` reads with sqlite3: two figures are printed against the target of
issue 18 (within 500 ms of the process start). *Listed and accepting input*: the usable window
above — the lock screen listing the desk's accounts with the focus in its code field, or the
Accueil form — where keys are taken at once and an action needing the database waits for it
visibly. *First database action possible* ("first_action", issue 18's "database attached
≤ 500 ms"): a desk in service opens on its lock screen, whose first action is checking an
agent's code; it checks it with sqlite3 and Argon2id while the ORM loads (agents/early_unlock),
so this is the usable lock screen; on a desk without accounts, whose first action is a save,
it is the ORM attached. *ORM attached* ("database_ready"): the window has attached the
database layer (SQLAlchemy, SQLModel: every screen's reads and writes), and the event loop is
back. On a desk in service, what only the screens behind the lock read (today's contacts'
service, the communes' geography: ui/common/startup.ACCUEIL_STEPS) loads right after, on the
opener's thread, unless a code checked early has unlocked the screens before the database
opened (then before, as on a desk without accounts); the table classes no desk screen uses
(the directory's and the coordination's, storage/directory_tables.py and
coordination_tables.py) are not defined at all.
*Floor of the database layer* ("orm"): a third process, alternating with the two others, runs
a bare SQLModel program with no window (``ui_start_probe.py orm``: one table on a SQLite file,
one select); its select returns this long after its process started. No program built on
SQLModel, window or not, attaches its ORM sooner: the figure says how far "ORM attached" is
from what the stack allows on this machine. ``--type-code`` also has the agent type the code
as soon as the lock screen is usable and reports when the screens came back
("unlocked", Argon2id at the desk's cost included).

**Keystroke to results.** The real MainWindow on ``bench/out/national.sqlite3`` (built from
``bench/out/national/`` when missing), offscreen. For each key of a typing sequence (``m``,
``mi``, ``mis`` … ``mission locale``, ``cio b`` …) typed with ``QTest.keyClick`` into the search
box, once every result of the previous key is on screen:

- *debounce*: from the key to the moment the view asks the model to search (the view waits
  ``SEARCH_DELAY_MS`` for the next key);
- *search + model*: from there to the model's ``modelReset`` (the search and the new rows);
- *to results*: key → ``modelReset`` (the target: within 50 ms since issue 13);
- *to painted*: key → the results table has been repainted;
- *CPU to results*: the UI thread's CPU time (``time.thread_time``) from the key to the
  ``modelReset``: what the machine's other load inflates least (the wall times above are only
  comparable on a quiet machine). Work of the desk's other threads is not in it: they run on
  the other core of a quiet machine.

Two sequences are typed without filter: TYPED (network names, a need), then a second one of
*held-out* queries drawn from the directory itself at each run (``--seed``): frequent words and
word pairs of the services' names, words of their descriptions, acronyms of the networks and
words with one typo; none of TYPED's words. Each is reported on its own. TYPED is typed again
with a commune filter. Prints tables and writes ``bench/out/results-ui.json``.

**The honest case by default.** Before typing, the term rankings file next to the database
(``national.sqlite3.classements``, see directory/rankings_cache.py) is deleted and made again
by ``prepare_search``, as ``spro-desk directory import`` leaves it (timed and printed, with the
file's size): every key is a first encounter of its words, as for an agent after a directory
update. ``--keep-rankings`` types with the file as earlier runs left it instead (what-if:
words typed before are found ranked).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from support import (
    BENCH_OUT,
    NATIONAL,
    PROJECT_ROOT,
    ensure_dataset,
    load_average,
    machine_description,
    percentile,
)

PROBE = Path(__file__).resolve().parent / "ui_start_probe.py"
NATIONAL_DB = BENCH_OUT / "national.sqlite3"
RESULTS = BENCH_OUT / "results-ui.json"
WHAT_IF_RESULTS = BENCH_OUT / "results-ui-what-if.json"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts"))
START_RATIO_TARGET = 1.5  # issue 18 (issue 3 asked for 2)
DATABASE_READY_TARGET_MS = 500.0  # since the process started (issue 18)
LATENCY_TARGET_MS = 50.0  # issue 13 (issue 3 asked for 100 ms)
# A Wednesday morning: opening statuses in the results are those of a working day.
TYPING_NOW = datetime(2026, 11, 18, 10, 0)
# What an agent types at the desk: names of networks, a town, a need.
TYPED = (
    "mission locale",
    "cio b",
    "france tr",
    "conseil en evolution",
    "cap emploi",
    "information jeunesse",
    "apprentissage",
    "logement",
)
# With a commune filter: large cities, mid-sized towns, a rural commune.
COMMUNES = ("75056", "13055", "59350", "18033", "15187")
WAIT_S = 10.0
HELD_OUT_SEED = 13
# Held-out queries drawn per run: single words of names, word pairs of names, words of
# descriptions, acronyms, words with one typo.
HELD_OUT_DRAWS = (6, 4, 3, 4, 3)


def offscreen_environment(config_home: Path) -> dict[str, str]:
    """Offscreen Qt with fonts, and QSettings kept out of the user's own configuration."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config_home))
    # An installed program runs from its .pyc files (pip and PyInstaller write them): let the
    # warm-up write them even where the shell disables it, or every start recompiles the source.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    font_dir = next((d for d in FONT_DIRS if d.is_dir()), None)
    if font_dir is not None and "QT_QPA_FONTDIR" not in environment:
        environment["QT_QPA_FONTDIR"] = str(font_dir)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(PROJECT_ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return environment


# --- cold start ---------------------------------------------------------------------------------


@dataclass
class StartRuns:
    bare: list[dict[str, float]] = field(default_factory=list)
    desk: list[dict[str, float]] = field(default_factory=list)
    orm: list[dict[str, float]] = field(default_factory=list)  # the stack's floor (no window)

    def usable(self, kind: str) -> list[float]:
        return [run["usable"] for run in getattr(self, kind)]

    def median(self, kind: str) -> float:
        return statistics.median(self.usable(kind))

    @property
    def ratio(self) -> float:
        return self.median("desk") / self.median("bare")

    @property
    def paired_ratios(self) -> list[float]:
        """Each desk start against the bare start run right before or after it (same pair)."""
        return [d["usable"] / b["usable"] for b, d in zip(self.bare, self.desk, strict=True)]

    @property
    def paired_ratio(self) -> float:
        return statistics.median(self.paired_ratios)

    def milestones(self, kind: str) -> dict[str, float]:
        """Median of each milestone, in the order they happen."""
        runs = getattr(self, kind)
        names = [name for name, value in runs[0].items() if type(value) is float]
        return {name: statistics.median(run[name] for run in runs) for name in names}


# The desk's data folder: "in-service" (default), a desk as it is used — its site manager's
# account and the morning's contacts — which opens on its lock screen; "no-account", the
# folder of the runs before issue 18's progressive start (the sample directory and a site name,
# no account), which opens on Accueil and then on the first account's form.
DESKS = ("in-service", "no-account")
BENCH_PIN = "48021573"
MORNING_CONTACTS = 12


def prepare_desk_data(root: Path, desk: str = "in-service") -> Path:
    """A data folder whose database already holds the sample directory (first start is done)."""
    from spro_desk.directory.importer import import_directory
    from spro_desk.paths import database_path
    from spro_desk.resources import resource_path
    from spro_desk.site.settings import SiteSettings
    from spro_desk.storage.engine import Database

    data_dir = root / "donnees"
    data_dir.mkdir()
    db = Database(database_path(data_dir))
    try:
        import_directory(db, resource_path("sample-directory"))
        # A desk in service (a new folder would open the first-run assistant instead).
        SiteSettings(db).set("site.nom", "CIO de démonstration")
        if desk == "in-service":
            _put_in_service(db)
    finally:
        db.close()
    return data_dir


def _put_in_service(db: Any) -> None:
    """The site manager's account and today's first contacts, recorded as the desk does."""
    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.contacts.model import ContactInput
    from spro_desk.contacts.service import ContactService

    create_agent(db, "Claire Martin", BENCH_PIN, Role.RESPONSABLE)
    contacts = ContactService(db)
    for number in range(MORNING_CONTACTS):
        statut = ("scolaire", "demandeur-emploi", "salarie")[number % 3]
        contacts.record(ContactInput(canal="accueil-physique", statut=statut))


# The bare window, the desk, and the floor of the database layer (a bare SQLModel program).
START_KINDS = ("bare", "desk", "orm")


def start_once(
    kind: str, data_dir: Path, environment: dict[str, str], python_options: Iterable[str] = ()
) -> tuple[dict[str, float], str]:
    command = [sys.executable, *python_options, str(PROBE), kind, "T0", str(data_dir)]
    command[command.index("T0")] = str(time.time_ns())
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} start failed ({done.returncode}):\n{done.stderr}")
    milestones = json.loads(done.stdout.strip().splitlines()[-1])
    if not milestones.get("visible"):
        raise RuntimeError(f"{kind}: no visible window when the probe fired")
    return milestones, done.stderr


def measure_start(runs: int, desk: str = "in-service", *, type_code: bool = False) -> StartRuns:
    results = StartRuns()
    with tempfile.TemporaryDirectory(prefix="spro-bench-ui-") as temp:
        root = Path(temp)
        data_dir = prepare_desk_data(root, desk)
        environment = offscreen_environment(root / "config")
        if type_code and desk == "in-service":
            environment["SPRO_BENCH_CODE"] = BENCH_PIN  # read by the desk's probe
        for kind in START_KINDS:  # warm-up: page cache, .pyc files
            start_once(kind, data_dir, environment)
        for run in range(runs):
            # The bare window and the desk side by side (their pair), each first in turn.
            order = START_KINDS if run % 2 == 0 else START_KINDS[::-1]
            for kind in order:
                milestones, _stderr = start_once(kind, data_dir, environment)
                getattr(results, kind).append(milestones)
                print(f"  start {run + 1}/{runs} {kind:4}: {milestones['usable']:7.1f} ms",
                      flush=True)  # fmt: skip
    return results


def print_start(results: StartRuns) -> None:
    print()
    print("Cold start to a usable window (ms since the process was started)")
    header = f"{'':22}{'median':>9}{'min':>9}{'max':>9}   runs"
    print(header)
    for kind, label in (("bare", "bare PySide6 window"), ("desk", "SPRO Desk")):
        values = results.usable(kind)
        runs = " ".join(f"{value:.0f}" for value in values)
        print(f"{label:22}{statistics.median(values):9.1f}{min(values):9.1f}"
              f"{max(values):9.1f}   {runs}")  # fmt: skip
    for label, value in (("ratio of the medians", results.ratio),
                         ("median of the paired ratios", results.paired_ratio)):  # fmt: skip
        met = "yes" if value <= START_RATIO_TARGET else "NO"
        print(f"{label}: {value:.2f}× (target ≤ {START_RATIO_TARGET:g}×): {met}")
    print("  paired ratios: " + " ".join(f"{r:.2f}" for r in results.paired_ratios))
    shown = sorted({str(run.get("first_screen")) for run in results.desk})
    listed = results.median("desk")
    met = "yes" if listed <= DATABASE_READY_TARGET_MS else "NO"
    print(
        f"listed and accepting input (desk, median, the usable window above: {', '.join(shown)}"
        f" with the desk's data read by sqlite3): {listed:.1f} ms "
        f"(target ≤ {DATABASE_READY_TARGET_MS:g} ms): {met}"
    )
    desk_steps = results.milestones("desk")
    first = desk_steps["first_action"]
    met = "yes" if first <= DATABASE_READY_TARGET_MS else "NO"
    print(
        f"first database action possible (issue 18's 'database attached ≤ 500 ms'; a desk in "
        f"service: its lock screen checks a code with sqlite3 + Argon2id, no ORM; a desk "
        f"without accounts: a save, once attached; desk, median): {first:.1f} ms "
        f"(target ≤ {DATABASE_READY_TARGET_MS:g} ms): {met}"
    )
    ready = desk_steps["database_ready"]
    met = "yes" if ready <= DATABASE_READY_TARGET_MS else "NO"
    print(
        f"ORM attached (the database layer: every screen's reads and writes; desk, median): "
        f"{ready:.1f} ms, {ready / results.median('bare'):.2f}× the bare window "
        f"(the issue's figure as read before it was split; ≤ {DATABASE_READY_TARGET_MS:g} ms: "
        f"{met})"
    )
    floor = statistics.median(results.usable("orm"))
    beyond = "above" if floor > DATABASE_READY_TARGET_MS else "within"
    print(
        f"floor of the database layer (a bare SQLModel program, no window: one table on a "
        f"SQLite file, one select; median): {floor:.1f} ms since its process started, {beyond} "
        f"{DATABASE_READY_TARGET_MS:g} ms; the desk's ORM attached {ready - floor:.0f} ms later "
        f"(runs: {' '.join(f'{value:.0f}' for value in results.usable('orm'))})"
    )
    if "unlocked" in desk_steps:
        print(
            f"unlocked by the code typed as soon as the lock screen was usable (code checked, "
            f"screens back; desk, median): {desk_steps['unlocked']:.1f} ms "
            f"(CPU {desk_steps['cpu_unlocked']:.0f} ms)"
        )
    cpu = {kind: results.milestones(kind) for kind in ("bare", "desk")}
    print(
        f"CPU time used (median, all threads; steadier than wall times on a loaded machine): "
        f"bare window {cpu['bare']['cpu_usable']:.0f} ms when usable; desk "
        f"{cpu['desk']['cpu_usable']:.0f} ms when usable "
        f"({cpu['desk']['cpu_usable'] / cpu['bare']['cpu_usable']:.2f}×), "
        f"{cpu['desk']['cpu_first_action']:.0f} ms at its first database action, "
        f"{cpu['desk']['cpu_database_ready']:.0f} ms when the ORM is attached; the bare "
        f"SQLModel program {results.milestones('orm')['cpu_usable']:.0f} ms at its select"
    )
    for kind in ("bare", "desk"):
        steps = results.milestones(kind)
        print(f"  {kind} milestones (median ms): "
              + ", ".join(f"{name} {value:.0f}" for name, value in steps.items()))  # fmt: skip


# --- where the desk's start goes ------------------------------------------------------------------

_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_breakdown(stderr: str, top: int = 12) -> list[tuple[str, float]]:
    """Self time of `python -X importtime`, summed by top-level package (ms)."""
    totals: dict[str, float] = {}
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            package = match.group(4).split(".")[0]
            totals[package] = totals.get(package, 0.0) + int(match.group(1)) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])[:top]


def import_cumulative(stderr: str, names: Iterable[str]) -> dict[str, float]:
    """Cumulative import time of given modules (ms), where they were first imported."""
    wanted = set(names)
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and match.group(4) in wanted and match.group(4) not in found:
            found[match.group(4)] = int(match.group(2)) / 1000
    return found


PROFILED_MODULES = (
    "spro_desk.cli.commands",
    "spro_desk.contacts.service",
    "sqlmodel",
    "spro_desk.storage.migrate",
    "alembic",
    "data_inclusion.schema",
    "spro_desk.storage.tables",
    "spro_desk.directory.importer",
    "spro_desk.ui.app.start",
    "spro_desk.ui.app.main_window",
    "spro_desk.ui.app.screens",
    "PySide6.QtWidgets",
)


def profile_start() -> dict[str, Any]:
    """-X importtime and cProfile of one desk start (after a warm-up start)."""
    with tempfile.TemporaryDirectory(prefix="spro-bench-ui-") as temp:
        root = Path(temp)
        data_dir = prepare_desk_data(root)
        environment = offscreen_environment(root / "config")
        start_once("desk", data_dir, environment)
        _milestones, stderr = start_once("desk", data_dir, environment, ["-X", "importtime"])
        stats_file = root / "start.prof"
        start_once("desk", data_dir, environment, ["-m", "cProfile", "-o", str(stats_file)])
        stream = io.StringIO()
        stats = pstats.Stats(str(stats_file), stream=stream)
        stats.sort_stats("cumulative").print_stats(r"spro_desk|sqlalchemy\.engine|alembic", 30)
    return {
        "imports_by_package_ms": import_breakdown(stderr),
        "imports_cumulative_ms": import_cumulative(stderr, PROFILED_MODULES),
        "cprofile": stream.getvalue(),
    }


def print_profile(profile: dict[str, Any]) -> None:
    print()
    print("Where the desk's start goes")
    print("  -X importtime, self time by top-level package (ms):")
    for package, value in profile["imports_by_package_ms"]:
        print(f"    {value:7.1f}  {package}")
    print("  -X importtime, cumulative (ms, where first imported):")
    for name, value in profile["imports_cumulative_ms"].items():
        print(f"    {value:7.1f}  {name}")
    print("  cProfile (cumulative, project and database frames):")
    lines = profile["cprofile"].splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    for line in lines[start : start + 32]:
        print("    " + line)


# --- keystroke to results -------------------------------------------------------------------------


@dataclass
class Keystroke:
    text: str
    commune: str | None
    debounce_ms: float
    search_ms: float
    results_ms: float
    painted_ms: float
    rows: int
    results_cpu_ms: float = 0.0
    sequence: str = "typed"


def national_database() -> Path:
    if NATIONAL_DB.is_file():
        return NATIONAL_DB
    from spro_desk.directory.importer import import_directory
    from spro_desk.storage.engine import Database

    folder = ensure_dataset(NATIONAL)
    print(f"importing {folder} into {NATIONAL_DB} (a few minutes)…", flush=True)
    db = Database(NATIONAL_DB)
    try:
        import_directory(db, folder)
    finally:
        db.close()
    return NATIONAL_DB


def prepare_as_imported(database: Path) -> dict[str, float]:
    """The rankings file deleted, then made as `spro-desk directory import` makes it after an
    import (prepare_search): what a desk has after a directory update, nothing typed yet.
    Timed (wall and CPU: it is part of what an import costs) and printed."""
    from spro_desk.directory.rankings_cache import cache_path
    from spro_desk.directory.search import prepare_search
    from spro_desk.storage.engine import Database

    path = cache_path(database)
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    db = Database(database)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        done = prepare_search(db)
        figures = {"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu}
    finally:
        db.close()
    figures["file_mb"] = path.stat().st_size / 1e6 if path.is_file() else 0.0
    state = "done" if done else "NOT done"
    print(f"rankings file deleted and made again by prepare_search ({state}): "
          f"{figures['wall_s']:.1f} s wall, {figures['cpu_s']:.1f} s CPU, "
          f"{figures['file_mb']:.1f} MB", flush=True)  # fmt: skip
    return figures


def held_out_queries(database: Path, seed: int = HELD_OUT_SEED) -> tuple[str, ...]:
    """Queries an agent might type that the bench's TYPED does not hold, drawn from the
    directory (seeded): frequent words and word pairs of the services' names, frequent words
    of their descriptions, acronyms of the networks, and words with one typo."""
    import itertools
    import random
    import sqlite3
    from collections import Counter

    from spro_desk.directory.networks import ACRONYMS
    from spro_desk.directory.rows import FIELD_SEPARATOR

    typed = {word for text in TYPED for word in text.split()}
    names: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    described: Counter[str] = Counter()
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        for (text,) in connection.execute("SELECT search_text FROM service"):
            fields = text.split(FIELD_SEPARATOR)
            name = fields[0].split()
            names.update({w for w in name if len(w) >= 4 and w not in typed})
            pairs.update(
                {f"{a} {b}" for a, b in itertools.pairwise(name)
                 if len(a) >= 4 and len(b) >= 3 and not {a, b} & typed}
            )  # fmt: skip
            if len(fields) > 2:
                described.update({w for w in fields[2].split() if len(w) >= 6 and w not in typed})
    draw = random.Random(seed)
    n_names, n_pairs, n_described, n_acronyms, n_typos = HELD_OUT_DRAWS

    def sample(counter: Counter[str], among: int, n: int) -> list[str]:
        # Ties by the words themselves: the sets' order changes with each process's hashing.
        common = sorted(counter, key=lambda word: (-counter[word], word))[:among]
        return draw.sample(common, min(n, len(common)))

    words = sample(names, 60, n_names)
    chosen = words + sample(pairs, 40, n_pairs) + sample(described, 80, n_described)
    chosen += draw.sample(sorted(a for a in ACRONYMS if a not in typed), n_acronyms)
    for word in draw.sample([w for w in words if len(w) >= 6], min(n_typos, len(words))):
        at = draw.randrange(1, len(word) - 2)  # two letters swapped, as a hurried hand does
        chosen.append(word[:at] + word[at + 1] + word[at] + word[at + 2 :])
    return tuple(dict.fromkeys(chosen))


@dataclass(frozen=True)
class WhatIf:
    """Product constants changed for one run, to weigh a change before making it."""

    search_delay_ms: int | None = None
    page_size: int | None = None
    # Type only once the Annuaire's work in advance (letters, words, rankings) is over, as an
    # agent does who opened the desk some seconds before the first visitor.
    settle_s: float | None = None
    # Type with the rankings file as earlier runs left it, not made again by prepare_search.
    keep_rankings: bool = False

    def describe(self) -> str:
        parts = [
            f"{name}={value}" for name, value in asdict(self).items() if value not in (None, False)
        ]
        return ", ".join(parts) or "as shipped"


def measure_typing(
    database: Path, held_out: tuple[str, ...], what_if: WhatIf = WhatIf()
) -> list[Keystroke]:
    """Type TYPED then `held_out` without filter, TYPED with commune filters, in the real
    window."""
    with tempfile.TemporaryDirectory(prefix="spro-bench-ui-") as temp:
        os.environ.update(offscreen_environment(Path(temp)))
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        try:
            return _type_in_window(database, Path(temp), held_out, what_if)
        finally:
            del app


def _type_in_window(
    database: Path, temp: Path, held_out: tuple[str, ...], what_if: WhatIf
) -> list[Keystroke]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest

    from spro_desk.storage.engine import Database
    from spro_desk.ui.app.main_window import MainWindow
    from spro_desk.ui.common import service_results as models

    if what_if.page_size is not None:
        models.CHUNK = what_if.page_size
    db = Database(database)
    settings = QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings=settings, clock=lambda: TYPING_NOW)
    window.resize(1280, 800)
    window.show()
    window.show_screen("annuaire")
    view = window.directory_view
    if what_if.settle_s is not None:
        settled = time.perf_counter()
        wait = getattr(view._search, "wait_prepared", None)  # older revisions: a pause
        ready = wait(what_if.settle_s) if wait else time.sleep(what_if.settle_s) is None
        print(f"work in advance: {'over' if ready else 'NOT over'} after "
              f"{time.perf_counter() - settled:.1f} s", flush=True)  # fmt: skip
    if what_if.search_delay_ms is not None:
        view._search_timer.setInterval(what_if.search_delay_ms)
    box = view.search_box
    marks: dict[str, float] = {}

    real_search = view.model.search

    def timed_search(*args: Any, **kwargs: Any) -> None:
        marks.setdefault("search", time.perf_counter())
        real_search(*args, **kwargs)

    view.model.search = timed_search  # type: ignore[method-assign]

    def reset() -> None:
        marks.setdefault("reset", time.perf_counter())
        marks.setdefault("reset_cpu", time.thread_time())

    def painted() -> None:
        marks.setdefault("painted", time.perf_counter())

    view.model.modelReset.connect(reset)
    # Armed by the first paint after the reset; fires once that paint is over.
    after_paint = QTimer()
    after_paint.setSingleShot(True)
    after_paint.setInterval(0)
    after_paint.timeout.connect(painted)

    class PaintWatch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "reset" in marks:
                after_paint.start()
            return False

    watch = PaintWatch()
    view.table.viewport().installEventFilter(watch)

    # An instance's processEvents: PySide6 6.12.0's static QCoreApplication.processEvents (like
    # every static void method there) drops a reference to None per call, and the interpreter
    # aborts after a few thousand calls.
    loop = QEventLoop()

    def settle(until: Callable[[], bool]) -> None:
        deadline = time.perf_counter() + WAIT_S
        while not until():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no results after {WAIT_S} s for {box.text()!r}")
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    def clear() -> None:
        if not box.text():
            return
        marks.clear()
        box.clear()  # a search of its own, not measured
        settle(lambda: "painted" in marks)

    samples: list[Keystroke] = []
    try:
        window.activateWindow()
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        settle(box.hasFocus)
        runs = [(None, TYPED, "typed"), (None, held_out, "held out")]
        runs += [(commune, TYPED, "typed") for commune in COMMUNES]
        for commune, sequence, label in runs:
            view.filter_bar.commune.set_code(commune)
            for words in sequence:
                clear()
                for char in words:
                    marks.clear()
                    key_cpu = time.thread_time()
                    key_at = time.perf_counter()
                    QTest.keyClick(box, char)
                    settle(lambda: "painted" in marks)
                    samples.append(
                        Keystroke(
                            text=box.text(),
                            commune=commune,
                            debounce_ms=(marks["search"] - key_at) * 1000,
                            search_ms=(marks["reset"] - marks["search"]) * 1000,
                            results_ms=(marks["reset"] - key_at) * 1000,
                            painted_ms=(marks["painted"] - key_at) * 1000,
                            rows=view.model.rowCount(),
                            results_cpu_ms=(marks["reset_cpu"] - key_cpu) * 1000,
                            sequence=label,
                        )
                    )
    finally:
        view.table.viewport().removeEventFilter(watch)
        _print_rankings_origin(view._search)
        window.close()
        db.close()
    return samples


def _print_rankings_origin(search: Any) -> None:
    """How the kept term rankings came: read from the rankings file next to the database
    (made by earlier runs: the first run after the database is built makes them), or ranked."""
    ranker = getattr(search, "_ranker", None)
    cache = getattr(search, "_cache", None)
    if ranker is None or cache is None:  # older revisions
        return
    on_ui = cache.loaded - ranker.read
    print(f"term rankings: {ranker.read} read by the background ranker and {on_ui} by the UI "
          f"thread from {cache.path}, {ranker.ranked} ranked by FTS5 in the background",
          flush=True)  # fmt: skip


def typing_summary(samples: list[Keystroke]) -> dict[str, dict[str, float]]:
    summary: dict[str, dict[str, float]] = {}
    for label, chosen in (
        ("no filter", [s for s in samples if s.commune is None and s.sequence == "typed"]),
        ("held out", [s for s in samples if s.sequence == "held out"]),
        ("both, no filter", [s for s in samples if s.commune is None]),
        ("commune filter", [s for s in samples if s.commune is not None]),
    ):
        if not chosen:
            continue
        row: dict[str, float] = {"keys": len(chosen)}
        for name in ("debounce_ms", "search_ms", "results_ms", "painted_ms", "results_cpu_ms"):
            values = [getattr(s, name) for s in chosen]
            row[f"{name} p50"] = percentile(values, 0.50)
            row[f"{name} p95"] = percentile(values, 0.95)
            row[f"{name} max"] = max(values)
        row["within target"] = sum(s.results_ms <= LATENCY_TARGET_MS for s in chosen) / len(chosen)
        summary[label] = row
    return summary


def print_typing(
    samples: list[Keystroke], summary: dict[str, dict[str, float]], what_if: WhatIf
) -> None:
    print()
    print(f"Keystroke to results in the Annuaire, national directory (ms; {what_if.describe()})")
    columns = (("debounce_ms", "debounce"), ("search_ms", "search+model"),
               ("results_ms", "key→results"), ("painted_ms", "key→painted"),
               ("results_cpu_ms", "CPU→results"))  # fmt: skip
    print(f"{'':16}{'keys':>5}" + "".join(f"{title + ' p50':>18}{'p95':>7}"
                                           for _name, title in columns))  # fmt: skip
    for label, row in summary.items():
        cells = "".join(f"{row[name + ' p50']:18.1f}{row[name + ' p95']:7.1f}"
                        for name, _title in columns)  # fmt: skip
        print(f"{label:16}{row['keys']:5.0f}{cells}")
    for label, row in summary.items():
        met = "yes" if row["results_ms p95"] <= LATENCY_TARGET_MS else "NO"
        print(f"{label}: key→results p95 {row['results_ms p95']:.1f} ms "
              f"(target ≤ {LATENCY_TARGET_MS:g} ms): {met}; "
              f"{row['within target']:.0%} of the keys within the target")  # fmt: skip
    slowest = sorted(samples, key=lambda s: -s.results_ms)[:12]
    print("slowest keys (key→results ms, search+model ms, CPU ms, rows, commune, text):")
    for s in slowest:
        commune = s.commune or "-"
        print(f"  {s.results_ms:7.1f} {s.search_ms:7.1f} {s.results_cpu_ms:7.1f} {s.rows:5} "
              f"{commune:6} {s.text!r}")  # fmt: skip


# --- main -----------------------------------------------------------------------------------------


def pyside_version() -> str:
    import PySide6
    from PySide6 import QtCore

    return f"{PySide6.__version__} (Qt {QtCore.qVersion()}), QT_QPA_PLATFORM=offscreen"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "start", "typing"), default="all")
    parser.add_argument("--runs", type=int, default=15, help="measured start pairs (≥ 5)")
    parser.add_argument("--database", type=Path, help="default: bench/out/national.sqlite3")
    parser.add_argument("--profile", action="store_true", help="importtime + cProfile of a start")
    parser.add_argument("--no-profile", action="store_true", help="not even when over target")
    parser.add_argument("--desk", choices=DESKS, default=DESKS[0], help="the desk's data folder")
    parser.add_argument(
        "--type-code",
        action="store_true",
        help="in-service desk: the agent types the code as soon as the lock screen is usable",
    )
    parser.add_argument(
        "--search-delay-ms",
        type=int,
        metavar="MS",
        help="what-if: the view's debounce instead of SEARCH_DELAY_MS",
    )
    parser.add_argument(
        "--page-size",
        type=int,
        metavar="ROWS",
        help="what-if: the rows read at once instead of models.CHUNK",
    )
    parser.add_argument(
        "--keep-rankings",
        action="store_true",
        help="what-if: type with the rankings file as earlier runs left it (not made again)",
    )
    parser.add_argument(
        "--seed", type=int, default=HELD_OUT_SEED, help="draw of the held-out queries"
    )
    parser.add_argument(
        "--settle-s",
        type=float,
        metavar="S",
        help="what-if: type once the Annuaire's work in advance is over (waiting at most S s)",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_arguments()
    machine = machine_description()
    machine["pyside6"] = pyside_version()
    print("Machine: " + ", ".join(f"{key} {value}" for key, value in machine.items()), flush=True)
    report: dict[str, Any] = {"machine": machine}
    if args.part in ("all", "start"):
        start = measure_start(args.runs, args.desk, type_code=args.type_code)
        print_start(start)
        report["start"] = {
            "desk": args.desk,
            "type_code": args.type_code,
            "bare_ms": start.usable("bare"),
            "desk_ms": start.usable("desk"),
            "bare_median_ms": start.median("bare"),
            "desk_median_ms": start.median("desk"),
            "ratio": start.ratio,
            "paired_ratios": start.paired_ratios,
            "paired_ratio": start.paired_ratio,
            "orm_floor_ms": start.usable("orm"),
            "milestones_median_ms": {k: start.milestones(k) for k in START_KINDS},
        }
        if args.profile or (start.ratio > START_RATIO_TARGET and not args.no_profile):
            profile = profile_start()
            print_profile(profile)
            report["start_profile"] = profile
    if args.part in ("all", "typing"):
        database = args.database or national_database()
        what_if = WhatIf(args.search_delay_ms, args.page_size, args.settle_s, args.keep_rankings)
        prepared = None if args.keep_rankings else prepare_as_imported(database)
        held_out = held_out_queries(database, args.seed)
        print("held-out queries: " + ", ".join(held_out), flush=True)
        samples = measure_typing(database, held_out, what_if)
        summary = typing_summary(samples)
        print_typing(samples, summary, what_if)
        report["typing"] = {"database": str(database), "what_if": asdict(what_if),
                            "prepared": prepared, "held_out": held_out,
                            "summary": summary, "keys": [asdict(s) for s in samples]}  # fmt: skip
    machine["load at end"] = load_average()
    print(f"\nload average at end: {machine['load at end']}")
    # A what-if run never replaces the figures of the product as shipped.
    shipped = (
        args.search_delay_ms is None
        and args.page_size is None
        and args.settle_s is None
        and not args.keep_rankings
    )
    target = RESULTS if shipped else WHAT_IF_RESULTS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written: {target.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
