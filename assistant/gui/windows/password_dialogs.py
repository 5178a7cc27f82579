"""Asking for a password that isn't saved, and telling the user plainly when the keyring can't be used."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.widgets import theme


class PasswordDialog(QDialog):
    """The password for one account, typed now; optionally saved in the keyring afterwards.

    `keyring` is a secrets.KeyringState value ("ok" / "no_backend" / "locked"), or None while it is being
    checked: "save" is unticked and disabled, with the reason, as soon as the keyring can't take it (until
    then it stays ticked: a failed save still ends in the keyring notice)."""

    def __init__(
        self,
        address: str,
        *,
        offer_save: bool = True,
        keyring: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="PasswordDialog")
        self.address = address
        self.keyring = keyring
        self.setStyleSheet(theme.style_sheet())
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="cardTitle")
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row = QHBoxLayout()
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button = QToolButton(objectName="showPassword")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._show)
        row.addWidget(self.password, 1)
        row.addWidget(self.show_button)
        self.save = QCheckBox(objectName="savePassword")
        self.save.setVisible(offer_save)
        self.save_reason = QLabel(objectName="hint")
        self.save_reason.setWordWrap(True)
        self.offer_save = offer_save
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(self._update)
        for widget in (self.heading, self.text):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.save)
        layout.addWidget(self.save_reason)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.set_keyring(keyring)
        self._update()

    def set_keyring(self, state: str | None) -> None:
        """What the keyring can do now (see the class): tick, untick and disable "save", say why."""
        self.keyring = state
        usable = state in (None, "ok")
        self.save.setEnabled(usable)
        self.save.setChecked(usable)
        self.save_reason.setVisible(self.offer_save and not usable)
        self._say_reason()

    def wants_save(self) -> bool:
        """Save the typed password in the keyring afterwards."""
        return self.offer_save and self.keyring in (None, "ok") and self.save.isChecked()

    def _say_reason(self) -> None:
        if self.keyring == "no_backend":
            text = self.tr(
                "This computer has no password storage (keyring) the assistant can use, so the password "
                "can't be saved. You will be asked for it each time."
            )
        elif self.keyring == "locked":
            text = self.tr(
                "The keyring is locked, so the password can't be saved now. You will be asked for it "
                "next time."
            )
        else:
            text = ""
        self.save_reason.setText(text)
        self.save.setAccessibleDescription(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Password"))
        self.heading.setText(self.tr("Password for {address}").format(address=self.address))
        self.text.setText(
            self.tr("The password is not saved on this computer. Please enter it to run the test.")
        )
        self.password.setAccessibleName(self.tr("Password"))
        self.show_button.setText(self.tr("Hide") if self.show_button.isChecked() else self.tr("Show"))
        self.show_button.setAccessibleName(self.tr("Show the password"))
        self.save.setText(self.tr("Save the password in the keyring"))
        self._say_reason()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.retranslate()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.password.text()))

    def value(self) -> str:
        return self.password.text()


class KeyringNotice(QFrame):
    """In plain words: the password can't be kept (no keyring, or it's locked); retry or go on without."""

    retry = Signal()
    continue_without = Signal()
    dismissed = Signal()

    def __init__(
        self, state: str, detail: str = "", *, reading: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="warning")
        self.state = state  # secrets.KeyringState value: "no_backend" / "locked"
        self.reading = reading  # True: a saved password could not be read; False: one could not be saved
        self.detail = detail
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.heading = QLabel(objectName="cardTitle")
        self.heading.setWordWrap(True)
        self.text = QLabel(objectName="keyringText")
        self.text.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.continue_button = QPushButton(objectName="continueWithoutSaving")
        self.continue_button.setDefault(True)
        self.retry_button = QPushButton(objectName="retryKeyring")
        self.close_button = QPushButton(objectName="dismissKeyring")
        self.toggle = QToolButton(objectName="detailsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setVisible(bool(detail))
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.toggle)
        layout.addLayout(buttons)
        self.details = QPlainTextEdit(detail, objectName="details")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(80)
        self.details.hide()
        layout.addWidget(self.details)
        self.continue_button.clicked.connect(self.continue_without)
        self.retry_button.clicked.connect(self.retry)
        self.close_button.clicked.connect(self.dismissed)
        self.toggle.toggled.connect(self._toggle)
        self.retranslate()

    def retranslate(self) -> None:
        if self.reading and self.state == "no_backend":
            self.heading.setText(self.tr("Your saved password can't be read"))
            self.text.setText(
                self.tr(
                    "The password storage (keyring) that holds your password can't be reached on this "
                    "computer right now. You can type the password this time."
                )
            )
        elif self.reading:
            self.heading.setText(self.tr("The keyring is locked"))
            self.text.setText(
                self.tr(
                    "Your password for this account is kept in the keyring, but it is locked or did not let "
                    "the assistant use it. Unlock it (usually with the password you use to log in to this "
                    "computer) and try again, or type the password this time."
                )
            )
        elif self.state == "no_backend":
            self.heading.setText(self.tr("Your password can't be saved on this computer"))
            self.text.setText(
                self.tr(
                    "This computer has no password storage (keyring) that the assistant can use, so it "
                    "can't remember your password. You can continue without saving it: everything works, "
                    "but you will be asked for the password each time you test the account. The password "
                    "is never stored anywhere else."
                )
            )
        else:
            self.heading.setText(self.tr("The keyring is locked"))
            self.text.setText(
                self.tr(
                    "Your passwords are kept in the keyring, but it is locked or did not let the assistant "
                    "use it. Unlock it (usually with the password you use to log in to this computer) and "
                    "try again, or continue without saving the password: you will then be asked for it "
                    "each time you test the account."
                )
            )
        self.continue_button.setText(
            self.tr("Type the password instead") if self.reading else self.tr("Continue without saving")
        )
        self.retry_button.setText(self.tr("Try again"))
        self.close_button.setText(self.tr("Close"))
        self.toggle.setText(self.tr("Details"))
        self.setAccessibleName(self.heading.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
