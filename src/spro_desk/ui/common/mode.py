"""Which window a data folder opens: the desk's screens, or the coordination's.

A folder where `spro-desk coordinator init` was run holds the coordinator's signing key: it
belongs to a regional coordination, which has no walk-ins to record but desks to watch.
"""

from __future__ import annotations

from pathlib import Path

# The same path as spro_desk.sync.coordinator_identity.SIGNING_KEY_FILE (a test checks it),
# spelt here so that a desk's start does not load the cryptography libraries to look.
COORDINATOR_KEY = Path("keys") / "coordinator-signing.pem"
COORDINATOR_KEY_FILE = COORDINATOR_KEY
# The key file `desk init` writes (sync.identity; a test checks they match), spelt here too.
DESK_KEY_FILE = Path("keys") / "desk-signing.pem"


def is_coordinator(data_dir: Path) -> bool:
    return (data_dir / COORDINATOR_KEY).is_file()
