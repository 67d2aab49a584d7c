"""A fictitious region for the coordination's screenshots: eight desks, three weeks of bundles.

Built with the real services (identities, trust, contacts, signed and encrypted bundles,
imports, acknowledgements), then dated: the import stamps the real time, and the screenshots
pin a clock, so registration, receipt and alert times are set to the story's dates. Qt-free.

The story, on Thursday 19 November 2026: most desks send every Monday; the rural permanence of
Sancerre last sent on 26 October (late); the Dreux laptop was stolen (revoked); the CIO de
Tours came back from an old backup (a fork); bundles of Orléans were imported during a visit on
the coordinator's laptop, which acknowledged them (a gap here). This week's drop folder holds
the Monday bundles and a file damaged on a USB stick.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import cycle
from pathlib import Path

from sqlmodel import col, select

from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.storage.coordination_tables import (
    CoordinationAudit,
    ReceivedBundle,
    RegisteredDesk,
    SyncAlert,
)
from spro_desk.storage.engine import Database
from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundle, register_desk, revoke_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration

# Mondays of the story (UTC, morning in France) and the day of the screenshots' import.
WEEKS = (
    datetime(2026, 10, 26, 7, 40, tzinfo=UTC),
    datetime(2026, 11, 2, 7, 40, tzinfo=UTC),
    datetime(2026, 11, 9, 7, 40, tzinfo=UTC),
)
THIS_WEEK = datetime(2026, 11, 16, 7, 40, tzinfo=UTC)
REGISTERED = datetime(2026, 9, 14, 8, 0, tzinfo=UTC)
SANCERRE, DREUX, TOURS, ORLEANS = "sancerre", "dreux", "tours", "orleans"
STATUTS = ("scolaire", "demandeur-emploi", "etudiant", "decrocheur", "salarie", "famille")
CANAUX = ("accueil-physique", "accueil-physique", "telephone", "courriel")


@dataclass(frozen=True)
class DemoDesk:
    key: str
    site_nom: str
    reseau: str
    commune: str
    contacts: tuple[int, ...]  # recorded each week, this week last


DESKS = (
    DemoDesk("bourges", "CIO de Bourges", "cio", "18033", (18, 21, 16, 19)),
    DemoDesk("vierzon", "Mission locale de Vierzon", "mission-locale", "18279", (12, 15, 11, 9)),
    DemoDesk(
        "chateauroux", "Information Jeunesse de Châteauroux", "information-jeunesse", "36044",
        (9, 7, 11, 8),
    ),
    DemoDesk(ORLEANS, "France Travail Orléans Nord", "france-travail", "45234", (24, 26, 22, 25)),
    DemoDesk(TOURS, "CIO de Tours", "cio", "37261", (17, 14, 15, 13)),
    DemoDesk("blois", "Cap emploi Loir-et-Cher", "cap-emploi", "41018", (6, 8, 5, 7)),
    DemoDesk(SANCERRE, "Permanence de Sancerre (mairie)", "france-services", "18241", (4,)),
    DemoDesk(DREUX, "Mission locale de Dreux", "mission-locale", "28134", (10, 12)),
)  # fmt: skip


@dataclass
class DemoRegion:
    root: Path
    coordinator_dir: Path
    drop_folder: Path  # this week's bundles, to import through the window
    desks: dict[str, Database] = field(default_factory=dict)

    def close(self) -> None:
        for db in self.desks.values():
            db.close()


def build_demo_region(root: Path) -> DemoRegion:
    """Weeks of bundles already imported and dated; this week's waiting in `drop_folder`."""
    region = DemoRegion(root, root / "coordination", root / "depot-semaine")
    init_coordinator(region.coordinator_dir)
    identity = root / "coordination.json"
    identity.write_text(json.dumps(signed_identity_file(region.coordinator_dir)))
    coordinator = Database(database_path(region.coordinator_dir))
    try:
        ids = {desk.key: _desk(region, desk, identity, coordinator) for desk in DESKS}
        for week, received_at in enumerate(WEEKS):
            _week(region, coordinator, week, received_at)
        revoke_desk(coordinator, ids[DREUX])
        _this_week(region)
        _date_registrations(coordinator)
    finally:
        coordinator.close()
    return region


def _desk(region: DemoRegion, desk: DemoDesk, identity: Path, coordinator: Database) -> str:
    folder = region.root / "postes" / desk.key
    db = Database(folder / "desk.sqlite")
    init_desk(db, folder, desk.site_nom, desk.reseau, desk.commune)
    trust_coordinator(db, identity)
    registration = load_identity(db)
    assert registration is not None
    register_desk(coordinator, write_registration(registration, folder / "enregistrement.json"))
    region.desks[desk.key] = db
    return registration.desk_id


def _record(db: Database, count: int, offset: int) -> None:
    contacts = ContactService(db)
    kinds = cycle(zip(STATUTS, CANAUX * 2, strict=False))
    for _ in range(offset % 5):
        next(kinds)
    for _ in range(count):
        statut, canal = next(kinds)
        contacts.record(ContactInput(canal=canal, statut=statut))


def _export(region: DemoRegion, key: str, out: Path) -> Path:
    return export_bundle(region.desks[key], region.root / "postes" / key, out).path


