"""Crash loop: a process recording contacts is killed (SIGKILL) 1,000 times at random moments.

The parent opens the desk database with the real code (`Database`: migrations, pragmas), records
one contact to warm SQLAlchemy's statement cache, and closes every connection. Each round forks
a child that records contacts through `ContactService.record` on that Database (its first
statement opens a fresh SQLite connection: the pragmas, WAL recovery after the previous kill),
writing each id to a pipe right after `record` returned: that id is *acknowledged*. The parent
waits for a random number of acknowledgements (0 to 3), then for a random fraction of the time
a contact takes, and kills the child whatever it is doing: opening the file, in a transaction,
in the middle of a commit or of a WAL checkpoint. It then checks, on a read-only connection
(which never checkpoints, so the children meet automatic checkpoints too), that every
acknowledged id is there, and every 25 kills runs `PRAGMA quick_check`. The figure:
acknowledged contacts lost = 0, integrity failures = 0.

A kill is a process crash: the operating system keeps what was written, synced or not (power
cuts, which lose what was not synced, are tests/test_power_loss.py). So the file lives in a
memory file system (/dev/shm) when there is one: on a disk a killed process first finishes the
fsync it is blocked in, and most kills would land there. The rounds run in a lean process of
their own: forking pytest (Qt, every test module) costs more than a round.
"""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.geo import geography
from spro_desk.storage.engine import Database
from spro_desk.vocab import STATUTS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

KILLS = 1000
CHECK_EVERY = 25
MAX_ACKS_BEFORE_KILL = 3
CALIBRATION_ACKS = 4
ID_LENGTH = 36


def _contact(rng: random.Random) -> ContactInput:
    return ContactInput(
        canal=rng.choice(("accueil-physique", "telephone")),
        statut=rng.choice(list(STATUTS)),
        besoins=("trouver-un-emploi",) if rng.random() < 0.5 else (),
    )


def _writer(service: ContactService, pipe: int, seed: int) -> None:
    """The child: record contacts until killed, acknowledging each one after its commit."""
    rng = random.Random(seed)
    parent = os.getppid()
    while os.getppid() == parent:  # never outlive a parent that died
        contact_id = service.record(_contact(rng))
        os.write(pipe, f"{contact_id}\n".encode())


def _fork_writer(service: ContactService, seed: int) -> tuple[int, int]:
    """A forked writer child; returns its pid and the end of the pipe its ids come from."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:
            _writer(service, write_end, seed)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


def _time_to_acks(service: ContactService, seed: int, count: int) -> tuple[float, set[str]]:
    """Seconds from a fork to the child's `count`-th acknowledgement, and the ids read."""
    started = time.perf_counter()
    pid, read_end = _fork_writer(service, seed)
    with os.fdopen(read_end, "rb") as pipe:
        ids = {pipe.readline().decode().strip() for _ in range(count)}
        elapsed = time.perf_counter() - started
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return elapsed, ids


def _run_child(service: ContactService, seed: int, acks: int, delay: float) -> set[str]:
    """Fork a writer, kill it `delay` after its `acks`-th acknowledgement (after the fork when
    `acks` is 0); return the ids it acknowledged."""
    pid, read_end = _fork_writer(service, seed)
    with os.fdopen(read_end, "rb") as pipe:
        early = [pipe.readline().decode() for _ in range(acks)]
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = "".join([*early, pipe.read().decode()]).split("\n")
    # A line cut by the kill was never fully acknowledged.
    return {line for line in lines[:-1] if len(line) == ID_LENGTH}


def _stored_ids(path: Path) -> set[str]:
    uri = f"{path.as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM contact")}


def _integrity_ok(path: Path) -> bool:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]


