"""Directory snapshots, coordinator → desk: signed, newer only, unexpired; atomic install.

Real files, real SQLite databases, the real foundation import of the Centre-Val de Loire
fixture. Each acceptance test prints its figure.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spro_desk.cli.main import main
from spro_desk.directory.catalog import directory_info
from spro_desk.directory.importer import import_directory
from spro_desk.directory.source import DirectoryImportError
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record
from spro_desk.sync.coordinator import import_bundle
from spro_desk.sync.coordinator_identity import (
    SIGNING_KEY_FILE,
    coordinator_identity,
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.directory_update import (
    INSTALLED_KEY,
    PUBLISHED_KEY,
    SnapshotRefused,
    directory_freshness,
    install_snapshot,
    installed_snapshot,
    key_id,
    next_version,
    publish_directory,
)
from spro_desk.sync.identity import IdentityError, load_identity, read_private_key
from test_coordinator_import import Region

CVL = Path(__file__).parent / "data" / "cvl"
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # publication of the first snapshot
DAY = timedelta(days=1)


@dataclass
class Published:
    root: Path
    coordinator_dir: Path
    identity_file: Path
    small: Path  # version 1: a fifth of the fixture
    full: Path  # version 2: the whole fixture
    short_lived: Path  # version 3: expires one day after its publication


def _subset(source: Path, target: Path, structures: int) -> Path:
    rows = json.loads((source / "structures.json").read_text("utf-8"))[:structures]
    kept = {row["id"] for row in rows}
    services = [
        s for s in json.loads((source / "services.json").read_text("utf-8"))
        if s["structure_id"] in kept
    ]  # fmt: skip
    target.mkdir(parents=True)
    (target / "structures.json").write_text(json.dumps(rows), "utf-8")
    (target / "services.json").write_text(json.dumps(services), "utf-8")
    return target


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    root = tmp_path_factory.mktemp("snapshots")
    coordinator_dir = root / "coordinator"
    init_coordinator(coordinator_dir)
    identity_file = root / "coordinator.json"
    identity_file.write_text(json.dumps(signed_identity_file(coordinator_dir)))
    db = Database(root / "coordinator.sqlite")
    small_source = _subset(CVL, root / "small", 60)
    snapshots = [
        publish_directory(db, coordinator_dir, small_source, root / "v1.spro-directory", now=T0),
        publish_directory(db, coordinator_dir, CVL, root / "v2.spro-directory", now=T0 + DAY),
        publish_directory(
            db, coordinator_dir, CVL, root / "v3.spro-directory", now=T0 + DAY, expires_days=1
        ),
    ]
    db.close()
    return Published(root, coordinator_dir, identity_file, *(s.path for s in snapshots))


@pytest.fixture
def desk(tmp_path: Path, published: Published) -> Database:
    database = Database(tmp_path / "desk.sqlite")
    trust_coordinator(database, published.identity_file)
    yield database
    database.close()


def _directory_state(db: Database) -> tuple:
    info = directory_info(db)
    return info.structures, info.services, info.imported_at, read_record(db, INSTALLED_KEY)


def test_publish_then_install_replaces_the_directory(desk: Database, published: Published) -> None:
    started = time.perf_counter()
    first = install_snapshot(desk, published.small, now=T0 + DAY)
    small = directory_info(desk)
    second = install_snapshot(desk, published.full, now=T0 + 2 * DAY)
    elapsed = time.perf_counter() - started
    info = directory_info(desk)
    assert (small.structures, info.structures, info.services) == (60, 329, 679)
    assert second.report.rejected == [] and first.snapshot.version < second.snapshot.version
    installed = installed_snapshot(desk)
    assert installed == second.snapshot
    assert installed.published_at == T0 + DAY and installed.expires_at == T0 + 46 * DAY
    assert info.source == f"{published.full} (version {installed.version})"
    fresh = directory_freshness(desk, now=T0 + 3 * DAY)
    assert (fresh.age_days, fresh.expired, fresh.too_old, fresh.message) == (1, False, False, None)
    size = published.full.stat().st_size
    print(f"\nsnapshot of {info.structures} structures + {info.services} services: "
          f"{size / 1024:.0f} KiB; two installs in {elapsed:.2f} s")  # fmt: skip


def test_older_or_same_version_is_refused_and_changes_nothing(
    desk: Database, published: Published
) -> None:
    install_snapshot(desk, published.full, now=T0 + 2 * DAY)
    before = _directory_state(desk)
    refused = 0
    for older in (published.small, published.full):
        with pytest.raises(SnapshotRefused, match="pas plus récente"):
            install_snapshot(desk, older, now=T0 + 3 * DAY)
        refused += 1
    assert _directory_state(desk) == before
    print(f"\nrollback: {refused} of 2 older-or-equal snapshots refused, directory unchanged")


def test_expired_snapshot_is_refused(desk: Database, published: Published) -> None:
    install_snapshot(desk, published.small, now=T0 + DAY)
    before = _directory_state(desk)
    with pytest.raises(SnapshotRefused, match="a expiré le"):
        install_snapshot(desk, published.short_lived, now=T0 + 2 * DAY)
    assert _directory_state(desk) == before
    print("\nexpired snapshot: refused, directory unchanged")


def test_tampered_snapshots_are_all_refused(
    desk: Database, published: Published, tmp_path: Path
) -> None:
    install_snapshot(desk, published.small, now=T0 + DAY)
    before = _directory_state(desk)
    original = published.full.read_bytes()
    rng = random.Random(4)
    header = original.index(b"\n", original.index(b"\n", 25) + 1)  # end of the manifest line
    # half of the flips in the header (format, manifest, signature), half in the payload
    positions = [rng.randrange(header + 100) for _ in range(200)]
    positions += [rng.randrange(len(original)) for _ in range(200)]
    cuts = [rng.randrange(len(original)) for _ in range(60)] + [0, 10, len(original) - 1]
    target, accepted, started = tmp_path / "tampered.spro-directory", 0, time.perf_counter()
    for trial, value in enumerate(positions + cuts):
        data = bytearray(original)
        if trial < len(positions):
            data[value] ^= 1 << rng.randrange(8)
        else:
            del data[value:]
        target.write_bytes(bytes(data))
        try:
            install_snapshot(desk, target, now=T0 + 2 * DAY)
            accepted += 1
        except SnapshotRefused:
            pass
    elapsed = time.perf_counter() - started
    print(f"\n{len(positions)} bit flips and {len(cuts)} truncations of a snapshot: "
          f"{accepted} accepted, {elapsed:.1f} s")  # fmt: skip
    assert accepted == 0 and _directory_state(desk) == before
    assert install_snapshot(desk, published.full, now=T0 + 2 * DAY).report.services == 679


def _craft(
    coordinator_dir: Path,
    members: dict[str, bytes],
    *,
    version: int,
    signer: Path | None = None,
    format_line: bytes = b"spro-desk-directory/1",
) -> bytes:
    """A snapshot written by hand from the documented format (docs/sync-format.md)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    payload = buffer.getvalue()

    def member(data: bytes) -> dict:
        return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    manifest = json.dumps(
        {
            "format": format_line.decode(), "version": version,
            "published_at": T0.isoformat(), "expires_at": (T0 + 30 * DAY).isoformat(),
            "key_id": key_id(coordinator_identity(coordinator_dir).signing_public_key),
            "counts": {}, "payload": member(payload),
            "members": {name: member(data) for name, data in members.items()},
        },
        sort_keys=True, separators=(",", ":"),
    ).encode()  # fmt: skip
    key = read_private_key((signer or coordinator_dir) / SIGNING_KEY_FILE)
    signature = base64.b64encode(key.sign(manifest))
    return b"\n".join([format_line, manifest, signature, payload])


