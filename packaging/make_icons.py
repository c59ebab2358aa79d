"""Draw the app's icon (resources/lio-planner.svg) at the sizes desktops ask for.

    python packaging/make_icons.py

Writes resources/icons/hicolor/NxN/apps/lio-planner.png for the Linux desktop (the scalable SVG
is installed as it is) and packaging/windows/lio-planner.ico for the Windows program and
installer. Run it again after changing the SVG, and commit what it writes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "lio-planner.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_bytes(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each size as PNG (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, images = b"", b""
    for size, data in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        images += data
    return header + directory + images


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read {SVG}")
    pngs = {size: png_bytes(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        target = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        (target / "lio-planner.png").write_bytes(data)
    windows = ROOT / "packaging" / "windows"
    windows.mkdir(parents=True, exist_ok=True)
    (windows / "lio-planner.ico").write_bytes(ico_bytes(pngs))
    print(f"Wrote {len(pngs)} PNG sizes and lio-planner.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
