"""Small adjustments to the process for the platform it runs on."""

from __future__ import annotations

import os
import time
from pathlib import Path

_SYSTEM_ZONE = Path("/etc/localtime")


def cache_local_timezone() -> None:
    """Let the C library read the local time zone once instead of at every `date.today()`.

    Without TZ, glibc checks /etc/localtime on each conversion; the data·inclusion models call
    `date.today()` for every row, which made that check a tenth of a national import.
    """
    if os.name == "posix" and "TZ" not in os.environ and _SYSTEM_ZONE.exists():
        os.environ["TZ"] = f":{_SYSTEM_ZONE}"
        time.tzset()
