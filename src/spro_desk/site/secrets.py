"""Secret settings sealed to the desk key, like personal data.

The record holds `{"sealed": base64}` (X25519 + AES-GCM to the desk's public key, the setting's
name as associated data): saving needs nobody logged in, reading needs the desk key — an agent
signed in, or the OS keyring. Once read or saved, the value is kept in this process's memory so
that the automatic sync rounds go on while the desk is locked (the lock guards the screens; a
process that could read this memory could read the window's too).

Records written in clear by earlier versions (`{"v": …}`) are sealed by `seal_clear_secrets`,
called by the purge at start, which also seals them in the backups.
"""

from __future__ import annotations

import base64
import logging
import sqlite3
from pathlib import Path
from typing import Any

from spro_desk.security import crypto
from spro_desk.security.keys import PersonalDataLocked, vault
from spro_desk.site.declared import SETTINGS, SettingError
from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

SECRET_KEYS = tuple(spec.key for spec in SETTINGS if spec.kind == "secret")
_opened: dict[tuple[str, str], str] = {}


def _context(key: str) -> bytes:
    return b"spro-desk secret setting\x00" + key.encode()


def _seal(db: Database, key: str, value: str) -> dict[str, str]:
    envelope = crypto.seal(vault(db).public().public, value.encode("utf-8"), _context(key))
    return {"sealed": base64.b64encode(envelope).decode("ascii")}


def sealed_record(db: Database, key: str, value: str) -> dict[str, str]:
    _opened[(str(db.path), key)] = value
    return _seal(db, key, value)


def open_secret(db: Database, key: str, record: dict[str, Any]) -> str:
    if "sealed" not in record:  # written in clear by an earlier version, sealed at the purge
        return str(record.get("v") or "")
    cached = _opened.get((str(db.path), key))
    envelope = base64.b64decode(record["sealed"])
    try:
        desk_key = vault(db).private_for(crypto.sealed_key_id(envelope).hex())
        value = crypto.open_sealed(desk_key, envelope, _context(key)).decode("utf-8")
    except PersonalDataLocked:
        if cached is not None:
            return cached
        raise SettingError(
            "Le mot de passe de synchronisation est scellé : un agent doit se connecter une "
            "fois pour que le poste puisse l'utiliser."
        ) from None
    _opened[(str(db.path), key)] = value
    return value


def seal_clear_secrets(db: Database) -> int:
    """Seal the secrets an earlier version stored in clear, in the database (freed pages
    zeroed, WAL emptied) and in every backup; how many values were sealed."""
    sealed = 0
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
        connection.commit()
    sealed += _seal_in(db, db.path, live=True)
    folder = db.path.parent / "backups"
    for path in sorted(folder.glob("*.sqlite")) if folder.is_dir() else []:
        try:
            sealed += _seal_in(db, path, live=False)
        except sqlite3.Error:
            log.warning("Backup %s could not be checked for clear secrets", path.name)
    return sealed


def _seal_in(db: Database, path: Path, *, live: bool) -> int:
    import json

    connection = sqlite3.connect(path, timeout=30)
    try:
        marks = ",".join("?" * len(SECRET_KEYS))
        try:
            rows = connection.execute(
                f"SELECT key, value FROM setting WHERE key IN ({marks})", SECRET_KEYS
            ).fetchall()
        except sqlite3.OperationalError:
            return 0  # a backup older than the setting table
        clear = [(k, json.loads(v)) for k, v in rows if "v" in json.loads(v)]
        if not clear:
            return 0
        connection.execute("PRAGMA secure_delete=ON")
        with connection:
            for key, record in clear:
                value = json.dumps(_seal(db, key, str(record.get("v") or "")))
                connection.execute("UPDATE setting SET value = ? WHERE key = ?", (value, key))
        if live:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            connection.execute("VACUUM")
        return len(clear)
    finally:
        connection.close()
