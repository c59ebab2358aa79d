"""The Python versions pyproject declares are the ones CI installs and tests on."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _declared() -> list[tuple[int, int]]:
    found = re.findall(r'"Programming Language :: Python :: 3\.(\d+)"', PYPROJECT)
    return sorted((3, int(minor)) for minor in found)


def test_the_classifiers_name_every_version_from_requires_python_on() -> None:
    lowest = re.search(r'^requires-python = ">=3\.(\d+)"$', PYPROJECT, re.MULTILINE)
    assert lowest, "requires-python should be a plain lower bound"
    declared = _declared()
    assert declared[0] == (3, int(lowest.group(1)))
    assert declared == [(3, minor) for minor in range(declared[0][1], declared[-1][1] + 1)]


def test_this_python_is_one_of_them() -> None:
    assert sys.version_info[:2] in _declared()


def test_ci_tests_on_each_declared_version() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"Programming Language :: Python :: 3\\.[0-9]+"' in ci
    assert 'if [ "${CI:-}" = "true" ]; then exit 1; fi' in ci
