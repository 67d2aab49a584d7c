"""The desk's identity: made once, private key private, registration holds only the public half."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from spro_desk.cli.main import main
from spro_desk.storage.engine import Database
from spro_desk.sync.identity import SIGNING_KEY_FILE, IdentityError, init_desk, signing_key


def test_the_registration_verifies_what_the_desk_signs(db: Database, tmp_path: Path) -> None:
    identity = init_desk(db, tmp_path, "CIO de Bourges", "cio", "18033")
    message = b"manifest of bundle 1"
    signature = signing_key(tmp_path).sign(message)
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(identity.public_key))
    public.verify(signature, message)  # raises if the pair does not match
    registration = identity.registration()
    assert registration["format"] == "spro-desk-registration/1"
    assert "PRIVATE" not in json.dumps(registration)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_private_key_is_readable_by_its_owner_only(db: Database, tmp_path: Path) -> None:
    init_desk(db, tmp_path, "CIO de Bourges", "cio", "18033")
    assert stat.S_IMODE((tmp_path / SIGNING_KEY_FILE).stat().st_mode) == 0o600


def test_a_second_init_is_refused_and_changes_nothing(db: Database, tmp_path: Path) -> None:
    first = init_desk(db, tmp_path, "CIO de Bourges", "cio", "18033")
    key_before = (tmp_path / SIGNING_KEY_FILE).read_bytes()
    with pytest.raises(IdentityError, match="déjà son identité"):
        init_desk(db, tmp_path, "Autre", "cio", "18033")
    assert (tmp_path / SIGNING_KEY_FILE).read_bytes() == key_before
    from spro_desk.sync.identity import load_identity

    assert load_identity(db) == first


def test_cli_desk_init_and_registration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "desk")]
    assert main([*data, "desk", "registration", "--out", str(tmp_path / "r.json")]) == 2
    assert main([*data, "desk", "init", "--site-nom", "PIJ", "--reseau", "information-jeunesse",
                 "--commune", "00000"]) == 2  # fmt: skip
    capsys.readouterr()
    code = main([*data, "desk", "init", "--site-nom", "PIJ", "--reseau", "information-jeunesse",
                 "--commune", "36044", "--json"])  # fmt: skip
    created = json.loads(capsys.readouterr().out)
    assert code == 0 and created["commune"] == "36044"
    assert main([*data, "desk", "registration", "--out", str(tmp_path / "r.json")]) == 0
    saved = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert saved["desk_id"] == created["desk_id"] and saved["public_key"] == created["public_key"]
