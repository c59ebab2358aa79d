"""A screen reader's view of a running app, driven line by line over stdin and stdout.

This runs on the system Python (``/usr/bin/python3``), because pyatspi is a Debian package that
a virtual environment cannot import. The tests start it as a subprocess inside the same D-Bus
session as the app and send it one JSON command a line; it answers each with one JSON line.
It reads the app only through AT-SPI, as Orca does: names, roles, states, text, tables,
relations and actions. Keys go through the AT-SPI registry, like a keyboard.

Commands (``{"do": NAME, ...}``):
  wait_app    until the app (process ``pid``) shows a window; answers its window titles
  give_focus  give the keyboard to the app's window titled ``title``, as a window manager does
  windows     the app's showing top-level windows: role, name, states
  tree        every showing accessible of the active window (or all, ``window: "*"``)
  focused     the accessible that has the keyboard focus, with its path of names
  key         press and release a key by X keysym name (``Tab``, ``space``, ``Down``),
              with ``modifiers`` held (``Control_L``, ``Shift_L``, ``Alt_L``)
  type        type a string, letter by letter
  action      run the action ``index`` of the showing accessible with ``role`` and ``name``
  table       the cells of the showing table named ``name`` as the reader gets them
"""

from __future__ import annotations

import ctypes
import json
import re
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

Node = dict[str, Any]

_STATE_NAMES = {
    pyatspi.STATE_ACTIVE: "active",
    pyatspi.STATE_CHECKED: "checked",
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_SHOWING: "showing",
    pyatspi.STATE_VISIBLE: "visible",
    pyatspi.STATE_ENABLED: "enabled",
    pyatspi.STATE_SELECTED: "selected",
    pyatspi.STATE_EDITABLE: "editable",
    pyatspi.STATE_MODAL: "modal",
}

APP: Any = None


def _states(acc: Any) -> list[str]:
    state = acc.getState()
    return [word for key, word in _STATE_NAMES.items() if state.contains(key)]


def _text(acc: Any) -> str | None:
    try:
        text = acc.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def _labelled_by(acc: Any) -> list[str]:
    names = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for n in range(relation.getNTargets()):
                names.append(str(relation.getTarget(n).name))
    return names


def _describe(acc: Any, path: list[str]) -> Node:
    try:
        box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        extents = [box.x, box.y, box.width, box.height]
    except NotImplementedError:
        extents = []
    try:
        actions = acc.queryAction()
        action_names = [actions.getName(n) for n in range(actions.nActions)]
    except NotImplementedError:
        action_names = []
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": _states(acc),
        "text": _text(acc),
        "labelled_by": _labelled_by(acc),
        "actions": action_names,
        "extents": extents,
        "path": path,
    }


def _showing(acc: Any) -> bool:
    return bool(acc.getState().contains(pyatspi.STATE_SHOWING))


def _walk(acc: Any, path: list[str], found: list[Node], *, cells: bool = True) -> None:
    for child in acc:
        if child is None or not _showing(child):
            continue
        role = child.getRoleName()
        if not cells and role == "table cell":
            continue
        here = [*path, f"{role}:{child.name or ''}"]
        found.append(_describe(child, here))
        _walk(child, here, found, cells=cells)


def _app(pid: int) -> Any:
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def _windows() -> list[Any]:
    return [w for w in APP if w is not None and _showing(w)]


def _active_window() -> Any:
    windows = _windows()
    for window in windows:
        if window.getState().contains(pyatspi.STATE_ACTIVE):
            return window
    return windows[-1] if windows else None


def wait_app(pid: int, timeout: float = 30.0) -> Any:
    """Wait for the app (its process id) to register and show a window; its window titles."""
    global APP
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        APP = _app(pid)
        if APP is not None and _windows():
            return [w.name for w in _windows()]
        time.sleep(0.1)
    raise TimeoutError(f"process {pid} showed no accessible window in {timeout} s")


def windows() -> Any:
    return [_describe(w, [w.name]) for w in _windows()]


def tree(window: str = "", cells: bool = True) -> Any:
    if window == "*":
        roots = _windows()
    elif window:
        roots = [w for w in _windows() if w.name == window]
    else:
        roots = [_active_window()]
    found: list[Node] = []
    for root in roots:
        if root is None:
            continue
        found.append(_describe(root, [root.name]))
        _walk(root, [root.name], found, cells=cells)
    return found


def _find_focused(acc: Any, path: list[str]) -> Node | None:
    """The innermost showing accessible with the focused state.

    A tab widget passes its focus on to its tab bar, and a text box to its viewport (a filler),
    and both say they are focused: the reader speaks the tab bar and the text box.
    """
    for child in acc:
        if child is None:
            continue
        state = child.getState()
        if not state.contains(pyatspi.STATE_SHOWING):
            continue
        here = [*path, f"{child.getRoleName()}:{child.name or ''}"]
        if child.getRoleName() in ("table", "tree", "list", "tree table"):
            # The table is the keyboard focus; its current cell is read through the table.
            if state.contains(pyatspi.STATE_FOCUSED):
                return _describe(child, here)
            continue
        inner = _find_focused(child, here)
        if inner is not None and inner["role"] != "filler":
            return inner
        if state.contains(pyatspi.STATE_FOCUSED):
            return _describe(child, here)
        if inner is not None:
            return inner
    return None


