"""Issue 12, finding 4: a WebDAV desk installs the highest signed directory version it has not
seen, whatever the upload order, never an older one, and says when it finds an older one.
Against the real wsgidav server of test_sync_transport."""

from __future__ import annotations

import os
import time
from pathlib import Path

from spro_desk.sync.directory_update import installed_snapshot, publish_directory
from test_sync_transport import Clock, Region, WebDavServer, _import_all, _small_directory
from test_sync_transport import dav as dav  # the fixtures, by their names
from test_sync_transport import region as region


def _publish(world: Region, path: Path, structures: int) -> int:
    source = _small_directory(world.root / path.stem, structures)
    return publish_directory(world.coordinator, world.coordinator_dir, source, path).version


def test_an_older_snapshot_uploaded_later_is_not_installed(
    region: Region,
    dav: WebDavServer,
) -> None:
    clock = Clock()
    region.record(1)
    transport = region.transport(dav, clock)
    assert transport.run_round(force=True).sent
    _import_all(region, dav.root / "bundles")
    updates = dav.root / "updates"
    updates.mkdir()
    staged = region.root / "staged"
    staged.mkdir()
    older_version = _publish(region, staged / "annuaire-ancien.spro-directory", 4)
    newer_version = _publish(region, staged / "annuaire-courant.spro-directory", 9)
    assert newer_version > older_version
    # the current one was put on the server first, the older one copied there later
    os.replace(staged / "annuaire-courant.spro-directory", updates / "courant.spro-directory")
    os.utime(updates / "courant.spro-directory", (time.time() - 3600, time.time() - 3600))
    os.replace(staged / "annuaire-ancien.spro-directory", updates / "ancien.spro-directory")
    report = transport.run_round(force=True)
    [installed] = [u for u in report.updates if u["kind"] == "directory"]
    assert installed["name"] == "courant.spro-directory"
    snapshot = installed_snapshot(region.desk)
    assert snapshot is not None and snapshot.version == newer_version
    assert any("plus ancienne" in n and "ancien.spro-directory" in n for n in report.notices)
    # an older one arriving after the install is named, never installed
    stale = updates / "vieux.spro-directory"  # a stale copy put back by someone
    stale.write_bytes((updates / "ancien.spro-directory").read_bytes())
    later = transport.run_round(force=True)
    assert [u for u in later.updates if u["kind"] == "directory"] == []
    assert any("vieux.spro-directory" in n for n in later.notices)
    snapshot = installed_snapshot(region.desk)
    assert snapshot is not None and snapshot.version == newer_version
