"""The coordinator's keys, and a desk's trust in them: first file trusted, later ones signed."""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator_identity import (
    add_encryption_key,
    encryption_identities,
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
    trusted_coordinator,
)
from spro_desk.sync.identity import IdentityError


def _identity_file(coordinator: Path, target: Path) -> Path:
    target.write_text(json.dumps(signed_identity_file(coordinator)), "utf-8")
    return target


def test_a_desk_trusts_the_coordinator_and_can_encrypt_to_it(db: Database, tmp_path: Path) -> None:
    coordinator = tmp_path / "coordinator"
    init_coordinator(coordinator)
    trusted = trust_coordinator(db, _identity_file(coordinator, tmp_path / "id.json"))
    assert trusted_coordinator(db) == trusted
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in trusted.recipients]
    sealed = pyrage.encrypt(b"bundle", recipients)
    assert pyrage.decrypt(sealed, encryption_identities(coordinator)) == b"bundle"


def test_the_coordinator_is_set_up_once(tmp_path: Path) -> None:
    init_coordinator(tmp_path)
    with pytest.raises(IdentityError):
        init_coordinator(tmp_path)


def test_a_rotation_signed_by_the_trusted_key_is_accepted(db: Database, tmp_path: Path) -> None:
    coordinator = tmp_path / "coordinator"
    init_coordinator(coordinator)
    trust_coordinator(db, _identity_file(coordinator, tmp_path / "v1.json"))
    add_encryption_key(coordinator)
    rotated = trust_coordinator(db, _identity_file(coordinator, tmp_path / "v2.json"))
    assert len(rotated.recipients) == 2 and trusted_coordinator(db) == rotated


def test_tampered_or_foreign_identities_are_refused_and_change_nothing(
    db: Database, tmp_path: Path
) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    init_coordinator(ours)
    init_coordinator(theirs)
    trusted = trust_coordinator(db, _identity_file(ours, tmp_path / "ours.json"))
    # a recipient swapped for the attacker's: the signature no longer matches
    forged = signed_identity_file(ours)
    forged["recipients"] = signed_identity_file(theirs)["recipients"]
    (tmp_path / "forged.json").write_text(json.dumps(forged), "utf-8")
    for path in (tmp_path / "forged.json", _identity_file(theirs, tmp_path / "theirs.json")):
        with pytest.raises(IdentityError):
            trust_coordinator(db, path)
        assert trusted_coordinator(db) == trusted
    (tmp_path / "junk.json").write_text("{not json", "utf-8")
    with pytest.raises(IdentityError):
        trust_coordinator(db, tmp_path / "junk.json")