def focused() -> Any:
    window = _active_window()
    if window is None:
        return None
    found = _find_focused(window, [window.name])
    if found is not None:
        found["window"] = window.name
    return found


# X keysyms of the keys the tests press (X11/keysymdef.h).
KEYSYMS = {
    "Tab": 0xFF09,
    "ISO_Left_Tab": 0xFE20,
    "Return": 0xFF0D,
    "Escape": 0xFF1B,
    "space": 0x20,
    "BackSpace": 0xFF08,
    "Left": 0xFF51,
    "Up": 0xFF52,
    "Right": 0xFF53,
    "Down": 0xFF54,
    "Page_Up": 0xFF55,
    "Page_Down": 0xFF56,
    "Home": 0xFF50,
    "End": 0xFF57,
    "F1": 0xFFBE,
    "F4": 0xFFC1,
}
# X modifier masks, locked while the key is pressed and unlocked after.
MODIFIERS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3}


def key(name: str, modifiers: list[str] | None = None) -> Any:
    mask = 0
    for modifier in modifiers or []:
        mask |= MODIFIERS[modifier]
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    keysym = KEYSYMS[name] if name in KEYSYMS else ord(name)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
    return True


def type_text(text: str) -> Any:
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    return True


def _window_title(raw: bytes) -> str:
    """A window title as Qt writes it: compound text, whose UTF-8 runs sit between escapes."""
    parts = re.split(rb"\x1b(%G|%@)", raw)
    title, utf8 = [], False
    for n, part in enumerate(parts):
        if n % 2:
            utf8 = part == b"%G"
        else:
            title.append(part.decode("utf-8" if utf8 else "latin-1", "replace"))
    return "".join(title)


class _TextProperty(ctypes.Structure):
    _fields_ = [
        ("value", ctypes.c_void_p),
        ("encoding", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("nitems", ctypes.c_ulong),
    ]


def give_focus(title: str) -> Any:
    """Give the keyboard to the app's window titled ``title``, as a window manager does.

    Under a bare X server nothing does that, and Qt ignores keys for a window it was never
    told is active.
    """
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
    x11.XGetWMName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    display = x11.XOpenDisplay(None)
    if not display:
        raise OSError("cannot open the X display")
    try:
        root = ctypes.c_ulong()
        parent = ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        x11.XQueryTree(
            display,
            x11.XDefaultRootWindow(display),
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        )
        windows = [children[n] for n in range(count.value)]
        x11.XFree(children)
        seen = []
        for window in windows:
            name = _TextProperty()
            if x11.XGetWMName(display, window, ctypes.byref(name)) and name.value:
                found = _window_title(ctypes.string_at(name.value, name.nitems))
                x11.XFree(name.value)
                seen.append(found)
                if found == title:
                    x11.XSetInputFocus(display, window, 2, 0)  # RevertToParent, CurrentTime
                    x11.XSync(display, 0)
                    return True
        raise LookupError(f"no X window titled {title!r} among {seen}")
    finally:
        x11.XCloseDisplay(display)


def _find(role: str, name: str) -> Any:
    def search(acc: Any) -> Any:
        for child in acc:
            if child is None or not _showing(child):
                continue
            if child.getRoleName() == role and child.name == name:
                return child
            if child.getRoleName() == "table":
                continue
            inner = search(child)
            if inner is not None:
                return inner
        return None

    for window in _windows():
        found = search(window)
        if found is not None:
            return found
    raise LookupError(f"no showing {role} named {name!r}")


def action(role: str, name: str, index: int = 0) -> Any:
    return bool(_find(role, name).queryAction().doAction(index))


def table(name: str) -> Any:
    acc = _find("table", name)
    grid = acc.queryTable()
    headers = []
    for column in range(grid.nColumns):
        header = grid.getColumnHeader(column)
        headers.append(header.name if header is not None else "")
    rows = []
    for row in range(grid.nRows):
        cells = []
        for column in range(grid.nColumns):
            cell = grid.getAccessibleAt(row, column)
            cells.append({"name": cell.name or "", "text": _text(cell), "role": cell.getRoleName()})
        rows.append(cells)
    return {"headers": headers, "rows": rows}


COMMANDS = {
    "wait_app": wait_app,
    "windows": windows,
    "tree": tree,
    "focused": focused,
    "key": key,
    "type": type_text,
    "give_focus": give_focus,
    "action": action,
    "table": table,
}


def main() -> None:
    for line in sys.stdin:
        command = json.loads(line)
        do = COMMANDS[command.pop("do")]
        try:
            answer = {"ok": do(**command)}
        except Exception as problem:  # answered to the test, which reports it
            answer = {"error": f"{type(problem).__name__}: {problem}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
