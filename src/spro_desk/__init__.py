"""SPRO Desk: the offline front-desk tool of the Service public régional de l'orientation."""

from __future__ import annotations

from functools import cache


@cache
def package_version() -> str:
    # importlib.metadata costs ~50 ms to import: read only when the version is asked for, not on
    # every start of the window. The installed metadata, else what a frozen build recorded,
    # else the source tree's pyproject.toml (spro_desk.version).
    from spro_desk.version import app_version

    return app_version()


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module 'spro_desk' has no attribute {name!r}")
