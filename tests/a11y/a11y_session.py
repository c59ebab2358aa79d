"""The pieces of a screen reader test: a desktop, the reader process and the running app.

Set up as measured in PLATFORM-NOTES ("A screen reader's view"): everything runs inside
``dbus-run-session``, which starts Xvfb and ``at-spi-bus-launcher``; the app runs on the xcb
platform with Qt's accessibility switched on, and ``screen_reader.py`` reads it over AT-SPI from
the system Python (pyatspi is a Debian package a virtual environment cannot import).
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

A11Y_DIR = Path(__file__).parent
READER = A11Y_DIR / "screen_reader.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
SCREEN = "1366x768x24"
ANSWER_TIMEOUT = 30.0


def bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHERS if Path(path).exists()), None)


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if bus_launcher() is None:
        missing.append("at-spi2-core (at-spi-bus-launcher)")
    reader_python = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    ) if Path(SYSTEM_PYTHON).exists() else None  # fmt: skip
    if reader_python is None or reader_python.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@dataclass(frozen=True)
class Desktop:
    display: str
    bus: str

    def environment(self, home: Path) -> dict[str, str]:
        """What the app and the reader are started with: this desktop, its buses, own folders."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "XDG_", "DBUS_", "AT_SPI"))
        }
        env.update(
            DISPLAY=self.display,
            DBUS_SESSION_BUS_ADDRESS=self.bus,
            QT_QPA_PLATFORM="xcb",
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            LIO_PLANNER_USER="Tester",
            HOME=str(home),
        )
        for kind in ("DATA", "CONFIG", "STATE", "CACHE"):
            env[f"XDG_{kind}_HOME"] = str(home / kind.lower())
        return env


class ScreenReader:
    """The reader process, asked one command at a time (see screen_reader.py)."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        with log.open("w") as errors:
            self.process = subprocess.Popen(
                [SYSTEM_PYTHON, str(READER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
            )
        assert self.process.stdout is not None
        self._answers = selectors.DefaultSelector()
        self._answers.register(self.process.stdout, selectors.EVENT_READ)

    def ask(self, do: str, **arguments: Any) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"do": do, **arguments}) + "\n")
        self.process.stdin.flush()
        if not self._answers.select(ANSWER_TIMEOUT):
            raise TimeoutError(f"the screen reader gave no answer to {do} in {ANSWER_TIMEOUT} s")
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise AssertionError(f"{do} {arguments}: {answer['error']}")
        return answer["ok"]

    def tree(self, **arguments: Any) -> list[dict[str, Any]]:
        return list(self.ask("tree", **arguments))

    def focused(self) -> dict[str, Any] | None:
        found = self.ask("focused")
        return dict(found) if found else None

    def key(self, name: str, *modifiers: str, settle: float = 0.15) -> None:
        self.ask("key", name=name, modifiers=list(modifiers))
        time.sleep(settle)

    def type(self, text: str, settle: float = 0.2) -> None:
        self.ask("type", text=text)
        time.sleep(settle)

    def windows(self) -> list[dict[str, Any]]:
        return list(self.ask("windows"))

    def wait_for(self, what: str, check: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Ask again until ``check`` gives something true (the app answers keys in its own time)."""
        deadline = time.monotonic() + timeout
        while True:
            found = check()
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"the reader never found {what}")
            time.sleep(0.1)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=10)
        self._answers.close()
        if self.process.stdout is not None:
            self.process.stdout.close()


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    reader: ScreenReader
    title: str

    def wait_until_open(self) -> None:
        """Wait for the plan to be open for editing (its "Last saved" line showing), and give
        the window the keyboard; the window's title is kept in ``title``."""

        def opened() -> bool:
            status = [
                n["name"] for n in self.reader.tree(cells=False) if n["description"] == "Last saved"
            ]
            return bool(status)

        self.reader.wait_for("the plan open for editing", opened, timeout=30)
        self.title = next(w["name"] for w in self.reader.windows() if w["role"] == "frame")
        self.focus_window()

    def focus_window(self) -> None:
        """The desktop gives the main window the keyboard (at the start, after a dialog)."""
        self.reader.ask("give_focus", title=self.title)
        self.reader.wait_for(
            "the keyboard focus in the main window",
            lambda: (focus := self.reader.focused()) and focus["window"] == self.title,
        )

    def quit(self) -> int:
        """Ctrl+Q, as a person ends the day; the exit status."""
        self.reader.key("q", "ctrl")
        return self.process.wait(timeout=20)


AppStarter = Callable[[Path], RunningApp]
