"""The retention purge: erase the personal data whose time is up, drop the expired access-log
entries. Run at start, every day while the app is open, and on demand (Paramètres, and
`spro-desk privacy purge`). It needs nobody logged in: it only ever removes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from spro_desk.privacy.erasure import (
    AFTER_DELETION,
    BY_RETENTION,
    erase_legacy_copies,
    erase_rows,
    flush_freed_pages,
)
from spro_desk.privacy.legacy import finish_upgrade
from spro_desk.privacy.person_keys import person_keys
from spro_desk.privacy.policy import PrivacyPolicy, add_months, erasure_due, load_policy
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.storage.records import write_record
from spro_desk.storage.tables import Consent, Contact, PersonalData, Referral

CLOSED_STATUTS = ("honore", "non-honore", "annule")
# A deleted contact can be restored (Ctrl+Z) during the day; after that its personal data goes.
DELETED_GRACE = timedelta(days=1)
AFTER_RESTORE = "deja-effacee-avant-restauration"
LAST_PURGE_RECORD = "privacy.last_purge"


@dataclass(frozen=True)
class Holding:
    """Personal data held for one contact, with what decides when it goes."""

    contact_id: str
    purpose: str
    occurred_at: datetime
    deleted_at: datetime | None
    closed_at: datetime | None

    def due(self, policy: PrivacyPolicy) -> tuple[datetime, str]:
        due = erasure_due(policy.for_purpose(self.purpose), self.occurred_at, self.closed_at)
        if self.deleted_at is not None and self.deleted_at + DELETED_GRACE < due:
            return self.deleted_at + DELETED_GRACE, AFTER_DELETION
        return due, BY_RETENTION


@dataclass(frozen=True)
class PurgeReport:
    ran_at: datetime
    erased: int
    kept: int
    next_due: datetime | None
    audit_dropped: int
    backups_sealed: int = 0
    # The access log's verification, run with every purge (at start, then daily): a cut or
    # altered log is said in the window each time, not only when someone asks.
    audit_problem: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "ran_at": self.ran_at.isoformat(),
            "erased": self.erased,
            "kept": self.kept,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "audit_entries_dropped": self.audit_dropped,
            "backups_sealed": self.backups_sealed,
            "audit_problem": self.audit_problem,
        }


def _closure_dates(db: Database, ids: list[str]) -> dict[str, datetime]:
    """The contacts whose referrals are all closed, and when the last one was."""
    rows: dict[str, list[tuple[str, datetime]]] = {}
    with db.session() as session:
        for contact_id, statut, updated in session.exec(
            select(Referral.contact_id, Referral.statut, Referral.updated_at).where(
                col(Referral.contact_id).in_(ids)
            )
        ):
            rows.setdefault(contact_id, []).append((statut, updated))
    return {
        contact_id: max(updated for _statut, updated in referrals)
        for contact_id, referrals in rows.items()
        if all(statut in CLOSED_STATUTS for statut, _updated in referrals)
    }


def holdings(db: Database) -> list[Holding]:
    with db.session() as session:
        rows = session.exec(
            select(
                PersonalData.contact_id, Consent.purpose, Contact.occurred_at, Contact.deleted_at
            )
            .join(Consent, col(Consent.id) == col(PersonalData.consent_id))
            .join(Contact, col(Contact.id) == col(PersonalData.contact_id))
        ).all()
    closed = _closure_dates(db, [row[0] for row in rows])
    return [
        Holding(contact_id, purpose, occurred, deleted, closed.get(contact_id))
        for contact_id, purpose, occurred, deleted in rows
    ]


def run_purge(db: Database, *, now: datetime | None = None) -> PurgeReport:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    backups_sealed = finish_upgrade(db)
    from spro_desk.site.secrets import seal_clear_secrets  # site imports privacy, not back

    backups_sealed += seal_clear_secrets(db)
    policy = load_policy(db)
    due: dict[str, list[str]] = {}
    next_due: datetime | None = None
    erased_before = _logged_erasures(db)
    keyless = _rows_without_key(db)
    for holding in holdings(db):
        when, reason = holding.due(policy)
        if holding.contact_id in erased_before or holding.contact_id in keyless:
            due.setdefault(AFTER_RESTORE, []).append(holding.contact_id)
        elif when <= moment:
            due.setdefault(reason, []).append(holding.contact_id)
        elif next_due is None or when < next_due:
            next_due = when
    erased = _erase_due(db, due, moment)
    _shred_keys(db, erased_before, moment)
    if erased:
        flush_freed_pages(db)
    dropped = audit_log(db).drop_before(add_months(moment, -policy.audit_months))
    check = audit_log(db).verify()
    report = PurgeReport(
        moment, erased, len(holdings(db)), next_due, dropped, backups_sealed,
        None if check.ok else check.message(),
    )  # fmt: skip
    write_record(db, LAST_PURGE_RECORD, report.as_json())
    return report


def _rows_without_key(db: Database) -> set[str]:
    """Rows whose person key was destroyed (a backup restored after their erasure)."""
    with db.engine.connect() as connection:
        person_rows = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT contact_id FROM personal_data WHERE substr(sealed, 1, 1) = X'02'"
            )
        }
    return person_rows - person_keys(db).contact_ids()


def _shred_keys(db: Database, erased_before: set[str], moment: datetime) -> None:
    """Keys of anyone erased (a crash between an erasure's commit and its key's removal, or
    a restore) and keys past the longest retention: gone from the person-key file."""
    with db.session() as session:
        erased = set(
            session.exec(select(Consent.contact_id).where(col(Consent.erased_at).is_not(None)))
        )
    keys = person_keys(db)
    keys.discard(erased | erased_before)
    keys.discard_expired(moment)
    erase_legacy_copies(db, erased | erased_before)


def _logged_erasures(db: Database) -> set[str]:
    """Contacts whose data the access log says was erased: a backup restored since then
    brought it back, and it goes again (the log lives outside the database and its backups)."""
    return {
        entry["contact"]
        for entry in audit_log(db).entries()
        if entry.get("action") == "effacement" and entry.get("contact")
    }


def _erase_due(db: Database, due: dict[str, list[str]], moment: datetime) -> int:
    erased = 0
    with db.transaction() as session:
        for reason, ids in due.items():
            for contact_id in erase_rows(db, session, ids, reason, moment):
                audit_log(db).append(
                    "effacement",
                    contact_id=contact_id,
                    detail={"motif": reason},
                    now=moment,
                    connection=session.connection(),
                )
                erased += 1
    return erased


def last_purge(db: Database) -> dict[str, Any] | None:
    from spro_desk.storage.records import read_record

    return read_record(db, LAST_PURGE_RECORD)
