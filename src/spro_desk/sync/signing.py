"""Canonical JSON and Ed25519 signatures, as every sync document uses them."""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def canonical(value: Any) -> bytes:
    """Keys sorted, no spaces, UTF-8: the bytes a signature covers."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signature_valid(public_key: str, signature: str | bytes, data: bytes) -> bool:
    """Whether `signature` (base64) is the Ed25519 signature of `data` by `public_key` (base64)."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
        key.verify(base64.b64decode(signature), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
