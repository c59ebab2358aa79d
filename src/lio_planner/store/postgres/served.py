"""What the listener and the copy to a file need of an open team plan.

Named here rather than as :class:`.team.TeamStore` itself, which uses both of them: so neither
imports the module that imports it (the team plan's modules stay free of cycles).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Engine


class ServedPlan(Protocol):
    """An open team plan: its server's engine, its schema, and this window's presence."""

    engine: Engine
    schema: str
    session_id: str  # "" until presence is recorded

    @property
    def description(self) -> str:
        """The plan's name for people."""
        ...
