"""Keeping Python's cycle collector off the objects that live as long as the window."""

from __future__ import annotations

import gc

_frozen = False


def freeze_long_lived() -> None:
    """Put every object alive now out of the collector's reach, once per process.

    Once the database is attached, the heap holds some 120,000 objects that last as long as the
    window (the geography, the modules, Qt's wrappers). Each full collection walked them all,
    40-80 ms landing on whichever keystroke happened to allocate last: a dozen of them while an
    agent types a few words in the Annuaire. Frozen, they are not walked again; what is made
    afterwards is collected as usual.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
