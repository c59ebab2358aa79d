"""The tables of a .lioplan file, as typed SQLAlchemy 2 models.

Every row carries a UUID so that two copies of one plan can later be merged row by row. Rows
that people edit carry a version counter, so a write based on a stale read is caught instead of
silently overwriting a colleague's change.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[dict[str, str]]: JSON}


class PlanRecord(Base):
    """The single row describing the plan."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    organisation: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    # Digest of the seed content last merged in, so opening skips the merge when nothing changed.
    seed_digest: Mapped[str] = mapped_column(String(64), default="")
    content_version: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ThemeRecord(Base):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    opportunities: Mapped[list[OpportunityRecord]] = relationship(back_populates="theme")


class OpportunityRecord(Base):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(Text)
    strategy_says: Mapped[str] = mapped_column(Text, default="")
    why_it_matters: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[str | None] = mapped_column(String(40))
    lio_actions: Mapped[list[str]] = mapped_column(default=list)
    sources: Mapped[list[dict[str, str]]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(default=0)

    theme: Mapped[ThemeRecord] = relationship(back_populates="opportunities")
    response: Mapped[ResponseRecord | None] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan", uselist=False
    )
    actions: Mapped[list[ActionRecord]] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan"
    )


class ResponseRecord(Base):
    """The LIO's decision on one opportunity, and why."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), unique=True
    )
    decision: Mapped[str] = mapped_column(String(20), default="undecided")
    reasons: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_by: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    opportunity: Mapped[OpportunityRecord] = relationship(back_populates="response")

    __mapper_args__ = {"version_id_col": version}


class PersonRecord(Base):
    """Someone who owns actions; renaming them renames them everywhere."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(Text, unique=True)


class ActionRecord(Base):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    due: Mapped[date | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    priority: Mapped[str] = mapped_column(String(10), default="medium")
    success_measure: Mapped[str] = mapped_column(Text, default="")
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
