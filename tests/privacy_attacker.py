"""An attacker holding the desk's data folder (a stolen disk) and, for the worst cases, some
agents' codes: collects every key that can be opened from what is left on the desk, then
decrypts every personal row of every database file in the folder (live database with its WAL,
backups) and greps every file for the canaries in clear.

Written from the outside: it reads the files with sqlite3 and the `cryptography` primitives,
not through the application's vault, so a key the application forgot but left in a file is
found all the same.
"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from spro_desk.privacy.personal import key_context, row_context
from spro_desk.security import crypto

SQLITE_MAGIC = b"SQLite format 3\x00"


def _databases(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.read_bytes()[:16] == SQLITE_MAGIC:
            found.append(path)
    return found


def _rows(path: Path, sql: str) -> list[tuple]:
    """Read a database file as it is on disk (with its WAL), without changing the original."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy.sqlite"
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copyfile(wal, f"{copy}-wal")
        try:
            with closing(sqlite3.connect(copy)) as connection:
                return connection.execute(sql).fetchall()
        except sqlite3.Error:
            return []


def _kek(secret: str, salt: bytes, cost: dict) -> bytes:
    return hash_secret_raw(
        secret.encode(), salt, time_cost=cost["t"], memory_cost=cost["m"],
        parallelism=cost["p"], hash_len=32, type=Type.ID,
    )  # fmt: skip


def desk_keys_left(folder: Path, codes: list[str]) -> list[X25519PrivateKey]:
    """Every desk private key openable from the folder: provisional key files, and every
    agent wrap of every database file tried with every code known to the attacker."""
    keys: dict[bytes, X25519PrivateKey] = {}
    for path in folder.rglob("*.cle-provisoire-*"):
        private = crypto.private_from_bytes(path.read_bytes())
        keys[private.private_bytes_raw()] = private
    for database in _databases(folder):
        agents = _rows(database, "SELECT id, kek_salt, kek_cost, wrapped_key FROM agent")
        grants_rows = _rows(database, "SELECT value FROM setting WHERE key='privacy.agent_keys'")
        desk_rows = _rows(database, "SELECT value FROM setting WHERE key='privacy.desk_key'")
        grants = json.loads(grants_rows[0][0]) if grants_rows else {}
        desk_id = json.loads(desk_rows[0][0])["key_id"] if desk_rows else ""
        for agent_id, salt, cost_text, wrapped in agents:
            if wrapped is None or salt is None:
                continue
            cost = json.loads(cost_text)
            for code in codes:
                kek = _kek(code, salt, cost)
                for private in _try_agent(agent_id, kek, wrapped, cost, grants, desk_id):
                    keys[private.private_bytes_raw()] = private
    return list(keys.values())


def _try_agent(agent_id, kek, wrapped, cost, grants, desk_id) -> list[X25519PrivateKey]:
    try:
        if cost.get("v") == 2:
            context = b"spro-desk agent private key\x00" + agent_id.encode()
            own = crypto.private_from_bytes(crypto.unwrap(kek, wrapped, context))
            opened = []
            for key_hex, envelope in grants.get(agent_id, {}).get("desk", {}).items():
                context = (b"spro-desk desk key for agent\x00" + agent_id.encode() + b"\x00"
                           + key_hex.encode())  # fmt: skip
                raw = crypto.open_sealed(own, base64.b64decode(envelope), context)
                opened.append(crypto.private_from_bytes(raw))
            return opened
        context = b"spro-desk agent key\x00" + agent_id.encode() + b"\x00" + desk_id.encode()
        return [crypto.private_from_bytes(crypto.unwrap(kek, wrapped, context))]
    except crypto.SealError:
        return []


def person_keys_left(folder: Path, desk_keys: list[X25519PrivateKey]) -> dict[str, list[bytes]]:
    """Every person key of every file beside the keys, opened with every desk key."""
    found: dict[str, list[bytes]] = {}
    for path in folder.rglob("*.cles-personnes*"):
        for line in path.read_bytes().splitlines():
            try:
                entry = json.loads(line)
                sealed = base64.b64decode(entry["k"])
            except (ValueError, KeyError):
                continue
            for desk in desk_keys:
                try:
                    key = crypto.open_sealed(desk, sealed, key_context(entry["c"]))
                except crypto.SealError:
                    continue
                found.setdefault(entry["c"], []).append(key)
    return found


def readable_canaries(folder: Path, codes: list[str], canaries: tuple[str, ...]) -> dict[str, int]:
    """How many (file, canary) pairs the attacker reads: in clear, or decrypted."""
    desk_keys = desk_keys_left(folder, codes)
    person_keys = person_keys_left(folder, desk_keys)
    hits = dict.fromkeys(canaries, 0)
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for canary in canaries:
            if canary.encode() in data or canary.encode("utf-16-le") in data:
                hits[canary] += 1
    for database in _databases(folder):
        for contact_id, sealed in _rows(database, "SELECT contact_id, sealed FROM personal_data"):
            plain = _open_any(contact_id, bytes(sealed), desk_keys, person_keys)
            for canary in canaries:
                if plain is not None and canary in plain:
                    hits[canary] += 1
    return hits


def _open_any(contact_id, sealed, desk_keys, person_keys) -> str | None:
    if sealed[:1] == b"\x02":
        for key in person_keys.get(contact_id, []):
            try:
                nonce = sealed[1:13]
                plain = AESGCM(key).decrypt(nonce, sealed[13:], b"\x02" + row_context(contact_id))
                return plain.decode()
            except InvalidTag:  # a wrong key is what the attacker expects most
                continue
        return None
    for desk in desk_keys:
        try:
            return crypto.open_sealed(desk, sealed, row_context(contact_id)).decode()
        except crypto.SealError:
            continue
    return None
