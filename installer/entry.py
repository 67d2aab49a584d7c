"""The frozen program's entry point: the same `main` as `spro-desk` and `python -m spro_desk`."""

import sys

from spro_desk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
