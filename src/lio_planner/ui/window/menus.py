"""The main window's menus, read from one table, with the platform's standard shortcuts.

``MENU_TABLE`` lists every menu item in the order it appears; :func:`build_menus` makes the
menus and actions from it, and :func:`update_actions` switches each on or off by its ``when``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from lio_planner.report.formats import FORMATS
from lio_planner.ui.window import help as help_pages
from lio_planner.ui.window import over_time, plan_actions

StandardKey = QKeySequence.StandardKey
# The window (a QMainWindow with the attributes the handlers use). Typed loosely on purpose:
# no ui module imports the main window's class, so nothing here can import back into it.
Window = Any
Keys = StandardKey | str | list[str] | None


@dataclass(frozen=True)
class MenuState:
    """What the window shows now, as far as switching menu items on and off goes."""

    has_plan: bool
    editable: bool
    can_undo: bool
    can_redo: bool
    opportunity: bool  # an opportunity is shown
    custom_opportunity: bool  # ...and it is one of the person's own
    empty_custom_theme: bool  # a theme of the person's own, with nothing in it, is shown


@dataclass(frozen=True)
class When:
    """When an item is on. ``edits`` marks the items that change the plan: they go off in a
    read-only window (and the tests check them there)."""

    test: Callable[[MenuState], bool]
    edits: bool = False


ALWAYS = When(lambda s: True)
READING = When(lambda s: s.has_plan)  # moving around (works read-only too)
PLAN = When(lambda s: s.has_plan)
EDITING = When(lambda s: s.has_plan and s.editable, edits=True)


def editing(extra: Callable[[MenuState], bool]) -> When:
    """On when the plan can be changed and ``extra`` holds too."""
    return When(lambda s: s.has_plan and s.editable and extra(s), edits=True)


@dataclass(frozen=True)
class Item:
    """One menu item. ``name`` is the window's attribute for its action (``window.<name>``)."""

    menu: str
    text: str
    run: Callable[[Window], object]
    keys: Keys = None
    when: When = ALWAYS
    tip: str = ""
    name: str = ""
    group: str = ""  # items in the same group are checkable and exclusive; the first is checked


@dataclass(frozen=True)
class Also:
    """An item already made, shown again in another menu."""

    menu: str
    name: str


@dataclass(frozen=True)
class Submenu:
    """A submenu, kept as ``window.<name>``; rows whose menu is ``name`` go into it."""

    menu: str
    text: str
    name: str


@dataclass(frozen=True)
class Separator:
    menu: str


Row = Item | Also | Submenu | Separator

# The menu bar, left to right.
MENUS = ("&File", "&Edit", "&View", "&Go", "&Plan", "&Help")


def _later(name: str) -> Callable[[Window], object]:
    """A command from :mod:`file_commands`, imported on first use: merging and backups pull in
    modules that the window does not need before it first appears."""

    def run(w: Window) -> object:
        from lio_planner.ui.window import file_commands

        return getattr(file_commands, name)(w.session, w.dialogs)

    return run


def _export(key: str) -> Callable[[Window], object]:
    """File → Export → one format (report.formats lists them; printing writes the file)."""
    return lambda w: w.report_actions.export(key)


def _show_glossary(w: Window) -> None:
    # Imported when asked for: the glossary's table model brings SQLAlchemy with it, which
    # start-up leaves until after the first paint.
    from lio_planner.ui.window.glossary import show_glossary

    show_glossary(w, w.navigator_model.content())


F, E, V, G, P, H = MENUS

