"""The project's modules import each other without cycles, and only one module knows the window.

import-linter's contracts (pyproject) leave out the imports made only for type hints; these
tests read every import in the source with ``ast`` (type-hint imports, imports inside
functions, and modules named by string to ``importlib.import_module`` or ``on_first_use``
included), so a cycle cannot hide in any of them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import lio_planner

SRC = Path(lio_planner.__file__).parent
WINDOW_MODULE = "lio_planner.ui.window.main_window"


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Every module under ``root`` (the folder of ``package``), by its dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported_names(module: str, path: Path, is_package: bool) -> Iterator[str]:
    """The dotted names ``module`` imports, wherever in the file the import is."""
    base = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.rsplit(".", node.level - 1)[0] if node.level > 1 else base
                source = f"{anchor}.{node.module}" if node.module else anchor
            else:
                source = node.module or ""
            yield source
            yield from (f"{source}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args:
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            first = node.args[0]
            if name in {"import_module", "on_first_use"} and isinstance(first, ast.Constant):
                yield str(first.value)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module → the project modules it imports (a name imported from a module counts as the
    module; a submodule imported from a package counts as the submodule)."""
    modules = module_files(root, package)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path, path.name == "__init__.py"):
            if name in modules:
                targets.add(name)
        # "from a.b import c": a.b.c when that is a module, else a.b (c is a name in it).
        graph[module] = {
            t for t in targets if not any(other.startswith(t + ".") for other in targets)
        } - {module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another round in a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def modules_importing_the_window(root: Path, package: str) -> list[str]:
    """The modules under ``package``.ui, other than the window's own, that import it."""
    modules = module_files(root, package)
    window_module = WINDOW_MODULE.replace("lio_planner", package, 1)
    found = []
    for module, path in modules.items():
        if not module.startswith(f"{package}.ui.") or module == window_module:
            continue
        names = set(imported_names(module, path, path.name == "__init__.py"))
        if window_module in names or any(n.endswith(".MainWindow") for n in names):
            found.append(module)
    return found


def test_no_import_cycles_among_the_projects_modules() -> None:
    graph = import_graph(SRC, "lio_planner")
    assert len(graph) > 100  # the whole project was read
    assert graph[WINDOW_MODULE] >= {"lio_planner.ui.window.session", "lio_planner.ui.plan.data"}
    assert cycles(graph) == []


def test_no_ui_module_imports_the_main_window() -> None:
    """Commands get what they need passed in, or listen to the session's signals."""
    assert modules_importing_the_window(SRC, "lio_planner") == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_cycle_through_a_type_hint_import_is_found(tmp_path: Path) -> None:
    root = _write(
        tmp_path / "demo",
        {
            "__init__.py": "",
            "a.py": "from demo.b import thing\n",
            "b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from demo.c import Other\nthing = 1\n"
            ),
            "c.py": "def later():\n    from . import a\n",
            "d.py": "import importlib\nimportlib.import_module('demo.a')\n",
        },
    )
    graph = import_graph(root, "demo")
    assert graph["demo.d"] == {"demo.a"}
    assert cycles(graph) == [["demo.a", "demo.b", "demo.c"]]


def test_a_ui_module_importing_the_window_is_found(tmp_path: Path) -> None:
    root = _write(
        tmp_path / "demo",
        {
            "__init__.py": "",
            "ui/__init__.py": "",
            "ui/window/__init__.py": "",
            "ui/window/main_window.py": "class MainWindow: ...\n",
            "ui/window/menus.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from demo.ui.window.main_window import MainWindow\n"
            ),
            "ui/window/fine.py": "from demo.ui.window import menus\n",
            "ui/crash.py": "from demo.ui.window import main_window\n",
        },
    )
    assert modules_importing_the_window(root, "demo") == ["demo.ui.crash", "demo.ui.window.menus"]
