"""The layers below ui/ must never load Qt: they run headless, in tests and in the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lio_planner

ROOT = Path(lio_planner.__file__).parent

# Every module of these layers is checked, so a new one cannot slip past.
QT_FREE_LAYERS = ("domain", "store", "services")
# The pure part of report/, and the command line, which must stay quick and headless.
QT_FREE_EXTRAS = (
    "lio_planner.report.document",
    "lio_planner.report.options",
    "lio_planner.report.wording",
    "lio_planner.report.word",
    "lio_planner.report.word_tables",
    "lio_planner.report.qt_runtime",
    "lio_planner.report.csv_export",
    "lio_planner.report.exporting",
    "lio_planner.report.files",
    "lio_planner.cli",
    "lio_planner.errors",
    "lio_planner.desktop",
    "lio_planner.about",
)


def _layer_modules() -> list[str]:
    return sorted(
        "lio_planner." + ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for layer in QT_FREE_LAYERS
        for p in (ROOT / layer).rglob("*.py")
        if "migrations" not in p.parts  # Alembic's scripts run only inside a migration
    )


def _loaded_modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", _layer_modules() + list(QT_FREE_EXTRAS))
def test_module_loads_no_pyside6(module: str) -> None:
    loaded = _loaded_modules_after_import(module)
    assert module in loaded  # the import really happened
    assert not any(name.split(".")[0] == "PySide6" for name in loaded)


def test_the_layers_are_found() -> None:
    modules = _layer_modules()
    assert "lio_planner.store.schema" in modules
    assert "lio_planner.services.actions" in modules
    assert "lio_planner.domain.rules" in modules


def test_ui_does_load_pyside6() -> None:
    """The check above can fail: importing the window does load Qt."""
    assert "PySide6" in _loaded_modules_after_import("lio_planner.ui.main_window")