# Every menu item, in menu order (a row for another menu may come anywhere: each menu keeps its
# own order). To add one, add one row: Item(menu, text, handler, keys, when, tip, name), where
# the handler takes the window and calls your command with what it needs (w.session, w.dialogs,
# w.editor, w.data...), and `when` says when it is on (ALWAYS, READING, PLAN, EDITING, or
# editing(lambda s: ...)). Give it a `name` only if something else needs its action.
# fmt: off
MENU_TABLE: tuple[Row, ...] = (
    # Walking comes first, so tools that look for "Next opportunity" find this one.
    Item(G, "&Previous opportunity", lambda w: w.show_walkthrough().go_previous(),
         ["Ctrl+PgUp", "Alt+Left"], READING, name="previous_action"),
    Item(G, "&Next opportunity", lambda w: w.show_walkthrough().go_next(),
         ["Ctrl+PgDown", "Alt+Right"], READING, name="next_action"),
    Item(G, "Next &undecided", lambda w: w.show_walkthrough().go_next_undecided(),
         "Ctrl+Shift+PgDown", READING, "Go to the next opportunity with no decision yet",
         name="next_undecided_action"),
    Item(V, "&Walk-through", lambda w: w.show_walkthrough(), "Ctrl+1", READING,
         name="walkthrough_view_action", group="view"),
    Item(V, "&Action plan", lambda w: w.show_action_plan(), "Ctrl+2", READING,
         name="action_plan_view_action", group="view"),
    Item(V, "&Progress", over_time.show_progress, "Ctrl+3", PLAN,
         "Progress at a glance, per theme and over time", name="progress_view_action",
         group="view"),
    Item(F, "&New plan…", lambda w: plan_actions.new_plan(w.session, w.dialogs),
         StandardKey.New, name="new_action"),
    Item(F, "&Open plan…", lambda w: plan_actions.choose_plan(w.session, w.dialogs),
         StandardKey.Open, name="open_action"),
    Item(F, "Open &team plan…", lambda w: w.team_plan_requested.emit(), None, ALWAYS,
         "Open a plan kept on a PostgreSQL server, which a team edits together",
         name="open_team_action"),
    Submenu(F, "Open &recent", "recent_menu"),
    # Ctrl+W first: the one people know, and shown in the menu.
    Item(F, "&Close plan", lambda w: w.session.close_plan(), ["Ctrl+W", "Ctrl+F4"], PLAN,
         "Close this plan, leaving LIO Planner open", name="close_action"),
    Separator(F),
    Item(F, "Save a &copy as…", _later("save_copy_as"), StandardKey.SaveAs, PLAN,
         "Save a copy of the plan to email, put on a USB stick or keep safe",
         name="save_copy_action"),
    Item(F, "&Merge from copy…", _later("merge_from_copy"), None, EDITING,
         "Bring in the changes a colleague made in their copy of this plan",
         name="merge_action"),
    Item(F, "Restore from &backup…", _later("restore_from_backup"), None, EDITING,
         "Put the plan back as it was in one of its backups", name="restore_action"),
    Separator(F),
    Submenu(F, "&Export", "export_menu"),
    *(Item("export_menu", f.menu_text, _export(f.key), None, PLAN, name=f"export_{f.key}_action")
      for f in FORMATS),
    Separator(F),
    Item(F, "Plan &settings…",
         lambda w: plan_actions.edit_settings(w.dialogs, w.data, w.editor), None, EDITING,
         "Organisation, title and period; the printed plan's introduction and approval details",
         name="settings_action"),
    Separator(F),
    # Printing reads the plan and writes nothing, so it works on a read-only plan too.
    Item(F, "Printed plan &options…", lambda w: w.report_actions.choose_options(),
         name="print_options_action"),
    Item(F, "Print pre&view…", lambda w: w.report_actions.preview(), "Ctrl+Shift+P", PLAN,
         name="preview_action"),
    Item(F, "&Print…", lambda w: w.report_actions.print_plan(), StandardKey.Print, PLAN,
         name="print_action"),
    Separator(F),
    Item(F, "&Quit", lambda w: w.close(), StandardKey.Quit, name="quit_action"),
    Item(E, "&Undo", lambda w: w.undo(), StandardKey.Undo, editing(lambda s: s.can_undo),
         name="undo_action"),
    # Both redo keys on every system: people bring Ctrl+Y from Windows, Ctrl+Shift+Z from others.
    Item(E, "&Redo", lambda w: w.redo(), ["Ctrl+Y", "Ctrl+Shift+Z"],
         editing(lambda s: s.can_redo), name="redo_action"),
    Separator(E),
    Item(E, "&Add action", lambda w: w.show_walkthrough().response.add_action("New action"),
         "Ctrl+Shift+A", editing(lambda s: s.opportunity), "Add an action to this opportunity",
         name="add_action_action"),
    Separator(E),
    Item(E, "&Find actions…", lambda w: w.find_actions(), StandardKey.Find, READING,
         name="find_action"),
    Item(P, "Add &local opportunity…",
         lambda w: plan_actions.add_opportunity(
             w.dialogs, w.editor, w.walkthrough, w.show_walkthrough),
         None, EDITING, "Add an opportunity of your own, such as a council priority",
         name="add_opportunity_action"),
    Item(P, "&Edit local opportunity…",
         lambda w: plan_actions.edit_opportunity(w.dialogs, w.editor, w.walkthrough), None,
         editing(lambda s: s.custom_opportunity), name="edit_opportunity_action"),
    Item(P, "&Remove local opportunity",
         lambda w: plan_actions.remove_opportunity(w.session, w.editor, w.walkthrough), None,
         editing(lambda s: s.custom_opportunity), name="remove_opportunity_action"),
    Item(P, "Remove empty &theme",
         lambda w: plan_actions.remove_theme(w.editor, w.walkthrough), None,
         editing(lambda s: s.empty_custom_theme), name="remove_theme_action"),
    Separator(P),
    Item(P, "&People…", lambda w: plan_actions.show_people(w.dialogs, w.data, w.editor), None,
         PLAN, "Rename the people who own actions", name="people_action"),
    Also(P, "settings_action"),
    Separator(P),
    Item(P, "Change &history…", _later("show_history"), None, PLAN,
         "Who changed what in this plan, and when", name="history_action"),
    Item(P, "&Review: what changed…", over_time.show_review, None, PLAN,
         "What changed since the last review or a date, to print for a meeting; "
         "and Mark as reviewed today", name="review_action"),
    Item(P, "Start the &next plan from this one…", over_time.start_next_plan, None, PLAN,
         "A new plan file for the next period, with the decisions and the actions still open",
         name="next_plan_action"),
    Item(H, "&Getting started", lambda w: help_pages.show_getting_started(w.dialogs),
         name="getting_started_action"),
    Item(H, "LIO Planner &help", lambda w: plan_actions.show_help(w.dialogs),
         StandardKey.HelpContents, name="help_action"),
    Item(H, "&Glossary", _show_glossary, None, ALWAYS,
         "What the terms and abbreviations in the strategy content mean",
         name="glossary_action"),
    Separator(H),
    Item(H, "&About LIO Planner", lambda w: help_pages.show_about(w.dialogs, w.data.path),
         name="about_action"),
)
# fmt: on


