"""Synchronisation (issue 4): a busy desk's year exported, 500 desk-weeks imported.

Usage: ``python bench/bench_sync.py [--quick] [--fresh] [--desks N] [--profile]``.

1. **Export.** One desk records a busy year — 30,000 contacts, 8,000 of them referred — through
   the real `ContactService` (so the change log is written exactly as the app writes it), then
   `export_bundle` is timed. Baseline in the same run: reading the same events from SQLite and
   writing them as JSON lines to a synced file, unsigned and unencrypted.
2. **Coordinator import.** 500 registered desks each export a real signed, age-encrypted bundle
   of one week (60 contacts, 15 of them referred: ~90 events). In a fresh process, the
   coordinator imports them all three times, each on a fresh database, as `coordinator import`
   does: the import (decrypt, check, store the events and, the merged state being current,
   merge them in the same transaction: its commit) is timed, then, apart, the catch-up of
   issue 5's merged state (`catch_up_merged_state`: what the import left, nothing here). From 16
   bundles on, a worker process opens the next bundles while the import writes: its CPU time is
   reported with the import's. Medians of the three; peak memory = the process's VmHWM after
   the import and after the catch-up.
   Baseline, run right after each import (same load): the same `received_event` rows inserted
   with one `executemany` in one transaction into a fresh SQLite table of the same schema, with
   the same durability (WAL, synchronous=FULL). Target: import ≤ 3× the baseline. The catch-up
   is also compared with bulk-inserting the merged rows it writes. The baseline keeps SQLite's
   default page and cache sizes (as since issue 4); the same baseline with the product's page
   size (8 KiB for a new file since issue 19) and the import's page cache is printed beside it,
   with its own ratio, for transparency (not the target's); so is the same baseline with the
   import's INSERTs of several rows each (issue-a19i), to show how much of the import's gain
   the baseline itself would get from them.

3. **The same on PostgreSQL** (issue 19, with ``--postgres URL`` or SPRO_BENCH_POSTGRES_URL: a
   server the bench may create databases on; ``scripts/test_postgres.sh`` with
   SPRO_TEST_POSTGRES_FSYNC=on starts one with its durability on): each run on a fresh database,
   and the baselines inserted with psycopg's ``executemany`` in one transaction into a fresh
   database migrated the same way (same tables, same indexes). Target: import + catch-up ≤ 3×
   the baseline on both databases.

Generating the desks is not timed; the world (keys, registrations, bundles) is kept under
bench/out/sync-<size>/ and reused by the next run (--fresh regenerates it). --quick: a year a
fifth as busy and 100 desks, in well under 3 minutes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError
from support import (
    BENCH_OUT,
    PROJECT_ROOT,
    Figure,
    load_average,
    machine_description,
    print_table,
)

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.directory.importer import import_directory
from spro_desk.storage.dialects import sqlite as sqlite_dialect
from spro_desk.storage.dialects import sqlite_insert_statements
from spro_desk.storage.engine import Database
from spro_desk.sync import reader_process
from spro_desk.sync.bundle import BUNDLE_FORMAT, export_bundle
from spro_desk.sync.coordinator import BundleRefused, import_bundles, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration
from spro_desk.sync.merged import catch_up_merged_state
from spro_desk.vocab import CANAUX, REPONSES, SEXES, STATUTS, TRANCHES_AGE, categories

IMPORT_TARGET = 3.0  # coordinator import at most 3 times the bulk-insert baseline
CVL = PROJECT_ROOT / "tests" / "data" / "cvl"
COMMUNES = ("18033", "45234", "37261", "41018", "28085", "36044")
YEAR_START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
FULL = {"contacts": 30_000, "referrals": 8_000, "desks": 500}
QUICK = {"contacts": 6_000, "referrals": 1_600, "desks": 100}
WEEK_CONTACTS, WEEK_REFERRALS = 60, 15


# --- making desks (not timed) --------------------------------------------------------------


def fast_writes(db: Database) -> Database:
    """synchronous=OFF on this engine's connections: generating a year is not what is measured,
    and 46,000 fsyncs would take minutes. The services and the change log are unchanged."""
    event.listen(db.engine, "connect", lambda c, _r: c.execute("PRAGMA synchronous=OFF"))
    db.engine.dispose()
    return db


def small_directory(target: Path) -> Path:
    """Twelve structures of the test fixture and their services: enough to refer to."""
    structures = json.loads((CVL / "structures.json").read_text("utf-8"))[:12]
    kept = {s["id"] for s in structures}
    services = [
        s for s in json.loads((CVL / "services.json").read_text("utf-8"))
        if s["structure_id"] in kept
    ]  # fmt: skip
    target.mkdir(parents=True, exist_ok=True)
    (target / "structures.json").write_text(json.dumps(structures), "utf-8")
    (target / "services.json").write_text(json.dumps(services), "utf-8")
    return target


def template_desk(world: Path) -> tuple[Path, list[str]]:
    """A migrated desk database with a small directory: copied for every desk (no Alembic)."""
    path = world / "template.sqlite"
    db = Database(path)
    import_directory(db, small_directory(world / "directory"))
    with db.engine.connect() as connection:
        services = [r[0] for r in connection.exec_driver_sql("SELECT id FROM service ORDER BY id")]
    db.close()
    return path, services


def contact_input(rng: random.Random, at: datetime) -> ContactInput:
    needs = list(categories())
    return ContactInput(
        canal=rng.choice(list(CANAUX)),
        statut=rng.choice(list(STATUTS)),
        tranche_age=rng.choice(list(TRANCHES_AGE)),
        sexe=rng.choice(list(SEXES)),
        commune=rng.choice(COMMUNES),
        besoins=tuple(rng.sample(needs, rng.randint(1, 2))),
        reponses=(rng.choice([r for r in REPONSES if r not in ("orientation", "rendez-vous")]),),
        duree=rng.choice((5, 10, 15, 30)),
        occurred_at=at,
    )


def record_activity(
    db: Database, rng: random.Random, services: list[str], contacts: int, referrals: int,
    start: datetime, span: timedelta,
) -> None:  # fmt: skip
    """`contacts` contacts spread over `span`, `referrals` of them referred in the same step."""
    service = ContactService(db)
    referred = set(rng.sample(range(contacts), referrals))
    for number in range(contacts):
        at = start + span * (number / contacts)
        data = contact_input(rng, at)
        if number in referred:
            rdv = at + timedelta(days=rng.randint(1, 14)) if rng.random() < 0.4 else None
            service.record_with_referral(data, rng.choice(services), rdv_at=rdv)
        else:
            service.record(data)


def record_edits(db: Database, rng: random.Random, count: int) -> None:
    """`count` referrals given their outcome and one contact deleted, through the service: the
    edits a week of follow-up adds to a desk's change log."""
    if count <= 0:
        return
    service = ContactService(db)
    with db.engine.connect() as connection:
        referrals = connection.exec_driver_sql("SELECT id, type FROM referral ORDER BY id").all()
        lone = connection.exec_driver_sql(
            "SELECT id FROM contact WHERE id NOT IN (SELECT contact_id FROM referral) "
            "ORDER BY id LIMIT 1"
        ).scalar()
    for referral_id, kind in rng.sample(referrals, min(count, len(referrals))):
        outcome = rng.choice(("honore", "non-honore")) if kind == "rendez-vous" else "annule"
        service.set_referral_status(referral_id, outcome)
    if lone:
        service.delete(lone)


