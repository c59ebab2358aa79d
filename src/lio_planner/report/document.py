"""The action plan as a document: one model that print, preview, PDF and Word all render.

Pure Python (no Qt): it turns the plan's data into a title block, a summary, grouped sections of
actions and a closing list of the opportunities set aside. Renderers only lay it out, so every
format says the same thing.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.domain.fields import RowKind, texts
from lio_planner.domain.model import ActionRow, FrontPage, GlossaryEntry, Opportunity, PlanOverview
from lio_planner.report.back_matter import (
    AboutContent,
    StrategyNote,
    UndecidedLine,
    about_content,
    glossary_for,
    still_to_decide,
    strategy_note,
)
from lio_planner.report.options import (
    OPTIONAL_COLUMNS,
    Column,
    GroupBy,
    ReportOptions,
)
from lio_planner.report.wording import (
    NOTHING,
    RAG_MEANINGS,
    clean,
    ink_for,
    long_date,
    short_date,
)
from lio_planner.services import queries
from lio_planner.services.progress import Progress, build_progress
from lio_planner.store.backend import PlanBackend

NO_OWNER = "No owner"


@dataclass(frozen=True)
class ActionLine:
    """One action as it reads on paper: every value already in words."""

    description: str
    owner: str
    due: date | None
    due_text: str
    overdue: bool
    status: Status
    rag: Rag
    priority: str
    opportunity: str
    theme: str
    # The other plain text fields (success measure, notes, ...), by key, as written.
    written: Mapping[str, str] = field(default_factory=dict, hash=False)

    def text(self, column: Column) -> str:
        """The cell text for ``column`` (status cells also show the RAG rating beside it)."""
        values = {
            Column.OPPORTUNITY: self.opportunity,
            Column.ACTION: self.description,
            Column.OWNER: self.owner or NOTHING,
            Column.DUE: self.due_text,
            Column.STATUS: self.status.label,
            Column.PRIORITY: self.priority,
        }
        if column in values:
            return values[column]
        return self.written.get(column.value) or NOTHING


@dataclass(frozen=True)
class OpportunityBlock:
    """An opportunity in the plan, with the decision, its reasons and its actions."""

    title: str
    theme: str
    decision: Decision
    reasons: str
    actions: tuple[ActionLine, ...]
    strategy: StrategyNote | None = None  # printed when the user asks for the strategy's words


@dataclass(frozen=True)
class Section:
    """A group of the plan: a theme (with opportunities) or an owner or status (one table)."""

    heading: str
    columns: tuple[Column, ...]
    opportunities: tuple[OpportunityBlock, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    note: str = ""  # a line under the heading, such as "4 actions, 1 overdue"


@dataclass(frozen=True)
class OwnerCount:
    owner: str
    actions: int
    open: int
    done: int
    overdue: int


@dataclass(frozen=True)
class Summary:
    """The figures on the first page."""

    opportunities: int
    by_decision: tuple[tuple[Decision, int], ...]
    actions: int
    by_status: tuple[tuple[Status, int], ...]
    by_rag: tuple[tuple[Rag, int], ...]
    overdue: int
    owners: tuple[OwnerCount, ...]
    set_aside_actions: int = 0  # actions under opportunities not being pursued (not counted)

    def count(self, decision: Decision) -> int:
        return dict(self.by_decision).get(decision, 0)

    def status_count(self, status: Status) -> int:
        return dict(self.by_status).get(status, 0)

    def sentence(self) -> str:
        """The summary in one sentence, for the top of the first page."""
        pursued = self.count(Decision.PURSUE)
        decided = self.opportunities - self.count(Decision.UNDECIDED)
        done = self.status_count(Status.DONE)
        first = (
            f"{decided} of {_count(self.opportunities, 'opportunity', 'opportunities')} "
            f"{'has' if decided == 1 else 'have'} been decided, and {pursued} "
            f"{'is' if pursued == 1 else 'are'} being pursued "
            f"with {_count(self.actions, 'action', 'actions')}."
        )
        if self.actions:
            overdue = "none is" if self.overdue == 0 else f"{self.overdue} {_is(self.overdue)}"
            first = f"{first} Of the actions, {done} {_is(done)} done and {overdue} overdue."
        if self.set_aside_actions:
            n = self.set_aside_actions
            more = _count(n, "more action belongs", "more actions belong")
            first = f"{first} {more} to opportunities not being pursued; {_it(n)} not counted."
        return first


@dataclass(frozen=True)
class ClosingLine:
    """An opportunity set aside, with the reason given."""

    title: str
    theme: str
    decision: Decision
    reasons: str


@dataclass(frozen=True)
class PlanDocument:
    """The whole printed plan."""

    organisation: str
    title: str
    period: str
    printed: date
    summary: Summary
    sections: tuple[Section, ...]
    closing: tuple[ClosingLine, ...]
    options: ReportOptions = field(default_factory=ReportOptions)
    front: FrontPage = field(default_factory=FrontPage)  # introduction and governance block
    undecided: tuple[UndecidedLine, ...] = ()  # "Still to decide"
    glossary: tuple[GlossaryEntry, ...] = ()  # the terms the printed plan uses
    about: AboutContent | None = None  # how old the reference text is, and its sources

    @property
    def notes_under(self) -> bool:
        """Notes run under each action's row at full width, never as a thin column."""
        return self.options.shows(Column.NOTES)

    @property
    def governance(self) -> tuple[tuple[str, str], ...]:
        """The governance block's filled-in lines, dates written out."""
        return tuple(
            (label, value if isinstance(value, str) else long_date(value))
            for label, value in self.front.governance
        )

    # The progress chart's figures, drawn on the summary page (None: no chart).
    progress: Progress | None = None
    came_from: str = ""  # the plan this one carries on from, for a plan started from one

    @property
    def carries_on(self) -> str:
        """The sentence naming the plan this one carries on from ("" for any other plan)."""
        return f"This plan carries on from “{self.came_from}”." if self.came_from else ""

    @property
    def heading(self) -> str:
        """The plan's name as printed at the top and in the footer of every page."""
        return self.title or "Action plan"

    @property
    def running_title(self) -> str:
        return " — ".join(part for part in (self.organisation, self.heading) if part)

    @property
    def printed_text(self) -> str:
        return long_date(self.printed)

    @property
    def grouped_by(self) -> str:
        return self.options.group_by.label.lower()


