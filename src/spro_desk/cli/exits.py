"""The command line's exit codes and usage error, apart from the parser: the window's start
reads its few options without argparse (cli/window_options.py) and still needs them."""

from __future__ import annotations

# 0: everything asked was done (all accepted); 1: part of it was refused (e.g. some bundles of
# an import); 2: nothing was done (a refusal or a malformed command line).
EXIT_OK, EXIT_PARTIAL, EXIT_REFUSED = 0, 1, 2
EXIT_USAGE = EXIT_REFUSED


class UsageError(Exception):
    """A malformed command line (exit code 2, EXIT_USAGE)."""
