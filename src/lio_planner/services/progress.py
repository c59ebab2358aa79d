"""Progress at a glance: the figures the progress view and the printed summary page draw.

Per theme, the actions done, in progress, not started, blocked and dropped, and their RAG mix,
with the whole plan's figures at the top; and, from the change history, how many actions were
done and still open at the end of each week or month. Counted as the printed plan counts them:
actions under an opportunity set aside (not now, not applicable) are not in the plan.

Pure values; one read of the plan and its history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from lio_planner.domain.enums import Rag, Status
from lio_planner.domain.model import ActionRow
from lio_planner.services import queries
from lio_planner.store.backend import PlanBackend

# The order bars are stacked in: finished work first, then what is moving, then what is not.
STATUS_ORDER = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.BLOCKED,
    Status.DROPPED,
)
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY)
_STATUSES = {s.value: s for s in Status}
# At most this many points over time: a year of weeks, or two years and more of months.
MOST_POINTS = 26


@dataclass(frozen=True)
class ThemeProgress:
    """One theme's actions (or the whole plan's) by status and by RAG rating."""

    theme: str
    by_status: tuple[tuple[Status, int], ...]
    by_rag: tuple[tuple[Rag, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_status)

    def count(self, status: Status) -> int:
        return dict(self.by_status).get(status, 0)

    def rag_count(self, rag: Rag) -> int:
        return dict(self.by_rag).get(rag, 0)

    @property
    def done_percent(self) -> int:
        """Done, as a whole percentage of the actions not dropped (dropped work is not owed)."""
        owed = self.total - self.count(Status.DROPPED)
        return round(100 * self.count(Status.DONE) / owed) if owed else 0

    def sentence(self) -> str:
        done, total = self.count(Status.DONE), self.total
        return f"{done:,} of {total:,} {'action' if total == 1 else 'actions'} done"


@dataclass(frozen=True)
class ProgressPoint:
    """The plan at the end of one week or month: actions done, and actions still open."""

    ends: date
    label: str  # "Mar 2027", or "12 Mar" for a week
    done: int
    open: int


@dataclass(frozen=True)
class Progress:
    """Everything the progress chart shows."""

    overall: ThemeProgress
    themes: tuple[ThemeProgress, ...]
    over_time: tuple[ProgressPoint, ...]
    step: str  # "week" or "month"
    today: date


def progress_of(
    rows: Iterable[ActionRow], today: date
) -> tuple[ThemeProgress, list[ThemeProgress]]:
    """The whole plan's and each theme's figures (themes in the plan's order)."""
    statuses: dict[str, Counter[Status]] = {}
    rags: dict[str, Counter[Rag]] = {}
    for row in rows:
        if row.decision.sets_aside:
            continue
        action = row.action
        statuses.setdefault(row.theme_title, Counter())[action.status] += 1
        rags.setdefault(row.theme_title, Counter())[action.rag(today)] += 1
    themes = [_theme(name, statuses[name], rags[name]) for name in statuses]
    overall = _theme("All themes", sum(statuses.values(), Counter()), sum(rags.values(), Counter()))
    return overall, themes


def build_progress(store: PlanBackend, today: date | None = None) -> Progress:
    """The plan's progress now and over time, from its actions and its change history."""
    today = today or date.today()
    rows = [row for row in queries.action_rows(store) if not row.decision.sets_aside]
    overall, themes = progress_of(rows, today)
    history = store.status_history()  # plain SQL: a headless export loads no ORM for it
    counted = {row.action.uuid for row in rows}
    points, step = _over_time(rows, history, counted, today)
    return Progress(overall, tuple(themes), points, step, today)


def _theme(name: str, statuses: Counter[Status], rags: Counter[Rag]) -> ThemeProgress:
    return ThemeProgress(
        name,
        tuple((s, statuses.get(s, 0)) for s in STATUS_ORDER),
        tuple((r, rags.get(r, 0)) for r in RAG_ORDER),
    )


def _over_time(
    rows: Sequence[ActionRow],
    history: Sequence[tuple[str, str, str | None, str | None, datetime]],
    counted: set[str],
    today: date,
) -> tuple[tuple[ProgressPoint, ...], str]:
    """Done and open actions at the end of each week or month, replaying the history.

    Counts the actions in the plan now: each from when it was added (or, for rows made before
    the history or in bulk, when it was created), with the status the history gives it then.
    """
    added: dict[str, datetime] = {}
    first_status: dict[str, Status] = {}
    changes: list[tuple[datetime, str, Status]] = []
    for subject, kind, before, after, at in history:
        if subject not in counted:
            continue  # removed since: not in the plan's figures now either
        if kind == "action_added":
            added.setdefault(subject, at)
        elif kind == "status_changed":
            first_status.setdefault(subject, _STATUSES.get(before, Status.NOT_STARTED))
            changes.append((at, subject, _STATUSES.get(after, Status.NOT_STARTED)))
            added.setdefault(subject, at)  # its first change, if its start was not logged
    fallback = datetime.combine(today, time.min)
    timeline = [
        (
            # Rows made in bulk or before the history existed start when they were created,
            # or at their first logged change if that is earlier (a created time can be off).
            min(
                added.get(row.action.uuid) or fallback,
                row.action.created_at or fallback,
            ),
            row.action.uuid,
            first_status.get(row.action.uuid, row.action.status),
        )
        for row in rows
    ]
    timeline.extend(changes)
    timeline.sort(key=lambda event: event[0])
    if not timeline:
        return (), "month"
    first_day = min(timeline[0][0].date(), today)
    step = "week" if (today - first_day).days <= 7 * MOST_POINTS else "month"
    ends = _period_ends(first_day, today, step)
    state: dict[str, Status] = {}
    points = []
    index = 0
    for end in ends:
        limit = datetime.combine(end, time.max)
        while index < len(timeline) and timeline[index][0] <= limit:
            _at, uuid, status = timeline[index]
            state[uuid] = status
            index += 1
        done = sum(1 for s in state.values() if s is Status.DONE)
        still_open = sum(1 for s in state.values() if s.is_open)
        points.append(ProgressPoint(end, _label(end, step), done, still_open))
    return tuple(points[-MOST_POINTS:]), step


def _period_ends(first: date, today: date, step: str) -> list[date]:
    """The last day of each week (Sunday) or month from ``first``'s to today's; today last."""
    ends: list[date] = []
    if step == "week":
        end = first + timedelta(days=6 - first.weekday())
        while end < today:
            ends.append(end)
            end += timedelta(days=7)
    else:
        year, month = first.year, first.month
        while True:
            following = date(year + month // 12, month % 12 + 1, 1)
            end = following - timedelta(days=1)
            if end >= today:
                break
            ends.append(end)
            year, month = following.year, following.month
    ends.append(today)
    return ends


def _label(day: date, step: str) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if step == "week":
        return f"{day.day} {months[day.month - 1]}"
    return f"{months[day.month - 1]} {day.year}"
