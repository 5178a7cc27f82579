"""Edit an account: display name, both servers (checked as you type), and optionally a new password."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.core.store import Account
from assistant.gui.widgets import theme
from assistant.gui.widgets.server_form import ServerForm


class EditDialog(QDialog):
    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="EditDialog")
        self.original = account
        self.setStyleSheet(theme.style_sheet())
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.heading = QLabel(account.address, objectName="cardTitle")
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.display_name = QLineEdit(account.display_name, objectName="displayName")
        self.password = QLineEdit(objectName="newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.display_name)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form.addRow(self.name_label, self.display_name)
        form.addRow(self.password_label, self.password)
        self.save_password = QCheckBox(objectName="savePassword")
        self.save_password.setChecked(True)
        form.addRow("", self.save_password)
        layout.addLayout(form)
        servers = QHBoxLayout()
        self.incoming = ServerForm(incoming=True)
        self.incoming.set_settings(account.incoming)
        self.outgoing = ServerForm(incoming=False)
        self.outgoing.set_settings(account.outgoing)
        servers.addWidget(self.incoming, 1)
        servers.addWidget(self.outgoing, 1)
        layout.addLayout(servers)
        layout.addStretch(1)  # room left by a message that went away stays below the forms
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.incoming.changed.connect(self._update)
        self.outgoing.changed.connect(self._update)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit account"))
        self.name_label.setText(self.tr("Display name:"))
        self.password_label.setText(self.tr("New password:"))
        self.password.setPlaceholderText(self.tr("Leave empty to keep the current password"))
        self.save_password.setText(self.tr("Save the password in the keyring"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self) -> None:
        ok = self.incoming.settings() is not None and self.outgoing.settings() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow when a wrapped (two-line) message appears under a form: a dialog does not do it itself."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _accept(self) -> None:
        if self.incoming.settings() is not None and self.outgoing.settings() is not None:
            self.accept()

    def account(self) -> Account:
        incoming = self.incoming.settings() or self.original.incoming
        outgoing = self.outgoing.settings() or self.original.outgoing
        return replace(
            self.original,
            display_name=self.display_name.text().strip(),
            incoming=replace(incoming, auth=self.original.incoming.auth),
            outgoing=replace(outgoing, auth=self.original.outgoing.auth),
            last_check=None
            if (incoming, outgoing) != (self.original.incoming, self.original.outgoing)
            else self.original.last_check,
        )

    def new_password(self) -> str:
        return self.password.text()
