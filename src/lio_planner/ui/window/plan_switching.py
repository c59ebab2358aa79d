"""Opening, switching and closing plans in the window: methods of :class:`MainWindow`.

Every plan the window shows comes in through :func:`switch_store`, which stops watching the old
plan, closes it (no lock, journal or handle is left), and starts watching the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.planfile import EXTENSION, is_writable
from lio_planner.ui.common.settings import app_settings, forget_recent, remember_plan
from lio_planner.ui.sharing.dialogs import ReadOnlyBanner
from lio_planner.ui.window.plan_actions import ask_plan_details, keep_dialog
from lio_planner.ui.window.plan_file_line import OWN, remember_own_plan, whose
from lio_planner.ui.window.plan_opening import (
    OpenedPlan,
    advise_about_location,
    default_plan,
    open_asking,
)

if TYPE_CHECKING:
    from lio_planner.store.sqlite.database import PlanStore
    from lio_planner.ui.window.main_window import MainWindow


def open_plan_path(window: MainWindow, path: Path, read_only: bool = False) -> bool:
    """Open another plan in this window; False (after saying why) if it was not opened.

    Someone else having the plan open is asked about (read it, or take over a stale claim).
    """
    try:
        opened = open_asking(window, Path(path), read_only)
    except Exception as exc:  # shown in words, never as a traceback
        window.report_problem(user_message(exc))
        return False
    if opened is None:
        return False
    window.replace_store(opened.store, opened.holder)
    return True


def replace_store(window: MainWindow, store: PlanStore, holder: str = "") -> None:
    """Show ``store`` in place of the open plan, which is saved and closed first."""
    window.switch_store(store, holder)


def switch_store(
    window: MainWindow,
    store: PlanStore,
    holder: str = "",
    then: Callable[[], object] | None = None,
    flush: bool = True,
) -> None:
    """Put ``store`` in the window; ``then`` runs on it before the views are re-read.

    ``then`` is a change that failed in the old plan, made again in this one (a copy saved
    elsewhere, or the plan opened again); ``flush=False`` skips saving what is being typed
    into the old plan, which is failing.
    """
    if flush and window.has_plan and not window.read_only:
        window.flush_edits(retry=True)
    place = window.response.form.action if window.has_plan else None
    window.session.stop()
    window.undo_stack.clear()
    old = window.data.use_store(store)
    if old is not None and old is not store:
        old.close()
    if then is not None:
        then()
    window.data.reload()
    plan_opened(window, holder)
    if place is not None:
        window.response.select_action(place.uuid)


def continue_in(window: MainWindow, path: Path, again: Callable[[], bool]) -> bool:
    """Open ``path`` (a copy just saved, or the plan again) and make a failed change there."""
    try:
        opened = open_asking(window, path)
    except Exception as exc:
        window.report_problem(user_message(exc))
        return False
    if opened is None:
        return False
    if opened.store.read_only:
        # Switching now would replace the change on screen with what the file holds.
        opened.store.close()
        window.report_problem(
            f"“{path.name}” can only be opened read-only now, so your change could not be made "
            "in it. Your change is still on screen: you can save a copy elsewhere instead."
        )
        return False
    saved = [False]

    def redo() -> None:
        saved[0] = again()

    window.switch_store(opened.store, opened.holder, then=redo, flush=False)
    return saved[0]


def open_plan_later(window: MainWindow, path: Path) -> None:
    """Open ``path`` once the current step has finished (from inside an undo step)."""
    QTimer.singleShot(0, window, lambda: window.open_plan_path(path))


def open_again(window: MainWindow) -> None:
    """Open the plan afresh from its file (another file has taken its place)."""
    if window.has_plan:
        window.open_plan_path(window.store.path, read_only=window.store.read_only)


def open_for_editing(window: MainWindow) -> None:
    """The banner's "Open for editing": claim the plan now, if nobody else has it."""
    if window.has_plan:
        window.open_plan_path(window.store.path)


def close_plan(window: MainWindow) -> bool:
    """File → Close: close the plan and show the start page; False if the person stayed."""
    if not window.has_plan:
        return True
    if not may_leave(window):
        return False
    window.session.stop()
    window.undo_stack.clear()
    store = window.store
    window.data.clear()
    store.close()
    show_no_plan(window)
    return True


def open_recent(window: MainWindow, path: Path) -> None:
    """Open a plan from File → Open recent or the start page's list."""
    if not Path(path).is_file():
        forget_recent(path)
        window.start_page.refresh()
        window.report_problem(
            f"“{Path(path).name}” could not be found in {Path(path).parent}. It may have "
            "been moved, renamed or deleted, or its drive is not connected. It has been "
            "taken off the list of recent plans."
        )
        return
    window.open_plan_path(path)


def open_own_plan(window: MainWindow) -> None:
    """The start page's "Open my plan": the plan kept on this computer, made if need be."""
    try:
        path = default_plan()
    except Exception as exc:
        window.report_problem(user_message(exc))
        return
    window.open_plan_path(path)


