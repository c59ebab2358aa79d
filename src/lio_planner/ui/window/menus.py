"""The main window's menus and their actions, with the platform's standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from lio_planner.ui.window import help as help_pages

if TYPE_CHECKING:
    from lio_planner.ui.window.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: StandardKey | str | list[str] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def _fill(menu: QMenu, actions: list[QAction | None]) -> None:
    """Add ``actions`` to ``menu``, with a separator for each None."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def _show_glossary(window: MainWindow) -> None:
    # Imported when asked for: the glossary's table model brings SQLAlchemy with it, which
    # start-up leaves until after the first paint.
    from lio_planner.ui.window.glossary import show_glossary

    show_glossary(window, window.navigator_model.content())


def build_menus(window: MainWindow) -> None:
    """Make every menu and action; the window keeps them as attributes."""
    w = window
    # Walking comes first, so tools that look for "Next opportunity" find this one.
    w.previous_action = _action(
        w, "&Previous opportunity", w.go_previous, ["Ctrl+PgUp", "Alt+Left"]
    )
    w.next_action = _action(w, "&Next opportunity", w.go_next, ["Ctrl+PgDown", "Alt+Right"])
    w.next_undecided_action = _action(
        w,
        "Next &undecided",
        w.go_next_undecided,
        "Ctrl+Shift+PgDown",
        "Go to the next opportunity with no decision yet",
    )
    w.walkthrough_view_action = _action(w, "&Walk-through", w.show_walkthrough, "Ctrl+1")
    w.action_plan_view_action = _action(w, "&Action plan", w.show_action_plan, "Ctrl+2")
    views = QActionGroup(w)
    for action in (w.walkthrough_view_action, w.action_plan_view_action):
        action.setCheckable(True)
        views.addAction(action)
    w.walkthrough_view_action.setChecked(True)

    w.new_action = _action(w, "&New plan…", w.new_plan, StandardKey.New)
    w.open_action = _action(w, "&Open plan…", w.choose_plan, StandardKey.Open)
    w.open_team_action = _action(
        w,
        "Open &team plan…",
        w.team_plan_requested.emit,
        tip="Open a plan kept on a PostgreSQL server, which a team edits together",
    )
    w.close_action = _action(
        w,
        "&Close plan",
        w.close_plan,
        ["Ctrl+W", "Ctrl+F4"],  # Ctrl+W first: the one people know, and shown in the menu
        "Close this plan, leaving LIO Planner open",
    )
    w.save_copy_action = _action(
        w,
        "Save a &copy as…",
        w.save_copy_as,
        StandardKey.SaveAs,
        "Save a copy of the plan to email, put on a USB stick or keep safe",
    )
    w.merge_action = _action(
        w,
        "&Merge from copy…",
        w.merge_from_copy,
        None,
        "Bring in the changes a colleague made in their copy of this plan",
    )
    w.restore_action = _action(
        w,
        "Restore from &backup…",
        w.restore_from_backup,
        None,
        "Put the plan back as it was in one of its backups",
    )
    w.quit_action = _action(w, "&Quit", w.close, StandardKey.Quit)
    w.undo_action = _action(w, "&Undo", w.undo, StandardKey.Undo)
    # Both redo keys on every system: people bring Ctrl+Y from Windows, Ctrl+Shift+Z from others.
    w.redo_action = _action(w, "&Redo", w.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
    w.find_action = _action(w, "&Find actions…", w.find_actions, StandardKey.Find)
    w.add_action_action = _action(
        w, "&Add action", w.add_action, "Ctrl+Shift+A", "Add an action to this opportunity"
    )
    w.add_opportunity_action = _action(
        w,
        "Add &local opportunity…",
        w.add_opportunity,
        None,
        "Add an opportunity of your own, such as a council priority",
    )
    w.edit_opportunity_action = _action(w, "&Edit local opportunity…", w.edit_opportunity)
    w.remove_opportunity_action = _action(w, "&Remove local opportunity", w.remove_opportunity)
    w.remove_theme_action = _action(w, "Remove empty &theme", w.remove_theme)
    w.people_action = _action(
        w, "&People…", w.show_people, None, "Rename the people who own actions"
    )
    w.settings_action = _action(
        w, "Plan &settings…", w.edit_settings, None, "Organisation, plan title and period"
    )
    w.history_action = _action(
        w, "Change &history…", w.show_history, None, "Who changed what in this plan, and when"
    )
    w.getting_started_action = _action(
        w, "&Getting started", lambda: help_pages.show_getting_started(w)
    )
    w.help_action = _action(w, "LIO Planner &help", w.show_help, StandardKey.HelpContents)
    w.about_action = _action(w, "&About LIO Planner", lambda: help_pages.show_about(w))
    w.glossary_action = _action(
        w,
        "&Glossary",
        lambda: _show_glossary(w),
        None,
        "What the terms and abbreviations in the strategy content mean",
    )

    bar = w.menuBar()
    w.file_menu = bar.addMenu("&File")
    w.file_menu.addAction(w.new_action)
    w.file_menu.addAction(w.open_action)
    w.file_menu.addAction(w.open_team_action)
    w.recent_menu = w.file_menu.addMenu("Open &recent")
    w.file_menu.addAction(w.close_action)
    w.file_menu.addSeparator()
    _fill(w.file_menu, [w.save_copy_action, w.merge_action, w.restore_action, None])
    w.export_menu = w.file_menu.addMenu("&Export")
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.settings_action)
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.quit_action)

    w.edit_menu = bar.addMenu("&Edit")
    _fill(
        w.edit_menu, [w.undo_action, w.redo_action, None, w.add_action_action, None, w.find_action]
    )

    w.view_menu = bar.addMenu("&View")
    w.view_menu.addAction(w.walkthrough_view_action)
    w.view_menu.addAction(w.action_plan_view_action)

    w.go_menu = bar.addMenu("&Go")
    for action in (w.previous_action, w.next_action, w.next_undecided_action):
        w.go_menu.addAction(action)

    w.plan_menu = bar.addMenu("&Plan")
    _fill(
        w.plan_menu,
        [
            w.add_opportunity_action,
            w.edit_opportunity_action,
            w.remove_opportunity_action,
            w.remove_theme_action,
            None,
            w.people_action,
            w.settings_action,
            None,
            w.history_action,
        ],
    )

    w.help_menu = bar.addMenu("&Help")
    _fill(
        w.help_menu,
        [w.getting_started_action, w.help_action, w.glossary_action, None, w.about_action],
    )
    # A screen reader names an open menu by its window title, else by the app's name.
    for menu in bar.findChildren(QMenu):
        menu.setWindowTitle(menu.title().replace("&", ""))

    # The actions that change the plan, switched off together in a read-only window.
    w.editing_actions = [
        w.undo_action,
        w.redo_action,
        w.add_action_action,
        w.add_opportunity_action,
        w.edit_opportunity_action,
        w.remove_opportunity_action,
        w.remove_theme_action,
        w.settings_action,
        w.merge_action,
        w.restore_action,
    ]
    # The actions that only move around the plan on screen: they work from the first look on,
    # while the plan is still being opened (see plan_switching.show_first_look).
    w.reading_actions = [
        w.previous_action,
        w.next_action,
        w.next_undecided_action,
        w.walkthrough_view_action,
        w.action_plan_view_action,
        w.find_action,
    ]
    # The actions that need a plan open, switched off while the start page shows.
    w.plan_only_actions = [
        *w.reading_actions,
        w.close_action,
        w.save_copy_action,
        w.people_action,
        w.history_action,
        *w.editing_actions,
    ]


