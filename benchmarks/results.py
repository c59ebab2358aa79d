"""What one figure came to, whether it is within its budget, and how the results are written."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured figure: its median value, its budget (an upper limit) and how it was got.

    ``value`` is None when the figure could not be measured; ``reason`` then says why in words,
    so a missing feature is reported as such and never as a made-up number.
    """

    key: str
    label: str
    unit: str
    budget: float | bool | None = None
    value: float | bool | None = None
    runs: int = 0
    planned_runs: int = 0
    note: str = ""
    reason: str = ""
    failed: bool = False  # the measurement itself broke (as opposed to a feature not there yet)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def ok(self) -> bool | None:
        """Within budget; None when there is no budget or no value."""
        if self.value is None or self.budget is None:
            return None
        if isinstance(self.budget, bool):
            return self.value == self.budget
        return float(self.value) <= self.budget

    @property
    def fewer_runs(self) -> bool:
        return self.runs < self.planned_runs

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "value": _rounded(self.value),
            "unit": self.unit,
            "budget": self.budget,
            "ok": self.ok,
            "available": self.available,
            "runs": self.runs,
        }
        if self.fewer_runs:
            data["fewer_runs"] = True
            data["full_runs"] = self.planned_runs
        if self.note:
            data["note"] = self.note
        if not self.available:
            data["reason"] = self.reason or "not measured"
            data["failed"] = self.failed
        if self.extra:
            data["extra"] = {k: _rounded(v) for k, v in self.extra.items()}
        return data


def not_available(figure: Figure, reason: str, failed: bool = False) -> Figure:
    figure.value = None
    figure.reason = reason
    figure.failed = failed
    return figure


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no runs to take the median of")
    return float(statistics.median(values))


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    return value


def format_value(figure: Figure) -> str:
    if figure.value is None:
        return "failed" if figure.failed else "not available"
    if isinstance(figure.value, bool):
        return "yes" if figure.value else "no"
    return _number(float(figure.value))


def format_budget(figure: Figure) -> str:
    if figure.budget is None:
        return "—"
    if isinstance(figure.budget, bool):
        return "yes" if figure.budget else "no"
    return f"≤ {_number(figure.budget)}"


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e6:
        return f"{int(value):,}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value >= 1 else f"{value:.3f}"


def format_table(figures: Iterable[Figure]) -> str:
    """The printed table: figure, value, unit, budget, within budget; reasons as footnotes."""
    figures = list(figures)
    rows = [("figure", "value", "unit", "budget", "within budget", "runs")]
    notes: list[str] = []
    for fig in figures:
        ok = {True: "yes", False: "NO", None: "—"}[fig.ok]
        runs = f"{fig.runs}" + (f" of {fig.planned_runs}" if fig.fewer_runs else "")
        label = fig.label
        if not fig.available or fig.note:
            notes.append(f"[{len(notes) + 1}] {fig.label}: {fig.reason or fig.note}")
            label = f"{label} [{len(notes)}]"
        rows.append((label, format_value(fig), fig.unit, format_budget(fig), ok, runs))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i in (0, 2, 4) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines + (["", *notes] if notes else []))


def write_json(figures: Iterable[Figure], path: Path) -> None:
    """One key per figure: {"value", "unit", "budget", "ok", ...}."""
    data = {fig.key: fig.to_json() for fig in figures}
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
