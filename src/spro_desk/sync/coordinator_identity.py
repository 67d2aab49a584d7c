"""The coordinator's identity, and the desks' trust in it.

The coordinator holds one or more age (X25519) encryption keys — a second one is added to
rotate — and an Ed25519 key that signs directory updates and its own identity file. Its private
keys stay in its data folder, readable by its owner only. A desk trusts the first identity file
it imports; a later one (a rotation) is accepted only if the trusted signing key signed it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.sync.bundle_opening import ENCRYPTION_KEYS_DIR, encryption_identities
from spro_desk.sync.identity import IdentityError, private_file, public_key_text, read_private_key
from spro_desk.sync.signing import canonical, signature_valid

IDENTITY_FORMAT = "spro-desk-coordinator/1"
SIGNING_KEY_FILE = Path("keys") / "coordinator-signing.pem"
TRUSTED_KEY = "coordinator.trusted"


@dataclass(frozen=True)
class CoordinatorIdentity:
    signing_public_key: str
    recipients: tuple[str, ...]  # age public keys; bundles are encrypted to all of them

    def body(self) -> dict[str, Any]:
        return {
            "format": IDENTITY_FORMAT,
            "signing_public_key": self.signing_public_key,
            "recipients": list(self.recipients),
        }


# --- the coordinator's side ----------------------------------------------------------------


def init_coordinator(data_dir: Path) -> CoordinatorIdentity:
    if (data_dir / SIGNING_KEY_FILE).exists():
        raise IdentityError("Ce coordinateur a déjà ses clés : aucune modification n'a été faite.")
    signing = Ed25519PrivateKey.generate()
    private_file(data_dir / SIGNING_KEY_FILE, signing)
    add_encryption_key(data_dir)
    return coordinator_identity(data_dir)


def add_encryption_key(data_dir: Path) -> str:
    """A new age key (for rotation); returns its public recipient."""
    identity = x25519.Identity.generate()
    folder = data_dir / ENCRYPTION_KEYS_DIR
    number = len(list(folder.glob("*.age"))) + 1 if folder.exists() else 1
    private_file(folder / f"{number:03d}.age", str(identity).encode())
    return str(identity.to_public())


def coordinator_identity(data_dir: Path) -> CoordinatorIdentity:
    signing = read_private_key(data_dir / SIGNING_KEY_FILE)
    recipients = tuple(str(i.to_public()) for i in encryption_identities(data_dir))
    return CoordinatorIdentity(public_key_text(signing), recipients)


def signed_identity_file(data_dir: Path) -> dict[str, Any]:
    body = coordinator_identity(data_dir).body()
    signature = read_private_key(data_dir / SIGNING_KEY_FILE).sign(canonical(body))
    return {**body, "signature": base64.b64encode(signature).decode()}


# --- the desk's side -----------------------------------------------------------------------


def _verify(document: dict[str, Any], signing_public_key: str) -> None:
    body = {k: v for k, v in document.items() if k != "signature"}
    signature = str(document.get("signature", ""))
    if not signature_valid(signing_public_key, signature, canonical(body)):
        raise IdentityError(
            "Fichier d'identité du coordinateur refusé : sa signature ne correspond pas."
        )


def _parse(document: Any) -> CoordinatorIdentity:
    if not isinstance(document, dict) or document.get("format") != IDENTITY_FORMAT:
        raise IdentityError("Ce fichier n'est pas une identité de coordinateur SPRO Desk.")
    recipients = document.get("recipients")
    signing = document.get("signing_public_key")
    if not isinstance(signing, str) or not isinstance(recipients, list) or not recipients:
        raise IdentityError("Identité du coordinateur incomplète : clés absentes.")
    try:
        for recipient in recipients:
            x25519.Recipient.from_str(str(recipient))
    except Exception as error:  # pyrage raises its own RecipientError
        raise IdentityError("Identité du coordinateur : clé de chiffrement invalide.") from error
    return CoordinatorIdentity(signing, tuple(str(r) for r in recipients))


def trusted_coordinator(db: Database) -> CoordinatorIdentity | None:
    record = read_record(db, TRUSTED_KEY)
    if record is None:
        return None
    return CoordinatorIdentity(record["signing_public_key"], tuple(record["recipients"]))


def trust_coordinator(db: Database, path: Path) -> CoordinatorIdentity:
    """Import the coordinator's identity: first one trusted, later ones must be signed by it."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise IdentityError(f"Fichier d'identité illisible : {path.name}.") from error
    identity = _parse(document)
    _verify(document, identity.signing_public_key)
    trusted = trusted_coordinator(db)
    if trusted is not None and trusted.signing_public_key != identity.signing_public_key:
        raise IdentityError(
            "Ce fichier vient d'un autre coordinateur que celui de ce poste : refusé, rien n'a "
            "été modifié. Contactez votre coordination SPRO."
        )
    value = {
        "signing_public_key": identity.signing_public_key,
        "recipients": list(identity.recipients),
    }
    write_record(db, TRUSTED_KEY, value)
    return identity