class World:
    """The coordinator's keys, a template desk, and the desks' registrations and bundles
    (each desk-week with `sizes["edits"]` follow-up edits when given)."""

    def __init__(self, root: Path, sizes: dict[str, int], fresh: bool) -> None:
        self.root, self.sizes = root, sizes
        self.coordinator_dir = root / "coordinator"
        self.bundles_dir, self.registrations_dir = root / "bundles", root / "registrations"
        marker = root / "world.json"
        expected = {"format": BUNDLE_FORMAT, **sizes}
        if not fresh and marker.exists() and json.loads(marker.read_text()) == expected:
            self.template = root / "template.sqlite"
            self.services = self._services()
            return
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        init_coordinator(self.coordinator_dir)
        identity = signed_identity_file(self.coordinator_dir)
        (root / "coordinator.json").write_text(json.dumps(identity))
        self.template, self.services = template_desk(root)
        self._make_desk_weeks(sizes["desks"])
        marker.write_text(json.dumps(expected))

    def _services(self) -> list[str]:
        with sqlite3.connect(self.template) as connection:
            return [r[0] for r in connection.execute("SELECT id FROM service ORDER BY id")]

    def new_desk(self, folder: Path, name: str) -> Database:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copyfile(self.template, folder / "desk.sqlite")
        db = fast_writes(Database(folder / "desk.sqlite"))
        init_desk(db, folder, name, "cio", "18033")
        trust_coordinator(db, self.root / "coordinator.json")
        return db

    def _make_desk_weeks(self, desks: int) -> None:
        started = time.perf_counter()
        scratch = self.root / "scratch"
        for number in range(desks):
            rng = random.Random(number)
            db = self.new_desk(scratch, f"Site {number}")
            identity = load_identity(db)
            assert identity is not None
            record_activity(
                db, rng, self.services, WEEK_CONTACTS, WEEK_REFERRALS,
                YEAR_START, timedelta(days=5),
            )  # fmt: skip
            record_edits(db, rng, self.sizes.get("edits", 0))
            export_bundle(db, scratch, self.bundles_dir)
            self.registrations_dir.mkdir(exist_ok=True)
            write_registration(identity, self.registrations_dir / f"{identity.desk_id}.json")
            db.close()
            if number % 50 == 49:
                print(f"  {number + 1} desk-weeks generated "
                      f"({time.perf_counter() - started:.0f} s)", flush=True)  # fmt: skip
        shutil.rmtree(scratch)


