"""Allow ``python -m lio_planner``."""

import sys

from lio_planner.cli import main

sys.exit(main())
