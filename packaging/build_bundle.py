"""Build the LIO Planner bundle: one folder holding Python, Qt and the app.

    python packaging/build_bundle.py            # makes dist/lio-planner/ (on macOS also the .app)

Run it from an environment where LIO Planner is installed with its ``bundle`` extra
(``pip install -e ".[bundle]"``). The same command works on Linux, Windows and macOS; each
builds for its own system. See docs/packaging.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "lio-planner.spec"


def executable(dist: Path) -> Path:
    """The program inside the built folder."""
    name = "lio-planner.exe" if sys.platform == "win32" else "lio-planner"
    return dist / "lio-planner" / name


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the built program's path."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    # Run from the build folder, so this repository's packaging/ folder can never stand in for
    # the `packaging` library that PyInstaller imports.
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, cwd=work)
    return executable(dist)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    program = build(args.dist.resolve(), args.work.resolve())
    print(f"Built {program} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
