"""One key per person received (crypto-shredding): erasing the key erases every copy.

The personal data of a contact is encrypted under its own random AES-256 key; that key, sealed
to the desk key, lives in the *person-key file* `privacy/<database>.cles-personnes`, beside the
keys and outside the database. Backups copy the database only: they hold the ciphertext, never
the person's key. Erasure (on request or by the purge) removes the key from this file — then
the copies of the row still in backups, in freed pages or anywhere else open with no key left
on the desk. See docs/privacy.md, « Erased means gone from every copy ».

A key whose row is no longer in the live database (a backup restored to an earlier day) stays
until the longest retention a site may choose has passed (`expires`), so that undoing that
restore loses nothing; the purge drops it then.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from spro_desk.security.files import append_line, locked, privacy_folder, write_whole
from spro_desk.storage.engine import Database, one_per_database

SUFFIX = ".cles-personnes"


def person_keys_path(db_path: Path) -> Path:
    return privacy_folder(db_path) / f"{db_path.name}{SUFFIX}"


class PersonKeys:
    def __init__(self, db: Database) -> None:
        self.path = person_keys_path(db.path)
        # Parsed once per version of the file (another process may change it): opening many
        # rows (a search, the right of access) does not re-read it for each.
        self._cached: tuple[tuple[int, int, int], dict[str, dict[str, str]]] | None = None

    def _entries(self) -> dict[str, dict[str, str]]:
        """The last entry of each contact; a line torn by a power cut is ignored."""
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return {}
        version = (status.st_ino, status.st_size, status.st_mtime_ns)
        if self._cached is not None and self._cached[0] == version:
            return dict(self._cached[1])
        found = self._parse()
        self._cached = (version, found)
        return dict(found)

    def _parse(self) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return found
        for line in data.splitlines():
            try:
                entry = json.loads(line)
                found[str(entry["c"])] = entry
            except (ValueError, KeyError, TypeError):
                continue
        return found

    def add(self, contact_id: str, sealed_key: bytes, expires: datetime) -> None:
        entry = {
            "c": contact_id,
            "k": base64.b64encode(sealed_key).decode("ascii"),
            "x": expires.astimezone(UTC).isoformat(),
        }
        with locked(self.path):
            append_line(self.path, json.dumps(entry, separators=(",", ":")).encode())

    def entry(self, contact_id: str) -> dict[str, str] | None:
        """The person's current line, to `put_back` if what replaces it is not committed."""
        return self._entries().get(contact_id)

    def put_back(self, entry: dict[str, str]) -> None:
        """A line taken by `entry` becomes the person's key again (a correction rolled back:
        the row still in the database is the one it opens)."""
        with locked(self.path):
            append_line(self.path, json.dumps(entry, separators=(",", ":")).encode())

    def sealed_key(self, contact_id: str) -> bytes | None:
        entry = self._entries().get(contact_id)
        return base64.b64decode(entry["k"]) if entry else None

    def contact_ids(self) -> set[str]:
        return set(self._entries())

    def discard(self, contact_ids: Iterable[str]) -> int:
        """Destroy these persons' keys (the file is rewritten without them); how many were."""
        gone = set(contact_ids)
        if not gone:
            return 0
        return self._rewrite(lambda entry: entry["c"] in gone)

    def drop_superseded(self) -> None:
        """Keep only each person's last key: the key of details since corrected no longer
        opens their copies (backups, freed pages)."""
        self._rewrite(lambda _entry: False)

    def discard_expired(self, now: datetime) -> int:
        return self._rewrite(lambda entry: datetime.fromisoformat(entry["x"]) <= now)

    def _rewrite(self, drop: object) -> int:
        assert callable(drop)
        with locked(self.path):
            entries = self._entries()
            kept = [entry for entry in entries.values() if not drop(entry)]
            if len(kept) == len(entries) and self._is_compact(len(entries)):
                return 0
            lines = b"".join(json.dumps(e, separators=(",", ":")).encode() + b"\n" for e in kept)
            write_whole(self.path, lines)
        return len(entries) - len(kept)

    def _is_compact(self, entries: int) -> bool:
        """No superseded or torn line that would still hold an old key."""
        try:
            return self.path.read_bytes().count(b"\n") == entries
        except FileNotFoundError:
            return True


person_keys = one_per_database(PersonKeys)
