"""Comparing a plan with a colleague's copy, row by row, using both files' revision logs.

See :mod:`lio_planner.services.merge` for the rules. This module only reads: it returns the
changes to make without asking, and the questions to put to the person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lio_planner.domain.fields import RowKind
from lio_planner.domain.words import counted
from lio_planner.services.merge_revisions import (
    ancestry,
    base,
    current,
    pristine,
    three_way,
    was_removed,
)
from lio_planner.services.merge_rows import FileState, RowChange, RowState
from lio_planner.services.merge_words import (
    FIELD_LABELS,
    Difference,
    Question,
    both_kept,
    noun,
    shown_value,
)
from lio_planner.store.tracking import COMPARED, Logged, same_fields


@dataclass(frozen=True)
class Outcome:
    """What a comparison found."""

    changes: tuple[RowChange, ...]
    questions: tuple[Question, ...]
    notes: tuple[str, ...]
    revisions: tuple[dict[str, Any], ...]
    history: tuple[dict[str, Any], ...]
    titles: dict[str, str]


class Comparison:
    """One comparison of our rows and logs with the copy's."""

    def __init__(self, ours: FileState, theirs: FileState, source: Path, our_history: set[str]):
        self.ours = ours
        self.theirs = theirs
        self.source = source
        self.our_history = our_history
        self.changes: list[RowChange] = []
        self.questions: list[Question] = []
        self.notes: list[str] = []
        self.left_removed = 0
        self.skip_opportunities: set[str] = set()
        self.titles = {**theirs.opportunity_titles, **ours.opportunity_titles}
        self.theme_titles = {**theirs.theme_titles, **ours.theme_titles}
        self.people = self._match_people()
        self.their_rows = {
            (kind, self._key(kind, key)): self._mapped_state(row)
            for (kind, key), row in theirs.rows.items()
        }
        self.their_log = {
            (kind, self._key(kind, key)): [self._mapped_log(kind, e) for e in entries]
            for (kind, key), entries in theirs.log.items()
        }

    # -- people are matched by uuid, then by name, since two copies may add the same person
    def _match_people(self) -> dict[str, str]:
        ours = {key: row for (kind, key), row in self.ours.rows.items() if kind == RowKind.PERSON}
        by_name = {row.fields["name"].casefold(): key for key, row in ours.items()}
        mapping = {}
        for (kind, key), row in self.theirs.rows.items():
            if kind == RowKind.PERSON and key not in ours:
                mapping[key] = by_name.get(row.fields["name"].casefold(), key)
        return mapping

    def _key(self, kind: str, key: str) -> str:
        return self.people.get(key, key) if kind == RowKind.PERSON else key

    def _mapped_fields(self, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
        if kind == RowKind.ACTION and fields.get("owner") in self.people:
            return {**fields, "owner": self.people[fields["owner"]]}
        return fields

    def _mapped_state(self, row: RowState) -> RowState:
        return replace(
            row, key=self._key(row.kind, row.key), fields=self._mapped_fields(row.kind, row.fields)
        )

    def _mapped_log(self, kind: str, entry: Logged) -> Logged:
        return Logged(
            entry.seq, entry.revision, entry.removed, self._mapped_fields(kind, entry.fields)
        )

    def run(self) -> Outcome:
        keys = set(self.ours.rows) | set(self.their_rows) | set(self.ours.log) | set(self.their_log)
        for kind in RowKind:  # parents first
            for key in sorted(k for kd, k in keys if kd == kind):
                self._compare(kind, key)
        if self.left_removed:
            self.notes.append(
                f"{counted(self.left_removed, 'item', 'items')} you had removed "
                f"{'is' if self.left_removed == 1 else 'are'} still in the copy, unchanged "
                f"there; {'it stays' if self.left_removed == 1 else 'they stay'} removed."
            )
        return Outcome(
            tuple(self.changes),
            tuple(self.questions),
            tuple(self.notes),
            tuple(self._revisions_to_import()),
            tuple(h for h in self.theirs.history if h["uuid"] not in self.our_history),
            {**self.titles, **self.theme_titles},
        )

    def _compare(self, kind: str, key: str) -> None:
        mine = self.ours.rows.get((kind, key))
        theirs = self.their_rows.get((kind, key))
        my_log = self.ours.log.get((kind, key), [])
        their_log = self.their_log.get((kind, key), [])
        parent = self._parent(kind, mine or theirs)
        if kind in (RowKind.ACTION, RowKind.RESPONSE) and parent in self.skip_opportunities:
            return  # decided together with its opportunity
        if mine is None and theirs is None:
            return
        if theirs is None:
            assert mine is not None
            # A removal already seen here (and answered "keep it") is not asked about again.
            removal = current(kind, None, their_log)
            if removal is not None and removal not in ancestry(my_log):
                self._removed_there(kind, key, mine, my_log, their_log)
            return
        if mine is None:
            if was_removed(my_log):
                self._removed_here(kind, key, theirs, my_log, their_log)
            elif kind != RowKind.PERSON:  # people come in with the actions they own
                self._add(theirs)
            return
        self._both(kind, key, mine, theirs, my_log, their_log)

    def _parent(self, kind: str, row: RowState | None) -> str | None:
        if row is None:
            return None
        if kind == RowKind.ACTION:
            return str(row.fields.get("opportunity"))
        return row.key if kind == RowKind.RESPONSE else None

    # -- rows both files have
    def _both(
        self,
        kind: str,
        key: str,
        mine: RowState,
        theirs: RowState,
        my_log: list[Logged],
        their_log: list[Logged],
    ) -> None:
        if same_fields(kind, mine.fields, theirs.fields):
            return
        if kind == RowKind.PERSON and mine.label.casefold() == theirs.label.casefold():
            return  # the same person, written differently: keep the name used here
        my_now = current(kind, mine, my_log)
        their_now = current(kind, theirs, their_log)
        if their_now is not None and their_now in ancestry(my_log):
            return  # they have not changed it since a version we had: ours is newer
        if my_now is not None and my_now in ancestry(their_log):
            self.changes.extend(self._changes(mine, theirs, theirs.fields))
            return
        common = base(my_log, their_log)
        if common is None and kind == RowKind.RESPONSE:
            if pristine(mine):
                self.changes.extend(self._changes(mine, theirs, theirs.fields))
                return
            if pristine(theirs):
                return
        merged, theirs_pick, conflicts = three_way(kind, mine, theirs, common or {})
        if kind == RowKind.PERSON and self._name_taken(key, merged, theirs_pick):
            self.notes.append(
                f"The copy renamed “{mine.label}” to “{theirs.fields['name']}”, but someone here "
                "already has that name, so the name was left as it is."
            )
            return
        if not conflicts:
            if merged != mine.fields:
                self.changes.extend(self._changes(mine, theirs, merged))
            return
        keep = self._changes(mine, theirs, merged) if merged != mine.fields else ()
        joined = both_kept(list(conflicts), mine.fields, theirs.fields)
        self._ask(
            kind,
            key,
            mine,
            "You and the copy both changed this since you last shared the plan.",
            tuple(self._difference(kind, name, mine, theirs) for name in conflicts),
            keep,
            self._changes(mine, theirs, theirs_pick),
            keep_both=() if joined is None else self._changes(mine, theirs, merged | joined),
        )

    def _name_taken(self, key: str, *candidates: dict[str, Any]) -> bool:
        names = {
            row.fields["name"].casefold()
            for (kind, other), row in self.ours.rows.items()
            if kind == RowKind.PERSON and other != key
        }
        return any(c["name"].casefold() in names for c in candidates)

    def _changes(
        self, mine: RowState, theirs: RowState, after: dict[str, Any]
    ) -> tuple[RowChange, ...]:
        """The change of ``mine`` to ``after``, after any new person it now names."""
        after = dict(after)
        if mine.kind == RowKind.ACTION:
            after["owner_name"] = (
                theirs.fields.get("owner_name")
                if after.get("owner") == theirs.fields.get("owner")
                else mine.fields.get("owner_name")
            )
        change = RowChange(
            mine.kind, mine.key, mine.label, mine.fields, after, mine.meta, theirs.meta
        )
        target = RowState(mine.kind, mine.key, after, mine.label, mine.opportunity)
        needs = self._needs(target)
        if needs is None:  # it would move under something this plan lacks: keep it where it is
            return ()
        return (*needs, change)

    # -- rows the copy has and we do not
    def _add(self, theirs: RowState) -> None:
        needed = self._needs(theirs)
        if needed is None:
            self.notes.append(
                f"{noun(theirs.kind).capitalize()} “{theirs.label}” belongs to something this "
                "version of the plan does not have, so it was not brought in."
            )
            return
        self.changes.extend(needed)
        self.changes.append(
            RowChange(theirs.kind, theirs.key, theirs.label, None, theirs.fields, {}, theirs.meta)
        )

    def _needs(self, row: RowState, planned: Iterable[RowChange] = ()) -> list[RowChange] | None:
        """The rows that must be added first for ``row`` to have a home; None if impossible."""
        added = {(c.kind, c.key) for c in [*self.changes, *planned] if c.before is None}
        needs: list[RowChange] = []

        def have(kind: str, key: str) -> bool:
            if key.startswith("seed:"):
                table = (
                    self.ours.opportunity_titles
                    if kind == RowKind.OPPORTUNITY
                    else self.ours.theme_titles
                )
                return key in table
            return (kind, key) in self.ours.rows or (kind, key) in added

        def bring(kind: str, key: str) -> bool:
            if have(kind, key):
                return True
            source = self.their_rows.get((kind, key))
            if source is None or key.startswith("seed:"):
                return False
            if kind == RowKind.OPPORTUNITY and not bring(
                RowKind.THEME, str(source.fields["theme"])
            ):
                return False
            needs.append(RowChange(kind, key, source.label, None, source.fields, {}, source.meta))
            added.add((kind, key))
            return True

        fields = row.fields
        if row.kind == RowKind.ACTION:
            if not bring(RowKind.OPPORTUNITY, str(fields["opportunity"])):
                return None
            if fields.get("owner") and not bring(RowKind.PERSON, str(fields["owner"])):
                return None
        elif row.kind == RowKind.RESPONSE:
            if not bring(RowKind.OPPORTUNITY, row.key):
                return None
        elif row.kind == RowKind.OPPORTUNITY and not bring(RowKind.THEME, str(fields["theme"])):
            return None
        return needs

    # -- removals
    def _removed_there(
        self, kind: str, key: str, mine: RowState, my_log: list[Logged], their_log: list[Logged]
    ) -> None:
        untouched = current(kind, mine, my_log) in ancestry(their_log)
        since = "You have not changed it since." if untouched else "You have changed it since."
        removal = [RowChange(kind, key, mine.label, mine.fields, None, mine.meta, {})]
        if kind == RowKind.OPPORTUNITY:
            self.skip_opportunities.add(key)
            children = self._our_children(key)
            removal = children + removal
            if children:
                count = sum(1 for c in children if c.kind == RowKind.ACTION)
                since += (
                    f" Removing it also removes its {counted(count, 'action', 'actions')} here."
                )
        elif kind == RowKind.THEME and self._theme_in_use(key):
            self.notes.append(
                f"The copy removed the theme “{mine.label}”; it still holds local "
                "opportunities here, so it was kept."
            )
            return
        elif kind not in (RowKind.ACTION, RowKind.THEME):
            return  # decisions, people and the plan itself are never removed
        self._ask(
            kind,
            key,
            mine,
            f"The copy has removed this. {since}",
            self._summary_differences(mine),
            (),
            tuple(removal),
            mine_choice="Keep it",
            theirs_choice="Remove it",
        )

    def _removed_here(
        self, kind: str, key: str, theirs: RowState, my_log: list[Logged], their_log: list[Logged]
    ) -> None:
        if kind == RowKind.OPPORTUNITY:
            self.skip_opportunities.add(key)
            bring_back = self._their_subtree(key)
            changed = any(
                current(
                    c.kind,
                    self.their_rows[(c.kind, c.key)],
                    self.their_log.get((c.kind, c.key), []),
                )
                not in ancestry(self.ours.log.get((c.kind, c.key), []))
                for c in bring_back
                if c.kind != RowKind.PERSON  # owners come along; they are not what was removed
            )
        else:
            bring_back = [RowChange(kind, key, theirs.label, None, theirs.fields, {}, theirs.meta)]
            changed = current(kind, theirs, their_log) not in ancestry(my_log)
        if not changed:
            self.left_removed += 1
            return
        needs = self._needs(theirs, bring_back)
        if needs is None:
            return
        self._ask(
            kind,
            key,
            theirs,
            "You removed this, but the copy has changed it since.",
            self._summary_differences(theirs, mine_side=False),
            (),
            tuple(needs + bring_back),
            mine_choice="Leave it removed",
            theirs_choice="Bring it back",
        )

    def _our_children(self, opportunity: str) -> list[RowChange]:
        rows = [
            row
            for (kind, _key), row in self.ours.rows.items()
            if (kind == RowKind.ACTION and row.fields.get("opportunity") == opportunity)
            or (kind == RowKind.RESPONSE and row.key == opportunity)
        ]
        return [RowChange(r.kind, r.key, r.label, r.fields, None, r.meta, {}) for r in rows]

    def _their_subtree(self, opportunity: str) -> list[RowChange]:
        rows = [self.their_rows[(RowKind.OPPORTUNITY, opportunity)]] + [
            row
            for (kind, _key), row in self.their_rows.items()
            if (kind == RowKind.ACTION and row.fields.get("opportunity") == opportunity)
            or (kind == RowKind.RESPONSE and row.key == opportunity)
        ]
        extra: list[RowChange] = []
        for row in rows:
            owner = row.fields.get("owner") if row.kind == RowKind.ACTION else None
            if (
                owner
                and (RowKind.PERSON, owner) not in self.ours.rows
                and owner not in {c.key for c in extra}
            ):
                person = self.their_rows.get((RowKind.PERSON, str(owner)))
                if person is not None:
                    extra.append(
                        RowChange(
                            RowKind.PERSON, person.key, person.label, None, person.fields, {}, {}
                        )
                    )
        return extra + [RowChange(r.kind, r.key, r.label, None, r.fields, {}, r.meta) for r in rows]

    def _theme_in_use(self, theme: str) -> bool:
        return any(
            kind == RowKind.OPPORTUNITY and row.fields.get("theme") == theme
            for (kind, _key), row in self.ours.rows.items()
        )

    # -- questions
    def _ask(
        self,
        kind: str,
        key: str,
        row: RowState,
        explanation: str,
        differences: tuple[Difference, ...],
        keep_mine: tuple[RowChange, ...],
        use_theirs: tuple[RowChange, ...],
        mine_choice: str = "Keep my version",
        theirs_choice: str = "Use their version",
        keep_both: tuple[RowChange, ...] = (),
    ) -> None:
        context = ""
        if kind == RowKind.ACTION:
            context = f"under “{self.titles.get(str(row.fields.get('opportunity')), '')}”"
        self.questions.append(
            Question(
                f"{kind}:{key}",
                f"{noun(kind).capitalize()} “{row.label}”"
                if row.label
                else noun(kind).capitalize(),
                context,
                explanation,
                differences,
                keep_mine,
                use_theirs,
                mine_choice,
                theirs_choice,
                keep_both,
            )
        )

    def _difference(self, kind: str, name: str, mine: RowState, theirs: RowState) -> Difference:
        return Difference(
            FIELD_LABELS.get(name, name),
            self._shown(kind, name, mine.fields),
            self._shown(kind, name, theirs.fields),
        )

    def _summary_differences(self, row: RowState, mine_side: bool = True) -> tuple[Difference, ...]:
        names = (
            ("description", "owner", "status", "due")
            if row.kind == RowKind.ACTION
            else COMPARED[row.kind][:2]
        )
        result = []
        for name in names:
            value = self._shown(row.kind, name, row.fields)
            gone = "(removed)"
            result.append(
                Difference(
                    FIELD_LABELS.get(name, name),
                    value if mine_side else gone,
                    gone if mine_side else value,
                )
            )
        return tuple(result)

    def _shown(self, kind: str, name: str, fields: dict[str, Any]) -> str:
        return shown_value(kind, name, fields, {**self.titles, **self.theme_titles})

    def _revisions_to_import(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for (kind, key), entries in self.their_log.items():
            for entry in entries:
                if entry.revision in self.ours.revision_ids:
                    continue
                rows.append(
                    {
                        "revision": entry.revision,
                        "kind": kind,
                        "row_key": key,
                        "removed": entry.removed,
                        "fields": entry.fields,
                        "their_seq": entry.seq,
                    }
                )
        rows.sort(key=lambda r: int(r["their_seq"]))
        return rows