def build_document(
    overview: PlanOverview,
    rows: Iterable[ActionRow],
    options: ReportOptions | None = None,
    today: date | None = None,
) -> PlanDocument:
    """Turn the plan's data into the document every renderer prints."""
    options = options or ReportOptions()
    today = today or date.today()
    # Actions under an opportunity set aside stay in the file but not in the plan.
    all_rows = list(rows)
    rows = [row for row in all_rows if not row.decision.sets_aside]
    set_aside_counts = Counter(
        row.action.opportunity_uuid for row in all_rows if row.decision.sets_aside
    )
    lines_by_opportunity: dict[str, list[ActionLine]] = {}
    lines: list[ActionLine] = []
    for row in rows:
        line = _line(row, today)
        lines.append(line)
        lines_by_opportunity.setdefault(row.action.opportunity_uuid, []).append(line)

    if options.group_by is GroupBy.THEME:
        sections = _by_theme(overview, lines_by_opportunity, options)
    elif options.group_by is GroupBy.OWNER:
        sections = _by_owner(lines, options)
    else:
        sections = _by_status(lines, options)

    closing = (
        tuple(
            ClosingLine(
                clean(o.title),
                clean(_theme_title(overview, o)),
                o.decision,
                _closing_reasons(clean(o.reasons), set_aside_counts.get(o.uuid, 0)),
            )
            for o in overview.opportunities
            if o.decision.sets_aside
        )
        if options.include_closing
        else ()
    )
    info = overview.info
    front = info.front
    front = FrontPage(
        clean(front.introduction),
        clean(front.approved_by),
        front.approved_on,
        clean(front.version_label),
        clean(front.lead),
        front.next_review_on,
    )
    themes = {t.uuid: t.title for t in overview.themes}
    undecided = still_to_decide(overview, themes)
    notes = [b.strategy for s in sections for b in s.opportunities if b.strategy]
    document = PlanDocument(
        organisation=clean(info.organisation),
        title=clean(info.title),
        period=clean(info.period),
        came_from=clean(info.came_from),
        printed=today,
        summary=_summary(overview, lines, sum(set_aside_counts.values())),
        sections=sections,
        closing=closing,
        options=options,
        front=front,
        undecided=undecided,
        about=about_content(overview, notes),
    )
    if options.include_glossary:
        glossary = glossary_for(overview.content.glossary, _printed_texts(document))
        document = replace(document, glossary=glossary)
    return document