def crash_loop(path: Path, kills: int, seed: int) -> dict[str, object]:
    """Kill `kills` writers in turn; what was acknowledged, lost, found damaged."""
    rng = random.Random(seed)
    database = Database(path)
    service = ContactService(database, geography())
    acknowledged = {service.record(_contact(rng))}
    # No connection may cross a fork: the children open their own from the shared engine.
    database.engine.dispose()
    sys.stdout.flush()
    gc.freeze()  # the collector of a child would otherwise copy every page of the heap
    # How long a child takes to start and to record a contact, on this machine under its load.
    calibration = sorted(_time_to_acks(service, n, CALIBRATION_ACKS) for n in range(3))
    first_ack = _time_to_acks(service, 3, 1)[0]
    per_contact = max((calibration[1][0] - first_ack) / (CALIBRATION_ACKS - 1), 0.001)
    for _seconds, ids in calibration:
        acknowledged |= ids
    lost: set[str] = set()
    integrity_failures = silent_kills = 0
    started = time.perf_counter()
    for kill in range(1, kills + 1):
        acks = rng.randint(0, MAX_ACKS_BEFORE_KILL)
        delay = rng.uniform(0, first_ack if acks == 0 else per_contact)
        acked = _run_child(service, rng.getrandbits(32), acks, delay)
        silent_kills += not acked
        acknowledged |= acked
        lost |= acknowledged - _stored_ids(path)
        if kill % CHECK_EVERY == 0 and not _integrity_ok(path):
            integrity_failures += 1
    elapsed = time.perf_counter() - started
    final = {contact.id for contact in service.list()}  # the real code reads everything back
    database.close()
    return {
        "kills": kills,
        "seconds": round(elapsed, 1),
        "first_ack_ms": round(first_ack * 1000, 1),
        "per_contact_ms": round(per_contact * 1000, 1),
        "silent_kills": silent_kills,
        "acknowledged": len(acknowledged),
        "stored": len(final),
        "lost": sorted(lost | (acknowledged - final)),
        "integrity_failures": integrity_failures + (not _integrity_ok(path)),
    }


@pytest.mark.slow  # a thousand killed writers: about a minute on two cores
def test_a_thousand_kills_lose_no_acknowledged_contact(tmp_path: Path) -> None:
    # A lean process of its own forks the writers: forking pytest (Qt, every test module
    # imported) costs several times more per round than the round itself.
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
    path = folder / "desk.sqlite"
    try:
        driver = subprocess.run(
            [sys.executable, __file__, str(path), str(KILLS), "2026"],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    finally:
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)
    assert driver.returncode == 0, driver.stderr[-3000:]
    result = json.loads(driver.stdout.strip().splitlines()[-1])
    print(
        f"\ncrash loop: {result['kills']} kills in {result['seconds']} s "
        f"(first contact {result['first_ack_ms']} ms after the fork, then one per "
        f"{result['per_contact_ms']} ms; "
        f"{result['silent_kills']} before any acknowledgement), "
        f"{result['acknowledged']} contacts acknowledged, {result['stored']} stored; "
        f"acknowledged contacts lost = {len(result['lost'])}, "
        f"integrity failures = {result['integrity_failures']}"
    )
    assert result["lost"] == []
    assert result["integrity_failures"] == 0
    # The children did write: on average more than one acknowledged contact per round.
    assert result["acknowledged"] > KILLS


def _two_writers(path: Path, per_writer: int) -> tuple[set[str], list[str]]:
    """Two processes recording at once; returns the ids acknowledged and the errors met."""
    children = []
    for seed in (1, 2):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                rng, service = random.Random(seed), ContactService(Database(path))
                for _ in range(per_writer):
                    try:
                        os.write(write_end, f"{service.record(_contact(rng))}\n".encode())
                    except Exception as error:  # reported to the parent, counted as a failure
                        os.write(write_end, f"error {type(error).__name__}: {error}\n".encode())
            finally:
                os._exit(0)
        os.close(write_end)
        children.append((pid, read_end))
    ids, errors = set(), []
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            for line in pipe.read().decode().splitlines():
                (errors.append(line) if line.startswith("error") else ids.add(line))
        os.waitpid(pid, 0)
    return ids, errors


def test_two_processes_writing_at_once_never_fail(tmp_path: Path) -> None:
    """A second window or a CLI command writing while the app does: BEGIN IMMEDIATE takes the
    write lock first and waits for it (busy_timeout), so no write fails and the change log's
    sequence stays gapless."""
    path = tmp_path / "desk.sqlite"
    Database(path).close()
    geography()
    sys.stdout.flush()
    ids, errors = _two_writers(path, 60)
    with closing(sqlite3.connect(path)) as connection:
        stored = {row[0] for row in connection.execute("SELECT id FROM contact")}
        seqs = [row[0] for row in connection.execute("SELECT seq FROM event ORDER BY seq")]
    print(f"\ntwo writers: {len(ids)} contacts acknowledged, {len(errors)} errors")
    assert errors == []
    assert len(ids) == 120 and ids <= stored
    assert seqs == list(range(1, len(seqs) + 1))


if __name__ == "__main__":
    outcome = crash_loop(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(outcome))
