"""Counting in words, the same way everywhere: "1 action", "2 actions", never a "(s)"."""

from __future__ import annotations


def counted(n: int, one: str, many: str) -> str:
    """A number with its noun, singular or plural: "1 action", "2 actions", "1,024 items"."""
    return f"{n:,} {one if n == 1 else many}"


def listed(parts: list[str]) -> str:
    """Words joined as people write a list: "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
