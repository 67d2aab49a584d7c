"""Suivi: what became of each referral, the overdue rendez-vous first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from spro_desk.contacts.service import ReferralView, as_aware, referral_view, utc_now
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Contact, PersonalData, Referral

OPEN_STATUTS = ("propose", "rdv-pris")


@dataclass(frozen=True)
class FollowUpItem:
    referral: ReferralView
    contact_occurred_at: datetime
    contact_statut: str
    overdue: bool
    # The person consented and left a way to call back (never the data itself: opening it is
    # an access, logged, for the agent who calls).
    has_personal_data: bool = False


def rendez_vous_passed(item: FollowUpItem, now: datetime) -> bool | None:
    """None for an information (no date to ask about); else whether its rendez-vous is past."""
    referral = item.referral
    if referral.type != "rendez-vous" or referral.rdv_at is None:
        return None
    return as_aware(referral.rdv_at) < as_aware(now)


def is_overdue(referral: ReferralView, now: datetime) -> bool:
    """A rendez-vous whose time has passed and whose outcome nobody recorded."""
    return referral.statut == "rdv-pris" and referral.rdv_at is not None and referral.rdv_at < now


def _order(item: FollowUpItem) -> tuple[int, float]:
    moment = item.referral.rdv_at or item.referral.created_at
    # overdue first, oldest first among them; then the most recent first
    return (0, moment.timestamp()) if item.overdue else (1, -moment.timestamp())


def follow_up(
    db: Database,
    statuts: Iterable[str] | None = None,
    now: datetime | None = None,
    *,
    to_call: bool = False,
) -> list[FollowUpItem]:
    """Referrals to follow, overdue first; `to_call`: the call list, open referrals of people
    who consented to be called back."""
    now = as_aware(now) if now else utc_now()
    wanted = tuple(statuts) if statuts is not None else None
    if to_call:
        wanted = tuple(s for s in (wanted or OPEN_STATUTS) if s in OPEN_STATUTS)
    query = (
        select(Referral, Contact.occurred_at, Contact.statut, PersonalData.contact_id)
        .join(Contact, col(Contact.id) == col(Referral.contact_id))
        .outerjoin(PersonalData, col(PersonalData.contact_id) == col(Referral.contact_id))
        .where(col(Contact.deleted_at).is_(None))
    )
    if wanted is not None:
        query = query.where(col(Referral.statut).in_(wanted))
    if to_call:
        query = query.where(col(PersonalData.contact_id).is_not(None))
    with db.session() as session:
        rows = session.exec(query).all()
    items = []
    for referral, occurred_at, statut, personal in rows:
        view = referral_view(referral)
        overdue = is_overdue(view, now)
        items.append(FollowUpItem(view, occurred_at, statut, overdue, personal is not None))
    return sorted(items, key=_order)
