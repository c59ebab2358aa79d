"""What About LIO Planner says about the program: where its source is and what licences it has.

Plain Python (no Qt): the About box shows it, and the bundle's licence list repeats it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import lio_planner

APP_LICENCE = "MIT"
QT_SOURCE = (
    "Qt and PySide6 are under the GNU LGPL version 3. Their source code is at "
    "https://download.qt.io/official_releases/ (Qt in qt/, PySide6 in QtForPython/)."
)
SUMMARY = (
    "Plan your organisation's response to the Civil Society Strategy (2018): decide on each "
    "opportunity, record actions with owners and due dates, and print the plan."
)


def is_bundle() -> bool:
    """True in the installed bundle (PyInstaller), False when run from Python."""
    return bool(getattr(sys, "frozen", False))


def program_folder() -> Path:
    """The bundle's folder; in a Python installation, the app's package folder."""
    if is_bundle():
        return Path(sys.executable).resolve().parent
    return Path(lio_planner.__file__).resolve().parent


def source_location() -> str:
    """Where this copy's source code is, in words."""
    if is_bundle():
        return f"LIO Planner's source code is in {program_folder() / 'source'}."
    return f"LIO Planner's source code is the Python package in {program_folder()}."


def licence_location() -> str:
    """Where the licences of LIO Planner and every part it is built from are, in words."""
    if is_bundle():
        folder = program_folder()
        return (
            f"The licence of every part is listed in {folder / 'THIRD-PARTY-LICENSES.txt'}, "
            f"with the full texts in {folder / 'licenses'}."
        )
    return "Each part's licence is installed with it in your Python environment."
