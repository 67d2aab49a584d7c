"""The site's own activity at a glance: this week's and this month's counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import col, select

from spro_desk import clock
from spro_desk.contacts.service import as_aware
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Contact, Referral
from spro_desk.vocab import category_of


@dataclass
class Activity:
    start: datetime
    end: datetime
    contacts: int = 0
    by_canal: Counter[str] = field(default_factory=Counter)
    by_statut: Counter[str] = field(default_factory=Counter)
    by_besoin: Counter[str] = field(default_factory=Counter)  # by category
    referrals: int = 0
    referrals_by_statut: Counter[str] = field(default_factory=Counter)
    referrals_by_type: Counter[str] = field(default_factory=Counter)


def week_of(moment: datetime) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday, in the desk's local time."""
    local = clock.local(as_aware(moment))
    start = (local - timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return start, start + timedelta(days=7)


def month_of(moment: datetime) -> tuple[datetime, datetime]:
    local = clock.local(as_aware(moment))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following


def activity(db: Database, start: datetime, end: datetime) -> Activity:
    start, end = as_aware(start), as_aware(end)
    result = Activity(start, end)
    in_period = (
        col(Contact.deleted_at).is_(None),
        col(Contact.occurred_at) >= start,
        col(Contact.occurred_at) < end,
    )
    with db.session() as session:
        contacts = session.exec(select(Contact).where(*in_period)).all()
        referrals = session.exec(
            select(Referral)
            .join(Contact, col(Contact.id) == col(Referral.contact_id))
            .where(*in_period)
        ).all()
    for contact in contacts:
        result.contacts += 1
        result.by_canal[contact.canal] += 1
        result.by_statut[contact.statut] += 1
        result.by_besoin.update({category_of(b) for b in contact.besoins})
    for referral in referrals:
        result.referrals += 1
        result.referrals_by_statut[referral.statut] += 1
        result.referrals_by_type[referral.type] += 1
    return result
