"""The bundle's starting point: PyInstaller freezes this script into ``lio-planner``."""

import sys

from lio_planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
