"""The reading worker alone: CPU time to open the 500 desk-weeks, by source tree (issue 19).

Usage: ``python bench/reader_worker_cpu.py [--rounds N] [--world DIR] [SRC ...]`` (the world
is bench_sync.py's, bench/out/sync-full by default; SRC: source trees to compare, this one's
``src`` by default, e.g. ``/work/main/src src``).

bench_sync.py reports the worker's CPU while the writer runs beside it on the same two cores,
where contention inflates both. Here the real worker (``python -m
spro_desk.sync.reader_process``, the same pipes and messages) is sent every bundle's path with
nothing else running in this process, and its CPU time (user + system, its start included) is
read from the children's rusage. The trees given take turns, round after round, so that a
change of load hits each alike; the minimum and the median of the rounds are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from support import BENCH_OUT, PROJECT_ROOT


def _send(stream: IO[bytes], world: Path, desks: dict, paths: list[Path]) -> None:
    pickle.dump((str(world / "coordinator"), desks, "Europe/Paris"), stream)
    for path in paths:
        pickle.dump(str(path), stream)
    pickle.dump(None, stream)
    stream.close()


def worker_cpu(source: Path, world: Path, desks: dict, paths: list[Path]) -> tuple[float, int]:
    """The worker's CPU seconds for every path, and the bytes of its replies."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker = subprocess.Popen(
        [sys.executable, "-m", "spro_desk.sync.reader_process"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment,
    )  # fmt: skip
    assert worker.stdin is not None and worker.stdout is not None
    threading.Thread(target=_send, args=(worker.stdin, world, desks, paths), daemon=True).start()
    replies = received = 0
    while len(header := worker.stdout.read(8)) == 8:
        received += len(worker.stdout.read(int.from_bytes(header, "little")))
        replies += 1
    worker.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if replies != len(paths):
        raise RuntimeError(f"{source}: {replies} replies for {len(paths)} bundles")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, received


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--world", type=Path, default=BENCH_OUT / "sync-full")
    parser.add_argument("sources", type=Path, nargs="*", default=[PROJECT_ROOT / "src"])
    args = parser.parse_args()
    world: Path = args.world.resolve()
    paths = sorted((world / "bundles").glob("*.spro-bundle"))
    if not paths:
        sys.exit(f"{world}: no bundles (run bench/bench_sync.py once first)")
    desks = {}
    for registration in sorted((world / "registrations").glob("*.json")):
        found = json.loads(registration.read_text(encoding="utf-8"))
        desks[found["desk_id"]] = (found["public_key"], False)
    print(f"{len(paths)} bundles, load average {os.getloadavg()}")
    times: dict[Path, list[float]] = {source: [] for source in args.sources}
    sizes: dict[Path, int] = {}
    for _ in range(args.rounds):
        for source in args.sources:
            cpu, sizes[source] = worker_cpu(source.resolve(), world, desks, paths)
            times[source].append(cpu)
    for source, cpus in times.items():
        print(
            f"{source}: worker CPU min {min(cpus):.3f} s, median {statistics.median(cpus):.3f} s"
            f" ({' '.join(f'{cpu:.2f}' for cpu in cpus)}); replies {sizes[source] / 1e6:.1f} MB"
        )
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
