"""Suivi: what became of each referral, the overdue rendez-vous first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from spro_desk.contacts.service import ReferralView, as_aware, referral_view, utc_now
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Contact, Referral

OPEN_STATUTS = ("propose", "rdv-pris")


@dataclass(frozen=True)
class FollowUpItem:
    referral: ReferralView
    contact_occurred_at: datetime
    contact_statut: str
    overdue: bool


def is_overdue(referral: ReferralView, now: datetime) -> bool:
    """A rendez-vous whose time has passed and whose outcome nobody recorded."""
    return referral.statut == "rdv-pris" and referral.rdv_at is not None and referral.rdv_at < now


def _order(item: FollowUpItem) -> tuple[int, float]:
    moment = item.referral.rdv_at or item.referral.created_at
    # overdue first, oldest first among them; then the most recent first
    return (0, moment.timestamp()) if item.overdue else (1, -moment.timestamp())


def follow_up(
    db: Database, statuts: Iterable[str] | None = None, now: datetime | None = None
) -> list[FollowUpItem]:
    now = as_aware(now) if now else utc_now()
    wanted = tuple(statuts) if statuts is not None else None
    query = (
        select(Referral, Contact.occurred_at, Contact.statut)
        .join(Contact, col(Contact.id) == col(Referral.contact_id))
        .where(col(Contact.deleted_at).is_(None))
    )
    if wanted is not None:
        query = query.where(col(Referral.statut).in_(wanted))
    with db.session() as session:
        rows = session.exec(query).all()
    items = []
    for referral, occurred_at, statut in rows:
        view = referral_view(referral)
        items.append(FollowUpItem(view, occurred_at, statut, is_overdue(view, now)))
    return sorted(items, key=_order)
