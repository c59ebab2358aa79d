"""Gather the licence of every part the bundle ships, for the spec to put beside the program.

The bundle carries Python, Qt (through PySide6) and the libraries LIO Planner needs. Each
licence asks that its text travel with the program; Qt's LGPL also asks that people be told
where Qt's source is, so they can rebuild and swap the Qt libraries in the bundle's folder.

This module runs inside PyInstaller (which brings the ``packaging`` library) and in the tests;
it uses nothing else outside the standard library and LIO Planner.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from lio_planner.about import APP_LICENCE, QT_SOURCE

HERE = Path(__file__).resolve().parent
APP_DIST = "lio-planner"
QT_DISTS = {"pyside6-essentials", "shiboken6"}
QT_NOTE = (
    f"{QT_SOURCE} The Qt libraries in this folder may be replaced by your own build of the "
    "same version."
)
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


@dataclass
class Part:
    """One thing the bundle is made from, with the licence texts that go with it."""

    name: str
    version: str
    licence: str
    files: list[Path] = field(default_factory=list)
    note: str = ""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_words(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 100:
        return text
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    return "; ".join(classifiers) or "see the licence files"


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for entry in dist.files or []:
        parts = Path(str(entry)).parts
        in_dist_info = parts and parts[0].endswith(".dist-info")
        if in_dist_info and _LICENCE_FILE.search(parts[-1]):
            found.append(Path(str(dist.locate_file(entry))))
    return sorted(found)


def _requirements(dist: metadata.Distribution) -> list[str]:
    """The names ``dist`` needs at run time on this machine (markers evaluated, no extras)."""
    from packaging.requirements import Requirement

    names = []
    for line in dist.requires or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            names.append(requirement.name)
    return names


def runtime_parts(root: str = APP_DIST) -> list[Part]:
    """Every installed distribution ``root`` needs at run time, ``root`` itself left out."""
    seen: dict[str, metadata.Distribution] = {}
    waiting = list(_requirements(metadata.distribution(root)))
    while waiting:
        name = _normal(waiting.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform, or an optional one
        seen[name] = dist
        waiting.extend(_requirements(dist))
    parts = []
    for name, dist in sorted(seen.items()):
        part = Part(dist.metadata["Name"], dist.version, _licence_words(dist), _licence_files(dist))
        if name in QT_DISTS:
            part.files += [HERE / "licenses" / "LGPL-3.0.txt", HERE / "licenses" / "GPL-3.0.txt"]
            part.note = QT_NOTE
        parts.append(part)
    return parts


def python_part() -> Part:
    """The Python interpreter and standard library frozen into the bundle."""
    version = ".".join(map(str, sys.version_info[:3]))
    candidates = [
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    files = [p for p in candidates if p.is_file()][:1]
    return Part("Python", version, "PSF-2.0", files, "Source: https://www.python.org/downloads/")


def _debian_names(path: str) -> list[str]:
    """The names ``path`` may be registered under (merged /usr makes /lib and /usr/lib one)."""
    real = os.path.realpath(path)
    names = {path, real}
    names |= {"/usr" + n for n in (path, real) if n.startswith("/lib")}
    return sorted(names)


def system_parts(libraries: list[str]) -> list[Part]:
    """The system packages (Debian and Ubuntu) the bundled system libraries were taken from.

    On Linux PyInstaller copies the libraries Qt needs from the building machine. Each
    package's copyright file is its licence. Elsewhere (Windows, macOS) there are none.
    """
    if not libraries or shutil.which("dpkg") is None:
        return []
    names = [n for path in libraries for n in _debian_names(path)]
    found = subprocess.run(["dpkg", "-S", *names], capture_output=True, text=True, check=False)
    packages = sorted({line.split(":")[0] for line in found.stdout.splitlines() if ": " in line})
    parts = []
    for package in packages:
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True
        ).stdout.strip()
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        files = [copyright_file] if copyright_file.is_file() else []
        parts.append(Part(package, version, "see its Debian copyright file", files))
    return parts


def write_licences(target: Path, system_libraries: list[str] | None = None) -> list[Part]:
    """Copy each licence text into ``target``/licenses; list them in THIRD-PARTY-LICENSES.txt.

    Returns the parts listed. A part whose licence text cannot be found is a build error:
    shipping it without its licence would break that licence.
    """
    parts = [python_part(), *runtime_parts(), *system_parts(system_libraries or [])]
    missing = [p.name for p in parts if not p.files]
    if missing:
        raise SystemExit(f"No licence text found for: {', '.join(missing)}")
    folder = target / "licenses"
    shutil.rmtree(folder, ignore_errors=True)
    app = metadata.distribution(APP_DIST)
    lines = [
        f"LIO Planner {app.version} is under the {APP_LICENCE} licence. Its own source code is",
        "in the 'source' folder beside this file.",
        "",
        "It is built from the parts below. Each part's licence texts are in licenses/<part>/.",
        "",
    ]
    for part in parts:
        own = folder / part.name
        own.mkdir(parents=True, exist_ok=True)
        names = []
        for source in part.files:
            name = source.name if not (own / source.name).exists() else f"{source.stem}-2.txt"
            shutil.copyfile(source, own / name)
            names.append(f"licenses/{part.name}/{name}")
        lines.append(f"{part.name} {part.version}")
        lines.append(f"  Licence: {part.licence}")
        lines.extend(f"  Text: {n}" for n in names)
        if part.note:
            lines.append(f"  {part.note}")
        lines.append("")
    (target / "THIRD-PARTY-LICENSES.txt").write_text("\n".join(lines), encoding="utf-8")
    return parts
