"""Every sqlite3 connection the code and tests open is closed, on every Python.

``with sqlite3.connect(...) as c:`` commits but never closes, and Python 3.13 reports the
connection left open as an error at some later, unrelated test. Python 3.11 says nothing, so
the pattern is caught here, in the source, wherever it is written.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNCLOSED = re.compile(r"with\s+sqlite3\.connect\(")


def _sources() -> list[Path]:
    return [
        path
        for folder in ("src", "tests", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if path != Path(__file__).resolve()
    ]


def test_no_connection_is_opened_with_a_with_block_that_leaves_it_open() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNCLOSED.search(line)
    ]
    assert found == [], "use `with closing(sqlite3.connect(...)) as c, c:` instead"


def test_the_check_finds_the_pattern() -> None:
    assert UNCLOSED.search("    with sqlite3.connect(path) as conn:")
    assert not UNCLOSED.search("    with closing(sqlite3.connect(path)) as conn, conn:")