def _printed_texts(document: PlanDocument) -> list[str]:
    """Every piece of text the plan prints that may use a term of art (one string per kind)."""
    texts = [document.organisation, document.title, document.front.introduction]
    for section in document.sections:
        texts.append(section.heading)
        for block in section.opportunities:
            texts += [block.title, block.reasons]
            if block.strategy:
                texts += [block.strategy.says, *block.strategy.since_then]
            texts.extend(_line_texts(block.actions, document))
        texts.extend(_line_texts(section.actions, document))
    texts += [f"{c.title} {c.theme} {c.reasons}" for c in document.closing]
    texts += [f"{u.title} {u.theme}" for u in document.undecided]
    if document.about:
        texts.append(document.about.note)
    # One search over every different text: a big plan repeats the same words many times.
    return ["\n".join(dict.fromkeys(texts))]


def _line_texts(lines: Iterable[ActionLine], document: PlanDocument) -> Iterable[str]:
    for line in lines:
        yield line.description
        yield line.opportunity
        for key, text in line.written.items():  # notes under the row, or a column shown
            if document.notes_under if key == "notes" else document.options.shows(Column(key)):
                yield text


def _closing_reasons(reasons: str, actions: int) -> str:
    """The reasons given, and a word about any actions kept for when it is taken up."""
    if not actions:
        return reasons
    kept = (
        f"{_count(actions, 'action is', 'actions are')} recorded for it, kept for when it is "
        "taken up (not counted in this plan)."
    )
    return f"{reasons} {kept}" if reasons else kept


# The action's plain text fields other than the action itself (the field registry).
_WRITTEN = tuple(f for f in texts(RowKind.ACTION) if f.key != "description")


def _line(row: ActionRow, today: date) -> ActionLine:
    action = row.action
    overdue = action.is_overdue(today)
    return ActionLine(
        description=clean(action.description),
        owner=clean(action.owner_name),
        due=action.due,
        due_text=short_date(action.due),
        overdue=overdue,
        status=action.status,
        rag=action.rag(today),
        priority=action.priority.label,
        opportunity=clean(row.opportunity_title),
        theme=clean(row.theme_title),
        written={f.key: clean(getattr(action, f.name)) for f in _WRITTEN},
    )


def _table_columns(options: ReportOptions, leading: tuple[Column, ...] = ()) -> tuple[Column, ...]:
    # Notes are printed under each action's row (see PlanDocument.notes_under).
    chosen = tuple(c for c in OPTIONAL_COLUMNS if options.shows(c) and c is not Column.NOTES)
    return (*leading, Column.ACTION, *chosen)


def _by_theme(
    overview: PlanOverview, lines: dict[str, list[ActionLine]], options: ReportOptions
) -> tuple[Section, ...]:
    """One section per theme: the opportunities pursued, and undecided ones given actions."""
    columns = _table_columns(options)
    sections = []
    for theme in overview.themes:
        blocks = tuple(
            OpportunityBlock(
                clean(o.title),
                clean(theme.title),
                o.decision,
                clean(o.reasons),
                tuple(lines.get(o.uuid, ())),
                strategy_note(o) if options.include_strategy else None,
            )
            for o in overview.opportunities_in(theme.uuid)
            if o.decision is Decision.PURSUE or o.uuid in lines
        )
        if blocks:
            count = sum(len(b.actions) for b in blocks)
            note = (
                f"{_count(len(blocks), 'opportunity', 'opportunities')}, "
                f"{_count(count, 'action', 'actions')}"
            )
            sections.append(Section(clean(theme.title), columns, opportunities=blocks, note=note))
    return tuple(sections)


