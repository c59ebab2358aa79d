"""Modules whose code runs on first use, so the window can paint before SQLAlchemy loads.

Importing SQLAlchemy's ORM takes about a third of a second on a modest laptop, longer than the
rest of start-up put together. Opening a plan and reading it need none of it (see
:mod:`lio_planner.store.sqlite.plain_read`); changing it does. The window's modules reach the
services that change a plan through :func:`on_first_use`, which hands back the module at once
and runs its code (and so imports SQLAlchemy) the first time one of its names is used: with
the first change. It is the standard library's ``LazyLoader``, which was made for start-up
time. See docs/performance.md, findings 3 and 8.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def on_first_use(name: str) -> ModuleType:
    """The module ``name``, its code run when one of its attributes is first looked up."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        # As a normal import does, so ``lio_planner.services.queries`` works as an attribute too.
        setattr(sys.modules[parent], child, module)
    return module
