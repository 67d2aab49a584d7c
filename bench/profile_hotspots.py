"""Where the time goes: cProfile of one benchmark, for diagnosing a missed target.

Usage: ``python bench/profile_hotspots.py {import,search,commune,suggest} [--quick] [--top N]``.
Uses the dataset and the imported database left by run_all.py (the import profile writes
its own database, bench/out/profile.sqlite3). Prints the top functions by own time and by
cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from collections.abc import Callable
from pathlib import Path

from import_bench import remove_database
from search_bench import commune_workload, directory_names, sample_queries, structure_communes
from suggest_bench import runnable_scenarios, scenario_visitors
from support import BENCH_OUT, NATIONAL, REGIONAL, ensure_dataset

from spro_desk.directory.importer import import_directory
from spro_desk.directory.search import DirectorySearch, SearchFilters
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database

SEED = 1
QUERIES = 300


def import_job(folder: Path, _database: Path) -> Callable[[], object]:
    target = BENCH_OUT / "profile.sqlite3"
    remove_database(target)
    db = Database(target)
    return lambda: import_directory(db, folder)


def search_job(_folder: Path, database: Path) -> Callable[[], object]:
    search = DirectorySearch(Database(database))
    queries = sample_queries(directory_names(database), QUERIES, SEED)
    return lambda: [search.search(text, limit=50) for text in queries]


def commune_job(_folder: Path, database: Path) -> Callable[[], object]:
    search = DirectorySearch(Database(database))
    queries = sample_queries(directory_names(database), QUERIES, SEED)
    pairs = commune_workload(queries, structure_communes(database), SEED)[:40]
    return lambda: [search.search(t, SearchFilters(commune=c), limit=50) for t, c in pairs]


def suggest_job(folder: Path, database: Path) -> Callable[[], object]:
    suggester = Suggester(Database(database))
    suggester.prepare()  # as a window does when Orientation shows
    scenarios, _, _ = runnable_scenarios(suggester, scenario_visitors(folder / "scenarios.json"))
    return lambda: [suggester.suggest(s.profile) for s in scenarios]


JOBS = {"import": import_job, "search": search_job, "commune": commune_job, "suggest": suggest_job}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", choices=sorted(JOBS))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    dataset = REGIONAL if args.quick else NATIONAL
    folder = ensure_dataset(dataset)
    job = JOBS[args.job](folder, BENCH_OUT / f"{dataset.name}.sqlite3")
    profiler = cProfile.Profile()
    profiler.runcall(job)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
