"""The geography figures of bench_geo.py, as summary lines (same queries, same seed)."""

from __future__ import annotations

import statistics

from bench_geo import LOAD_RUNS, milliseconds, sample_queries
from support import Figure, percentile

from spro_desk.geo import Geography
from spro_desk.resources import resource_path

GEO_QUERIES = 500
GEO_SEED = 20240601  # bench_geo.py's default
LOAD_TARGET_MS = 150.0
SEARCH_TARGET_MS = 5.0


def geo_figures() -> list[Figure]:
    path = resource_path("geo", "cog.json.gz")
    loads = [milliseconds(lambda: Geography.load(path)) for _ in range(LOAD_RUNS)]
    geo = Geography.load(path)
    first = milliseconds(lambda: geo.search_communes("a"))
    queries = sample_queries(geo, GEO_QUERIES, GEO_SEED)
    times = [milliseconds(lambda q=query: geo.search_communes(q)) for query in queries]
    load = statistics.median(loads)
    typical = percentile(times, 0.5)
    print(
        f"geography: load median {load:.1f} ms (max {max(loads):.1f}), first search "
        f"{first:.1f} ms, commune search over {len(times)} queries p50 {typical:.3f} ms, "
        f"p95 {percentile(times, 0.95):.3f} ms"
    )
    return [
        Figure("geo load (median)", load, "ms", f"< {LOAD_TARGET_MS:g} ms", load < LOAD_TARGET_MS),
        Figure("geo first search (index build)", first, "ms", "-", None),
        Figure("geo commune search p50", typical, "ms", f"< {SEARCH_TARGET_MS:g} ms",
               typical < SEARCH_TARGET_MS),
        Figure("geo commune search p95", percentile(times, 0.95), "ms", "-", None),
    ]  # fmt: skip
