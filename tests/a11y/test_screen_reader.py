"""What a screen reader gets from the real window, read over AT-SPI as Orca reads it on Linux.

The app runs under Xvfb with Qt's accessibility on; ``screen_reader.py`` walks its tree, presses
keys and runs actions. What was typed is read back from the plan file, never from the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from a11y_session import AppStarter, RunningApp, ScreenReader

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import PlanOverview
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.ui.common.marks import one_line, show_date

Node = dict[str, Any]

# The roles a reader announces for something a person can reach and use or read.
CONTROL_ROLES = {
    "push button",
    "radio button",
    "check box",
    "text",
    "combo box",
    "spin button",
    "table",
    "tree",
    "list",
    "page tab",
    "page tab list",
    "label",
    "menu item",
}

# Controls whose role is known, by the name the reader speaks for them.
WALK_THROUGH_ROLES = {
    "File": "menu item",
    "Edit": "menu item",
    "View": "menu item",
    "Go": "menu item",
    "Plan": "menu item",
    "Help": "menu item",
    "Walk-through": "page tab",
    "Action plan": "page tab",
    "Previous opportunity": "push button",
    "Next opportunity": "push button",
    "Next undecided": "push button",
    "Themes and opportunities": "tree",
    "Foundation:": "combo box",
    "History of this opportunity": "push button",
    "Use suggested action 1 as an action": "push button",
    "Decision: Undecided": "radio button",
    "Decision: Pursue": "radio button",
    "Decision: Not now": "radio button",
    "Decision: Not applicable": "radio button",
    "Reasons for the decision": "text",
    "Actions for this opportunity": "table",
    "Add an action": "push button",
    "Delete the selected action": "push button",
    "Action description": "text",
    "Owner:": "combo box",
    "Due date": "text",
    "Clear the due date": "push button",
    "Status:": "combo box",
    "Priority:": "combo box",
    "Success measure": "text",
    "Notes": "text",
}
ACTION_PLAN_ROLES = {
    "Search actions": "text",
    "Clear all filters": "push button",
    "Theme:": "combo box",
    "Owner:": "combo box",
    "Status:": "combo box",
    "RAG:": "combo box",
    "Due:": "combo box",
    "Every action in the plan": "table",
    "Change owner, status or due date of selected actions": "push button",
    "Show the selected action in the walk-through": "push button",
    "Delete the selected actions": "push button",
}


def spoken_name(node: Node) -> str:
    """The name a reader speaks for a control.

    On Linux Qt gives a combo box its current choice as its name and says what it is for by a
    labelled-by relation to its label, which is what Orca reads first.
    """
    if node["role"] == "combo box":
        return " ".join(node["labelled_by"])
    return str(node["name"])


def reachable(nodes: list[Node]) -> list[Node]:
    """Controls a person can reach: showing, and either focusable or in the menu bar.

    Table cells are read through their table (see the table test), and a combo box's list
    items are part of the combo box.
    """
    return [
        n
        for n in nodes
        if "showing" in n["states"]
        and ("focusable" in n["states"] or n["role"] == "menu item")
        and n["role"] not in ("table cell", "list item", "filler")
    ]


def overview(plan: Path) -> PlanOverview:
    store = open_plan(plan, read_only=True)
    try:
        return queries.overview(store)
    finally:
        store.close()


def show_action_plan(reader: ScreenReader) -> list[Node]:
    reader.key("2", "ctrl")
    return reader.wait_for(
        "the action plan",
        lambda: (
            (nodes := reader.tree(cells=False))
            and any(n["name"] == "Every action in the plan" for n in nodes)
            and nodes
        ),
    )


def check_controls(nodes: list[Node], roles: dict[str, str]) -> set[tuple[str, str]]:
    """Every reachable control is named and has a control's role; the known ones the right one.

    Gives the (role, name) of each control checked.
    """
    controls = reachable(nodes)
    unnamed = [(n["role"], n["path"][-3:]) for n in controls if not spoken_name(n).strip()]
    assert not unnamed, unnamed
    odd = [(n["role"], spoken_name(n)) for n in controls if n["role"] not in CONTROL_ROLES]
    assert not odd, odd
    found = {spoken_name(n): n["role"] for n in controls}
    wrong = {name: found.get(name) for name, role in roles.items() if found.get(name) != role}
    assert not wrong, f"expected {[(n, roles[n]) for n in wrong]}, the reader got {wrong}"
    return {(n["role"], spoken_name(n)) for n in controls}


def test_every_control_a_person_can_reach_has_a_name_and_its_role(
    start_app: AppStarter, sample_plan: Path
) -> None:
    app = start_app(sample_plan)
    walk_through = check_controls(app.reader.tree(cells=False), WALK_THROUGH_ROLES)
    action_plan = check_controls(show_action_plan(app.reader), ACTION_PLAN_ROLES)
    named = walk_through | action_plan
    assert len(named) >= 40, sorted(named)
    assert app.quit() == 0


def test_labels_are_read_as_the_words_they_show(start_app: AppStarter, sample_plan: Path) -> None:
    # A label has no text interface in Qt 6.11+: its name is all a reader gets of it.
    plan = overview(sample_plan)
    first = plan.opportunities[0]
    app = start_app(sample_plan)
    labels = [n for n in app.reader.tree() if n["role"] == "label"]
    heard = {n["name"] for n in labels}
    shown = [
        first.title,
        plan.progress_line(),
        first.strategy_says,
        first.why_it_matters,
        *(suggestion.text for suggestion in first.lio_actions),
    ]
    assert [text for text in shown if text not in heard] == []
    assert not [n["path"][-3:] for n in labels if not n["name"]]  # none is silent
    assert app.quit() == 0


def test_radio_buttons_say_which_is_checked(start_app: AppStarter, sample_plan: Path) -> None:
    decision = overview(sample_plan).opportunities[0].decision
    assert decision is Decision.PURSUE
    app = start_app(sample_plan)

    def checked() -> list[str]:
        return [
            n["name"]
            for n in app.reader.tree(cells=False)
            if n["role"] == "radio button" and "checked" in n["states"]
        ]

    assert checked() == ["Decision: Pursue"]
    app.reader.ask("action", role="radio button", name="Decision: Not now")
    app.reader.wait_for("Not now checked", lambda: checked() == ["Decision: Not now"])
    assert app.quit() == 0
    assert overview(sample_plan).opportunities[0].decision is Decision.NOT_NOW


def test_table_cells_read_as_their_text(start_app: AppStarter, sample_plan: Path) -> None:
    store = open_plan(sample_plan, read_only=True)
    try:
        rows = queries.action_rows(store)
        first = queries.overview(store).opportunities[0]
        first_actions = queries.actions_for(store, first.uuid)
    finally:
        store.close()
    app = start_app(sample_plan)

    response = app.reader.ask("table", name="Actions for this opportunity")
    heard = [dict(zip(response["headers"], row, strict=True)) for row in response["rows"]]
    assert [cells["Action"]["name"] for cells in heard] == [
        one_line(a.description) for a in first_actions
    ]

    show_action_plan(app.reader)
    table = app.reader.ask("table", name="Every action in the plan")
    assert table["headers"][:5] == ["Action", "Owner", "Due", "Status", "RAG"]
    heard_rows = sorted(
        tuple(cell["name"] for cell in row[:4]) for row in table["rows"]
    )  # fmt: skip
    expected = sorted(
        (
            one_line(r.action.description),
            r.action.owner_name,
            show_date(r.action.due),
            r.action.status.label,
        )
        for r in rows
    )
    # The due date cell adds "(overdue)" to a late action's date: the date is still read first.
    assert len(heard_rows) == len(expected) == len(rows) > 10
    for heard_row, plan_row in zip(heard_rows, expected, strict=True):
        assert heard_row[:2] == plan_row[:2] and heard_row[3] == plan_row[3]
        assert heard_row[2].startswith(plan_row[2])
    rag_words = {row[4]["name"].split()[0] for row in table["rows"]}
    assert rag_words <= {"Red", "Amber", "Green", "Blue", "Grey"} and len(rag_words) >= 3
    assert all(cell["role"] == "table cell" for row in table["rows"] for cell in row)
    assert app.quit() == 0


def _dialog(reader: ScreenReader) -> Node:
    return reader.wait_for(
        "a dialog",
        lambda: next((w for w in reader.windows() if w["role"] == "dialog"), None),
    )


def _close_dialog(app: RunningApp) -> None:
    app.reader.key("Escape")
    app.reader.wait_for(
        "the dialog closed", lambda: all(w["role"] != "dialog" for w in app.reader.windows())
    )
    app.focus_window()


def test_dialogs_have_titles_and_named_controls(start_app: AppStarter, sample_plan: Path) -> None:
    app = start_app(sample_plan)
    reader = app.reader
    titles = []

    # Plan settings, from the Plan menu, as a reader's user opens a menu item.
    reader.ask("action", role="menu item", name="Plan")
    menu = reader.wait_for(
        "the Plan menu",
        lambda: (
            (nodes := reader.tree(window="*", cells=False))
            and any(n["name"] == "Plan settings…" for n in nodes)
            and nodes
        ),
    )
    assert [n["name"] for n in menu if n["role"] == "popup menu"] == ["Plan"]
    reader.ask("action", role="menu item", name="Plan settings…")
    dialog = _dialog(reader)
    titles.append(dialog["name"])
    focus = reader.wait_for("the focus in the dialog", reader.focused)
    assert focus["window"] == "Plan settings"
    check_controls(
        reader.tree(window="Plan settings"),
        {
            "Organisation": "text",
            "Plan title": "text",
            "Period": "text",
            "Save": "push button",
            "Cancel": "push button",
        },
    )
    _close_dialog(app)

    # Help, with its key.
    reader.key("F1")
    titles.append(_dialog(reader)["name"])
    _close_dialog(app)

    # People, from the Plan menu again.
    reader.ask("action", role="menu item", name="Plan")
    reader.wait_for(
        "the Plan menu",
        lambda: any(n["name"] == "People…" for n in reader.tree(window="*", cells=False)),
    )
    reader.ask("action", role="menu item", name="People…")
    titles.append(_dialog(reader)["name"])
    check_controls(reader.tree(window="People", cells=False), {"New name": "text"})
    _close_dialog(app)

    assert titles == ["Plan settings", "LIO Planner help", "People"]
    assert app.quit() == 0


def _inside(box: list[int], frame: list[int]) -> bool:
    x, y, width, height = box
    fx, fy, fwidth, fheight = frame
    return (
        width > 0
        and height > 0
        and fx <= x
        and fy <= y
        and x + width <= fx + fwidth
        and y + height <= fy + fheight
    )


def tab_to(reader: ScreenReader, name: str, trail: list[str], limit: int = 60) -> Node:
    """Press Tab until the control named ``name`` has the focus, checking the focus each time.

    After every Tab, the reader must find what has the focus, showing and inside the window.
    """
    frame = reader.windows()[0]["extents"]
    focus = reader.focused()
    for _ in range(limit):
        before = focus
        reader.key("Tab", settle=0)
        # Wait for the focus to move on, so no Tab is pressed before the last one is done; a
        # date box takes a Tab to move from the day to the month, and the focus stays put.
        try:
            focus = reader.wait_for(
                f"the focus moving on from {trail[-1:]}",
                lambda: (now := reader.focused()) != before and now,  # noqa: B023
                timeout=2,
            )
        except AssertionError:
            focus = reader.focused()
        assert focus is not None, f"Tab lost the focus after {trail}"
        assert {"focused", "showing"} <= set(focus["states"]), focus
        assert _inside(focus["extents"], frame), (focus["name"], focus["extents"], frame)
        trail.append(spoken_name(focus) or focus["name"])
        if spoken_name(focus) == name or focus["name"] == name:
            return focus
    raise AssertionError(f"Tab never reached {name!r}: {trail}")


def test_the_walk_through_with_the_keyboard_alone(start_app: AppStarter, tmp_path: Path) -> None:
    plan = tmp_path / "New plan.lioplan"
    create_plan(plan, "Northshire CVS", "Our response", "2019–2021").close()
    first = overview(plan).opportunities[0]
    app = start_app(plan)
    reader = app.reader
    trail: list[str] = []

    tab_to(reader, "Themes and opportunities", trail)
    decision = tab_to(reader, "Decision: Undecided", trail)
    assert "checked" in decision["states"]
    reader.key("Right")
    pursue = reader.wait_for(
        "Pursue chosen",
        lambda: (f := reader.focused()) and f["name"] == "Decision: Pursue" and f,
    )
    assert "checked" in pursue["states"]
    tab_to(reader, "Reasons for the decision", trail)
    reader.type("Members asked for it at the forum.")
    tab_to(reader, "Add an action", trail)
    reader.key("space")
    description = reader.wait_for(
        "the new action's description",
        lambda: (f := reader.focused()) and f["name"] == "Action description" and f,
    )
    assert description["role"] == "text"
    reader.type("Meet the council's commissioning lead")
    tab_to(reader, "Owner", trail)
    reader.type("Sam Whitfield")
    tab_to(reader, "Success measure", trail)

    # A sensible order, left to right and top to bottom: the bar, the list of opportunities,
    # the opportunity with its suggested actions, then the response.
    landmarks = [
        "Previous opportunity",
        "Themes and opportunities",
        "History of this opportunity",
        "Use suggested action 1 as an action",
        "Use suggested action 2 as an action",
        "Decision: Undecided",
        "Reasons for the decision",
        "Add an action",
        "Owner",
        "Success measure",
    ]
    positions = [trail.index(name) if name in trail else -1 for name in landmarks]
    assert positions == sorted(positions) and -1 not in positions, trail
    assert app.quit() == 0

    store = open_plan(plan, read_only=True)
    try:
        saved = queries.opportunity(store, first.uuid)
        actions = queries.actions_for(store, first.uuid)
    finally:
        store.close()
    assert saved.decision is Decision.PURSUE
    assert saved.reasons == "Members asked for it at the forum."
    assert [(a.description, a.owner_name) for a in actions] == [
        ("Meet the council's commissioning lead", "Sam Whitfield")
    ]
