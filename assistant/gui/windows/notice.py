"""A dismissible message at the top of the main window: no modal dialog to get stuck behind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Notice(QFrame):
    """A dismissible message at the top of the window (no modal dialog to get stuck behind)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="warning")
        layout = QHBoxLayout(self)
        body = QVBoxLayout()
        self.title = QLabel(title, objectName="cardTitle")
        self.title.setWordWrap(True)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.title)
        body.addWidget(self.text)
        layout.addLayout(body, 1)
        self.close_button = QPushButton(self.tr("Close"), objectName="dismissNotice")
        self.close_button.clicked.connect(self.deleteLater)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