def _week(region: DemoRegion, coordinator: Database, week: int, received_at: datetime) -> None:
    out = region.root / f"semaine-{week}"
    for number, desk in enumerate(DESKS):
        if week >= len(desk.contacts):
            continue
        _record(region.desks[desk.key], desk.contacts[week], number + week)
        if desk.key == TOURS and week == 1:  # the PC's backup, taken before this week's export
            _backup(region.desks[TOURS], region.root / "sauvegarde-tours.sqlite")
        bundle = _export(region, desk.key, out)
        if desk.key == ORLEANS and week == 2:  # imported on the laptop, during a visit
            _import_elsewhere(region, coordinator, bundle)
            continue
        since = now_as_stored()
        import_bundle(coordinator, region.coordinator_dir, bundle)
        redate(coordinator, since, received_at + timedelta(minutes=7 * number))
    _acknowledge(region, coordinator, out / "accuses")


def _this_week(region: DemoRegion) -> None:
    """Tours restored from its backup; the Monday bundles and one damaged file in the folder."""
    _restore(region, TOURS, region.root / "sauvegarde-tours.sqlite")
    week = len(WEEKS)
    for number, desk in enumerate(DESKS):
        if week < len(desk.contacts) and desk.key not in (SANCERRE, DREUX):
            _record(region.desks[desk.key], desk.contacts[week], number + week)
            _export(region, desk.key, region.drop_folder)
    blois = load_identity(region.desks["blois"])
    assert blois is not None
    from spro_desk.sync.bundle import bundle_prefix

    source = next(region.drop_folder.glob(f"{bundle_prefix(blois)}*.spro-bundle"))
    damaged = region.drop_folder / "cle-usb-blois.spro-bundle"
    damaged.write_bytes(source.read_bytes()[: source.stat().st_size // 2])


def _acknowledge(region: DemoRegion, coordinator: Database, out: Path) -> None:
    for path in write_acknowledgements(coordinator, region.coordinator_dir, out):
        for db in region.desks.values():
            desk = load_identity(db)
            if desk is not None and desk.desk_id == path.stem:
                apply_acknowledgement(db, path)


def _import_elsewhere(region: DemoRegion, coordinator: Database, bundle: Path) -> None:
    """The laptop holds a copy of the coordination's database and acknowledges on the spot."""
    laptop_path = region.root / "portable-coordination.sqlite"
    _backup(coordinator, laptop_path)
    laptop = Database(laptop_path)
    try:
        import_bundle(laptop, region.coordinator_dir, bundle)
        acks = write_acknowledgements(laptop, region.coordinator_dir, region.root / "portable")
        desk = load_identity(region.desks[ORLEANS])
        assert desk is not None
        ack = next(path for path in acks if path.stem == desk.desk_id)
        apply_acknowledgement(region.desks[ORLEANS], ack)
    finally:
        laptop.close()


def _backup(db: Database, target: Path) -> None:
    with sqlite3.connect(db.path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()


def _restore(region: DemoRegion, key: str, backup: Path) -> None:
    path = region.desks[key].path
    region.desks[key].close()
    shutil.copy(backup, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    region.desks[key] = Database(path)


# --- the story's dates ---------------------------------------------------------------------


def now_as_stored() -> datetime:
    """The current time in UTC, as the import stamps what it stores."""
    return datetime.now(UTC)


def redate(coordinator: Database, since: datetime, at: datetime, step_minutes: int = 3) -> None:
    """Bundles received and alerts raised after `since` dated from `at`, a few minutes apart."""
    with coordinator.transaction() as session:
        sites = dict(session.exec(select(RegisteredDesk.desk_id, RegisteredDesk.site_nom)).all())
        bundles = session.exec(
            select(ReceivedBundle).where(col(ReceivedBundle.received_at) >= since)
        ).all()
        alerts = session.exec(select(SyncAlert).where(col(SyncAlert.raised_at) >= since)).all()
        # By site, not by import order (files are named by random desk ids): the same images
        # on every run.
        bundles = sorted(bundles, key=lambda bundle: (sites[bundle.desk_id], bundle.bundle_seq))
        received: dict[str, datetime] = {}
        for number, bundle in enumerate(bundles):
            bundle.received_at = at + timedelta(minutes=step_minutes * number)
            received[bundle.desk_id] = bundle.received_at
            session.add(bundle)
        for alert in alerts:  # raised by its desk's bundle, at the same moment
            alert.raised_at = received.get(alert.desk_id, at)
            session.add(alert)
        trail = session.exec(
            select(CoordinationAudit).where(col(CoordinationAudit.at) >= since)
        ).all()
        for line in trail:  # written when the import ended: after its last bundle
            line.at = max(received.values(), default=at)
            session.add(line)


def _date_registrations(coordinator: Database) -> None:
    """Desks registered a few hours apart in September, in the order they were, and the trail
    of the set-up (registrations, the revocation) at the same pinned times, so that the
    Postes and Journal images do not change with the day they are made."""
    revoked_at = WEEKS[-1] + timedelta(days=2, hours=2)
    with coordinator.transaction() as session:
        desks = {desk.desk_id: desk for desk in session.exec(select(RegisteredDesk)).all()}
        trail = session.exec(select(CoordinationAudit).order_by(col(CoordinationAudit.pk))).all()
        number = 0
        for line in trail:
            desk = desks.get(line.target.partition(" ")[0])
            if line.action == "enregistrement-poste" and desk is not None:
                desk.registered_at = REGISTERED + timedelta(days=number // 3, hours=2 * number)
                line.at = desk.registered_at
                session.add(desk)
                number += 1
            else:
                line.at = revoked_at
            session.add(line)
