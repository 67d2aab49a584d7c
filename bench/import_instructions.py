"""Instructions the coordinator's writer executes to import the 500 desk-weeks (valgrind).

Usage: ``python bench/import_instructions.py [--runs N] [--world DIR]`` (valgrind's callgrind
must be installed; the world is bench_sync.py's, bench/out/sync-full by default).

On a machine shared with other work, the import's wall and even CPU times swing by ±20 %
(BENCHMARKS.md, issue 19); the number of instructions the importing process executes
(callgrind's ``Ir``) does not: it tells a change of a few percent of the writer's work from
noise. The process runs under callgrind with instrumentation off; it is switched on around
`import_bundles` only (registering the desks is not counted). The reading worker runs
natively, outside the count (its CPU is bench_sync.py's "reading worker" line): what is counted
is the writer, including the bundles it opens itself while the worker starts. Each run imports
into a fresh coordinator, with PYTHONHASHSEED=0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from support import BENCH_OUT, PROJECT_ROOT, callgrind


def child(world: Path) -> None:
    """Under callgrind: the import of every bundle of `world`, counted alone."""
    import bench_sync

    from spro_desk.sync.coordinator import import_bundles

    bundles = sorted((world / "bundles").glob("*.spro-bundle"))
    db = bench_sync.fresh_coordinator(world, "coordinator-instructions.sqlite")

    def instrumentation(state: str) -> None:
        command = ["callgrind_control", "-i", state, str(os.getpid())]
        subprocess.run(command, check=True, capture_output=True)

    instrumentation("on")
    started = time.process_time()
    import_bundles(db, world / "coordinator", bundles)
    cpu = time.process_time() - started
    instrumentation("off")
    db.close()
    print(f"{len(bundles)} bundles, {cpu:.1f} s of CPU under callgrind", file=sys.stderr)


def instructions(world: Path) -> int:
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, (str(PROJECT_ROOT / "src"), environment.get("PYTHONPATH")))
    )
    command = [sys.executable, __file__, "--child", str(world)]
    counted = callgrind(command, environment, "--instr-atstart=no", timeout=3600)
    if counted.status != 0:
        raise RuntimeError(f"the import under callgrind ended with status {counted.status}")
    return counted.instructions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--world", type=Path, default=BENCH_OUT / "sync-full")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not (args.world / "bundles").is_dir():
        sys.exit(f"{args.world}: no bundles (run bench/bench_sync.py once first)")
    for run in range(args.runs):
        print(f"run {run + 1}: {instructions(args.world):,} instructions", flush=True)


if __name__ == "__main__":
    main()
