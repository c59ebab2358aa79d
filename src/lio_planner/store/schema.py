"""The tables of a .lioplan file, as typed SQLAlchemy 2 models.

Every row carries a UUID so that two copies of one plan can later be merged row by row. Rows
that people edit carry a version counter, so a write based on a stale read is caught instead of
silently overwriting a colleague's change.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from lio_planner.domain.enums import Decision, Priority, Status

# Named constraints let Alembic's batch mode rebuild SQLite tables predictably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Now, in UTC without a time zone: SQLite keeps no zone, so every stored time is UTC."""
    return datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)


# What a column may hold beyond its SQL type, for the opening check (store/sqlite/plan_check.py).
_JSON_LIST = {"json": "json-list"}
_JSON_LIST_OF_TEXT = {"json": "json-list-text"}
_JSON_LIST_OF_OBJECTS = {"json": "json-list-object"}
_JSON_OBJECT = {"json": "json-object"}


def _choices(kind: type[Enum]) -> dict[str, Any]:
    return {"choices": [member.value for member in kind]}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[dict[str, str]]: JSON,
        list[dict[str, Any]]: JSON,
    }


class Identified:
    """A row's number in this file and the uuid that names it in every copy of the plan.

    First in each table, as the migrations lay them out.
    """

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-2)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid, sort_order=-1)


class PlanRecord(Identified, Base):
    """The single row describing the plan."""

    __tablename__ = "plan"

    organisation: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    # Digest of the seed content last merged in, so opening skips the merge when nothing changed.
    seed_digest: Mapped[str] = mapped_column(String(64), default="")
    content_version: Mapped[str] = mapped_column(String(40), default="")
    # How old the content is, its sources and its glossary (see store.seed.Seed.content_notes);
    # read whole, never queried, so one JSON value.
    content_notes: Mapped[dict[str, Any]] = mapped_column(default=dict, info=_JSON_OBJECT)
    # The front page a board approves: the CVS's introduction and the governance block.
    introduction: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[date | None] = mapped_column()
    version_label: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")  # lead trustee or committee
    next_review_on: Mapped[date | None] = mapped_column()
    # The day someone last chose "Mark as reviewed today" (a review report's default start).
    last_reviewed_on: Mapped[date | None] = mapped_column()
    # The plan this one was started from for a new period: its title in words, and its uuid.
    came_from: Mapped[str] = mapped_column(Text, default="")
    came_from_uuid: Mapped[str] = mapped_column(String(36), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ThemeRecord(Identified, Base):
    __tablename__ = "themes"

    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    opportunities: Mapped[list[OpportunityRecord]] = relationship(back_populates="theme")


class OpportunityRecord(Identified, Base):
    __tablename__ = "opportunities"

    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(Text)
    strategy_says: Mapped[str] = mapped_column(Text, default="")
    why_it_matters: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[str | None] = mapped_column(String(40))
    # Suggested actions as {"text", "origin"}: origin names the source post ("" for our own).
    # Plans made before content version 3 hold plain strings here until their content is
    # refreshed on opening, so the opening check accepts any list.
    lio_actions: Mapped[list[dict[str, str]]] = mapped_column(default=list, info=_JSON_LIST)
    sources: Mapped[list[dict[str, str]]] = mapped_column(default=list, info=_JSON_LIST_OF_OBJECTS)
    # The strategy's foundations of social value this opportunity belongs to (Foundation values).
    foundations: Mapped[list[str]] = mapped_column(default=list, info=_JSON_LIST_OF_TEXT)
    # "Since then" notes: {"text", "sources": [citations]}.
    since_then: Mapped[list[dict[str, Any]]] = mapped_column(default=list, info=_JSON_LIST)
    position: Mapped[int] = mapped_column(default=0)

    theme: Mapped[ThemeRecord] = relationship(back_populates="opportunities")
    response: Mapped[ResponseRecord | None] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan", uselist=False
    )
    actions: Mapped[list[ActionRecord]] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan"
    )


class ResponseRecord(Identified, Base):
    """The LIO's decision on one opportunity, and why."""

    __tablename__ = "responses"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), unique=True
    )
    decision: Mapped[str] = mapped_column(String(20), default="undecided", info=_choices(Decision))
    reasons: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_by: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    opportunity: Mapped[OpportunityRecord] = relationship(back_populates="response")

    __mapper_args__ = {"version_id_col": version}


class PersonRecord(Identified, Base):
    """Someone who owns actions; renaming them renames them everywhere."""

    __tablename__ = "people"

    name: Mapped[str] = mapped_column(Text, unique=True)


class ActionRecord(Identified, Base):
    __tablename__ = "actions"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    due: Mapped[date | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="not_started", info=_choices(Status))
    priority: Mapped[str] = mapped_column(String(10), default="medium", info=_choices(Priority))
    success_measure: Mapped[str] = mapped_column(Text, default="")
    # Money, staff time or other resources the action needs (trustees ask what a plan costs).
    resources: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_by: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    opportunity: Mapped[OpportunityRecord] = relationship(back_populates="actions")
    owner: Mapped[PersonRecord | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


Index("ix_actions_due_status", ActionRecord.due, ActionRecord.status)


class RevisionRecord(Base):
    """One saved state of something people edit, kept so a merge can tell who changed what.

    Each change to an action, decision, person, local theme or local opportunity (or the plan's
    own details) adds a row with a new random ``revision`` id and the fields as they now are.
    Copies of a plan carry these rows with them however they travel (email, USB stick, a synced
    folder), so when two copies are merged, a revision id both files hold is a state they once
    shared: whichever side still has it unchanged did not touch the row, and the fields it held
    are the base for a field-by-field three-way merge. No clocks are compared, because two
    laptops' clocks rarely agree.
    """

    __tablename__ = "revisions"

    # Order of arrival in this file; the latest revision of a row is the one with the highest.
    seq: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(20))
    # Stable across copies: a uuid, or "seed:<key>" for the strategy's own opportunities.
    row_key: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    # True when the row was removed: a tombstone, so a merge shows the removal instead of
    # quietly bringing the row back or quietly deleting the colleague's copy of it.
    removed: Mapped[bool] = mapped_column(default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict, info=_JSON_OBJECT)


Index("ix_revisions_kind_row_key", RevisionRecord.kind, RevisionRecord.row_key)


class HistoryRecord(Base):
    """One entry in the plan's change history: who changed what, and when."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Lets a merge bring in a colleague's history without duplicating entries both files hold.
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    by: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40))
    # The opportunity the change belongs to ("seed:<key>" or a uuid), for its own history list.
    opportunity: Mapped[str | None] = mapped_column(String(120), index=True)
    subject_kind: Mapped[str] = mapped_column(String(20), default="")
    subject: Mapped[str] = mapped_column(String(120), default="")
    # What the thing was called at the time (an action's description), since it may be gone now.
    label: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    # The copy's file name when the change came in through a merge; empty otherwise.
    source: Mapped[str] = mapped_column(Text, default="")