def _cvl_members() -> dict[str, bytes]:
    return {name: (CVL / name).read_bytes() for name in ("structures.json", "services.json")}


def test_hand_written_snapshot_follows_the_documented_format(
    desk: Database, published: Published, tmp_path: Path
) -> None:
    path = tmp_path / "hand.spro-directory"
    path.write_bytes(_craft(published.coordinator_dir, _cvl_members(), version=7))
    assert install_snapshot(desk, path, now=T0 + DAY).snapshot.version == 7


def test_wrong_signer_and_forged_signature_are_refused(
    desk: Database, published: Published, tmp_path: Path
) -> None:
    impostor = tmp_path / "impostor"
    init_coordinator(impostor)
    other_db = Database(tmp_path / "impostor.sqlite")
    foreign = publish_directory(other_db, impostor, CVL, tmp_path / "foreign.spro-directory")
    other_db.close()
    with pytest.raises(SnapshotRefused, match="autre coordinateur"):
        install_snapshot(desk, foreign.path)
    # the trusted coordinator's key id, but signed by another key
    forged = tmp_path / "forged.spro-directory"
    forged.write_bytes(
        _craft(published.coordinator_dir, _cvl_members(), version=9, signer=impostor)
    )
    with pytest.raises(SnapshotRefused, match="Signature"):
        install_snapshot(desk, forged, now=T0 + DAY)
    assert installed_snapshot(desk) is None and directory_info(desk).structures == 0


def test_desk_without_a_trusted_coordinator_refuses(tmp_path: Path, published: Published) -> None:
    untrusting = Database(tmp_path / "alone.sqlite")
    with pytest.raises(SnapshotRefused, match="ne connaît pas encore son coordinateur"):
        install_snapshot(untrusting, published.full, now=T0 + DAY)
    assert directory_info(untrusting).structures == 0
    untrusting.close()


