"""The style sheet of the main window and its views: the shared theme plus a few names of their own."""

from __future__ import annotations

from assistant.gui.widgets import theme


def window_style() -> str:
    """The shared theme plus what only the main window uses."""
    return (
        theme.style_sheet()
        + f"""
QLabel#subTitle, QLabel#who {{ font-weight: 600; }}
QLabel#okText {{ color: {theme.ok_color()}; }}
QLabel#emptyText {{ qproperty-alignment: AlignCenter; }}
QPushButton#emptyAddAccount {{ padding: 8px 28px; }}
"""
    )