def _by_owner(lines: list[ActionLine], options: ReportOptions) -> tuple[Section, ...]:
    """One table per owner, soonest due first: what each person has to do next."""
    columns = tuple(c for c in _table_columns(options, (Column.OPPORTUNITY,)) if c != Column.OWNER)
    groups: dict[str, list[ActionLine]] = {}
    for line in lines:
        groups.setdefault(line.owner, []).append(line)
    names = sorted((n for n in groups if n), key=str.casefold) + ([""] if "" in groups else [])
    return tuple(
        Section(name or NO_OWNER, columns, actions=_by_due(groups[name]), note=_note(groups[name]))
        for name in names
    )


def _by_status(lines: list[ActionLine], options: ReportOptions) -> tuple[Section, ...]:
    columns = _table_columns(options, (Column.OPPORTUNITY,))
    groups: dict[Status, list[ActionLine]] = {}
    for line in lines:
        groups.setdefault(line.status, []).append(line)
    return tuple(
        Section(status.label, columns, actions=_by_due(groups[status]), note=_note(groups[status]))
        for status in Status
        if status in groups
    )


def _by_due(lines: list[ActionLine]) -> tuple[ActionLine, ...]:
    # sorted() is stable, so actions due the same day keep the plan's own order.
    return tuple(sorted(lines, key=lambda line: (line.due is None, line.due or date.min)))


def _note(lines: list[ActionLine]) -> str:
    overdue = sum(1 for line in lines if line.overdue)
    text = _count(len(lines), "action", "actions")
    return f"{text}, {overdue} overdue" if overdue else text


def _summary(overview: PlanOverview, lines: list[ActionLine], set_aside_actions: int) -> Summary:
    decisions = Counter(o.decision for o in overview.opportunities)
    statuses = Counter(line.status for line in lines)
    rags = Counter(line.rag for line in lines)
    owners: dict[str, list[ActionLine]] = {}
    for line in lines:
        owners.setdefault(line.owner, []).append(line)
    names = sorted((n for n in owners if n), key=str.casefold) + ([""] if "" in owners else [])
    return Summary(
        opportunities=len(overview.opportunities),
        by_decision=tuple((d, decisions.get(d, 0)) for d in Decision),
        actions=len(lines),
        by_status=tuple((s, statuses.get(s, 0)) for s in Status),
        by_rag=tuple((r, rags.get(r, 0)) for r in Rag),
        overdue=sum(1 for line in lines if line.overdue),
        owners=tuple(
            OwnerCount(
                owner=name or NO_OWNER,
                actions=len(owners[name]),
                open=sum(1 for line in owners[name] if line.status.is_open),
                done=sum(1 for line in owners[name] if line.status is Status.DONE),
                overdue=sum(1 for line in owners[name] if line.overdue),
            )
            for name in names
        ),
        set_aside_actions=set_aside_actions,
    )


def _theme_title(overview: PlanOverview, opportunity: Opportunity) -> str:
    for theme in overview.themes:
        if theme.uuid == opportunity.theme_uuid:
            return theme.title
    return ""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _is(n: int) -> str:
    return "is" if n == 1 else "are"


def _it(n: int) -> str:
    return "it is" if n == 1 else "they are"


def load_document(
    store: PlanBackend, options: ReportOptions | None = None, today: date | None = None
) -> PlanDocument:
    """Read the plan from an open store and build its document, with its progress chart."""
    document = build_document(queries.overview(store), queries.action_rows(store), options, today)
    return dataclasses.replace(document, progress=build_progress(store, document.printed))


# The wording lives in its own module; callers may import it from here too.
__all__ = [
    "NOTHING",
    "RAG_MEANINGS",
    "ActionLine",
    "ClosingLine",
    "OpportunityBlock",
    "OwnerCount",
    "PlanDocument",
    "ReportOptions",  # what build_document takes
    "Section",
    "Summary",
    "build_document",
    "clean",
    "ink_for",
    "load_document",
    "long_date",
    "short_date",
]
