"""Tell a Linux desktop about LIO Planner, for this user: its menu entry, icons and plan files.

After ``lio-planner --install-desktop`` the app is in the desktop's menu, a ``.lioplan`` file
shows the app's icon, and double-clicking one (``xdg-open``) opens it in LIO Planner. A plan
renamed to something else is still recognised, by the "LIOP" in its SQLite header.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from lio_planner.bundled import resource_path

DESKTOP_ID = "lio-planner.desktop"
MIME_TYPE = "application/x-lioplan"
ICON_NAME = "lio-planner"
MIME_ICON_NAME = MIME_TYPE.replace("/", "-")
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """The user's own data folder, where desktops look before the system's."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if configured else Path.home() / ".local" / "share"


def program_command() -> list[str]:
    """How to run this very installation of LIO Planner, whatever PATH holds later."""
    if getattr(sys, "frozen", False):  # the bundle
        return [str(Path(sys.executable).resolve())]
    beside = Path(sys.executable).parent / "lio-planner"
    if beside.is_file():  # a virtual environment's (or pip's) command
        return [str(beside)]
    found = shutil.which("lio-planner")
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "lio_planner"]


def exec_argument(argument: str) -> str:
    """``argument`` written for a desktop entry's Exec key (quoted as the specification asks)."""
    if not _EXEC_RESERVED.intersection(argument):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    # The entry's own string escaping doubles each backslash once more.
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """The shipped desktop entry, with Exec running ``command`` on the file opened."""
    lines = []
    for line in (resource_path("desktop") / DESKTOP_ID).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_argument(a) for a in command) + " %f"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _run_if_present(tool: str, *args: str) -> str | None:
    """Run a desktop's cache-refreshing tool if it is installed; say what happened."""
    path = shutil.which(tool)
    if path is None:
        return f"{tool} is not installed: the desktop will notice the changes when it next starts"
    result = subprocess.run([path, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return f"{tool} failed: {(result.stderr or result.stdout).strip()}"
    return None


def install_desktop() -> list[str]:
    """Install the menu entry, icons and plan file type for this user; return any warnings."""
    share = data_home()
    applications = share / "applications"
    mime = share / "mime"
    icons = share / "icons" / "hicolor"
    applications.mkdir(parents=True, exist_ok=True)
    (mime / "packages").mkdir(parents=True, exist_ok=True)
    (applications / DESKTOP_ID).write_text(desktop_entry(program_command()), encoding="utf-8")
    mime_file = resource_path("desktop") / "lio-planner.xml"
    shutil.copyfile(mime_file, mime / "packages" / "lio-planner.xml")
    shipped = resource_path("icons") / "hicolor"
    for png in sorted(shipped.glob("*/apps/lio-planner.png")):
        size = png.parent.parent.name
        for kind, name in (("apps", ICON_NAME), ("mimetypes", MIME_ICON_NAME)):
            (icons / size / kind).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, icons / size / kind / f"{name}.png")
    for kind, name in (("apps", ICON_NAME), ("mimetypes", MIME_ICON_NAME)):
        (icons / "scalable" / kind).mkdir(parents=True, exist_ok=True)
        svg = icons / "scalable" / kind / f"{name}.svg"
        shutil.copyfile(resource_path("lio-planner.svg"), svg)
    warnings = [
        _run_if_present("update-mime-database", str(mime)),
        _run_if_present("update-desktop-database", str(applications)),
    ]
    if shutil.which("gtk-update-icon-cache") is not None:
        warnings.append(_run_if_present("gtk-update-icon-cache", "-f", "-t", str(icons)))
    else:
        warnings.append(_run_if_present("xdg-icon-resource", "forceupdate", "--mode", "user"))
    return [w for w in warnings if w]
