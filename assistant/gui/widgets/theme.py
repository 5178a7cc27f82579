"""Colours and type sizes that read well in light and dark mode (derived from the palette, never fixed)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def ok_color() -> str:
    return "#5fd38d" if dark() else "#1a7f37"


def fail_color() -> str:
    return "#ff7b72" if dark() else "#c62828"


def muted_color() -> str:
    color = QApplication.palette().color(QPalette.ColorRole.WindowText)  # a copy: ours to change
    color.setAlphaF(0.7)
    return color.name(QColor.NameFormat.HexArgb)  # not QColor(color): that builds all of the `Qt` enums


def style_sheet() -> str:
    """Object-name based styles: error text, hints, cards, big domain names."""
    base = QApplication.font().pointSizeF()
    if base <= 0:
        base = 10.0
    card_bg = "rgba(255,255,255,0.06)" if dark() else "rgba(0,0,0,0.035)"
    warn_bg = "rgba(255,196,0,0.12)" if dark() else "#fff6d6"
    return f"""
QLabel#error {{ color: {fail_color()}; }}
QLabel#hint {{ color: {muted_color()}; }}
QLabel#pageTitle {{ font-size: {base * 1.45:.1f}pt; font-weight: 600; }}
QLabel#cardTitle {{ font-size: {base * 1.2:.1f}pt; font-weight: 600; }}
QLabel#bigDomain {{ font-size: {base * 1.8:.1f}pt; font-weight: 700; }}
QFrame#card {{ background: {card_bg}; border: 1px solid palette(mid); border-radius: 8px; }}
QFrame#warning {{ background: {warn_bg}; border: 1px solid #d4a017; border-radius: 8px; }}
"""


def scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
