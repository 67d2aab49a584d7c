"""Where the desk keeps its data: resolved once, overridable for tests and portable setups."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "spro-desk"
APP_AUTHOR = "SPRO"
DATA_DIR_ENV = "SPRO_DESK_DATA_DIR"
DATABASE_FILE = "spro-desk.sqlite"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The --data-dir option wins over the environment, which wins over the platform default."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        path = Path(chosen)
    else:  # platformdirs: ~5 ms of imports a desk started on its folder does without
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    return path.expanduser().resolve()


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by its owner only: it will hold personal data."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE
