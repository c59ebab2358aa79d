"""Issue 11, class 1: a pipe, socket or device named like a plan is refused at once, in words.

Reading a pipe's "header" waits for a writer that never comes, so before this gate a FIFO
named ``x.lioplan`` hung opening, exporting and merging for ever. Every way in is tried here,
each in a child process with a time limit, so a hang fails the test instead of stalling it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.damage import make_fifo, make_socket

# Each way the app opens a file, as a line of Python taking the path as sys.argv[1].
WAYS_IN = {
    "open for editing": "from lio_planner.store.sqlite.opening import open_plan as o; o(P)",
    "open read-only": (
        "from lio_planner.store.sqlite.opening import open_plan as o; o(P, read_only=True)"
    ),
    "export": (
        "from lio_planner.cli import main; import sys; sys.exit(main(['export', str(P), "
        "'--format', 'csv', '--output', str(P.parent / 'out.csv')]))"
    ),
    "merge": (
        "from lio_planner.store.sqlite.opening import open_plan; "
        "from lio_planner.services.merge import preview_merge; "
        "preview_merge(open_plan(Path(sys.argv[2])), P)"
    ),
}

_RUN = """
import sys
from pathlib import Path
from lio_planner.errors import user_message
P = Path(sys.argv[1])
try:
    {code}
except SystemExit:
    raise
except BaseException as exc:
    print("refused:", user_message(exc))
"""


def _special(kind: str, folder: Path) -> Path:
    path = folder / "x.lioplan"
    if kind == "pipe":
        return make_fifo(path)
    if kind == "socket":
        return make_socket(path)
    path.symlink_to("/dev/zero")  # a device: endless bytes, never a plan
    return path


@pytest.mark.parametrize("kind", ["pipe", "socket", "device"])
@pytest.mark.parametrize("way", list(WAYS_IN))
def test_a_special_file_is_refused_without_waiting(
    kind: str, way: str, tmp_path: Path, plan_path: Path
) -> None:
    special = _special(kind, tmp_path)
    code = _RUN.format(code=WAYS_IN[way])
    result = subprocess.run(
        [sys.executable, "-c", code, str(special), str(plan_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = (result.stdout + result.stderr).strip()
    assert "Traceback" not in said
    assert "Something went wrong" not in said
    assert "x.lioplan" in said
    assert "not a plan file" in said, said
    assert len(said.splitlines()) == 1
    assert not (tmp_path / "out.csv").exists()
