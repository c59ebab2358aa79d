"""The sharing code below the window never loads Qt (it runs in tools and tests without it)."""

from __future__ import annotations

import subprocess
import sys

MODULES = (
    "lio_planner.store.sqlite.lock",
    "lio_planner.store.sqlite.machine",
    "lio_planner.store.sqlite.watch",
    "lio_planner.store.sqlite.backup",
    "lio_planner.store.sqlite.copying",
    "lio_planner.store.sqlite.locations",
    "lio_planner.store.tracking",
    "lio_planner.store.history_log",
    "lio_planner.store.sqlite.opening",
    "lio_planner.services.merge",
    "lio_planner.services.history",
)


def test_sharing_modules_import_no_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
