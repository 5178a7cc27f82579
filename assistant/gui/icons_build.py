"""Render the app icon (resources/icons/mail-setup-assistant.svg) to PNGs from 16 to 512 px with QtSvg."""

from __future__ import annotations

import os
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
NAME = "mail-setup-assistant"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        raise SystemExit(f"{NAME}.svg could not be read")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(ICONS / f"{NAME}-{size}.png"))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
