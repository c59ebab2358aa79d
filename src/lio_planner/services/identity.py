"""Who is making a change, for "created by" and "changed by"."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """The name of the person signed in to this computer, or a neutral word if unknown."""
    for variable in ("LIO_PLANNER_USER",):
        if os.environ.get(variable, "").strip():
            return os.environ[variable].strip()
    try:
        return getpass.getuser() or "someone"
    except (OSError, KeyError, ImportError):
        return "someone"
