"""A region on real files for the sync integrity tests: a coordinator, desks in data folders
where the command line finds them, bundles on a "USB stick" folder, and crafted bundles signed
by a registered desk (what a compromised or buggy desk can send)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pyrage

from coordination_db import Coordinations
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import register_desk
from spro_desk.sync.coordinator_identity import (
    encryption_identities,
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, signing_key, write_registration

SITES = ("CIO de Bourges", "Mission locale de Tours", "CIO d'Orléans", "BIJ de Blois")


class World:
    """A coordinator and `desks` desks, each in its own data folder."""

    def __init__(
        self,
        root: Path,
        desks: int = 2,
        *,
        existing: bool = False,
        coordinations: Coordinations | None = None,
    ) -> None:
        """A new region in `root`, or (`existing`) the one a copied template holds; the
        coordinator's database on SQLite, or where `coordinations` opens it."""
        self.root = root
        self.coordinations = coordinations
        self.coordinator_dir = root / "coordinator"
        self.identity_file = root / "coordinator.json"
        self.usb = root / "usb"
        self.folders = [root / f"desk{n}" for n in range(desks)]
        self.dbs: list[Database] = []
        self.ids: list[str] = []
        if existing:
            self.dbs = [Database(database_path(folder)) for folder in self.folders]
            self.ids = [load_identity(db).desk_id for db in self.dbs]  # type: ignore[union-attr]
            self.coordinator = self.open_coordinator()
            return
        init_coordinator(self.coordinator_dir)
        self.identity_file.write_text(json.dumps(signed_identity_file(self.coordinator_dir)))
        for number, folder in enumerate(self.folders):
            db = Database(database_path(folder))
            identity = init_desk(db, folder, SITES[number % len(SITES)], "cio", "18033")
            trust_coordinator(db, self.identity_file)
            self.dbs.append(db)
            self.ids.append(identity.desk_id)
        self.coordinator = self.open_coordinator()
        for db in self.dbs:
            identity = load_identity(db)
            assert identity is not None
            registration = root / f"{identity.desk_id}.json"
            register_desk(self.coordinator, write_registration(identity, registration))

    def open_coordinator(self) -> Database:
        path = self.root / "coordinator.sqlite"
        if self.coordinations is None:
            return Database(path)
        return self.coordinations.open(path)

    def record(self, desk: int, count: int) -> list[str]:
        service = ContactService(self.dbs[desk])
        return [
            service.record(ContactInput(canal="telephone", statut="scolaire")) for _ in range(count)
        ]

    def export(self, desk: int, out: Path | None = None) -> Path:
        return export_bundle(self.dbs[desk], self.folders[desk], out or self.usb).path

    def reopen(self, desk: int) -> Database:
        self.dbs[desk].close()
        self.dbs[desk] = Database(database_path(self.folders[desk]))
        return self.dbs[desk]

    def close(self) -> None:
        for db in self.dbs:
            db.close()
        self.coordinator.close()

    # --- bundles as an attacker (or a broken desk) can make them ------------------------

    def decrypt(self, bundle: Path) -> dict[str, bytes]:
        archive = pyrage.decrypt(bundle.read_bytes(), encryption_identities(self.coordinator_dir))
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            return {
                m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
                for m in tar.getmembers()
            }

    def seal(self, members: dict[str, bytes], target: Path) -> Path:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as tar:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        identity = json.loads(self.identity_file.read_text())
        recipients = [pyrage.x25519.Recipient.from_str(r) for r in identity["recipients"]]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pyrage.encrypt(buffer.getvalue(), recipients))
        return target

    def craft(self, desk: int, events: list[dict[str, Any]], target: Path, **manifest: Any) -> Path:
        """A bundle of `events` signed by desk `desk`'s real key."""
        lines = b"".join(
            json.dumps(e, sort_keys=True, separators=(",", ":")).encode() + b"\n" for e in events
        )
        seqs = [e["seq"] for e in events if isinstance(e.get("seq"), int)]
        body = {
            "format": "spro-desk-bundle/1",
            "desk_id": self.ids[desk],
            "bundle_seq": 1,
            "previous_bundle_sha256": None,
            "events": {
                "first_seq": min(seqs, default=None),
                "last_seq": max(seqs, default=None),
                "count": len(events),
                "contacts": sum(1 for e in events if e.get("entity") == "contact"),
                "referrals": sum(1 for e in events if e.get("entity") == "referral"),
            },
            "members": {
                "events.jsonl": {"size": len(lines), "sha256": hashlib.sha256(lines).hexdigest()}
            },
            "last_ack": min(seqs, default=1) - 1,
            "created_at": "2026-03-10T09:00:00+00:00",
            **manifest,
        }
        data = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        signature = base64.b64encode(signing_key(self.folders[desk]).sign(data))
        members = {"manifest.json": data, "manifest.sig": signature, "events.jsonl": lines}
        return self.seal(members, target)


def events_of(world: World, bundle: Path) -> list[dict[str, Any]]:
    lines = world.decrypt(bundle)["events.jsonl"].splitlines()
    return [json.loads(line) for line in lines]