class Menus:
    """The menus and actions made from a table, and the switching of them on and off.

    The window gets an attribute for each named action and submenu, and ``<title>_menu`` for
    each menu (``file_menu``, ``help_menu``...).
    """

    def __init__(self, window: QMainWindow, table: Sequence[Row] = MENU_TABLE) -> None:
        self.actions: dict[str, QAction] = {}
        self._when: list[tuple[QAction, When]] = []
        made: dict[int, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for index, row in enumerate(table):  # the actions first, then the menus that show them
            if isinstance(row, Item):
                action = made[index] = _make_action(window, row)
                if row.group:
                    action.setCheckable(True)
                    action.setChecked(row.group not in groups)
                    groups.setdefault(row.group, QActionGroup(window)).addAction(action)
                self._when.append((action, row.when))
                if row.name:
                    self.actions[row.name] = action
                    setattr(window, row.name, action)
        bar = window.menuBar()
        menus = {title: bar.addMenu(title) for title in MENUS}
        for title, menu in menus.items():
            setattr(window, title.replace("&", "").lower() + "_menu", menu)
        for index, row in enumerate(table):
            menu = menus[row.menu]
            if isinstance(row, Separator):
                menu.addSeparator()
            elif isinstance(row, Submenu):
                menus[row.name] = menu.addMenu(row.text)
                setattr(window, row.name, menus[row.name])
            elif isinstance(row, Also):
                menu.addAction(self.actions[row.name])
            else:
                menu.addAction(made[index])
        # A screen reader names an open menu by its window title, else by the app's name.
        for menu in bar.findChildren(QMenu):
            menu.setWindowTitle(menu.title().replace("&", ""))
        # The actions that change the plan, switched off together in a read-only window.
        self.editing_actions = [action for action, when in self._when if when.edits]

    def update(self, state: MenuState, undo_stack: QUndoStack) -> None:
        """Switch each item on or off for what the window shows now."""
        for action, when in self._when:
            action.setEnabled(when.test(state))
        if state.has_plan:
            undo_text, redo_text = undo_stack.undoText(), undo_stack.redoText()
            undo, redo = self.actions["undo_action"], self.actions["redo_action"]
            undo.setText(f"&Undo {_mid_sentence(undo_text)}" if undo_text else "&Undo")
            redo.setText(f"&Redo {_mid_sentence(redo_text)}" if redo_text else "&Redo")


def _make_action(window: QMainWindow, item: Item) -> QAction:
    action = QAction(item.text, window)
    if isinstance(item.keys, list):
        action.setShortcuts([QKeySequence(s) for s in item.keys])
    elif item.keys is not None:
        action.setShortcut(QKeySequence(item.keys))
    action.setToolTip(item.tip or item.text.replace("&", "").rstrip("…"))
    run = item.run
    action.triggered.connect(lambda _checked=False: run(window))
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def _mid_sentence(text: str) -> str:
    """A step's name inside a menu item: "Change due date" reads "Undo change due date".

    Menu items are in sentence case; a name starting with a word in capitals (a "PDF") keeps it.
    """
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]
