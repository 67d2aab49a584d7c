"""Whatever an archive's headers hold, the bundle reader gives its three members or refuses it
with a French message: never a fault escaping the import (a negative base-256 size once sent
tarfile's seek out of range, and the import stopped on an OverflowError)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from spro_desk.sync import bundle_opening
from spro_desk.sync.bundle import _tar
from spro_desk.sync.bundle_format import EVENTS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER
from spro_desk.sync.bundle_opening import BundleRefused

_MEMBERS = [(MANIFEST_MEMBER, b'{"format":"x"}'), (SIGNATURE_MEMBER, b"c2ln"),
            (EVENTS_MEMBER, b'{"seq":1}\n' * 70)]  # fmt: skip


def _outcome(read: Any, archive: bytes) -> tuple[str, Any]:
    try:
        return "members", read(archive)
    except BundleRefused as refusal:
        return "refused", str(refusal)
    except Exception as error:  # compared too: neither way may fail where the other refuses
        return "failed", type(error).__name__


def _checksummed(archive: bytearray, header: int) -> bytes:
    """The archive with the checksum of the header at `header` made right again."""
    block = archive[header : header + 512]
    block[148:156] = b" " * 8
    archive[header + 148 : header + 156] = b"%06o\0 " % sum(block)
    return bytes(archive)


def _headers(archive: bytes) -> list[int]:
    offsets, offset = [], 0
    for _ in range(4):
        offsets.append(offset)
        size = int(archive[offset + 124 : offset + 135] or b"0", 8) if offset < 2560 else 0
        offset += 512 + -(-size // 512) * 512
    return offsets


def test_an_archive_as_desks_write_it_gives_its_members() -> None:
    assert bundle_opening._members(_tar(_MEMBERS)) == dict(_MEMBERS)
    assert bundle_opening._members(_tar(_MEMBERS[::-1])) == dict(_MEMBERS)
    with pytest.raises(BundleRefused, match="inattendu"):
        bundle_opening._members(_tar([*_MEMBERS, ("x", b"")]))
    with pytest.raises(BundleRefused, match="incomplet"):
        bundle_opening._members(_tar(_MEMBERS[:2]))


@pytest.mark.parametrize("fix_checksum", [False, True])
def test_any_changed_header_byte_gives_members_or_a_refusal(fix_checksum: bool) -> None:
    """Every byte of every header (and of the zero block after them) changed, the checksum
    made right again or not: members or a refusal, never a fault."""
    original = _tar(_MEMBERS)
    randomly = random.Random(19)
    tried = 0
    for header in _headers(original):
        for position in range(512):
            for value in {0, 0x30, 0x37, 0x38, 0x20, 0xFF, randomly.randrange(256)}:
                changed = bytearray(original)
                if changed[header + position] == value:
                    continue
                changed[header + position] = value
                archive = _checksummed(changed, header) if fix_checksum else bytes(changed)
                outcome = _outcome(bundle_opening._members, archive)
                assert outcome[0] != "failed", (header, position, value, outcome)
                tried += 1
    assert tried > 10_000


def test_truncated_or_extended_archives_give_members_or_a_refusal() -> None:
    original = _tar(_MEMBERS)
    variants = [original[:end] for end in range(0, len(original), 97)]
    variants += [original + b"x", original + bytes(512), original[:3072] + original[:512]]
    variants.append(_tar([(MANIFEST_MEMBER, b"a"), (MANIFEST_MEMBER, b"b"), *_MEMBERS[1:]]))
    variants.append(_tar([(MANIFEST_MEMBER, b"x" * (2 * 1024 * 1024)), *_MEMBERS[1:]]))
    outcomes = [_outcome(bundle_opening._members, archive)[0] for archive in variants]
    assert "failed" not in outcomes
    assert outcomes.count("members") >= 2  # the whole archive, and with trailing bytes
