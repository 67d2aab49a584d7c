"""Run every benchmark of issue 2 on a generated directory and print a summary table.

Usage: ``python bench/run_all.py [--quick] [--import-runs N] [--revision REV]``.
Without --quick: the national directory (all regions, scale 7.5, ~44k structures, ~96k
services), generated into bench/out/national/ when missing. With --quick: one region
(24, scale 1). Figures are printed; a JSON copy goes to bench/out/results-<dataset>.json.
--revision REV measures a committed revision (see snapshot.py) rather than the working tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from geo_figures import geo_figures
from import_bench import ImportTiming, import_figures, measure_import
from search_bench import (
    commune_workload,
    directory_names,
    measure_commune_search,
    measure_text_search,
    open_raw,
    sample_queries,
    search_figures,
    structure_communes,
)
from snapshot import run_from_snapshot
from suggest_bench import (
    measure_suggestions,
    prepared_suggester,
    runnable_scenarios,
    scenario_visitors,
    suggest_figures,
)
from support import (
    BENCH_OUT,
    NATIONAL,
    REGIONAL,
    SNAPSHOT_VARIABLE,
    Dataset,
    Figure,
    ensure_dataset,
    load_average,
    machine_description,
    print_table,
    source_revision,
)

from spro_desk.directory.search import DirectorySearch
from spro_desk.storage.engine import Database

MEMORY_TARGET_MB = 300.0
PROBE = Path(__file__).with_name("memory_probe.py")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="regional directory (24, scale 1)")
    parser.add_argument("--import-runs", type=int, default=2, help="best of N imports (2)")
    parser.add_argument("--queries", type=int, default=300, help="typed search queries (300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--revision",
        help="measure this commit (git archive snapshot) instead of the working tree",
    )
    parser.add_argument(
        "--reuse-database",
        action="store_true",
        help="skip the import benchmark when the imported database already exists",
    )
    return parser.parse_args()


def run_import(folder: Path, database: Path, args: argparse.Namespace) -> list[Figure]:
    if args.reuse_database and database.is_file():
        print(f"import: skipped, reusing {database}")
        return []
    print("import:", flush=True)
    timing: ImportTiming = measure_import(folder, database, max(1, args.import_runs))
    print(
        f"  best: baseline {timing.baseline_s:.2f} s; ours {timing.ours_s:.2f} s "
        f"(fresh database {timing.open_s:.2f} s + import_directory {timing.import_s:.2f} s), "
        f"ratio {timing.ratio:.2f}; {timing.structures} structures, {timing.services} services, "
        f"{timing.rejected} rejected, {timing.warnings} warnings"
    )
    return import_figures(timing)


def run_searches(database: Path, args: argparse.Namespace) -> tuple[list[Figure], dict[str, Any]]:
    queries = sample_queries(directory_names(database), args.queries, args.seed)
    pairs = commune_workload(queries, structure_communes(database), args.seed)
    db = Database(database)
    raw = open_raw(database)
    try:
        search = DirectorySearch(db)
        text = measure_text_search(search, raw, queries)
        commune = measure_commune_search(search, pairs)
    finally:
        raw.close()
        db.close()
    for latencies in (*text.values(), commune):
        print("  " + latencies.describe())
    return search_figures(text, commune), {"queries": queries, "commune_pairs": pairs}


def run_suggestions(database: Path, scenarios: Path) -> tuple[list[Figure], list[dict]]:
    visitors = scenario_visitors(scenarios)
    db = Database(database)
    try:
        suggester, built = prepared_suggester(db)
        kept, skipped, first = runnable_scenarios(suggester, visitors)
        latencies = measure_suggestions(suggester, kept)
    finally:
        db.close()
    print(f"  directory index built in {built:.0f} ms (once per import, off the request)")
    print(f"  {len(kept)} scenarios run, {len(skipped)} left out")
    for reason in skipped:
        print(f"    left out: {reason}")
    print("  " + first.describe())
    print("  " + latencies.describe())
    return suggest_figures(latencies, first), visitors


def run_memory_probe(database: Path, workload: dict[str, Any], name: str) -> list[Figure]:
    workload_path = BENCH_OUT / f"workload-{name}.json"
    workload_path.write_text(json.dumps(workload, ensure_ascii=False), "utf-8")
    command = [sys.executable, str(PROBE), str(workload_path), str(database)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    peak_mb = result["peak_kib"] * 1024 / 1e6
    print(
        f"  peak RSS {peak_mb:.1f} MB ({result['peak_kib']} KiB) after {result['queries']} "
        f"searches and {result['suggestions']} suggestions; "
        f"{result['rss_after_imports_kib'] * 1024 / 1e6:.1f} MB after the imports alone "
        f"(ru_maxrss, inherited from this process: {result['ru_maxrss_kib']} KiB)"
    )
    return [
        Figure("search process peak RSS", peak_mb, "MB", f"< {MEMORY_TARGET_MB:g} MB",
               peak_mb < MEMORY_TARGET_MB),
    ]  # fmt: skip


def main() -> None:
    args = parse_arguments()
    if args.revision and not os.environ.get(SNAPSHOT_VARIABLE):
        sys.exit(run_from_snapshot(args.revision, [__file__, *sys.argv[1:]]))
    dataset: Dataset = REGIONAL if args.quick else NATIONAL
    folder = ensure_dataset(dataset)
    database = BENCH_OUT / f"{dataset.name}.sqlite3"
    machine = machine_description()
    print("machine: " + ", ".join(f"{key} {value}" for key, value in machine.items()))
    print(f"dataset: {dataset.name} ({folder})")
    figures = run_import(folder, database, args)
    print("search:", flush=True)
    search, workload = run_searches(database, args)
    print("suggestions:", flush=True)
    suggest, visitors = run_suggestions(database, folder / "scenarios.json")
    print("memory of a search process:", flush=True)
    memory = run_memory_probe(database, {**workload, "visitors": visitors}, dataset.name)
    figures += search + suggest + memory + geo_figures()
    machine["load at end"] = load_average()
    machine["revision at end"] = source_revision()
    print()
    print_table(figures)
    print(f"load average (1, 5, 15 min): start {machine['load at start']}, end {load_average()}")
    if machine["revision at end"] != machine["revision"]:
        print(f"WARNING: src/ changed during the run (now {machine['revision at end']})")
    results = {"dataset": asdict(dataset), "machine": machine,
               "figures": [asdict(figure) for figure in figures]}  # fmt: skip
    (BENCH_OUT / f"results-{dataset.name}.json").write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()
