"""The desk's bundle: encrypted to the coordinator, signed, chained, anonymous, written durably."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator_identity import (
    encryption_identities,
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import IdentityError, init_desk

CANARY = PersonalDataInput(
    nom="Zoé Canari-7781", telephone="06 77 88 99 00", courriel="zoe@canari.fr"
)


@pytest.fixture
def setup(db: Database, tmp_path: Path) -> tuple[Database, Path, Path]:
    coordinator, desk = tmp_path / "coordinator", tmp_path / "desk"
    init_coordinator(coordinator)
    (tmp_path / "id.json").write_text(json.dumps(signed_identity_file(coordinator)), "utf-8")
    init_desk(db, desk, "CIO de Bourges", "cio", "18033")
    trust_coordinator(db, tmp_path / "id.json")
    return db, desk, coordinator


def _open(path: Path, coordinator: Path) -> dict[str, bytes]:
    archive = pyrage.decrypt(path.read_bytes(), encryption_identities(coordinator))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def test_a_bundle_opens_only_for_the_coordinator_and_proves_its_desk(
    setup: tuple[Database, Path, Path], tmp_path: Path
) -> None:
    db, desk, coordinator = setup
    service = ContactService(db)
    service.record(ContactInput(canal="accueil-physique", statut="scolaire"))
    service.record(
        ContactInput(canal="telephone", statut="salarie", personal=CANARY, consent=ConsentInput())
    )
    result = export_bundle(db, desk, tmp_path / "usb")
    members = _open(result.path, coordinator)
    manifest = json.loads(members["manifest.json"])
    from spro_desk.sync.identity import load_identity

    identity = load_identity(db)
    assert identity is not None
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(identity.public_key))
    public.verify(base64.b64decode(members["manifest.sig"]), members["manifest.json"])
    events = members["events.jsonl"]
    assert manifest["members"]["events.jsonl"] == {
        "size": len(events), "sha256": hashlib.sha256(events).hexdigest(),
    }  # fmt: skip
    assert manifest["events"]["count"] == result.events == 2 == len(events.splitlines())
    assert manifest["desk_id"] == identity.desk_id and manifest["bundle_seq"] == 1
    for secret in ("Canari-7781", "0677889900", "zoe@canari.fr"):
        assert secret.encode() not in result.path.read_bytes()
        assert all(secret.encode() not in data for data in members.values())
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(result.path.read_bytes(), [pyrage.x25519.Identity.generate()])


def test_bundles_are_chained_and_repeat_what_is_not_acknowledged(
    setup: tuple[Database, Path, Path], tmp_path: Path
) -> None:
    db, desk, coordinator = setup
    ContactService(db).record(ContactInput(canal="visio", statut="autre"))
    first = export_bundle(db, desk, tmp_path / "usb")
    ContactService(db).record(ContactInput(canal="visio", statut="autre"))
    second = export_bundle(db, desk, tmp_path / "usb")
    manifest = json.loads(_open(second.path, coordinator)["manifest.json"])
    assert manifest["bundle_seq"] == 2
    assert manifest["previous_bundle_sha256"] == hashlib.sha256(first.path.read_bytes()).hexdigest()
    assert (manifest["events"]["first_seq"], manifest["events"]["last_seq"]) == (1, 2)
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == sorted(
        [first.path.name, second.path.name]
    )  # no temporary file left behind


def test_export_needs_the_desk_identity_and_its_coordinator(db: Database, tmp_path: Path) -> None:
    with pytest.raises(IdentityError, match="desk init"):
        export_bundle(db, tmp_path / "desk", tmp_path / "usb")
    init_desk(db, tmp_path / "desk", "CIO de Bourges", "cio", "18033")
    with pytest.raises(IdentityError, match="trust-coordinator"):
        export_bundle(db, tmp_path / "desk", tmp_path / "usb")
    assert not (tmp_path / "usb").exists()


def test_the_bundle_carries_the_access_logs_head_as_a_witness(
    setup: tuple[Database, Path, Path], tmp_path: Path
) -> None:
    """Issue 15: the coordinator receives, signed, the number and MAC of the log's last entry."""
    from spro_desk.security.audit import audit_log

    db, desk, coordinator = setup
    audit_log(db).append("affichage", contact_id="c1")
    last = audit_log(db).append("connexion")
    manifest = json.loads(
        _open(export_bundle(db, desk, tmp_path / "usb").path, coordinator)["manifest.json"]
    )
    assert manifest["audit_head"] == {"seq": last["seq"], "mac": last["mac"]} and last["seq"] == 2
