"""Automatic collection (issue 19): what `coordinator watch` adds to a plain import.

Usage: ``python bench/bench_watch.py [--desks N] [--weeks W]``.

N desks (4) each export W weekly bundles (25) of 20 contacts into a drop folder. On two copies
of the same coordination, in the same run: the baseline is `import_bundles` of every file then
the merged-state catch-up (`coordinator import`); the collection is one `Collector.run_pass`
over the folder (copy into the data folder with fsync, one commit per file received, the same
import and catch-up, the marks, each desk's acknowledgement written back). Then an idle pass
(nothing new), the cost paid every interval. Prints the ratio collection / baseline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundles, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, write_registration
from spro_desk.sync.merged import catch_up_merged_state
from spro_desk.sync.watch import Collector, WatchSettings


def region(root: Path, desks: int, weeks: int) -> Path:
    """The coordination in root/coordination (keys, database), the bundles in root/drop."""
    coordination = root / "coordination"
    init_coordinator(coordination)
    identity_file = root / "identity.json"
    identity_file.write_text(json.dumps(signed_identity_file(coordination)))
    db = Database(coordination / "spro-desk.sqlite")
    drop = root / "drop"
    for number in range(desks):
        folder = root / f"desk{number}"
        desk = Database(folder / "spro-desk.sqlite")
        identity = init_desk(desk, folder, f"Site {number}", "cio", "18033")
        trust_coordinator(desk, identity_file)
        register_desk(db, write_registration(identity, root / f"desk{number}.json"))
        service = ContactService(desk)
        for _week in range(weeks):
            for _ in range(20):
                service.record(ContactInput(canal="telephone", statut="scolaire"))
            export_bundle(desk, folder, drop)
        desk.close()
    db.close()
    return drop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--weeks", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        drop = region(root / "a", args.desks, args.weeks)
        shutil.copytree(root / "a" / "coordination", root / "b")
        files = sorted(drop.glob("*.spro-bundle"))
        db = Database(root / "a" / "coordination" / "spro-desk.sqlite")
        start = time.perf_counter()
        import_bundles(db, root / "a" / "coordination", files)
        catch_up_merged_state(db)
        baseline = time.perf_counter() - start
        db.close()
        other = Database(root / "b" / "spro-desk.sqlite")
        collector = Collector(other, root / "b", WatchSettings(None, drop, timedelta(minutes=5)))
        start = time.perf_counter()
        report = collector.run_pass()
        collected = time.perf_counter() - start
        start = time.perf_counter()
        collector.run_pass()
        idle = time.perf_counter() - start
        other.close()
    print(
        f"{len(files)} bundles, {report.events_new} events: import + catch-up {baseline:.2f} s, "
        f"collection pass {collected:.2f} s (×{collected / baseline:.2f}), "
        f"idle pass {idle * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
