"""A desk that synchronises, built with the real services, for the screenshots.

Its week of contacts went to the coordination on a USB stick, which acknowledged it; one visit
recorded since waits in the outbox after a first try: the WebDAV folder configured has an
address in `.invalid`, a domain that never exists (RFC 2606), so no server is ever contacted.
Every date is given, so the picture only changes when the screen does.
"""

from __future__ import annotations

import json
import random
from contextlib import chdir
from datetime import UTC, datetime
from pathlib import Path

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, write_registration
from spro_desk.sync.transport import SECRET_KEY, URL_KEY, USER_KEY, Transport, export_to_folder

DEMO_URL = "https://nuage.region.invalid/remote.php/dav/files/cio-bourges/spro/"
STICK = Path("CLE-USB")  # relative: the picture shows no folder of this machine


def prepare_synchronised_desk(
    db: Database, data_dir: Path, coordination: Path, exported_at: datetime, now: datetime
) -> None:
    """Set the desk of `db` up, export and acknowledge its contacts, record one more."""
    init_coordinator(coordination)
    identity_file = coordination / "identite-coordinateur.json"
    identity_file.write_text(json.dumps(signed_identity_file(coordination)), "utf-8")
    site = SiteSettings(db)
    identity = init_desk(
        db, data_dir, site.get("site.nom"), site.get("site.reseau"), site.get("site.commune")
    )
    trust_coordinator(db, identity_file)
    coordinator = Database(coordination / "coordinator.sqlite")
    try:
        register_desk(coordinator, write_registration(identity, coordination / "poste.json"))
        with chdir(data_dir):
            bundle = export_to_folder(db, data_dir, STICK, now=exported_at).path.resolve()
        import_bundle(coordinator, coordination, bundle)
        [ack] = write_acknowledgements(coordinator, coordination, coordination / "retours")
        apply_acknowledgement(db, ack)
    finally:
        coordinator.close()
    ContactService(db).record(ContactInput(canal="telephone", statut="famille", occurred_at=now))
    site.set(URL_KEY, DEMO_URL)
    site.set(USER_KEY, "cio-bourges")
    site.set(SECRET_KEY, "jeton-de-demonstration")
    moment = now.astimezone(UTC)
    Transport(db, data_dir, clock=lambda: moment, rng=random.Random(0)).run_round(force=True)
