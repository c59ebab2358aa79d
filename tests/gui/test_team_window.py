"""A team plan in the window: colleagues' changes appear live, presence shows, edits reach the
server, a viewer's window is read-only, and the open dialog never keeps the password."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from lio_planner.app import ask_and_open_team_plan, offer_team_plans, team_window
from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.postgres.team import TeamStore
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.ui.common.settings import app_settings
from lio_planner.ui.team.address_dialog import TeamPlanDialog
from lio_planner.ui.window.main_window import MainWindow

WindowOn = Callable[..., MainWindow]


@pytest.fixture
def window_on(qtbot: QtBot) -> Iterator[WindowOn]:
    """Opens a team plan in a shown main window, as a given person (closed after the test)."""
    stores = []

    def make(url: str, user: str, read_only: bool = False) -> MainWindow:
        store = open_team_plan(url, read_only=read_only, user=user)
        stores.append(store)
        window = team_window(store)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for store in stores:
        store.close()


@pytest.mark.postgres
def test_a_colleagues_change_appears_in_the_window_within_a_second(
    qtbot: QtBot, window_on: WindowOn, team_url: str
) -> None:
    window = window_on(team_url, "Ann")
    colleague = open_team_plan(team_url, user="Bob")
    opportunity = queries.overview(colleague).opportunities[0].uuid

    made = record_action(colleague, opportunity, ActionFields("Bob's action"), "Bob").value

    qtbot.waitUntil(lambda: window.data.action_model.get(made.uuid) is not None, timeout=1000)
    row = window.data.action_model.get(made.uuid)
    assert row is not None and row.action.description == "Bob's action"
    assert window.team is not None
    window.team.live.refresh_presence()
    assert "Bob" in window.team.presence.text()
    assert "team plan" in window.windowTitle()
    colleague.close()


@pytest.mark.postgres
def test_a_decision_made_in_the_window_is_saved_on_the_server(
    qtbot: QtBot, window_on: WindowOn, team_url: str
) -> None:
    window = window_on(team_url, "Ann")
    first = window.navigator_model.opportunities()[0]
    response = window.response

    response.decision_buttons[Decision.PURSUE].click()
    qtbot.keyClicks(response.reasons, "The council asked us")
    window.flush_edits()

    reader = open_team_plan(team_url, read_only=True, present=False)
    saved = queries.opportunity(reader, first.uuid)
    assert (saved.decision, saved.reasons) == (Decision.PURSUE, "The council asked us")
    reader.close()


@pytest.mark.postgres
def test_a_viewers_window_is_read_only(window_on: WindowOn, team_url: str) -> None:
    window = window_on(team_url, "Viv", read_only=True)
    assert window.read_only and window.editor.read_only
    assert window.windowTitle().endswith("(read-only)")


def test_the_open_team_plan_dialog_builds_the_address_and_never_keeps_the_password(
    qtbot: QtBot,
) -> None:
    dialog = TeamPlanDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for field, keys in (
        (dialog.host, "db.example.org"),
        (dialog.database, "plans"),
        (dialog.login, "ann"),
        (dialog.plan, "northshire"),
        (dialog.password, "s3cret w@rd:/"),
    ):
        field.setFocus()
        qtbot.keyClicks(field, keys)
    address = dialog.address()
    url = address.url
    assert (url.host, url.database, url.username, address.plan) == (
        "db.example.org",
        "plans",
        "ann",
        "northshire",
    )
    assert url.password == "s3cret w@rd:/"  # as typed: never squeezed through a string
    assert "s3cret" not in address.for_people()
    dialog.accept()
    settings = app_settings()
    kept = {key: settings.value(key) for key in settings.allKeys()}
    assert kept["team_plan/host"] == "db.example.org"
    assert not any("s3cret" in str(value) for value in kept.values())


def _typed(team_url: str) -> dict[str, str]:
    """What a person types into the Open team plan dialog to reach the test server's plan."""
    url = make_url(team_url)
    return {
        "host": url.host or str(url.query["host"]),
        "database": url.database or "",
        "login": url.username or "",
        "plan": str(url.query["plan"]),
    }


def _fill_in_the_dialog(qtbot: QtBot, typed: dict[str, str]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, TeamPlanDialog)
    for name, keys in typed.items():
        field = getattr(dialog, name)
        field.clear()
        field.setFocus()
        qtbot.keyClicks(field, keys)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


@pytest.mark.postgres
def test_file_open_team_plan_asks_where_and_opens_it_in_a_window(
    qtbot: QtBot, team_url: str
) -> None:
    typed = _typed(team_url)
    shown: list[MainWindow] = []

    QTimer.singleShot(0, lambda: _fill_in_the_dialog(qtbot, typed))
    window = ask_and_open_team_plan(None)
    assert window is not None
    qtbot.addWidget(window)
    shown.append(window)
    assert f"{typed['plan']} (team plan)" in window.windowTitle()
    assert len(window.navigator_model.opportunities()) > 30
    window.close()  # closes the plan: its presence row goes
    viewer = open_team_plan(team_url, read_only=True)
    assert viewer.others() == []
    viewer.close()


