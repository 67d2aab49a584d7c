"""Python's cycle collector paused while many short-lived objects without cycles are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile, left as found (a caller may have paused it).

    Bulk work (a directory import, a batch of bundles, a search's ranking) makes hundreds of
    thousands of tuples freed by their reference counts; counted by the collector, they trigger
    collections that walk every live object again: half of a national import, a tenth of a
    bundle import, full collections of tens of ms landing on a keystroke."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
