"""Exactly-once under concurrency (issue 19): 4 coordinators import the same 500 bundles at once.

Usage: ``python bench/bench_concurrent.py [--workers 4] [--chunk 25] [--postgres URL]``.

The world of ``bench/bench_sync.py`` (500 desk-weeks, run it first) is imported once by one
connection (the reference), then by `--workers` threads at the same moment, each with its own
Database (its own engine and connections), each in its own random order, `--chunk` bundles
per import call (a drop collected as files arrive), on SQLite and, with ``--postgres`` (or
SPRO_BENCH_POSTGRES_URL), on a fresh PostgreSQL database. Reported: duplicate rows (target 0),
events applied in total (each exactly once), whether every merged figure equals the single
import's, and the wall time of the concurrent import against the single one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import threading
import time
from pathlib import Path
from typing import Any

from bench_sync import drop_server_database, new_server_database
from sqlalchemy import text
from support import BENCH_OUT, load_average, machine_description

from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator import ImportOutcome, import_bundles, register_desk
from spro_desk.sync.merged import catch_up_merged_state

WORLD = BENCH_OUT / "sync-full"
CHECKS = {
    "events": "SELECT id, content_sha256 FROM received_event ORDER BY id",
    "bundles": "SELECT sha256 FROM received_bundle ORDER BY sha256",
    "tombstones": "SELECT entity_id, seq FROM merged_tombstone ORDER BY entity_id",
    "contacts": "SELECT id, seq, day, canal, statut, besoins, reponses FROM merged_contact "
    "ORDER BY id",
    "referrals": "SELECT id, contact_day, statut, reseau FROM merged_referral ORDER BY id",
}
DUPLICATES = (
    "SELECT (SELECT COUNT(*) - COUNT(DISTINCT id) FROM received_event) + "
    "(SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM received_bundle)"
)


def fingerprint(db: Database) -> dict[str, Any]:
    """Each check's row count and a digest of its rows, the duplicates, after the catch-up."""
    catch_up_merged_state(db)
    found: dict[str, Any] = {}
    with db.engine.connect() as connection:
        for name, sql in CHECKS.items():
            digest, count = hashlib.sha256(), 0
            for row in connection.execute(text(sql)):
                digest.update(repr(tuple(bool(v) if name == "versions" and i == 2 else v
                                         for i, v in enumerate(row))).encode())  # fmt: skip
                count += 1
            found[name] = (count, digest.hexdigest()[:16])
        found["duplicates"] = int(connection.execute(text(DUPLICATES)).scalar_one())
    return found


def open_backend(backend: str, name: str, base: str | None) -> Database:
    if backend == "sqlite":
        path = WORLD / f"{name}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = Database(path)
    else:
        assert base is not None
        db = new_server_database(base, WORLD, name)
    for registration in sorted((WORLD / "registrations").glob("*.json")):
        register_desk(db, registration)
    return db


def reopen(db: Database) -> Database:
    return Database(db.path, url=db.url)


def concurrent(db: Database, bundles: list[Path], workers: int, chunk: int) -> dict[str, Any]:
    colleagues = [reopen(db) for _ in range(workers)]
    start = threading.Barrier(workers)
    outcomes: list[list[Any]] = [[] for _ in range(workers)]
    failures: list[str] = []

    def colleague(number: int) -> None:
        order = list(bundles)
        random.Random(number).shuffle(order)
        try:
            start.wait()
            for first in range(0, len(order), chunk):
                outcomes[number] += import_bundles(
                    colleagues[number], WORLD / "coordinator", order[first : first + chunk]
                )
        except Exception as error:
            failures.append(repr(error))

    threads = [threading.Thread(target=colleague, args=(n,)) for n in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    for colleague_db in colleagues:
        colleague_db.close()
    results = [r for outcome in outcomes for _p, r in outcome]
    return {
        "wall_s": elapsed,
        "failures": failures,
        "refused": sum(1 for r in results if not isinstance(r, ImportOutcome)),
        "applied": sum(r.events_new for r in results if isinstance(r, ImportOutcome)),
        "duplicates_counted": sum(
            r.events_duplicate for r in results if isinstance(r, ImportOutcome)
        ),
    }


def measure(backend: str, bundles: list[Path], args: argparse.Namespace) -> dict[str, Any]:
    reference = open_backend(backend, "single", args.postgres)
    started = time.perf_counter()
    import_bundles(reference, WORLD / "coordinator", bundles)
    single_s = time.perf_counter() - started
    expected = fingerprint(reference)
    shared = open_backend(backend, "shared", args.postgres)
    result = concurrent(shared, bundles, args.workers, args.chunk)
    found = fingerprint(shared)
    for db in (reference, shared):
        if db.is_sqlite:
            db.close()
        else:
            drop_server_database(args.postgres, db)
    return {
        **result,
        "single_s": single_s,
        "events": expected["events"][0],
        "duplicates": found["duplicates"],
        "identical": found == expected,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--chunk", type=int, default=25, help="bundles per import call")
    parser.add_argument("--postgres", default=os.environ.get("SPRO_BENCH_POSTGRES_URL"))
    args = parser.parse_args()
    bundles = sorted((WORLD / "bundles").glob("*.spro-bundle"))
    if not bundles:
        raise SystemExit("Lancez d'abord bench/bench_sync.py (il génère les 500 envois).")
    for key, value in machine_description().items():
        print(f"{key}: {value}")
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    print(f"{len(bundles)} bundles, {args.workers} workers, {args.chunk} bundles per call")
    print(f"{'database':<11} {'events':>7} {'applied':>8} {'dup. rows':>9} {'identical':>9} "
          f"{'refused':>7} {'single':>8} {'concurrent':>10}")  # fmt: skip
    for backend in backends:
        r = measure(backend, bundles, args)
        print(f"{backend:<11} {r['events']:>7} {r['applied']:>8} {r['duplicates']:>9} "
              f"{'yes' if r['identical'] else 'NO':>9} {r['refused']:>7} "
              f"{r['single_s']:>7.1f}s {r['wall_s']:>9.1f}s", flush=True)  # fmt: skip
        if r["failures"]:
            print("  failures:", r["failures"][:3])
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
