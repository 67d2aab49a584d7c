"""Issue 13: search p95 with the forgiving search (typos, acronyms) against raw FTS5 p95.

Usage: ``python bench/search_forgiving.py [--queries N]`` on ``bench/out/national.sqlite3``
(built by run_all.py or bench_ui.py). The typed prefixes of search_bench plus the typos and
acronyms agents type; DirectorySearch with forgiving search on, the same with it off, and the
raw ranked FTS5 query take turns on each query in the same run. Prints p50/p95 and the ratio.
"""

from __future__ import annotations

import argparse
import sys

from search_bench import (
    OURS,
    RAW,
    SEARCH_RATIO_TARGET,
    directory_names,
    measure_text_search,
    open_raw,
    sample_queries,
)
from support import BENCH_OUT

from spro_desk.directory.search import DirectorySearch
from spro_desk.storage.engine import Database

DATABASE = BENCH_OUT / "national.sqlite3"
SEED = 1
# Misspellings within one edit of words of 5+ letters, and the acronyms of the networks.
FORGIVING_QUERIES = (
    "mision locale", "misson", "orientaton", "emploii", "jeunesse informaton", "formaiton",
    "pij", "bij", "cio", "ml", "ft", "caf", "ccas", "pmi", "cap emplio", "apprentisage",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    if not DATABASE.is_file():
        sys.exit(f"{DATABASE} is missing: run bench/run_all.py or bench/bench_ui.py first")
    queries = sample_queries(directory_names(DATABASE), args.queries, SEED)
    queries += list(FORGIVING_QUERIES)
    db = Database(DATABASE)
    raw = open_raw(DATABASE)
    try:
        forgiving = measure_text_search(DirectorySearch(db), raw, queries)
        strict = measure_text_search(DirectorySearch(db, forgiving=False), raw, queries)
    finally:
        raw.close()
        db.close()
    print(f"{len(queries)} queries ({len(FORGIVING_QUERIES)} typos and acronyms)")
    for label, result in (("forgiving on", forgiving), ("forgiving off", strict)):
        ours, baseline = result[OURS], result[RAW]
        ratio = ours.p(0.95) / baseline.p(0.95)
        met = "yes" if ratio <= SEARCH_RATIO_TARGET else "no"
        print(
            f"{label}: p50 {ours.p(0.5):.1f} ms, p95 {ours.p(0.95):.1f} ms; raw FTS5 p50 "
            f"{baseline.p(0.5):.1f} ms, p95 {baseline.p(0.95):.1f} ms; p95 ratio {ratio:.2f}× "
            f"(target ≤ {SEARCH_RATIO_TARGET:g}×: {met})"
        )


if __name__ == "__main__":
    main()
