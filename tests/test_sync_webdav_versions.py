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


def test_a_webdav_bundle_does_not_send_the_previous_week_again_and_a_lost_file_is_repaired(
    region: Region,
    dav: WebDavServer,
) -> None:
    import json

    import pyrage

    from spro_desk.sync.acknowledgement import write_acknowledgements
    from spro_desk.sync.coordinator_identity import encryption_identities

    def seqs(path: Path) -> list[int]:
        import io
        import tarfile

        archive = pyrage.decrypt(path.read_bytes(), encryption_identities(region.coordinator_dir))
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            member = tar.extractfile("events.jsonl")
            assert member is not None
            return [json.loads(line)["seq"] for line in member.read().splitlines()]

    clock = Clock()
    transport = region.transport(dav, clock)
    region.record(3)
    first = transport.run_round(force=True).sent
    region.record(2)
    second = transport.run_round(force=True).sent
    bundles = dav.root / "bundles"
    assert seqs(bundles / first[0]) == [1, 2, 3]
    assert seqs(bundles / second[0]) == [4, 5]  # the previous week is not sent again
    # the server loses the second file before the coordination imports it
    (bundles / second[0]).unlink()
    assert _import_all(region, bundles) == {"bundles": 1, "events_new": 3}
    write_acknowledgements(region.coordinator, region.coordinator_dir, dav.root / "updates")
    region.record(1)
    transport.run_round(force=True)  # the acknowledgement (3) arrives: the desk repairs
    third = transport.run_round(force=True).sent
    assert seqs(bundles / third[0]) == [4, 5, 6]
    assert _import_all(region, bundles)["events_new"] == 3  # 4, 5 and 6: nothing lost
    with region.coordinator.session() as session:
        connection = session.connection().connection.driver_connection
        assert connection.execute("SELECT COUNT(*) FROM received_event").fetchone()[0] == 6
