"""How long personal data is kept, per purpose, and the other privacy settings of the desk.

Defaults follow the issue: personal data is erased 3 months after the referral is closed or
6 months after the contact, whichever comes first. The site manager may change them within
bounds that keep the data tied to its purpose (RGPD art. 5.1.e, limitation de la conservation):
at most 12 months after the contact (a first-level referral does not need longer) and 6 months
after the closure; at least 1 month after the contact, so that a rendez-vous booked a few weeks
ahead can still be followed. Access-log retention follows the CNIL (6 months to 1 year).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from spro_desk.agents.roles import Permission
from spro_desk.agents.sessions import require
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.vocab import CONSENT_PURPOSE_FOLLOW_UP

POLICY_RECORD = "privacy.policy"

PURPOSES: dict[str, str] = {
    CONSENT_PURPOSE_FOLLOW_UP: "Prise de rendez-vous et suivi de l'orientation",
}
AFTER_CLOSURE_BOUNDS = (0, 6)  # months
AFTER_CONTACT_BOUNDS = (1, 12)
IDLE_BOUNDS = (1, 60)  # minutes
AUDIT_BOUNDS = (6, 12)  # months, CNIL délibération n° 2021-122


class PolicyError(ValueError):
    """A setting outside its bounds; the message is French and says the bounds."""


@dataclass(frozen=True)
class Retention:
    after_closure_months: int = 3
    after_contact_months: int = 6

    def as_json(self) -> dict[str, int]:
        return {"apres_cloture_mois": self.after_closure_months,
                "apres_contact_mois": self.after_contact_months}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Retention:
        return cls(int(data["apres_cloture_mois"]), int(data["apres_contact_mois"]))


def _default_retention() -> dict[str, Retention]:
    return {purpose: Retention() for purpose in PURPOSES}


@dataclass(frozen=True)
class PrivacyPolicy:
    retention: dict[str, Retention] = field(default_factory=_default_retention)
    idle_minutes: int = 5
    audit_months: int = 12

    def for_purpose(self, purpose: str) -> Retention:
        return self.retention.get(purpose, Retention())

    def with_retention(self, purpose: str, retention: Retention) -> PrivacyPolicy:
        return replace(self, retention={**self.retention, purpose: retention})

    def as_json(self) -> dict[str, Any]:
        return {
            "conservation": {p: r.as_json() for p, r in self.retention.items()},
            "verrouillage_minutes": self.idle_minutes,
            "journal_mois": self.audit_months,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PrivacyPolicy:
        stored = {p: Retention.from_json(r) for p, r in data.get("conservation", {}).items()}
        return cls(
            retention={**_default_retention(), **stored},
            idle_minutes=int(data.get("verrouillage_minutes", 5)),
            audit_months=int(data.get("journal_mois", 12)),
        )


def _within(value: int, bounds: tuple[int, int], what: str, unit: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise PolicyError(f"{what} : entre {low} et {high} {unit}.")


def check_policy(policy: PrivacyPolicy) -> None:
    for purpose, retention in policy.retention.items():
        if purpose not in PURPOSES:
            raise PolicyError(f"Finalité inconnue : {purpose}.")
        label = PURPOSES[purpose]
        _within(retention.after_closure_months, AFTER_CLOSURE_BOUNDS,
                f"{label}, conservation après la clôture de l'orientation", "mois")  # fmt: skip
        _within(retention.after_contact_months, AFTER_CONTACT_BOUNDS,
                f"{label}, conservation après le contact", "mois")  # fmt: skip
    _within(policy.idle_minutes, IDLE_BOUNDS, "Verrouillage après inactivité", "minutes")
    _within(policy.audit_months, AUDIT_BOUNDS, "Conservation du journal d'accès", "mois")


def load_policy(db: Database) -> PrivacyPolicy:
    record = read_record(db, POLICY_RECORD)
    return PrivacyPolicy.from_json(record) if record else PrivacyPolicy()


def save_policy(db: Database, policy: PrivacyPolicy, *, now: datetime | None = None) -> None:
    """Only a site manager; the change is written to the access log."""
    from spro_desk.security.audit import audit_log

    agent = require(db, Permission.CHANGE_PRIVACY_POLICY)
    check_policy(policy)
    write_record(db, POLICY_RECORD, policy.as_json())
    audit_log(db).append("reglages-modifies", agent=agent, detail=policy.as_json(), now=now)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the last day of a shorter month)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def erasure_due(
    retention: Retention, occurred_at: datetime, closed_at: datetime | None
) -> datetime:
    """When personal data given at a contact must be gone: whichever limit comes first."""
    due = add_months(occurred_at, retention.after_contact_months)
    if closed_at is not None:
        due = min(due, add_months(closed_at, retention.after_closure_months))
    return due
