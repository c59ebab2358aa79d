"""The Qt runtime the app relies on: a PySide6 that keeps None alive, and headless painting."""

from __future__ import annotations

import subprocess
import sys

# Tens of thousands of void Qt calls, as a big printed plan makes. PySide6 6.12.0 drops a
# reference to None on each; on Python 3.11 the interpreter then aborts part way
# ("none_dealloc"). pyproject.toml keeps that release out; this test catches one that slips in.
MANY_VOID_CALLS = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(8, 8, QImage.Format.Format_RGB32)
painter = QPainter(image)
before = sys.getrefcount(None)
for n in range(60000):
    painter.setPen(QColor("red"))
painter.end()
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_use_up_none() -> None:
    result = subprocess.run(
        [sys.executable, "-c", MANY_VOID_CALLS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # Python 3.12+ reports a fixed count for the immortal None; 3.11 must not lose 60,000.
    assert int(result.stdout.strip()) > -1000


def test_headless_export_makes_its_own_application_offscreen() -> None:
    code = (
        "import os\n"
        "for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'QT_QPA_PLATFORM'):\n"
        "    os.environ.pop(name, None)\n"
        "from lio_planner.report.qt.qt_runtime import ensure_gui_application\n"
        "ensure_gui_application()\n"
        "ensure_gui_application()  # a second call reuses the first application\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "print(QGuiApplication.platformName())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if sys.platform.startswith("linux"):
        assert result.stdout.strip() == "offscreen"
