"""The contrast modes of Paramètres › Affichage and where the choice is kept (QSettings).

Its own module, without widgets: the start applies the mode before the first paint and must not
pay for the panel that chooses it (ui/common/display).
"""

from __future__ import annotations

from enum import Enum

CONTRAST_KEY = "affichage/contraste"


class ContrastMode(Enum):
    SYSTEM = "systeme"
    HIGH = "eleve"
    NORMAL = "normal"
