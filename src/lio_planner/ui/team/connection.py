"""A team plan's server out of reach while saving: keep the change, say so, try again.

A laptop that drops off the network keeps the person's change on screen (nothing was saved, so
nothing is half-saved), says so in one line in the status bar, and tries the same change again
every few seconds, saving it once the server answers. After a while without an answer the
window's usual choices come up (try again, or save a copy as a file). A colleague's change made
in the meantime is still a conflict, as always.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from lio_planner.store.problems import ConnectionLost, SaveFailed

OnSaveFailed = Callable[[SaveFailed, Callable[[], bool]], bool]


class KeepTrying:
    """The window's ``on_save_failed`` for a team plan: retries a lost connection itself."""

    def __init__(
        self,
        window: QMainWindow,
        otherwise: OnSaveFailed,
        pause_ms: int = 3000,
        attempts: int = 20,
    ) -> None:
        self.window = window
        self.otherwise = otherwise
        self.pause_ms = pause_ms
        self.attempts = attempts
        self._tries = 0

    def __call__(self, error: SaveFailed, again: Callable[[], bool]) -> bool:
        if not isinstance(error, ConnectionLost) or self._tries >= self.attempts:
            self._tries = 0
            return self.otherwise(error, again)
        self._tries += 1
        self.window.statusBar().showMessage(
            "The server cannot be reached: your change is still on screen and will be saved "
            f"when it is back (trying again, {self._tries} of {self.attempts})."
        )
        self._wait()
        saved = again()  # a further failure comes back here, one try more
        if saved and self._tries:
            self._tries = 0
            self.window.statusBar().showMessage("The server is back: your change is saved.", 10_000)
        return saved

    def _wait(self) -> None:
        # The window stays responsive (and repaints) while it waits.
        loop = QEventLoop()
        QTimer.singleShot(self.pause_ms, loop.quit)
        loop.exec()
