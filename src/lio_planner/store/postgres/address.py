"""A team plan's address: a ``postgresql://`` URL, with ``?plan=NAME`` choosing the plan.

Everything else in the address (user, host, database, ``sslmode``, ``service``...) is libpq's
and passed on untouched; what it leaves out comes from ``PG*`` variables and files as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from lio_planner.store.postgres import is_team_address as is_team_address
from lio_planner.store.problems import PlanError

SCHEMA_PREFIX = "lio_"
_PLAN_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


def plan_name_problem(name: str) -> str:
    """Why ``name`` cannot name a team plan, in words; "" when it can."""
    if _PLAN_NAME.fullmatch(name):
        return ""
    return (
        "is not a name a team plan can have: use lower-case letters, digits and _ (starting "
        "with a letter, at most 41 characters), such as northshire_2026."
    )


def schema_of(plan: str) -> str:
    return SCHEMA_PREFIX + plan


def channel_of(schema: str) -> str:
    """The LISTEN/NOTIFY channel a plan's changes are announced on: its schema's name."""
    return schema


@dataclass(frozen=True)
class TeamAddress:
    """Where a team plan is: the server's URL for SQLAlchemy, and the plan's name (or none)."""

    url: URL
    plan: str | None

    @classmethod
    def parse(cls, text: str | TeamAddress) -> TeamAddress:
        """The address ``text`` names (an address already parsed is kept as it is)."""
        if isinstance(text, TeamAddress):
            return text
        try:
            url = make_url(text)
        except Exception:  # SQLAlchemy's ArgumentError, or a ValueError from a bad port
            raise PlanError(text, "is not a server address LIO Planner can read.") from None
        plan_values = url.query.get("plan")
        plan = plan_values if isinstance(plan_values, str) or plan_values is None else None
        if plan is None and plan_values:
            plan = plan_values[-1]
        if plan is not None and plan_name_problem(plan):
            raise PlanError(plan, plan_name_problem(plan))
        url = url.difference_update_query(["plan"]).set(drivername="postgresql+psycopg")
        return cls(url, plan)

    def with_plan(self, plan: str) -> TeamAddress:
        return TeamAddress(self.url, plan)

    def for_people(self) -> str:
        """The address without any password, for messages and the window."""
        shown = self.url.set(drivername="postgresql", password=None)
        if self.plan:
            shown = shown.update_query_dict({"plan": self.plan})
        return shown.render_as_string(hide_password=True)
