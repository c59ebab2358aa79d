"""Tools the packaging tests need: skipped where missing, but failed in CI, which has them all.

.ci/run installs them and sets LIO_REQUIRE_PACKAGING_TOOLS=1, so a missing tool there is an
error, never a quiet skip.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE = "LIO_REQUIRE_PACKAGING_TOOLS"


def missing(what: str, how: str) -> None:
    """Skip the test (fail it in CI) because ``what`` is not here; ``how`` says how to get it."""
    if os.environ.get(REQUIRE):
        pytest.fail(f"{what} is missing ({how})")
    pytest.skip(f"{what} is missing ({how})")


def tool(name: str) -> str:
    """The path of the command-line tool ``name``."""
    found = shutil.which(name)
    if found is None:
        missing(name, "apt-get install the packages .ci/run names in its bundle block")
    assert found is not None
    return found
