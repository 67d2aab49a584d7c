"""The desk keys sealed to each agent (`privacy.agent_keys` record), opened without the database
layer: the same function serves the ORM's sign-in and the lock screen's check made before the
ORM is loaded (`agents.code_check`)."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from spro_desk.security import crypto

DESK_KEY_RECORD = "privacy.desk_key"
# Desk keys replaced when an agent was disabled: their private halves still open older data.
RETIRED_KEYS_RECORD = "privacy.desk_keys_retired"
# Each key-holding agent's public key and, sealed to it, every desk key the agent may use.
GRANTS_RECORD = "privacy.agent_keys"


def grant_context(agent_id: str, key_hex: str) -> bytes:
    return b"spro-desk desk key for agent\x00" + agent_id.encode() + b"\x00" + key_hex.encode()


def open_granted_record(
    grants: dict[str, Any], agent_id: str, agent_private: X25519PrivateKey
) -> list[X25519PrivateKey]:
    """The desk keys sealed to this agent in `grants` (the record's value)."""
    opened = []
    for key_hex, envelope in grants.get(agent_id, {}).get("desk", {}).items():
        raw = crypto.open_sealed(
            agent_private, base64.b64decode(envelope), grant_context(agent_id, key_hex)
        )
        opened.append(crypto.private_from_bytes(raw))
    return opened
