"""Issue 11, class 3: an export or a new plan on a full disk says so, and keeps the old file.

Disks are really filled: a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail
with EFBIG as they do past a drive's limit) in a child process, and a small tmpfs when this
machine lets the tests mount one. Before, a PDF export said "Exported" and replaced a good PDF
with a broken one, a Word export printed a traceback from ZipFile.__del__, and ``new`` gave
the internal-bug message.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from lio_planner.cli import main
sys.exit(main(sys.argv[2:]))
"""

EARLIER = b"%PDF-1.4 the good earlier export %%EOF"


def limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "Sample.lioplan"
    from lio_planner.cli import main

    assert main(["new", str(path), "--org", "Northshire CVS", "--sample"]) == 0
    return path


def _assert_refused(result: subprocess.CompletedProcess[str], name: str) -> None:
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"“{name}” could not be" in lines[0]
    assert "Traceback" not in result.stderr and "Something went wrong" not in result.stderr


@pytest.mark.parametrize("fmt", ["pdf", "docx", "csv"])
@pytest.mark.parametrize("limit", [0, 4096, 12000])
def test_an_export_past_a_size_limit_keeps_the_earlier_file(
    fmt: str, limit: int, sample_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"plan.{fmt}"
    out.write_bytes(EARLIER)
    result = limited(limit, "export", str(sample_plan), "--format", fmt, "--output", str(out))
    _assert_refused(result, out.name)
    assert out.read_bytes() == EARLIER
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [out.name]


def test_new_past_a_size_limit_is_worded(tmp_path: Path) -> None:
    plan = tmp_path / "New.lioplan"
    result = limited(20000, "new", str(plan), "--org", "Northshire CVS")
    _assert_refused(result, plan.name)
    assert "disk" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("this machine does not let the tests mount a small disk (RLIMIT_FSIZE above)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "csv"])
def test_an_export_onto_a_full_disk_keeps_the_earlier_file(
    fmt: str, sample_plan: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "stick", "40k") as stick:
        out = stick / f"plan.{fmt}"
        out.write_bytes(EARLIER)
        filler = stick / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            handle.write(b"x" * 200_000)
        result = subprocess.run(
            [sys.executable, "-m", "lio_planner", "export", str(sample_plan), "--format", fmt,
             "--output", str(out)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        _assert_refused(result, out.name)
        assert "disk is full" in result.stderr or "(the disk may be full" in result.stderr
        assert out.read_bytes() == EARLIER
        assert sorted(p.name for p in stick.iterdir()) == ["filler", out.name]


def test_new_onto_a_full_disk_is_worded(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", "64k") as stick:
        plan = stick / "New.lioplan"
        result = subprocess.run(
            [sys.executable, "-m", "lio_planner", "new", str(plan), "--org", "Northshire CVS"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        _assert_refused(result, plan.name)
        assert list(stick.iterdir()) == []


def test_a_whole_export_still_replaces_the_earlier_file(sample_plan: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    out.write_bytes(EARLIER)
    result = limited(
        50_000_000, "export", str(sample_plan), "--format", "pdf", "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(out).pages) > 1