def update_actions(window: MainWindow) -> None:
    """Switch each action on or off for what the window shows now."""
    w = window
    has_plan = w.has_plan
    for action in w.plan_only_actions:
        action.setEnabled(has_plan)
    if w.data.first_look is not None:
        for action in w.reading_actions:
            action.setEnabled(True)
    w.export_menu.setEnabled(has_plan)
    report_actions = getattr(w, "report_actions", None)
    if report_actions is not None:
        for action in (report_actions.preview_action, report_actions.print_action):
            action.setEnabled(has_plan)
    if not has_plan:
        return
    editable = not w.read_only
    opportunity = w.walkthrough.current_opportunity()
    theme = w.walkthrough.current_theme()
    custom = opportunity is not None and opportunity.is_custom
    empty_theme = (
        opportunity is None
        and theme is not None
        and theme.is_custom
        and not list(w.navigator_model.opportunities_in(theme.uuid))
    )
    w.undo_action.setEnabled(editable and w.undo_stack.canUndo())
    w.redo_action.setEnabled(editable and w.undo_stack.canRedo())
    undo_text, redo_text = w.undo_stack.undoText(), w.undo_stack.redoText()
    w.undo_action.setText(f"&Undo {_mid_sentence(undo_text)}" if undo_text else "&Undo")
    w.redo_action.setText(f"&Redo {_mid_sentence(redo_text)}" if redo_text else "&Redo")
    w.add_action_action.setEnabled(editable and opportunity is not None)
    w.add_opportunity_action.setEnabled(editable)
    w.edit_opportunity_action.setEnabled(editable and custom)
    w.remove_opportunity_action.setEnabled(editable and custom)
    w.remove_theme_action.setEnabled(editable and empty_theme)
    for action in (w.settings_action, w.merge_action, w.restore_action):
        action.setEnabled(editable)


def _mid_sentence(text: str) -> str:
    """A step's name inside a menu item: "Change due date" reads "Undo change due date".

    Menu items are in sentence case; a name starting with a word in capitals (a "PDF") keeps it.
    """
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]
