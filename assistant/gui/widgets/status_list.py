"""A live list of steps (discovery sources, check stages): a symbol, a name, a state and a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from assistant.gui.widgets import theme

WAITING, RUNNING, PASSED, FAILED, SKIPPED = "waiting", "running", "passed", "failed", "skipped"
_SYMBOLS = {WAITING: "○", RUNNING: "…", PASSED: "✓", FAILED: "✗", SKIPPED: "–"}


@dataclass
class _Row:
    symbol: QLabel
    name: QLabel
    text: QLabel
    time: QLabel
    status: str = WAITING
    text_of: Callable[[], str] | None = None  # re-asked after a language switch


class StatusList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self._rows: dict[str, _Row] = {}

    def add_row(self, key: str, name: str) -> None:
        r = len(self._rows)
        row = _Row(QLabel(_SYMBOLS[WAITING]), QLabel(name), QLabel(), QLabel())
        row.symbol.setFixedWidth(row.symbol.fontMetrics().horizontalAdvance("✓✓"))
        row.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.name.setWordWrap(True)
        row.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.text.setObjectName("hint")
        row.time.setObjectName("hint")
        for col, widget in enumerate((row.symbol, row.name, row.text, row.time)):
            self._grid.addWidget(widget, r, col)
        self._rows[key] = row
        self._refresh(key)

    def clear(self) -> None:
        for row in self._rows.values():
            for widget in (row.symbol, row.name, row.text, row.time):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = {}

    def keys(self) -> list[str]:
        return list(self._rows)

    def set_name(self, key: str, name: str) -> None:
        self._rows[key].name.setText(name)

    def set_status(
        self, key: str, status: str, text: str | Callable[[], str] = "", elapsed_ms: float | None = None
    ) -> None:
        """`text` may be a function returning it, so it follows a language switch."""
        row = self._rows[key]
        row.status = status
        row.text_of = text if callable(text) else None
        row.text.setText(text() if callable(text) else text)
        row.time.setText("" if elapsed_ms is None else format_ms(elapsed_ms))
        for widget in (row.symbol, row.name, row.text, row.time):
            widget.setToolTip("")
        self._refresh(key)

    def set_tip(self, key: str, tip: str) -> None:
        """A technical note for experts, shown when the pointer rests on the row."""
        row = self._rows[key]
        for widget in (row.symbol, row.name, row.text, row.time):
            widget.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for row in self._rows.values():
                if row.text_of is not None:
                    row.text.setText(row.text_of())
        super().changeEvent(event)

    def status(self, key: str) -> str:
        return self._rows[key].status

    def _refresh(self, key: str) -> None:
        row = self._rows[key]
        row.symbol.setText(_SYMBOLS.get(row.status, "?"))
        color = {PASSED: theme.ok_color(), FAILED: theme.fail_color()}.get(row.status)
        row.symbol.setStyleSheet(f"color: {color}; font-weight: 700;" if color else "")
        row.name.setEnabled(row.status != SKIPPED)
        row.name.setAccessibleDescription(f"{row.status} {row.text.text()} {row.time.text()}".strip())


def format_ms(ms: float) -> str:
    if ms < 1000:
        return f"{ms:.0f} ms"
    return f"{ms / 1000:.1f} s"
