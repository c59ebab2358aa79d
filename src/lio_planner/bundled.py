"""Where the files that ship with the app (strategy content, icons) are found.

In an installed wheel they sit inside the package. In a source checkout, or an editable
install, they sit at the top of the repository, where people edit and review them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPOSITORY = _PACKAGE.parent.parent


def _find(*parts: str) -> Path:
    for root in (_PACKAGE, _REPOSITORY):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"LIO Planner is missing its file {'/'.join(parts)}. Please reinstall the app."
    )


def seed_path() -> Path:
    """The strategy content that every new plan starts from."""
    return _find("data", "seed.json")


def resource_path(name: str) -> Path:
    """An icon or image shipped with the app."""
    return _find("resources", name)