# --- 1. a busy year exported ---------------------------------------------------------------


def export_baseline(database: Path, out: Path) -> float:
    """The same events read from SQLite and written as JSON lines to a synced file."""
    started = time.perf_counter()
    connection = sqlite3.connect(database)
    rows = connection.execute(
        "SELECT id, seq, at, entity, entity_id, op, payload FROM event ORDER BY seq"
    ).fetchall()
    connection.close()
    names = ("id", "seq", "at", "entity", "entity_id", "op", "payload")
    with open(out, "wb") as file:
        for row in rows:
            record = dict(zip(names, row, strict=True))
            record["payload"] = json.loads(record["payload"])
            file.write(json.dumps(record, separators=(",", ":")).encode() + b"\n")
        file.flush()
        os.fsync(file.fileno())
    return time.perf_counter() - started


def measure_export(world: World) -> dict[str, Any]:
    folder = world.root / "year-desk"
    started = time.perf_counter()
    db = world.new_desk(folder, "Site très actif")
    record_activity(
        db, random.Random(2026), world.services, world.sizes["contacts"],
        world.sizes["referrals"], YEAR_START, timedelta(days=365),
    )  # fmt: skip
    db.close()
    generated = time.perf_counter() - started
    db = Database(folder / "desk.sqlite")  # the app's settings again: synchronous=FULL
    with db.engine.connect() as connection:
        events = connection.exec_driver_sql("SELECT COUNT(*) FROM event").scalar_one()
    baseline = export_baseline(folder / "desk.sqlite", folder / "baseline.jsonl")
    out = folder / "usb"
    started = time.perf_counter()
    result = export_bundle(db, folder, out)
    elapsed = time.perf_counter() - started
    db.close()
    return {
        "generated_s": generated, "events": events, "export_s": elapsed,
        "baseline_s": baseline, "bundle_bytes": result.path.stat().st_size,
        "baseline_bytes": (folder / "baseline.jsonl").stat().st_size,
    }  # fmt: skip


# --- 2. the coordinator imports a week of every desk (run in a fresh process) ---------------


def high_water_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


EVENT_TABLES = ("received_event",)
# Every table the import writes (its events, bundles, alerts, what each desk says of itself),
# and every table the catch-up writes (issue 5's merged state for the indicators).
IMPORT_TABLES = ("received_event", "received_bundle", "sync_alert", "merged_desk")
MERGED_TABLES = ("merged_tombstone", "merged_contact", "merged_referral")
RUNS = 3  # imports (each on a fresh database), interleaved with the baseline's runs


