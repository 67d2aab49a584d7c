"""SPRO Desk: the offline front-desk tool of the Service public régional de l'orientation."""

from __future__ import annotations

from functools import cache


@cache
def package_version() -> str:
    # importlib.metadata costs ~50 ms to import: read only when the version is asked for, not on
    # every start of the window.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spro-desk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module 'spro_desk' has no attribute {name!r}")
