"""Peak memory of a search process: open the database, search, suggest, report peak RSS.

Run by run_all.py in a fresh interpreter: ``python bench/memory_probe.py WORKLOAD DATABASE``
where WORKLOAD is the JSON written by run_all.py (queries, commune pairs, visitors). Prints
one JSON object on stdout.

The figure is VmHWM of /proc/self/status, the high-water mark of this process's own memory.
``getrusage(RUSAGE_SELF).ru_maxrss`` is printed too but cannot be trusted here: Linux carries
the parent's high-water mark over fork and exec, so a probe started by a process that has
just imported the national directory reports the parent's peak (about 2 GB), not its own.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path
from typing import Any

from search_bench import LIMIT
from suggest_bench import profile_of

from spro_desk.directory.search import DirectorySearch, SearchFilters
from spro_desk.orientation.profile import ProfileError
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database

SUGGESTIONS = 20


def ru_maxrss_kib() -> int:
    """ru_maxrss (KiB on Linux): includes the parent's peak when started by fork and exec."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def high_water_kib() -> int:
    """Peak resident set size of this process's address space (VmHWM, KiB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return ru_maxrss_kib()  # not Linux: ru_maxrss is the best there is


def run_workload(database: Path, workload: dict[str, Any]) -> dict[str, int]:
    db = Database(database)
    try:
        search = DirectorySearch(db)
        for text in workload["queries"]:
            search.search(text, limit=LIMIT)
        for text, commune in workload["commune_pairs"]:
            search.search(text, SearchFilters(commune=commune), limit=LIMIT)
        suggester = Suggester(db, search.geo)
        suggester.prepare()  # a window's: the directory index is held while the desk runs
        done = 0
        for visitor in workload["visitors"][:SUGGESTIONS]:
            try:
                suggester.suggest(profile_of(visitor))
            except ProfileError:
                continue
            done += 1
    finally:
        db.close()
    return {
        "queries": len(workload["queries"]) + len(workload["commune_pairs"]),
        "suggestions": done,
    }


def main() -> None:
    workload_path, database = Path(sys.argv[1]), Path(sys.argv[2])
    workload = json.loads(workload_path.read_text("utf-8"))
    after_imports = high_water_kib()
    counts = run_workload(database, workload)
    peaks = {"peak_kib": high_water_kib(), "ru_maxrss_kib": ru_maxrss_kib()}
    print(json.dumps({**counts, "rss_after_imports_kib": after_imports, **peaks}))


if __name__ == "__main__":
    main()