def bulk_insert(
    db: Database,
    tables: tuple[str, ...],
    target: Path,
    *,
    product_pages: bool = False,
    multi_row: bool = False,
) -> tuple[float, float]:
    """The rows the import stored in `tables`, read back, then inserted into fresh tables of the
    same schema (indexes included) with one executemany per table in one transaction, with the
    app's durability (WAL, synchronous=FULL). Returns wall and CPU seconds.

    SQLite's default page and cache sizes, as the target's baseline since issue 4;
    `product_pages`: the page size of the product's new files and the import's page cache
    (`storage.dialects.sqlite`), for a second, printed-only ratio. `multi_row`: the rows in
    the product's INSERTs of several rows each (`dialects.sqlite_insert_statements`, as the
    import since issue-a19i), for a third one: how much the baseline itself would gain."""
    schema, rows, columns = [], {}, {}
    with db.engine.connect() as connection:
        run = connection.exec_driver_sql
        for table in tables:
            schema += [sql for (sql,) in run(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql NOT NULL "
                "ORDER BY type DESC", (table,))]  # fmt: skip
            result = run(f"SELECT * FROM {table}")
            columns[table] = list(result.keys())
            rows[table] = [tuple(row) for row in result]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    connection = sqlite3.connect(target, isolation_level=None)
    if product_pages:
        connection.execute(f"PRAGMA page_size={sqlite_dialect.PAGE_SIZE}")
        connection.execute(f"PRAGMA cache_size=-{sqlite_dialect.IMPORT_CACHE_KIB}")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for sql in schema:
        connection.execute(sql)
    started, cpu = time.perf_counter(), time.process_time()
    connection.execute("BEGIN")
    for table, values in rows.items():
        if values and multi_row:
            for sql, parameters in sqlite_insert_statements(table, columns[table], values):
                connection.executemany(sql, parameters)
        elif values:
            marks = ", ".join("?" * len(values[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    connection.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return elapsed, cpu


def children_cpu() -> float:
    """CPU seconds of the ended child processes (the import's bundle-reading worker)."""
    times = os.times()
    return times.children_user + times.children_system


def timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    """The action's result, wall and CPU seconds (this process's)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - started, time.process_time() - cpu


def profiled(action: Callable[[], Any], enabled: bool, title: str) -> Any:
    """cProfile of the action on stderr (--profile): where the time goes."""
    if not enabled:
        return action()
    profiler = cProfile.Profile()
    result = profiler.runcall(action)
    print(f"\n===== {title} =====", file=sys.stderr)
    stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)
    return result


def fresh_coordinator(world_root: Path, name: str) -> Database:
    """A new coordinator database with every desk registered (not timed)."""
    target = world_root / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = Database(target)
    for registration in sorted((world_root / "registrations").glob("*.json")):
        register_desk(db, registration)
    return db


# --- the same on PostgreSQL ---------------------------------------------------------------


def _server(base: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(base).set(database=name).render_as_string(hide_password=False)


def _psycopg(url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain)


def new_server_database(base: str, world_root: Path, tag: str) -> Database:
    """A fresh database on the server, migrated by the app (not timed)."""
    name = f"bench_{tag}_{os.getpid()}_{random.getrandbits(24)}"
    with _psycopg(base) as admin:
        admin.autocommit = True
        admin.execute(f'CREATE DATABASE "{name}"')
    return Database(world_root / "unused.sqlite", url=_server(base, name))


def drop_server_database(base: str, db: Database) -> None:
    name = db.engine.url.database
    db.close()
    with _psycopg(base) as admin:
        admin.autocommit = True
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _readable_columns(table: str) -> tuple[list[str], list[str]]:
    """The table's columns (not PostgreSQL's generated rowid), JSON ones read as text."""
    from sqlalchemy import JSON
    from sqlmodel import SQLModel

    # the tables on the metadata (the coordination's own live apart since main's split)
    import spro_desk.storage.coordination_tables
    import spro_desk.storage.tables  # noqa: F401

    columns = SQLModel.metadata.tables[table].columns
    names = [c.name for c in columns]
    reads = [f"CAST({c.name} AS TEXT)" if isinstance(c.type, JSON) else c.name for c in columns]
    return names, reads


def bulk_insert_server(
    db: Database, tables: tuple[str, ...], base: str, world_root: Path
) -> tuple[float, float]:
    """The rows the import stored in `tables`, inserted into a fresh migrated database with
    psycopg's executemany in one transaction (synchronous_commit as the server says)."""
    from sqlalchemy import text

    rows: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as connection:
        for table in tables:
            names, reads = _readable_columns(table)
            found = connection.execute(text(f"SELECT {', '.join(reads)} FROM {table}"))
            rows[table] = [tuple(row) for row in found]
    target = new_server_database(base, world_root, "baseline")
    url = target.url
    assert url is not None
    target.engine.dispose()
    try:
        with _psycopg(url) as connection:
            started, cpu = time.perf_counter(), time.process_time()
            with connection.cursor() as cursor:
                for table, values in rows.items():
                    names, _reads = _readable_columns(table)
                    if values:
                        marks = ", ".join(["%s"] * len(names))
                        cursor.executemany(
                            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values
                        )
            connection.commit()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        drop_server_database(base, target)
    return elapsed, cpu


def server_cpu(db: Database) -> float | None:
    """CPU seconds of every process of the server (its postmaster counts those ended), read
    from /proc: only for a server on this machine whose data folder this user may read (the
    throwaway one of scripts/test_postgres.sh, as root); None otherwise."""
    try:
        with db.engine.connect() as connection:
            folder = connection.exec_driver_sql("SHOW data_directory").scalar_one()
        master = int((Path(folder) / "postmaster.pid").read_text().split()[0])
        tick, total = os.sysconf("SC_CLK_TCK"), 0
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue  # ended meanwhile: counted by the postmaster
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(entry) == master:
                total += sum(int(value) for value in fields[11:15])  # its own and its ended
            elif int(fields[1]) == master:
                total += int(fields[11]) + int(fields[12])
        return total / tick
    except (OSError, ValueError, SQLAlchemyError):  # a remote server, or not ours to read
        return None


def server_run(world_root: Path, base: str, bundles: list[Path], profile: bool) -> dict[str, Any]:
    """One import and catch-up on a fresh server database, then its two baselines."""
    db = new_server_database(base, world_root, "import")
    for registration in sorted((world_root / "registrations").glob("*.json")):
        register_desk(db, registration)
    keys = world_root / "coordinator"
    worker_cpu, server_before = children_cpu(), server_cpu(db)
    results, wall, cpu = timed(
        lambda: profiled(lambda: import_bundles(db, keys, bundles), profile, "import (PostgreSQL)")
    )
    merged, merge_wall, merge_cpu = timed(
        lambda: profiled(lambda: catch_up_merged_state(db), profile, "catch-up (PostgreSQL)")
    )
    worker_cpu, server_after = children_cpu() - worker_cpu, server_cpu(db)
    served = None if server_before is None or server_after is None else server_after - server_before
    refused = [str(r) for _path, r in results if isinstance(r, BundleRefused)]
    merged = merged_by(results, merged)
    baseline = bulk_insert_server(db, EVENT_TABLES, base, world_root)
    merged_baseline = bulk_insert_server(db, MERGED_TABLES, base, world_root)
    drop_server_database(base, db)
    return {
        "import_s": wall, "catch_up_s": merge_wall, "refused": refused, "merged_events": merged,
        "baseline_s": baseline[0], "merged_baseline_s": merged_baseline[0],
        "client_cpu_s": cpu + merge_cpu, "baseline_cpu_s": baseline[1],
        "worker_cpu_s": worker_cpu, "server_cpu_s": served,
    }  # fmt: skip


def server_child(world_root: Path, base: str, profile: bool = False) -> dict[str, Any]:
    """Section 3: the import and the catch-up on PostgreSQL, with their baselines."""
    bundles = sorted((world_root / "bundles").glob("*.spro-bundle"))
    runs = [server_run(world_root, base, bundles, profile and n == 0) for n in range(RUNS)]
    return {
        "refused": runs[0]["refused"], "merged_events": runs[0]["merged_events"],
        **{key: median([r[key] for r in runs])
           for key in ("import_s", "catch_up_s", "baseline_s", "merged_baseline_s",
                       "client_cpu_s", "baseline_cpu_s", "worker_cpu_s")},
        "server_cpu_s": None if None in (served := [r["server_cpu_s"] for r in runs])
        else median(served),
        "import_runs_s": [r["import_s"] for r in runs],
        "catch_up_runs_s": [r["catch_up_s"] for r in runs],
        "baseline_runs_s": [r["baseline_s"] for r in runs],
        "load_average": load_average(),
    }  # fmt: skip


def measure_server(world: World, base: str, profile: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child-server", str(world.root), "--postgres", base]
    command += ["--profile"] if profile else []
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def server_figures(server: dict[str, Any]) -> list[Figure]:
    baseline = server["baseline_s"]
    imported, merged = server["import_s"], server["catch_up_s"]
    both = imported + merged
    return [
        Figure("PostgreSQL: coordinator import", imported, "s", "-", None, baseline,
               imported / baseline),
        Figure("PostgreSQL: merged-state catch-up", merged, "s", "-", None, baseline,
               merged / baseline),
        Figure("PostgreSQL: catch-up vs bulk-inserting the merged rows", merged, "s", "-", None,
               server["merged_baseline_s"], merged / server["merged_baseline_s"]),
        Figure("PostgreSQL: import + catch-up", both, "s", f"≤ {IMPORT_TARGET:g}× baseline",
               both / baseline <= IMPORT_TARGET, baseline, both / baseline),
        Figure("PostgreSQL: import + catch-up, client CPU time", server["client_cpu_s"], "s",
               "-", None, server["baseline_cpu_s"],
               server["client_cpu_s"] / server["baseline_cpu_s"]),
        Figure("PostgreSQL: the reading worker's CPU time", server["worker_cpu_s"], "s", "-",
               None),
        *([] if server.get("server_cpu_s") is None else [
            Figure("PostgreSQL: the server's CPU time (every process)", server["server_cpu_s"],
                   "s", "-", None)]),
    ]  # fmt: skip


def merged_by(results: list[tuple[Path, Any]], caught_up: int) -> int:
    """Events merged into the indicators: by the import itself (in its transaction, since
    migration 0014) and by the catch-up after it (what the import left behind)."""
    return caught_up + sum(getattr(result, "events_merged", 0) for _path, result in results)


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


class WorkerWaits:
    """How long the import waited for the reading worker's verdicts, and when it got the last
    one: the writer's idle time, and what it still does alone once every bundle is open."""

    def __init__(self) -> None:
        self.waited, self.last, self.here = 0.0, 0.0, 0
        verdict = reader_process._Worker.verdict
        open_here = reader_process._open_or_refuse

        def counted_open(opener: Any, path: Path) -> Any:
            self.here += 1  # opened by the importing process itself, not by the worker
            return open_here(opener, path)

        reader_process._open_or_refuse = counted_open  # type: ignore[assignment]

        def timed_verdict(worker: Any) -> tuple[str, Any]:
            started = time.perf_counter()
            found = verdict(worker)
            self.last = time.perf_counter()
            self.waited += self.last - started
            return found

        reader_process._Worker.verdict = timed_verdict  # type: ignore[method-assign]

    def reset(self) -> None:
        self.waited, self.last, self.here = 0.0, 0.0, 0


def one_import(
    world_root: Path, bundles: list[Path], run: int, profile: bool, waits: WorkerWaits
) -> dict[str, Any]:
    """On a fresh coordinator: the import (decrypt, check, store: one commit per batch), then
    the catch-up of the merged state, as `coordinator import` runs them, timed apart."""
    db = fresh_coordinator(world_root, f"coordinator-{run}.sqlite")
    keys = world_root / "coordinator"
    worker_cpu = children_cpu()
    waits.reset()
    results, wall, cpu = timed(
        lambda: profiled(lambda: import_bundles(db, keys, bundles), profile, "import")
    )
    ended = time.perf_counter()
    worker_cpu = children_cpu() - worker_cpu
    import_peak = high_water_kib()
    merged, merge_wall, merge_cpu = timed(
        lambda: profiled(lambda: catch_up_merged_state(db), profile, "merge catch-up")
    )
    refused = [str(r) for _path, r in results if isinstance(r, BundleRefused)]
    merged = merged_by(results, merged)
    return {
        "db": db, "refused": refused, "import_s": wall, "import_cpu_s": cpu,
        "worker_cpu_s": worker_cpu, "waited_s": waits.waited,
        "alone_s": ended - waits.last if waits.last else 0.0, "opened_here": waits.here,
        "merged_events": merged, "catch_up_s": merge_wall, "catch_up_cpu_s": merge_cpu,
        "vmhwm_import_kib": import_peak, "vmhwm_kib": high_water_kib(),
    }  # fmt: skip


def coordinator_child(world_root: Path, profile: bool = False) -> dict[str, Any]:
    bundles = sorted((world_root / "bundles").glob("*.spro-bundle"))
    for bundle in bundles:
        bundle.read_bytes()  # both contenders start with the files in the page cache
    target = world_root / "baseline.sqlite"
    imports, baselines, written, merged_baselines, product, multi = [], [], [], [], [], []
    waits = WorkerWaits()
    for run in range(RUNS):
        result = one_import(world_root, bundles, run, profile and run == 0, waits)
        db = result.pop("db")
        imports.append(result)
        # the baseline right after each import: both under the same load
        baselines.append(bulk_insert(db, EVENT_TABLES, target))
        product.append(bulk_insert(db, EVENT_TABLES, target, product_pages=True))
        multi.append(bulk_insert(db, EVENT_TABLES, target, multi_row=True))
        written.append(bulk_insert(db, IMPORT_TABLES, target))
        merged_baselines.append(bulk_insert(db, MERGED_TABLES, target))
        if run == 0:
            with db.engine.connect() as connection:
                events = connection.exec_driver_sql(
                    "SELECT COUNT(*) FROM received_event"
                ).scalar_one()
        db.close()
    pick = {key: median([r[key] for r in imports]) for key in (
        "import_s", "import_cpu_s", "worker_cpu_s", "catch_up_s", "catch_up_cpu_s",
        "waited_s", "alone_s", "opened_here")}  # fmt: skip
    return {
        "bundles": len(bundles), "refused": imports[0]["refused"], "events": events,
        "merged_events": imports[0]["merged_events"], **pick,
        "import_runs_s": [r["import_s"] for r in imports],
        "catch_up_runs_s": [r["catch_up_s"] for r in imports],
        "baseline_s": median([w for w, _c in baselines]),
        "baseline_cpu_s": median([c for _w, c in baselines]),
        "baseline_runs_s": [w for w, _c in baselines],
        "product_baseline_s": median([w for w, _c in product]),
        "product_baseline_cpu_s": median([c for _w, c in product]),
        "product_baseline_runs_s": [w for w, _c in product],
        "multi_row_baseline_s": median([w for w, _c in multi]),
        "multi_row_baseline_cpu_s": median([c for _w, c in multi]),
        "written_baseline_s": median([w for w, _c in written]),
        "merged_baseline_s": median([w for w, _c in merged_baselines]),
        "vmhwm_import_kib": imports[0]["vmhwm_import_kib"],
        "vmhwm_kib": max(r["vmhwm_kib"] for r in imports),
        "load_average": load_average(),
    }  # fmt: skip


def measure_coordinator(world: World, profile: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child-import", str(world.root)]
    command += ["--profile"] if profile else []
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run -------------------------------------------------------------------------------


def figures(export: dict[str, Any] | None, coordinator: dict[str, Any]) -> list[Figure]:
    baseline, baseline_cpu = coordinator["baseline_s"], coordinator["baseline_cpu_s"]
    imported, merged = coordinator["import_s"], coordinator["catch_up_s"]
    importing_cpu = coordinator["import_cpu_s"] + coordinator["worker_cpu_s"]
    both_cpu = importing_cpu + coordinator["catch_up_cpu_s"]
    exported = [] if export is None else [
        Figure("export of a busy year", export["export_s"], "s", "-", None,
               export["baseline_s"], export["export_s"] / export["baseline_s"]),
        Figure("bundle size", export["bundle_bytes"] / 1e6, "MB", "-", None,
               export["baseline_bytes"] / 1e6, export["bundle_bytes"] / export["baseline_bytes"]),
    ]  # fmt: skip
    return [
        *exported,
        Figure("coordinator import", imported, "s", f"≤ {IMPORT_TARGET:g}× baseline",
               imported / baseline <= IMPORT_TARGET, baseline, imported / baseline),
        Figure("coordinator import, CPU time", coordinator["import_cpu_s"], "s", "-", None,
               baseline_cpu, coordinator["import_cpu_s"] / baseline_cpu),
        Figure("import CPU time with its reading worker", importing_cpu, "s", "-", None,
               baseline_cpu, importing_cpu / baseline_cpu),
        Figure("import: waiting for the reading worker", coordinator["waited_s"], "s", "-",
               None),
        Figure("import: bundles opened by the importing process", coordinator["opened_here"],
               "", "-", None),
        Figure("import: after the last bundle was opened", coordinator["alone_s"], "s", "-",
               None),
        Figure("merged-state catch-up (what the import left)", merged, "s", "-", None,
               baseline, merged / baseline),
        Figure("merged-state catch-up, CPU time", coordinator["catch_up_cpu_s"], "s", "-", None,
               baseline_cpu, coordinator["catch_up_cpu_s"] / baseline_cpu),
        Figure("catch-up vs bulk-inserting the merged rows", merged, "s", "-", None,
               coordinator["merged_baseline_s"], merged / coordinator["merged_baseline_s"]),
        Figure("import vs bulk-inserting every row it writes", imported, "s", "-", None,
               coordinator["written_baseline_s"], imported / coordinator["written_baseline_s"]),
        Figure("import + catch-up", imported + merged, "s", f"≤ {IMPORT_TARGET:g}× baseline",
               (imported + merged) / baseline <= IMPORT_TARGET, baseline,
               (imported + merged) / baseline),
        Figure("import + catch-up, CPU time (reading worker included)", both_cpu, "s", "-",
               None, baseline_cpu, both_cpu / baseline_cpu),
        *product_page_figures(coordinator, imported + merged),
        *multi_row_figures(coordinator, imported + merged),
        Figure("peak memory after the import", coordinator["vmhwm_import_kib"] / 1024, "MiB",
               "-", None),
        Figure("peak memory after the catch-up", coordinator["vmhwm_kib"] / 1024, "MiB",
               "-", None),
    ]  # fmt: skip


def product_page_figures(coordinator: dict[str, Any], both: float) -> list[Figure]:
    """The same baseline with the product's page and cache sizes (printed only: the target's
    baseline keeps SQLite's defaults)."""
    if "product_baseline_s" not in coordinator:
        return []
    product, product_cpu = coordinator["product_baseline_s"], coordinator["product_baseline_cpu_s"]
    pages = (
        f"{sqlite_dialect.PAGE_SIZE // 1024} KiB pages, "
        f"{sqlite_dialect.IMPORT_CACHE_KIB // 1000} MB cache"
    )
    return [
        Figure(f"import + catch-up vs baseline with {pages}", both, "s", "-", None, product,
               both / product),
        Figure(f"baseline with {pages}, CPU time", product_cpu, "s", "-", None,
               coordinator["baseline_cpu_s"], product_cpu / coordinator["baseline_cpu_s"]),
    ]  # fmt: skip


def multi_row_figures(coordinator: dict[str, Any], both: float) -> list[Figure]:
    """The same baseline with the import's INSERTs of several rows (printed only: the target's
    baseline inserts one row per statement, as since issue 4)."""
    if "multi_row_baseline_s" not in coordinator:
        return []
    multi, multi_cpu = coordinator["multi_row_baseline_s"], coordinator["multi_row_baseline_cpu_s"]
    return [
        Figure("import + catch-up vs baseline with multi-row INSERTs", both, "s", "-", None,
               multi, both / multi),
        Figure("baseline with multi-row INSERTs, CPU time", multi_cpu, "s", "-", None,
               coordinator["baseline_cpu_s"], multi_cpu / coordinator["baseline_cpu_s"]),
    ]  # fmt: skip


def fmt(values: list[float]) -> str:
    return " ".join(f"{value:.2f}" for value in values) + " s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller year and 100 desks")
    parser.add_argument("--fresh", action="store_true", help="regenerate the desks' bundles")
    parser.add_argument("--desks", type=int, help="number of desk-weeks (default 500, quick 100)")
    parser.add_argument("--profile", action="store_true", help="cProfile of the import")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("SPRO_BENCH_POSTGRES_URL"),
        help="PostgreSQL server URL (a database the bench may create others from)",
    )
    parser.add_argument(
        "--skip-export", action="store_true", help="only the coordinator (no busy year)"
    )
    parser.add_argument("--child-import", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-server", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        print(json.dumps(coordinator_child(args.child_import, args.profile)))
        return
    if args.child_server:
        print(json.dumps(server_child(args.child_server, args.postgres, args.profile)))
        return
    sizes = dict(QUICK if args.quick else FULL)
    if args.desks:
        sizes["desks"] = args.desks
    for key, value in machine_description().items():
        print(f"{key}: {value}")
    print(f"sizes: {sizes}", flush=True)
    started = time.perf_counter()
    world = World(BENCH_OUT / f"sync-{'quick' if args.quick else 'full'}", sizes, args.fresh)
    print(f"world ready in {time.perf_counter() - started:.0f} s", flush=True)
    export = None if args.skip_export else measure_export(world)
    if export is not None:
        print(f"year: {export['events']} events recorded in {export['generated_s']:.0f} s "
              "(not timed)", flush=True)  # fmt: skip
    coordinator = measure_coordinator(world, args.profile)
    print(f"coordinator: {coordinator['bundles']} bundles, {coordinator['events']} events, "
          f"{coordinator['merged_events']} merged; medians of {RUNS} runs, load average "
          f"{coordinator['load_average']} at the end")  # fmt: skip
    print(f"  import runs {fmt(coordinator['import_runs_s'])}, catch-up runs "
          f"{fmt(coordinator['catch_up_runs_s'])}, baseline runs "
          f"{fmt(coordinator['baseline_runs_s'])}, baseline runs with the product's pages "
          f"{fmt(coordinator['product_baseline_runs_s'])}")  # fmt: skip
    table = figures(export, coordinator)
    server = None
    if args.postgres:
        server = measure_server(world, args.postgres, args.profile)
        print(f"PostgreSQL: import runs {fmt(server['import_runs_s'])}, catch-up runs "
              f"{fmt(server['catch_up_runs_s'])}, baseline runs {fmt(server['baseline_runs_s'])}; "
              f"load average {server['load_average']} at the end")  # fmt: skip
        table += server_figures(server)
    print_table(table)
    results = {"sizes": sizes, "export": export, "coordinator": coordinator, "server": server}
    (BENCH_OUT / f"results-sync-{'quick' if args.quick else 'full'}.json").write_text(
        json.dumps(results, indent=1)
    )
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
