"""Problems with a plan, worded for the person using the app, whichever place keeps the plan.

Every message names the plan by its description for people (for a plan file, its file name)
and says what went wrong with the plan, not with a path. Each place that keeps plans raises
these (or its own subclasses of :class:`PlanError`), so the window and the services catch one
family of errors and never need to know where the plan lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lio_planner.store.names import display_name, one_line

if TYPE_CHECKING:
    from lio_planner.store.kept import Holder


class PlanError(Exception):
    """A problem with a plan the person can act on, in their words.

    ``plan`` is the plan's description for people; a path gives its file name.
    """

    def __init__(self, plan: Path | str, problem: str, advice: str = "") -> None:
        self.path = Path(plan)
        self.plan = display_name(plan)
        self.problem = problem
        self.advice = advice
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"“{self.plan}” {one_line(self.problem)}"
        return f"{text} {one_line(self.advice)}".strip()


class SaveFailed(PlanError):
    """A change could not be written to the plan; the plan is as it was before it."""


class ConnectionLost(SaveFailed):
    """The server keeping the plan could not be reached while saving; nothing was kept.

    The change is still on screen and can be tried again as it is when the server is back.
    """


class ConflictingEdit(PlanError):
    """The row changed in the plan since it was read (another copy of the app wrote it)."""


class FileReplaced(SaveFailed):
    """Another plan now has the plan's name (a sync client or a person put it there)."""


class CopyFailed(PlanError):
    """A copy of the plan could not be made; the plan itself is unchanged."""


class PlanInUse(PlanError):
    """Someone else has the plan open for editing.

    ``holder`` says who; ``stale`` why their claim may be taken over (empty when it may not).
    Opening again with ``take_over=error.holder`` (:func:`lio_planner.store.plans.open_plan`)
    takes it over.
    """

    def __init__(
        self, plan: Path | str, holder: Holder, problem: str, advice: str = "", stale: str = ""
    ) -> None:
        self.holder = holder
        self.stale = stale
        super().__init__(plan, problem, advice)
