"""Opening a plan from the window: asking what to do when someone else has it open.

Every way of opening a plan (start-up, File → Open, Open Recent, dropping a file on the window,
New) comes through :func:`open_asking`, so the person always sees who has the plan and chooses
between reading it and, when the holder has gone, taking it over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from lio_planner.paths import default_plan_path
from lio_planner.store import plans
from lio_planner.store.plans import EXTENSION, describe_location, is_writable
from lio_planner.store.problems import PlanInUse
from lio_planner.ui.common.settings import app_settings
from lio_planner.ui.sharing.dialogs import (
    OPEN_READ_ONLY,
    TAKE_OVER,
    InUseDialog,
    LocationAdviceDialog,
    ReadOnlyBanner,
)

if TYPE_CHECKING:
    from lio_planner.services.next_period import Creator, Reader
    from lio_planner.store.backend import PlanBackend
    from lio_planner.store.kept import Holder, PlanLocation


@dataclass(frozen=True)
class OpenedPlan:
    """A plan just opened, and who holds it when it was opened read-only because of them."""

    store: PlanBackend
    holder: str = ""  # "In use by Sam on CVS-LAPTOP-2 since 10:42", or empty


def open_asking(parent: QWidget | None, path: Path, read_only: bool = False) -> OpenedPlan | None:
    """Open ``path``; if someone else has it, ask whether to read it or take it over.

    None when the person cancels. Other problems raise :class:`PlanFileError` (or worse), for
    the caller to show. The daily backup is left to the window, after it has painted.
    """
    take_over: Holder | None = None
    holder = ""
    while True:
        try:
            store = plans.open_plan(
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
        plans.create_plan(path, "").close()
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


def read_only_reason(store: PlanBackend, holder: str) -> tuple[str, bool]:
    """Why the plan is read-only, and whether "Open for editing" might work."""
    if not holder and not is_writable(store.path):
        return "You do not have permission to change this file or its folder.", False
    if not holder:
        claim = store.holder()
        if claim is not None and not claim.stale_reason():
            holder = claim.describe()
    if holder:
        return ReadOnlyBanner.reason_for(store, holder), True
    return "It was opened read-only.", True


def dropped_plan(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The .lioplan file being dropped on the window, if that is what it is."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if len(files) != 1 or not files[0].lower().endswith(EXTENSION):
        return None
    return Path(files[0])


def plan_files() -> tuple[Reader, Creator]:
    """Reading a plan file and making a new one, for Start the next plan (services leave files
    to their callers)."""
    return plans.open_for_reading, plans.create_plan
