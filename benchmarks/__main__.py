"""``python -m benchmarks [--quick] [--json FILE] [--only GROUP]``."""

import sys

from benchmarks.runner import main

sys.exit(main())
