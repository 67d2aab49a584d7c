"""Interleaved desk starts of two source trees (this one and another, e.g. a copy of main):
one start of each in turn on the same data folder (a desk in service), so that each pair shares
the machine's load and speed of the moment.

Usage::

    python bench/start_paired.py OTHER_SRC [--pairs 12] [--type-code]

OTHER_SRC is the other tree's `src` folder (`git archive main | tar -x -C /tmp/main`). The
probe is this tree's `bench/ui_start_probe.py` for both. Prints the medians of each milestone
and the paired ratios (this tree / the other) of the first database action, the unlock (with
--type-code) and the ORM's attachment.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench_ui import BENCH_PIN, offscreen_environment, prepare_desk_data, start_once
from support import PROJECT_ROOT, load_average

NAMES = ("usable", "first_action", "unlocked", "database_ready")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("other_src", type=Path)
    parser.add_argument("--pairs", type=int, default=12)
    parser.add_argument("--type-code", action="store_true")
    args = parser.parse_args()
    trees = {"this": PROJECT_ROOT / "src", "other": args.other_src.resolve()}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="spro-bench-paired-") as temp:
        root = Path(temp)
        data_dir = prepare_desk_data(root)
        base = offscreen_environment(root / "config")
        if args.type_code:
            base["SPRO_BENCH_CODE"] = BENCH_PIN
        environments = {name: dict(base, PYTHONPATH=str(src)) for name, src in trees.items()}
        for name in trees:  # warm-up: page cache, .pyc files
            start_once("desk", data_dir, environments[name])
        print(f"load average at start: {load_average()}")
        for pair in range(args.pairs):
            order = ("this", "other") if pair % 2 == 0 else ("other", "this")
            for name in order:
                runs[name].append(start_once("desk", data_dir, environments[name])[0])
        print(f"load average at end: {load_average()}")
    for name, found in runs.items():
        medians = {
            key: round(statistics.median(run[key] for run in found))
            for key in (*NAMES, *(f"cpu_{n}" for n in NAMES))
            if key in found[0]
        }
        print(f"{name} ({trees[name]}): {medians}")
    for key in (*NAMES, "cpu_unlocked"):
        if key in runs["this"][0] and key in runs["other"][0]:
            ratios = [a[key] / b[key] for a, b in zip(runs["this"], runs["other"], strict=True)]
            listed = " ".join(f"{r:.2f}" for r in ratios)
            print(f"paired this/other {key}: median {statistics.median(ratios):.2f} ({listed})")


if __name__ == "__main__":
    main()
