import sys

from spro_desk.cli.main import main

sys.exit(main())
