"""The app icon as each platform wants it (hicolor PNGs, Windows .ico, macOS .iconset), from one SVG."""

from __future__ import annotations

import os
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The app's icon, drawn for the GUI (resources/icons/); every platform's format is rendered from it.
APP_ICON = ROOT / "resources" / "icons" / "mail-setup-assistant.svg"


def app_icon_svg() -> Path:
    if not APP_ICON.is_file():
        raise SystemExit(f"the app icon is missing: {APP_ICON}")
    return APP_ICON


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size×size, as PNG bytes (Qt offscreen, no window system needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a usable SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 accepts str at run time, not bytes
    buffer.close()
    del _app
    return bytes(data.data())


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """A multi-size .ico whose entries are PNG images (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    target.write_bytes(header + entries + blobs)


def make_icons(out: Path) -> Path:
    """Write app.svg, hicolor/<N>.png, app.ico and app.iconset/ into `out`; return `out`."""
    svg = app_icon_svg()
    out.mkdir(parents=True, exist_ok=True)
    (out / "app.svg").write_bytes(svg.read_bytes())
    pngs = {size: render_png(svg, size) for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, 1024})}
    hicolor = out / "hicolor"
    hicolor.mkdir(exist_ok=True)
    for size in HICOLOR_SIZES:
        (hicolor / f"{size}.png").write_bytes(pngs[size])
    write_ico({size: pngs[size] for size in ICO_SIZES}, out / "app.ico")
    iconset = out / "app.iconset"  # macOS: `iconutil -c icns app.iconset`
    iconset.mkdir(exist_ok=True)
    for size in (16, 32, 128, 256, 512):
        (iconset / f"icon_{size}x{size}.png").write_bytes(pngs[size])
        (iconset / f"icon_{size}x{size}@2x.png").write_bytes(pngs[size * 2])
    return out
