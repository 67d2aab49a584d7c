"""The frozen program's entry point: the same `main` as `spro-desk` and `python -m spro_desk`.

With its hidden first argument, the program is instead the coordinator's bundle-reading worker
(sync/reader_process.py), which a source install starts with `python -m`.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--spro-bundle-reader"]:  # reader_process.WORKER_FLAG
        from spro_desk.sync.reader_process import main as worker_main

        sys.exit(worker_main())
    from spro_desk.cli.main import main

    sys.exit(main())
