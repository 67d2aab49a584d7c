"""The cryptographic primitives of personal data, all from `cryptography` (no hand-made cipher).

Personal data is *sealed* to the desk's X25519 public key: each record gets a fresh ephemeral
key pair, the shared secret goes through HKDF-SHA256 into an AES-256-GCM key, and the
associated data binds the ciphertext to its row (a sealed value copied into another contact's
row fails to open). Sealing needs only the public key, so a contact can be recorded while
nobody has unlocked the desk (command line); opening needs the private key, which only an
unlocked agent (or the OS keyring) provides.

The private key itself is *wrapped* (AES-256-GCM) under a key-encryption key derived from an
agent's PIN or password with Argon2id, a memory-hard function that makes each guess costly.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ENVELOPE_V1 = 1
KEY_ID_BYTES = 8
NONCE_BYTES = 12
PUBLIC_BYTES = 32
_HEADER_BYTES = 1 + KEY_ID_BYTES + PUBLIC_BYTES
_HKDF_INFO = b"spro-desk personal data v1"


class SealError(ValueError):
    """A sealed value that does not open: wrong key, wrong row, or altered bytes."""


@dataclass(frozen=True)
class KdfCost:
    """Argon2id parameters, stored with each agent so that they can be raised later.

    3 passes over 128 MiB: 0.4–0.8 s of one core here (bench/bench_privacy.py), so an unlock —
    one derivation — stays under a second while trying the 10⁸ allowed 8-digit codes costs
    more than a core-year (issue 15)."""

    time_cost: int = 3
    memory_kib: int = 128 * 1024
    parallelism: int = 1

    def as_json(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_json(cls, data: dict[str, int]) -> KdfCost:
        return cls(time_cost=data["t"], memory_kib=data["m"], parallelism=data["p"])


def key_id(public: X25519PublicKey) -> bytes:
    """A short, stable name of a desk key: lets a future key rotation find the right key."""
    return hashlib.sha256(public.public_bytes_raw()).digest()[:KEY_ID_BYTES]


def _record_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_HKDF_INFO)
    return hkdf.derive(shared)


def seal(recipient: X25519PublicKey, plaintext: bytes, context: bytes) -> bytes:
    """version ‖ key id ‖ ephemeral public key ‖ nonce ‖ AES-GCM(plaintext), bound to context."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes_raw()
    header = bytes([ENVELOPE_V1]) + key_id(recipient) + ephemeral_raw
    key = _record_key(ephemeral.exchange(recipient), ephemeral_raw, recipient.public_bytes_raw())
    nonce = os.urandom(NONCE_BYTES)
    return header + nonce + AESGCM(key).encrypt(nonce, plaintext, header + context)


def sealed_key_id(envelope: bytes) -> bytes:
    if len(envelope) < _HEADER_BYTES + NONCE_BYTES or envelope[0] != ENVELOPE_V1:
        raise SealError("unknown envelope")
    return envelope[1 : 1 + KEY_ID_BYTES]


def open_sealed(private: X25519PrivateKey, envelope: bytes, context: bytes) -> bytes:
    if sealed_key_id(envelope) != key_id(private.public_key()):
        raise SealError("sealed under another desk key")
    header, rest = envelope[:_HEADER_BYTES], envelope[_HEADER_BYTES:]
    ephemeral_raw = header[1 + KEY_ID_BYTES :]
    ephemeral = X25519PublicKey.from_public_bytes(ephemeral_raw)
    recipient_raw = private.public_key().public_bytes_raw()
    key = _record_key(private.exchange(ephemeral), ephemeral_raw, recipient_raw)
    nonce, ciphertext = rest[:NONCE_BYTES], rest[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, header + context)
    except InvalidTag:
        raise SealError("altered or moved sealed value") from None


def derive_kek(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    """The key-encryption key of an agent's secret (Argon2id, 32 bytes)."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(kek: bytes, secret: bytes, context: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(kek).encrypt(nonce, secret, context)


def unwrap(kek: bytes, wrapped: bytes, context: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], context)
    except InvalidTag:
        raise SealError("wrong secret or altered wrapped key") from None


def private_bytes(private: X25519PrivateKey) -> bytes:
    return private.private_bytes_raw()


def private_from_bytes(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(raw)


def public_from_bytes(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(raw)
