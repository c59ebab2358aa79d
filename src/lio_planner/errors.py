"""Problems the user can act on, as opposed to bugs; and where bug details are written."""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path

from lio_planner.domain.rules import ActionError, ResponseError
from lio_planner.paths import log_dir
from lio_planner.report.files import ExportError
from lio_planner.store.names import display_name, one_line
from lio_planner.store.problems import PlanError
from lio_planner.store.seed import SeedError
from lio_planner.store.writing import WriteFailed, explain_os_error

# Errors whose message is already written for the user.
USER_ERRORS = (PlanError, SeedError, ExportError, ActionError, ResponseError, WriteFailed)


def user_message(exc: BaseException) -> str:
    """One plain-English line for the user; bugs get a pointer to the log instead of a traceback."""
    if isinstance(exc, PlanError):
        return one_line(exc.message)
    if isinstance(exc, USER_ERRORS):
        return one_line(str(exc))
    if isinstance(exc, OSError):
        # A file problem nothing else worded (a folder gone, a drive removed): still words.
        where = f"“{display_name(str(exc.filename))}”" if exc.filename else "A file"
        return f"{where} could not be used: {explain_os_error(exc)}"
    log = write_crash_log(exc)
    where = f" Details were saved in {log}." if log else ""
    return f"Something went wrong inside LIO Planner ({type(exc).__name__}).{where}"


def write_crash_log(exc: BaseException) -> Path | None:
    """Keep the traceback for whoever fixes the bug, out of the user's sight."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "errors.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\n--- {datetime.datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None