def may_leave(window: MainWindow) -> bool:
    """Save what is being typed before the plan closes; ask if it cannot be saved."""
    if not window.has_plan or window.read_only or window.flush_edits(retry=True):
        return True
    answer = QMessageBox.question(
        window,
        APP_NAME,
        "Your last change could not be saved (see the message). Close anyway and lose it?",
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Close


def plan_opened(window: MainWindow, holder: str = "") -> None:
    """Show the plan just put in the window: read-only or not, watched, remembered."""
    store = window.store
    remember_plan(store.path)
    remember_own_plan(store.path, store.plan_uuid)
    window.file_line.show_plan(store.path, store.plan_uuid)
    window.pages.setCurrentIndex(0)
    window.saved_label.setText("Every change is saved as you make it.")
    if store.read_only:
        window.set_read_only(True, *read_only_reason(window, holder))
    else:
        window.set_read_only(False)  # also after the start page, where nothing was editable
    window._update_title()
    window._update_actions()
    window.session.start(store)
    # Once the window is on screen: the advice is a dialog of its own.
    QTimer.singleShot(0, window, lambda: advise_now(window))
    if not store.read_only and first_time_own_plan(window):
        QTimer.singleShot(0, window, lambda: ask_plan_details(window))


def first_time_own_plan(window: MainWindow) -> bool:
    """The plan LIO Planner made for the person, never yet given its details (asked once)."""
    store = window.store
    if window.data.info.organisation or whose(store.path, store.plan_uuid) != OWN:
        return False
    settings = app_settings()
    key = f"details_asked/{store.plan_uuid}"
    if settings.value(key, False, type=bool):
        return False
    settings.setValue(key, True)
    settings.sync()
    return True


def show_first_look(window: MainWindow) -> None:
    """Show the plan from its first look (see :mod:`lio_planner.store.sqlite.first_look`).

    Nothing can be changed yet: editing comes on in :func:`open_first_look`, a moment later,
    once the plan has been opened properly.
    """
    window.pages.setCurrentIndex(0)
    window.banner.hide()
    window.file_line.show_plan(window.data.path)
    window.editor.read_only = True
    window.set_views_read_only(True)
    window.saved_label.setText("Opening the plan…")
    window._update_title()
    window._update_actions()


def open_first_look(window: MainWindow, opener: Callable[[], OpenedPlan | None]) -> None:
    """Open the plan the window shows from its first look, so it can be edited.

    ``opener`` opens it as start-up always has (asking first if someone else has it now).
    Should that fail, or be cancelled, the window says why and shows the start page. Nothing
    happens if the window has been closed, or another plan opened, in the meantime.
    """
    if not _still_looking(window):
        return
    opened: OpenedPlan | None = None
    try:
        opened = opener()
        if opened is not None and _still_looking(window):
            window.data.attach(opened.store)
            plan_opened(window, opened.holder)
            return
    except Exception as exc:  # shown in words, never as a traceback
        _give_up_first_look(window, opened, user_message(exc))
        return
    if opened is not None:  # the question took a while, and things moved on meanwhile
        opened.store.close()
    elif _still_looking(window):  # the person chose not to open it
        _give_up_first_look(window, None, "")


def _still_looking(window: MainWindow) -> bool:
    """The window is open and still showing the first look (no other plan opened since)."""
    return not window.closed and window.data.first_look is not None


def _give_up_first_look(window: MainWindow, opened: OpenedPlan | None, message: str) -> None:
    window.session.stop()
    window.data.clear()
    if opened is not None:
        opened.store.close()
    show_no_plan(window)
    if message:
        window.report_problem(message)


def read_only_reason(window: MainWindow, holder: str) -> tuple[str, bool]:
    """Why the plan is read-only, and whether "Open for editing" might work."""
    store = window.store
    if not holder and not is_writable(store.path):
        return "You do not have permission to change this file or its folder.", False
    if not holder:
        claim = read_lock(store.path)
        if claim is not None and not claim.stale_reason():
            holder = claim.describe()
    if holder:
        return ReadOnlyBanner.reason_for(store, holder), True
    return "It was opened read-only.", True


def advise_now(window: MainWindow) -> None:
    """Explain once what is safe for a plan in a synced folder or on a network drive."""
    if window.has_plan and window.isVisible():
        dialog = advise_about_location(window, window.store.path)
        if dialog is not None:
            keep_dialog(window, dialog)


def show_no_plan(window: MainWindow) -> None:
    """Show the start page, with every command that needs a plan switched off."""
    window.read_only = False
    window.editor.read_only = True  # nothing to save into
    window.banner.hide()
    window.start_page.refresh()
    window.pages.setCurrentIndex(1)
    window.saved_label.setText("")
    window._update_title()
    window._update_actions()


def dropped_plan(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The .lioplan file being dropped on the window, if that is what it is."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if len(files) != 1 or not files[0].lower().endswith(EXTENSION):
        return None
    return Path(files[0])
