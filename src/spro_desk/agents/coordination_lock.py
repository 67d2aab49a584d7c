"""How long the coordination's window stays open without input before it locks (sign in
again). One setting for the whole team, in the shared database's `setting` table; only a
coordinator changes it, and the change is in the audit trail."""

from __future__ import annotations

from spro_desk.agents.coordination_accounts import (
    CoordinatorAccountError,
    Permission,
    require_coordination,
)
from spro_desk.agents.coordination_audit import record_action
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record

IDLE_LOCK_KEY = "coordination.idle_lock"
DEFAULT_IDLE_LOCK_MINUTES = 15
IDLE_LOCK_BOUNDS = (1, 240)  # minutes


def idle_lock_minutes(db: Database) -> int:
    record = read_record(db, IDLE_LOCK_KEY) or {}
    minutes = record.get("minutes", DEFAULT_IDLE_LOCK_MINUTES)
    low, high = IDLE_LOCK_BOUNDS
    return (
        minutes
        if isinstance(minutes, int) and low <= minutes <= high
        else DEFAULT_IDLE_LOCK_MINUTES
    )


def set_idle_lock_minutes(db: Database, minutes: int) -> None:
    require_coordination(db, Permission.MANAGE_ACCOUNTS)
    low, high = IDLE_LOCK_BOUNDS
    if not low <= minutes <= high:
        raise CoordinatorAccountError(
            f"Le verrouillage après inactivité se règle entre {low} et {high} minutes."
        )
    if minutes == idle_lock_minutes(db):
        return
    write_record(db, IDLE_LOCK_KEY, {"minutes": minutes})
    record_action(db, None, "verrouillage-regle", f"{minutes} min")
