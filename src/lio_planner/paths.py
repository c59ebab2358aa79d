"""Where the app keeps the user's default plan, backups and logs (platformdirs decides)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "LIO Planner"
DEFAULT_PLAN_NAME = "My action plan.lioplan"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def default_plan_path() -> Path:
    """The plan opened when no file is named: created on first run."""
    return data_dir() / DEFAULT_PLAN_NAME


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_DIR_NAME, appauthor=False)
