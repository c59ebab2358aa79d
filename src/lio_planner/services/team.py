"""What a team plan's window needs beyond a file's: others' changes as Changes, and saving
through a dropped connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, TypeVar

from lio_planner.services.changes import EVERYTHING, NOTHING, Changes, changes_from_log
from lio_planner.store.problems import ConnectionLost

T = TypeVar("T")


class Announced(Protocol):
    """One commit someone else announced (see lio_planner.store.postgres.live)."""

    @property
    def rows(self) -> tuple[tuple[str, str, bool], ...]: ...

    @property
    def everything(self) -> bool: ...


def changes_announced(
    announcements: Iterable[Announced], opportunity_of: Mapping[str, str]
) -> Changes:
    """The rows others changed, as the same :class:`Changes` a local edit returns.

    ``opportunity_of`` turns a decision's key ("seed:…") into its opportunity's uuid.
    """
    changes = NOTHING
    for announced in announcements:
        if announced.everything:
            return EVERYTHING
        changes = changes | changes_from_log(announced.rows, opportunity_of)
    return changes


def save_when_back(
    operation: Callable[[], T],
    *,
    attempts: int = 30,
    pause: float = 1.0,
    waiting: Callable[[ConnectionLost], None] | None = None,
) -> T:
    """Run ``operation`` (one whole edit), trying it again while the server cannot be reached.

    Each try is one transaction, so a try cut off by a lost connection kept nothing and the
    same edit can be made again. ``waiting`` is told each time (to say so in one line). A
    conflict or any other problem is raised at once, as it would be online; after
    ``attempts`` the last ConnectionLost is raised, and the edit is still the caller's to keep.
    """
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except ConnectionLost as lost:
            if attempt == attempts:
                raise
            if waiting is not None:
                waiting(lost)
            time.sleep(pause)
    raise AssertionError("unreachable")
