"""The import rules: the contracts in pyproject.toml hold, and hold when the program runs.

The contracts (import-linter: the layers, no Qt below ui/ except report.qt, no cycles) are
checked here as well as in CI, so the README's test command catches a broken one. The
subprocess test shows they are true at run time: a headless export loads no Qt.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + "\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("fmt", ["csv", "docx"])
def test_a_headless_export_loads_no_qt(tmp_path: Path, fmt: str) -> None:
    """The command line's CSV and Word exports, start to finish, never import PySide6."""
    plan, output = tmp_path / "p.lioplan", tmp_path / f"out.{fmt}"
    loaded = _modules_loaded_by(
        "import sys\n"
        "from lio_planner.cli import main\n"
        f"assert main(['new', {str(plan)!r}, '--org', 'Anytown CVS', '--sample']) == 0\n"
        f"assert main(['export', {str(plan)!r}, '--format', {fmt!r},"
        f" '--output', {str(output)!r}]) == 0\n"
    )
    assert output.stat().st_size > 0  # the export really happened
    assert "lio_planner.report.exporting" in loaded
    assert not any(name.split(".")[0] == "PySide6" for name in loaded)


def test_the_check_above_can_fail() -> None:
    """Importing the window does load Qt, and the test would see it."""
    assert "PySide6" in _modules_loaded_by("import sys, lio_planner.ui.window.main_window")
