"""A regional team of three coordination accounts, one per role, for the tests that sign in."""

from __future__ import annotations

import shutil

from spro_desk.agents.coordination_accounts import create_coordinator, sign_in
from spro_desk.paths import database_path
from spro_desk.security import crypto
from spro_desk.storage.engine import Database
from sync_world import World

FAST = crypto.KdfCost(time_cost=1, memory_kib=8 * 1024)  # real Argon2id, test-sized
TEAM = {
    "Alice": ("coordinateur", "alice-mot-de-passe"),
    "Bruno": ("charge-etudes", "bruno-mot-de-passe"),
    "Chloé": ("lecture", "chloe-lit-tout"),
}


def team_region(region: World) -> Database:
    """Move the region's coordinator database where the app looks for it, give it the team
    (Alice signed in once, so her account has been used) and return it opened."""
    region.coordinator.close()
    shutil.move(region.root / "coordinator.sqlite", database_path(region.coordinator_dir))
    db = Database(database_path(region.coordinator_dir))
    for name, (role, password) in TEAM.items():
        create_coordinator(db, name, password, role, cost=FAST)
        if name == "Alice":
            sign_in(db, name, password)
    return db
