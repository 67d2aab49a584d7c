"""The desk's identity: an id and an Ed25519 signing key, made once at set-up.

The private key stays in the desk's data folder, readable by its owner only; the registration
file the coordinator imports holds only the public half and the site's description.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from spro_desk.storage.engine import Database
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.storage.records import read_record, write_record

IDENTITY_KEY = "desk.identity"
SIGNING_KEY_FILE = Path("keys") / "desk-signing.pem"
REGISTRATION_FORMAT = "spro-desk-registration/1"


class IdentityError(ValueError):
    """The desk cannot be set up (or is not yet); the message says why in French."""


@dataclass(frozen=True)
class DeskIdentity:
    desk_id: str
    public_key: str  # raw Ed25519 public key, base64
    site_nom: str
    reseau: str
    commune: str
    created_at: str

    def registration(self) -> dict[str, Any]:
        return {"format": REGISTRATION_FORMAT, **asdict(self)}


def load_identity(db: Database) -> DeskIdentity | None:
    record = read_record(db, IDENTITY_KEY)
    return DeskIdentity(**record) if record is not None else None


def init_desk(
    db: Database, data_dir: Path, site_nom: str, reseau: str, commune: str
) -> DeskIdentity:
    """Create the desk's id and signing key; refused when the desk already has them."""
    if load_identity(db) is not None or (data_dir / SIGNING_KEY_FILE).exists():
        raise IdentityError(
            "Ce poste a déjà son identité : la recréer rendrait ses envois méconnaissables "
            "par le coordinateur. Aucune modification n'a été faite."
        )
    if not site_nom.strip():
        raise IdentityError("Indiquez le nom du site.")
    key = Ed25519PrivateKey.generate()
    identity = DeskIdentity(
        desk_id=str(uuid.uuid4()),
        public_key=public_key_text(key),
        site_nom=site_nom.strip(),
        reseau=reseau.strip(),
        commune=commune.strip(),
        created_at=datetime.now(UTC).isoformat(),
    )
    private_file(data_dir / SIGNING_KEY_FILE, key)
    write_record(db, IDENTITY_KEY, asdict(identity))
    return identity


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The raw Ed25519 public key, base64."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def private_file(path: Path, secret: Ed25519PrivateKey | bytes) -> None:
    """Write a private key readable by its owner only, never over an existing one."""
    data = (
        secret
        if isinstance(secret, bytes)
        else secret.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),  # protected at rest with the database (issue 6)
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def read_private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise IdentityError(f"La clé {path.name} n'est pas une clé Ed25519.")
    return key


def signing_key(data_dir: Path) -> Ed25519PrivateKey:
    return read_private_key(data_dir / SIGNING_KEY_FILE)


def write_registration(identity: DeskIdentity, out: Path) -> Path:
    # A site name stored by an earlier version from a non-UTF-8 terminal holds lone
    # surrogates: written as U+FFFD rather than failing every registration (issue 15).
    text = json.dumps(identity.registration(), ensure_ascii=False, indent=1)
    # Complete or absent: a registration file is often carried away (USB stick) as soon as
    # it appears, and the coordination refuses a truncated one.
    return write_atomically(out, text.encode("utf-8", "replace"), Durability.CONTENTS_SYNCED)
