"""Editors and viewers are server roles: the server itself refuses a viewer's change."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers.team_server import server_url
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.postgres.admin import add_login, init_server
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.problems import SaveFailed

pytestmark = pytest.mark.postgres


@pytest.fixture
def logins(team_plan_name: str) -> Iterator[dict[str, str]]:
    """The plan's address for its owner, an editor login and a viewer login (removed after)."""
    owner = make_url(server_url()).update_query_dict({"plan": team_plan_name})
    suffix = uuid.uuid4().hex[:8]
    editor, viewer = f"ed_{suffix}", f"viv_{suffix}"
    yield {
        "owner": owner.render_as_string(False),
        "editor": owner.set(username=editor).render_as_string(False),
        "viewer": owner.set(username=viewer).render_as_string(False),
        "editor_name": editor,
        "viewer_name": viewer,
    }
    engine = create_engine(
        owner.difference_update_query(["plan"]).set(drivername="postgresql+psycopg")
    )
    with engine.begin() as conn:
        for role in (editor, viewer):
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
    engine.dispose()


def test_server_init_makes_roles_and_the_plan_and_a_viewer_is_refused_by_the_server(
    logins: dict[str, str],
) -> None:
    made = init_server(logins["owner"], "Northshire CVS")
    assert made.created
    add_login(logins["owner"], logins["editor_name"])
    add_login(logins["owner"], logins["viewer_name"], viewer=True)

    editor = open_team_plan(logins["editor"])
    opportunity = queries.overview(editor).opportunities[0].uuid
    record_action(editor, opportunity, ActionFields("Editor's action"), "Ed")
    assert not editor.read_only

    viewer = open_team_plan(logins["viewer"])
    assert viewer.read_only and not viewer.claim_held()  # the window opens read-only
    assert [a.description for a in queries.actions_for(viewer, opportunity)] == ["Editor's action"]
    viewer.read_only = False  # as if the window let them try: the server must still refuse
    with pytest.raises(SaveFailed) as refused:
        record_action(viewer, opportunity, ActionFields("Viewer's action"), "Viv")
    assert "may view this plan but not change it" in user_message(refused.value)
    assert len(queries.actions_for(editor, opportunity)) == 1
    assert [p.person for p in editor.others()] == [viewer.user]  # a viewer is present too
    viewer.close()
    editor.close()

    again = init_server(logins["owner"])
    assert not again.created  # running it twice keeps the plan