@pytest.mark.postgres
def test_file_open_team_plan_in_a_team_window_opens_another_window(
    qtbot: QtBot, window_on: WindowOn, team_url: str
) -> None:
    window = window_on(team_url, "Ann")
    windows = [window]
    offer_team_plans(window, windows)

    QTimer.singleShot(0, lambda: _fill_in_the_dialog(qtbot, _typed(team_url)))
    window.open_team_action.trigger()  # type: ignore[attr-defined]

    assert len(windows) == 2
    second = windows[1]
    qtbot.addWidget(second)
    assert second.isVisible() and "(team plan)" in second.windowTitle()
    second.close()


@pytest.mark.postgres
def test_a_decision_made_while_the_server_is_unreachable_is_saved_when_it_is_back(
    qtbot: QtBot, window_on: WindowOn, team_url: str
) -> None:
    window = window_on(team_url, "Ann")
    window.data.on_save_failed.pause_ms = 50  # type: ignore[union-attr]
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    store = window.data.store
    admin = create_engine(TeamAddress.parse(team_url).url, poolclass=NullPool)
    cut: list[int] = []

    def cut_off(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not cut and statement.startswith("UPDATE responses"):
            cut.append(conn.connection.dbapi_connection.info.backend_pid)
            with admin.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": cut[0]})

    event.listen(store.engine, "before_cursor_execute", cut_off)  # type: ignore[attr-defined]
    first = window.navigator_model.opportunities()[0]

    window.response.decision_buttons[Decision.NOT_NOW].click()

    assert cut, "the connection was never cut"
    assert any("server cannot be reached" in line for line in said)
    assert window.statusBar().currentMessage() == "The server is back: your change is saved."
    reader = open_team_plan(team_url, read_only=True, present=False)
    assert queries.opportunity(reader, first.uuid).decision is Decision.NOT_NOW
    reader.close()


@pytest.mark.postgres
def test_save_a_copy_of_a_team_plan_as_a_plan_file(
    window_on: WindowOn, team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(team_url, "Ann")
    target = tmp_path / "Board pack.lioplan"
    suggested: list[str] = []

    def ask(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.save_copy_action.trigger()

    assert Path(suggested[0]).name.endswith("(team plan) (copy).lioplan")
    assert "You are still working in" in window.statusBar().currentMessage()
    copy = open_plan(target, read_only=True)
    assert len(queries.overview(copy).opportunities) == len(window.navigator_model.opportunities())
    copy.close()


@pytest.mark.postgres
def test_opening_a_plan_file_in_a_team_window_leaves_the_team_plan_behind(
    qtbot: QtBot,
    window_on: WindowOn,
    team_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, colleague = _ann_with_bob_present(window_on, team_url)
    team_store = window.data.store
    plan_file = tmp_path / "Our own plan.lioplan"
    create_plan(plan_file, "Northshire CVS").close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(plan_file), ""))

    window.open_action.trigger()  # type: ignore[attr-defined]

    assert window.data.store.path == plan_file
    # Nothing of the team plan is left: not who else had it open, nor the server's retries.
    assert not _status_bar_says(window, "Also open") and not _status_bar_says(window, "Bob")
    assert window.team is None
    assert team_store.closed
    # Bob's window no longer lists Ann once her window has moved on.
    assert colleague.others() == []
    # A save problem in the file is handled as for any file, not retried as for a server.
    assert type(window.data.on_save_failed).__name__ != "KeepTrying"
    colleague.close()


@pytest.mark.postgres
def test_closing_a_team_plan_takes_away_who_else_has_it_open(
    window_on: WindowOn, team_url: str
) -> None:
    window, colleague = _ann_with_bob_present(window_on, team_url)

    window.close_action.trigger()  # type: ignore[attr-defined]

    assert window.pages.currentIndex() == 1  # the start page
    assert not _status_bar_says(window, "Also open")
    assert window.team is None
    assert colleague.others() == []
    colleague.close()


def _ann_with_bob_present(window_on: WindowOn, team_url: str) -> tuple[MainWindow, TeamStore]:
    """Ann's window on the team plan, once it shows that Bob has the plan open too."""
    window = window_on(team_url, "Ann")
    colleague = open_team_plan(team_url, user="Bob")
    assert window.team is not None
    window.team.live.refresh_presence()
    assert "Bob" in window.team.presence.text()
    return window, colleague


def _status_bar_says(window: MainWindow, words: str) -> bool:
    labels = [label for label in window.statusBar().findChildren(QLabel) if label.isVisible()]
    return any(words in label.text() for label in labels)
