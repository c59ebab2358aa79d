"""What the app remembers between runs: window geometry, the last plan and the recent plans.

An INI file in the user's config folder (platformdirs decides where) rather than the registry:
it is the same on every platform, and tests can point it at a temporary folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from lio_planner.paths import APP_DIR_NAME

LAST_PLAN = "last_plan"
RECENT_PLANS = "recent_plans"
MAX_RECENT = 8


def app_settings() -> QSettings:
    folder = platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def remember_plan(path: Path) -> None:
    """Note ``path`` as the plan to open next time, and put it first in File → Open Recent."""
    path = Path(path).absolute()
    settings = app_settings()
    settings.setValue(LAST_PLAN, str(path))
    others = [p for p in recent_plans(settings) if not _same(p, path)]
    _save_recent(settings, [path, *others])
    settings.sync()


def last_plan() -> Path | None:
    """The plan opened last time, if it is still there."""
    value = app_settings().value(LAST_PLAN)
    if not value:
        return None
    path = Path(str(value))
    return path if path.is_file() else None


def recent_plans(settings: QSettings | None = None) -> list[Path]:
    """The plans opened lately, newest first, whether or not each is still there."""
    raw = (settings or app_settings()).value(RECENT_PLANS, "")
    try:
        # JSON, because QSettings reads a one-item list back from an INI file as a string.
        names = json.loads(str(raw)) if raw else []
    except ValueError:
        return []
    if not isinstance(names, list):
        return []
    return [Path(name) for name in names if isinstance(name, str) and name][:MAX_RECENT]


def forget_recent(path: Path | None = None) -> None:
    """Take one plan off the recent list (or, with no path, clear the list)."""
    settings = app_settings()
    kept = [] if path is None else [p for p in recent_plans(settings) if not _same(p, path)]
    _save_recent(settings, kept)
    settings.sync()


def _save_recent(settings: QSettings, paths: list[Path]) -> None:
    settings.setValue(RECENT_PLANS, json.dumps([str(p) for p in paths[:MAX_RECENT]]))


def _same(one: Path, other: Path) -> bool:
    return os.path.normcase(str(Path(one).absolute())) == os.path.normcase(
        str(Path(other).absolute())
    )
