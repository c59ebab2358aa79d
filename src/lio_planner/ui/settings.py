"""What the app remembers between runs: window geometry and the last plan opened.

An INI file in the user's config folder (platformdirs decides where) rather than the registry:
it is the same on every platform, and tests can point it at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from lio_planner.paths import APP_DIR_NAME

LAST_PLAN = "last_plan"


def app_settings() -> QSettings:
    folder = platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def remember_plan(path: Path) -> None:
    settings = app_settings()
    settings.setValue(LAST_PLAN, str(Path(path).absolute()))
    settings.sync()


def last_plan() -> Path | None:
    """The plan opened last time, if it is still there."""
    value = app_settings().value(LAST_PLAN)
    if not value:
        return None
    path = Path(str(value))
    return path if path.is_file() else None
