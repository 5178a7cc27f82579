"""A window's first size, never larger than the screen it opens on (150 % scaling on a small laptop)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width x height (logical pixels), shrunk to the available screen area when that is smaller;
    the minimum size shrinks with it, so the window's pages scroll instead of running off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width()), min(height, area.height())
        minimum = window.minimumSize()
        window.setMinimumSize(min(minimum.width(), width), min(minimum.height(), height))
    window.resize(width, height)
