"""The storage seam: services and the window see a PlanBackend, never the plan file's code.

Contract "ui and services may not import lio_planner.store.sqlite". Written as a test (a scan
of every import statement, including those inside functions and under TYPE_CHECKING, and of
module names given as strings to lazy importers) until it joins the import-linter contracts in
pyproject.toml. ``STILL_ALLOWED`` lists the modules that still reach past the seam today, each
with why; the test fails when one of them stops (so the list only shrinks) and when any other
module starts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import lio_planner

ROOT = Path(lio_planner.__file__).parent
FORBIDDEN = "lio_planner.store.sqlite"
GUARDED = ("ui", "services")

# Module → what it still takes from the plan file's package (none now: keep it that way).
STILL_ALLOWED: dict[str, str] = {}


def _imported_names(path: Path) -> set[str]:
    """Every module ``path`` imports, however it does so, and module names it holds as text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("lio_planner.")
            and " " not in node.value
        ):
            names.add(node.value)
    return names


def _reaches_past_the_seam(names: set[str]) -> bool:
    return any(name == FORBIDDEN or name.startswith(FORBIDDEN + ".") for name in names)


def _guarded_modules() -> dict[str, Path]:
    modules = {}
    for layer in GUARDED:
        for path in sorted((ROOT / layer).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules["lio_planner." + ".".join(parts)] = path
    return modules


def test_ui_and_services_do_not_import_the_plan_file_package() -> None:
    offenders = {
        module
        for module, path in _guarded_modules().items()
        if _reaches_past_the_seam(_imported_names(path))
    }
    new = sorted(offenders - STILL_ALLOWED.keys())
    assert not new, f"these modules import {FORBIDDEN}; use lio_planner.store.backend: {new}"
    mended = sorted(STILL_ALLOWED.keys() - offenders)
    assert not mended, f"no longer past the seam; remove from STILL_ALLOWED: {mended}"


def test_the_scan_sees_every_way_of_importing(tmp_path: Path) -> None:
    ways = {
        "plain.py": "import lio_planner.store.sqlite.lock\n",
        "from.py": "from lio_planner.store.sqlite.lock import read_lock\n",
        "package.py": "from lio_planner.store import sqlite\n",
        "inside.py": "def f():\n    from lio_planner.store.sqlite import opening\n",
        "lazy.py": 'opening = on_first_use("lio_planner.store.sqlite.opening")\n',
        "typing.py": (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from lio_planner.store.sqlite.database import PlanStore\n"
        ),
    }
    for name, code in ways.items():
        path = tmp_path / name
        path.write_text(code, encoding="utf-8")
        assert _reaches_past_the_seam(_imported_names(path)), name
    fine = tmp_path / "fine.py"
    fine.write_text("from lio_planner.store.backend import PlanBackend\n", encoding="utf-8")
    assert not _reaches_past_the_seam(_imported_names(fine))
