"""The README's commands are the ones CI really runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^TEST_COMMAND='(.+)'$", ci, re.MULTILINE)
    assert match, "TEST_COMMAND not found in .ci/run"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert match.group(1) in readme
    assert 'bash -c "$TEST_COMMAND"' in ci


def test_readme_opens_with_install_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    opening = readme[:2500]
    assert "lio-planner" in opening and "pip install" in opening
    assert "pytest" in opening
