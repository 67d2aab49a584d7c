"""What the merged state needs of a received event's payload, checked before it is stored.

Kept apart from `reports.merged` (and free of the database layer) because the coordinator's
bundle reader runs it in a process of its own (sync.reader_process), which must start fast.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

_SCALARS = (str, int, float, type(None))  # what SQLite binds (bool is an int)
_LIST_OR_NONE = (list, type(None))
_REFERRAL_KEYS = ("contact_id", "service_id", "structure_id", "type", "statut")


def mergeable(entity: str, op: str, payload: dict[str, Any]) -> bool:
    """Whether the row builders of `reports.merged` can read this event's payload.

    The import refuses a bundle holding an event that is not: the merge runs after the
    import's commit, and one stored event it cannot read would stop every later catch-up.
    Checks exactly what `contact_row`, `contact_codes` and `referral_row` read.
    """
    if op == "delete" or payload.get("deleted_at"):
        return True  # a tombstone: only its id is merged
    if entity == "contact":
        return readable_contact(payload) is not None
    return readable_referral(payload)


def readable_contact(payload: dict[str, Any]) -> datetime | None:
    """A live contact's moment, parsed, when the merge can read its payload; else None. The
    bundle reader builds the row from that moment (sync.merged_rows.checked_plain): checked
    and built in one pass, the moment parsed once."""
    try:
        text = payload["occurred_at"]
        if type(text) is not str:
            return None
        occurred = datetime.fromisoformat(text)
        readable = (
            1 < occurred.year < 9999
            and "canal" in payload
            and "statut" in payload
            and type(payload.get("besoins")) in _LIST_OR_NONE
            and type(payload.get("reponses")) in _LIST_OR_NONE
            and isinstance(payload.get("commune"), _SCALARS)
            and isinstance(payload.get("duree"), _SCALARS)
        )
    except (KeyError, ValueError, TypeError, OverflowError):
        return None
    return occurred if readable else None


def readable_referral(payload: dict[str, Any]) -> bool:
    """Whether the merge can read a live referral's payload."""
    try:
        return (
            all(key in payload for key in _REFERRAL_KEYS)
            and _local_moment(payload["created_at"], required=True)
            and _local_moment(payload["updated_at"], required=True)
            and _local_moment(payload.get("rdv_at"), required=False)
        )
    except (KeyError, ValueError, TypeError, OverflowError):
        return False


def _local_moment(value: Any, *, required: bool) -> bool:
    """A moment the merge can parse and place in local time (ValueError when it cannot):
    converting to Europe/Paris overflows only within a day of the years 1 and 9999."""
    if value is None:
        return not required
    return type(value) is str and 1 < datetime.fromisoformat(value).year < 9999
