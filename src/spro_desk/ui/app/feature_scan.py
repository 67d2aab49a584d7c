"""PySide's `__feature__` scan of every imported module, turned off (SPRO Desk uses no feature).

Once PySide6 is imported, it reads the source of each module imported after it, looking for
"PySide6" in it, to know which modules may select a `from __feature__ import snake_case` or
`true_property` mode. SPRO Desk selects none, and the scan read the source of the 93 modules
the interface imports before its first paint: 8–11 ms of a start of about 200 ms
(bench/start_costs.py). Without it every module is "ignored" by the feature switching, as it
already is in the frozen program, where no source is there to scan.
"""

from __future__ import annotations

import sys


def _never_selects_features(_module: object) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Turn the scan off; False when this PySide has no such scan (nothing to turn off)."""
    import PySide6.QtCore  # noqa: F401  (the scan is installed with PySide's first module)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _never_selects_features  # type: ignore[attr-defined]  # private hook
    return True
