"""What the window's start reads of the site's settings before the first paint, without the
settings' declaration (spro_desk.site.declared), its vocabularies and its networks: the
language's "system" value and the site's time zone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The « langue » setting's value for "the computer's language".
SYSTEM_LANGUAGE = "systeme"
ZONE_SETTING = "site.fuseau"


def apply_site_zone(get: Callable[[str], Any]) -> str:
    """Put the process on the site's time zone (spro_desk.clock): the screen, the stored days
    and the exports then agree. A zone this computer's tz database lacks falls back to the
    computer's own. Returns the zone's name (empty: the computer's)."""
    from spro_desk.clock import UnknownZoneError, use_zone, zone_name

    try:
        use_zone(str(get(ZONE_SETTING) or "") or None)
    except UnknownZoneError:
        use_zone(None)
    return zone_name()
