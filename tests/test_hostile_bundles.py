"""Hostile input at the coordinator: every altered or crafted bundle refused, state unchanged.

Anybody can encrypt to the coordinator's public keys, so crafted archives arrive decrypted fine:
they must fail on their content, quickly. Each test prints its figure.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import tarfile
import time
from pathlib import Path

import pyrage
import pytest

from spro_desk.sync.coordinator import BundleRefused, import_bundle
from spro_desk.sync.identity import load_identity, signing_key
from test_coordinator_import import Region, _state

FLIPS = 10_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Region, Path]:
    region = Region(tmp_path_factory.mktemp("hostile"))
    return region, region.week(0, 40)


def _seal(region: Region, members: list[tuple[str, bytes, bytes]], target: Path) -> Path:
    """A tar of (name, type, data) members encrypted to the coordinator, as an attacker can."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            info.type, info.size = kind, len(data) if kind == tarfile.REGTYPE else 0
            if kind == tarfile.SYMTYPE:
                info.linkname = "/etc/passwd"
            tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    identity = json.loads((region.root / "coordinator.json").read_text())
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in identity["recipients"]]
    target.write_bytes(pyrage.encrypt(buffer.getvalue(), recipients))
    return target


def _signed_manifest(region: Region, manifest: dict) -> tuple[bytes, bytes]:
    _db, folder = region.desks[0]
    data = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    return data, base64.b64encode(signing_key(folder).sign(data))


@pytest.mark.slow  # ten thousand bundles opened: about a minute on two cores
def test_ten_thousand_bit_flips_are_all_refused(world: tuple[Region, Path], tmp_path: Path) -> None:
    region, bundle = world
    db = region.coordinator(f"flips-{random.getrandbits(32)}.sqlite")
    original = bundle.read_bytes()
    rng, accepted, started = random.Random(2026), 0, time.perf_counter()
    target = tmp_path / "flipped.spro-bundle"
    for _ in range(FLIPS):
        data = bytearray(original)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(data))
        try:
            import_bundle(db, region.coordinator_dir, target)
            accepted += 1
        except BundleRefused:
            pass
    elapsed = time.perf_counter() - started
    each = elapsed / FLIPS * 1e3
    print(f"\n{FLIPS} bit flips: {accepted} accepted, {elapsed:.1f} s ({each:.2f} ms each)")
    assert accepted == 0 and _state(db) == set()


def test_truncations_at_every_offset_step_are_refused(
    world: tuple[Region, Path], tmp_path: Path
) -> None:
    region, bundle = world
    db = region.coordinator(f"trunc-{random.getrandbits(32)}.sqlite")
    original = bundle.read_bytes()
    offsets = range(0, len(original), max(1, len(original) // 500))
    target = tmp_path / "cut.spro-bundle"
    accepted = 0
    for offset in offsets:
        target.write_bytes(original[:offset])
        try:
            import_bundle(db, region.coordinator_dir, target)
            accepted += 1
        except BundleRefused:
            pass
    print(f"\n{len(offsets)} truncations: {accepted} accepted")
    assert accepted == 0 and _state(db) == set()


@pytest.mark.parametrize(
    "case", ["traversal", "extra-member", "symlink", "huge-manifest", "missing", "future-format"]
)
def test_crafted_archives_are_refused_quickly(
    world: tuple[Region, Path], tmp_path: Path, case: str
) -> None:
    region, _bundle = world
    db = region.coordinator(f"craft-{random.getrandbits(32)}.sqlite")
    events = b""
    identity = load_identity(region.desks[0][0])
    assert identity is not None
    desk_id = identity.desk_id
    manifest = {
        "format": "spro-desk-bundle/9" if case == "future-format" else "spro-desk-bundle/1",
        "desk_id": desk_id, "bundle_seq": 1, "previous_bundle_sha256": None,
        "events": {"count": 0}, "last_ack": 0,
        "members": {"events.jsonl": {"size": 0, "sha256": hashlib.sha256(events).hexdigest()}},
    }  # fmt: skip
    data, signature = _signed_manifest(region, manifest)
    regular = tarfile.REGTYPE
    members = [("manifest.json", regular, data), ("manifest.sig", regular, signature),
               ("events.jsonl", regular, events)]  # fmt: skip
    if case == "traversal":
        members[2] = ("../../events.jsonl", regular, events)
    elif case == "extra-member":
        members.append(("autre.txt", regular, b"x"))
    elif case == "symlink":
        members[2] = ("events.jsonl", tarfile.SYMTYPE, b"")
    elif case == "huge-manifest":
        members[0] = ("manifest.json", regular, b" " * (2 * 1024 * 1024))
    elif case == "missing":
        members.pop()
    path = _seal(region, members, tmp_path / f"{case}.spro-bundle")
    started = time.perf_counter()
    with pytest.raises(BundleRefused):
        import_bundle(db, region.coordinator_dir, path)
    assert time.perf_counter() - started < 5 and _state(db) == set()
