"""Opening a plan from the window: asking what to do when someone else has it open.

Every way of opening a plan (start-up, File → Open, Open Recent, dropping a file on the window,
New) comes through :func:`open_asking`, so the person always sees who has the plan and chooses
between reading it and, when the holder has gone, taking it over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from lio_planner.lazy import on_first_use
from lio_planner.paths import default_plan_path
from lio_planner.store.sqlite.locations import PlanLocation, describe_location
from lio_planner.store.sqlite.lock import LockInfo, PlanInUse
from lio_planner.ui.common.settings import app_settings
from lio_planner.ui.sharing.dialogs import (
    OPEN_READ_ONLY,
    TAKE_OVER,
    InUseDialog,
    LocationAdviceDialog,
)

if TYPE_CHECKING:
    from lio_planner.store.sqlite import opening
    from lio_planner.store.sqlite.database import PlanStore
else:  # the store loads SQLAlchemy: after first paint (see lio_planner.lazy)
    opening = on_first_use("lio_planner.store.sqlite.opening")


@dataclass(frozen=True)
class OpenedPlan:
    """A plan just opened, and who holds it when it was opened read-only because of them."""

    store: PlanStore
    holder: str = ""  # "In use by Sam on CVS-LAPTOP-2 since 10:42", or empty


def open_asking(parent: QWidget | None, path: Path, read_only: bool = False) -> OpenedPlan | None:
    """Open ``path``; if someone else has it, ask whether to read it or take it over.

    None when the person cancels. Other problems raise :class:`PlanFileError` (or worse), for
    the caller to show. The daily backup is left to the window, after it has painted.
    """
    take_over: LockInfo | None = None
    holder = ""
    while True:
        try:
            store = opening.open_plan(
                path, read_only=read_only, take_over=take_over, daily_backup=False
            )
        except PlanInUse as exc:
            # Asked again after a take-over too: the holder may have come back meanwhile.
            choice = ask_in_use(exc, parent)
            if choice == OPEN_READ_ONLY:
                read_only, holder = True, exc.holder.describe()
            elif choice == TAKE_OVER:
                take_over = exc.holder
            else:
                return None
            continue
        return OpenedPlan(store, holder if store.read_only else "")


def ask_in_use(error: PlanInUse, parent: QWidget | None) -> str:
    """Show "In use by …" and return what the person chose (a sharing_dialogs choice)."""
    dialog = InUseDialog(error, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()


def default_plan() -> Path:
    """The plan opened when no other is named, made empty on first use."""
    path = default_plan_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        opening.create_plan(path, "").close()
    return path


def _advice_key(place: PlanLocation) -> str:
    service = "".join(c if c.isalnum() else "_" for c in place.service.casefold())
    return f"advice_shown/{place.kind}_{service}"


def advise_about_location(parent: QWidget | None, path: Path) -> LocationAdviceDialog | None:
    """Explain, once per kind of place, what is safe for a plan in a synced or network folder.

    Returns the dialog to open (it remembers "Don't tell me this again" when it closes), or
    None when there is nothing new to say.
    """
    place = describe_location(path)
    if not place.needs_explaining:
        return None
    settings = app_settings()
    key = _advice_key(place)
    if settings.value(key, False, type=bool):
        return None
    dialog = LocationAdviceDialog(place, parent)

    def finished(_result: int) -> None:
        if dialog.dont_repeat.isChecked():
            remembered = app_settings()
            remembered.setValue(key, True)
            remembered.sync()

    dialog.finished.connect(finished)
    return dialog
