"""What one operation changed in a plan: which rows of which kinds, named by their uuids.

Every operation that writes returns a :class:`Done`: its own result (what the window needs,
such as the action just added) and the :class:`Changes` it made. The window hands the changes
to one place that re-reads only the rows named (Anki's "OpChanges" idea). A colleague's save
seen by a viewer, a merge and an undo are described the same way.

Pure values: no store, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rows:
    """Uuids of one kind of row that were added, changed or removed."""

    added: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    def __or__(self, other: Rows) -> Rows:
        return Rows(
            self.added | other.added, self.changed | other.changed, self.removed | other.removed
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def touched(self) -> frozenset[str]:
        """Every uuid named, whatever happened to it (re-read each: gone means removed)."""
        return self.added | self.changed | self.removed


def _ids(uuids: Iterable[str]) -> frozenset[str]:
    return frozenset(uuids)


@dataclass(frozen=True)
class Changes:
    """The rows one operation (or several, joined with ``|``) changed."""

    actions: Rows = field(default_factory=Rows)
    opportunities: Rows = field(default_factory=Rows)
    themes: Rows = field(default_factory=Rows)
    people: Rows = field(default_factory=Rows)
    plan_info: bool = False
    everything: bool = False  # too much to name (a merge, another file): re-read it all

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.actions | other.actions,
            self.opportunities | other.opportunities,
            self.themes | other.themes,
            self.people | other.people,
            self.plan_info or other.plan_info,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(
            self.actions
            or self.opportunities
            or self.themes
            or self.people
            or self.plan_info
            or self.everything
        )

    @property
    def structure(self) -> bool:
        """Themes or opportunities were added or removed (the navigator's shape changed)."""
        return bool(
            self.everything or self.themes or self.opportunities.added or self.opportunities.removed
        )

    @classmethod
    def of_actions(
        cls,
        added: Iterable[str] = (),
        changed: Iterable[str] = (),
        removed: Iterable[str] = (),
        people: Iterable[str] = (),
    ) -> Changes:
        return cls(
            actions=Rows(_ids(added), _ids(changed), _ids(removed)),
            people=Rows(changed=_ids(people)),
        )

    @classmethod
    def of_opportunities(
        cls, added: Iterable[str] = (), changed: Iterable[str] = (), removed: Iterable[str] = ()
    ) -> Changes:
        return cls(opportunities=Rows(_ids(added), _ids(changed), _ids(removed)))

    @classmethod
    def of_themes(
        cls, added: Iterable[str] = (), changed: Iterable[str] = (), removed: Iterable[str] = ()
    ) -> Changes:
        return cls(themes=Rows(_ids(added), _ids(changed), _ids(removed)))


def changes_from_log(
    rows: Iterable[tuple[str, str, bool]], opportunity_of: Mapping[str, str]
) -> Changes:
    """What a reader must read again after others saved ``rows`` (kind, key, removed).

    ``opportunity_of`` turns a decision's key (the opportunity's cross-copy key, such as
    "seed:…") into the opportunity's uuid; a key it does not know is a uuid already.
    """
    actions: set[str] = set()
    opportunities: set[str] = set()
    themes: set[str] = set()
    people: set[str] = set()
    plan_info = False
    for kind, key, _removed in rows:
        if kind == "action":
            actions.add(key)
        elif kind in ("response", "opportunity"):
            opportunities.add(opportunity_of.get(key, key))
        elif kind == "theme":
            themes.add(key)
        elif kind == "person":
            people.add(key)
        elif kind == "plan":
            plan_info = True
        else:
            return EVERYTHING  # a kind this version does not know: read it all
    # Whether a row was added, changed or removed shows when it is read again.
    return Changes(
        actions=Rows(changed=frozenset(actions)),
        opportunities=Rows(changed=frozenset(opportunities)),
        themes=Rows(changed=frozenset(themes)),
        people=Rows(changed=frozenset(people)),
        plan_info=plan_info,
    )


NOTHING = Changes()
EVERYTHING = Changes(everything=True)


@dataclass(frozen=True)
class Done(Generic[T]):
    """An operation's own result and the rows it changed, from one transaction."""

    value: T
    changes: Changes
