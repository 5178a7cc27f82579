"""The main window (accounts), the bounce view and the support report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from assistant.gui.windows.main import MainWindow


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from assistant.gui.windows.main import MainWindow

        return MainWindow
    raise AttributeError(name)


def render_states(lang: str) -> list[tuple[str, QWidget]]:
    """Every state of the main window, bounce view and report with sample data (see screens.py)."""
    from assistant.gui.windows.screens import render_states as render

    return render(lang)


__all__ = ["MainWindow", "render_states"]
