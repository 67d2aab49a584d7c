"""Where the read-only reference data shipped with the application lives.

The files sit in the top-level ``resources/`` folder of the repository. A frozen build
(PyInstaller) carries them under ``sys._MEIPASS/resources``; ``SPRO_DESK_RESOURCES``
overrides both (used by packagers and tests).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("SPRO_DESK_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return _source_resources()


@cache
def _source_resources() -> Path:
    # Resolving stats every folder of the path (~25 system calls): once, not at every look-up
    # (the window's icon asks for seven files as it opens).
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