@pytest.mark.parametrize("case", ["future-format", "extra-member", "no-valid-row"])
def test_crafted_snapshots_change_nothing(
    desk: Database, published: Published, tmp_path: Path, case: str
) -> None:
    install_snapshot(desk, published.small, now=T0 + DAY)
    before = _directory_state(desk)
    members, format_line = _cvl_members(), b"spro-desk-directory/1"
    if case == "future-format":
        format_line = b"spro-desk-directory/2"
    elif case == "extra-member":
        members["../../etc/cron.d/x"] = b"boom"
    else:  # signed by the real coordinator, but nothing a desk can import
        members = {"structures.json": b"[{}]", "services.json": b"[]"}
    path = tmp_path / f"{case}.spro-directory"
    path.write_bytes(
        _craft(published.coordinator_dir, members, version=10**12, format_line=format_line)
    )
    with pytest.raises((SnapshotRefused, DirectoryImportError)):
        install_snapshot(desk, path, now=T0 + 2 * DAY)
    assert _directory_state(desk) == before  # old directory intact, no pending version left


def test_publish_refuses_an_export_that_would_import_nothing(
    published: Published, tmp_path: Path
) -> None:
    db = Database(tmp_path / "c.sqlite")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "structures.json").write_text("[]")
    (empty / "services.json").write_text("[]")
    out = tmp_path / "x.spro-directory"
    for source in (empty, tmp_path / "absent", CVL / "scenarios.json"):
        with pytest.raises(DirectoryImportError):
            publish_directory(db, published.coordinator_dir, source, out)
    assert not out.exists() and read_record(db, PUBLISHED_KEY) is None
    with pytest.raises(IdentityError, match="coordinator init"):
        publish_directory(db, tmp_path / "not-a-coordinator", CVL, out)
    db.close()


def test_versions_strictly_increase_even_after_a_restored_coordinator() -> None:
    day = datetime(2026, 3, 2, 23, 59, tzinfo=UTC)
    assert next_version(0, day) == 2026030200
    assert next_version(2026030200, day) == 2026030201
    assert next_version(2026030201, day + DAY) == 2026030300
    assert next_version(5, day + DAY) == 2026030300  # records restored from an old backup


def test_age_and_expiry_warnings(desk: Database, published: Published) -> None:
    assert directory_freshness(desk, now=T0).message.startswith("Aucun annuaire")
    install_snapshot(desk, published.small, now=T0 + DAY)
    assert directory_freshness(desk, now=T0 + 30 * DAY).message is None
    old = directory_freshness(desk, now=T0 + 33 * DAY)
    assert (old.age_days, old.too_old, old.expired) == (32, True, False)
    assert "il y a 32 jours" in old.message
    expired = directory_freshness(desk, now=T0 + 46 * DAY)
    assert expired.expired and "a expiré le 16/04/2026" in expired.message
    tight = directory_freshness(desk, now=T0 + 9 * DAY, max_age_days=7)
    assert tight.too_old and tight.age_days == 8
    # a directory imported by hand since then is no longer the expired snapshot
    import_directory(desk, CVL, now=T0 + 46 * DAY)
    after = directory_freshness(desk, now=T0 + 47 * DAY)
    assert (after.expired, after.too_old, after.message) == (False, False, None)
    print(f"\nwarnings: {old.message}\n          {expired.message}")


def test_acknowledgement_travels_with_the_update(tmp_path: Path) -> None:
    region = Region(tmp_path)
    coordinator = region.coordinator()
    import_bundle(coordinator, region.coordinator_dir, region.week(0, 3))
    snapshot = publish_directory(
        coordinator, region.coordinator_dir, CVL, tmp_path / "u.spro-directory",
        with_acknowledgements=True,
    )  # fmt: skip
    assert snapshot.acknowledgements == 2
    desk, _folder = region.desks[0]
    result = install_snapshot(desk, snapshot.path)
    assert result.acked_seq == 3 and result.notes == []
    assert load_identity(desk) is not None
    coordinator.close()


def test_command_line_publish_and_import_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coordinator, desk = str(tmp_path / "c"), str(tmp_path / "d")
    identity, out = tmp_path / "c.json", tmp_path / "u.spro-directory"
    assert main(["--data-dir", coordinator, "coordinator", "init", "--json"]) == 0
    assert main(["--data-dir", coordinator, "coordinator", "identity", "--out", str(identity)]) == 0
    assert main(["--data-dir", desk, "desk", "trust-coordinator", str(identity)]) == 0
    capsys.readouterr()
    publish = ["--data-dir", coordinator, "coordinator", "publish-directory", str(CVL)]
    assert main([*publish, "--out", str(out), "--expires-days", "10", "--json"]) == 0
    published = json.loads(capsys.readouterr().out)
    assert published["services"] == 679 and published["file"] == str(out)
    update = ["--data-dir", desk, "sync", "import-update", str(out), "--json"]
    assert main(update) == 0
    installed = json.loads(capsys.readouterr().out)
    assert (installed["kind"], installed["version"]) == ("directory", published["version"])
    assert main(update) == 2  # the same version again
    assert "pas plus récente" in capsys.readouterr().err
    assert main([*publish, "--out", str(out), "--expires-days", "0"]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([*publish[:4], str(empty), "--out", str(out)]) == 2
