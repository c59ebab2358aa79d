"""The built bundle works on its own: it makes a sample plan and exports its PDF, headless.

The bundle is built once for these tests (about a minute and a half) with
``packaging/build_bundle.py``, or taken from LIO_BUNDLE (the path of a built ``lio-planner``).
Building needs the ``bundle`` extra (PyInstaller); without it these are skipped, except in CI
(see helpers.required).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers.required import missing

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build_bundle.py"

pytestmark = [pytest.mark.bundle, pytest.mark.slow]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("LIO_BUNDLE")
    if given:
        return Path(given)
    if importlib.util.find_spec("PyInstaller") is None:
        missing("PyInstaller", 'pip install -e ".[bundle]"')
    folder = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, str(BUILD), "--dist", str(folder / "dist"), "--work", str(folder / "w")],
        check=True,
        timeout=900,
    )
    name = "lio-planner.exe" if sys.platform == "win32" else "lio-planner"
    return folder / "dist" / "lio-planner" / name


def without_python(home: Path) -> dict[str, str]:
    """This environment without its Python: no virtual environment, no PYTHON* variables, and
    user folders in ``home``."""
    venv_bin = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin
    )
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def run(program: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        env=without_python(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_bundle_makes_a_sample_plan_and_exports_its_pdf(program: Path, tmp_path: Path) -> None:
    plan, pdf = tmp_path / "Sample.lioplan", tmp_path / "Sample.pdf"

    version = run(program, tmp_path, "--version")
    made = run(program, tmp_path, "new", str(plan), "--org", "Northshire CVS", "--sample")
    exported = run(program, tmp_path, "export", str(plan), "--format", "pdf", "--output", str(pdf))

    assert version.returncode == 0, version.stderr
    if sys.platform.startswith("linux"):  # Windows and macOS builds have no console to print to
        assert version.stdout.startswith("lio-planner ")
    assert made.returncode == 0, made.stderr
    assert exported.returncode == 0, exported.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    words = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Northshire CVS" in words
    assert "Page 1 of" in words


def test_the_bundle_carries_every_licence_and_its_source(program: Path) -> None:
    folder = program.parent
    listing = (folder / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for part in ("Python", "PySide6", "shiboken6", "SQLAlchemy", "alembic", "platformdirs"):
        assert part.lower() in listing.lower(), part
    assert "LGPL" in listing and "download.qt.io" in listing
    assert (folder / "licenses" / "PySide6_Essentials" / "LGPL-3.0.txt").is_file()
    texts = [p for p in (folder / "licenses").rglob("*") if p.is_file()]
    assert len(texts) >= 10
    assert (folder / "source" / "src" / "lio_planner" / "cli.py").is_file()


def test_the_bundle_leaves_out_qt_it_does_not_use(program: Path) -> None:
    files = [p.name for p in program.parent.rglob("*")]
    for unused in ("QtQml", "QtQuick", "QtPdf", "WaylandClient", "libqgtk3"):
        assert not [name for name in files if unused in name], unused
    if sys.platform.startswith("linux"):
        platforms = next(program.parent.rglob("plugins/platforms"))
        kept = sorted(p.name for p in platforms.iterdir())
        assert kept == ["libqminimal.so", "libqoffscreen.so", "libqxcb.so"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's files")
def test_the_bundle_installs_its_own_desktop_entry(program: Path, tmp_path: Path) -> None:
    installed = run(program, tmp_path, "--install-desktop")

    assert installed.returncode == 0, installed.stderr
    entry = tmp_path / "xdg_data_home" / "applications" / "lio-planner.desktop"
    assert f"Exec={program.resolve()} %f" in entry.read_text(encoding="utf-8")
