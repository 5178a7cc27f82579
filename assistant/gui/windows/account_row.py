"""One line of the accounts list: a ✓/✗ from the last test, the name, and the address below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from assistant.core.store import Account
from assistant.gui.widgets import theme


class AccountRow(QWidget):
    """One line of the accounts list: a ✓/✗ from the last test, the name, and the address below it."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.mark = QLabel()
        check = account.last_check
        if check is not None:
            good = check.incoming_ok is not False and check.outgoing_ok is not False
            self.mark.setText("✓" if good else "✗")
            color = theme.ok_color() if good else theme.fail_color()
            self.mark.setStyleSheet(f"color: {color}; font-weight: 700;")
        self.mark.setFixedWidth(self.mark.fontMetrics().horizontalAdvance("✓✓"))
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(0)
        self.name = QLabel(account.display_name or account.address)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.address = QLabel(account.address, objectName="hint")
        text.addWidget(self.name)
        if account.display_name:
            text.addWidget(self.address)
        layout.addLayout(text, 1)
        self.setAccessibleName(f"{account.display_name} {account.address}".strip())
