"""The window's start options read without argparse: `spro-desk` alone, or with --data-dir.

Opening the window is what the shortcut on an agent's desktop does many times a day; building
even the global options' argparse parser (its gettext look-ups included), importing the command
line's parser module (the vocabularies, its patterns) cost ~10 M instructions of a start of
~1,000 M (bench/start_instructions.py). Only a command line made of the window's own options,
spelled out in full, is read here; anything else (a command, --help, --version, an abbreviated
or repeated option, a value argparse would refuse) goes to the full parser, which decides as
before: tests/test_cli.py checks both read the same.
"""

from __future__ import annotations

from collections.abc import Sequence

DATA_DIR = "--data-dir"
SAMPLE_IF_EMPTY = "--sample-if-empty"
SMOKE_QUIT_AFTER = "--smoke-quit-after"


class WindowOptions:
    """What `build_window_parser` would have parsed (same attribute names)."""

    __slots__ = ("data_dir", "sample_if_empty", "smoke_quit_after")

    def __init__(self) -> None:
        self.data_dir: str | None = None
        self.sample_if_empty = False
        self.smoke_quit_after: int | None = None


def window_options(argv: Sequence[str]) -> WindowOptions | None:
    """The window's options when `argv` holds nothing else, each at most once; else None."""
    options = WindowOptions()
    seen: set[str] = set()
    position = 0
    while position < len(argv):
        name, joined, value = argv[position].partition("=")
        if name in seen:
            return None
        seen.add(name)
        if name == SAMPLE_IF_EMPTY and not joined:
            options.sample_if_empty = True
            position += 1
            continue
        if name not in (DATA_DIR, SMOKE_QUIT_AFTER):
            return None
        if not joined:  # the value is the next argument, which argparse takes unless it is
            position += 1  # empty of it or looks like an option
            if position == len(argv) or argv[position].startswith("-"):
                return None
            value = argv[position]
        if name == DATA_DIR:
            options.data_dir = value
        elif value.isascii() and value.isdigit():
            options.smoke_quit_after = int(value)
        else:
            return None
        position += 1
    return options
