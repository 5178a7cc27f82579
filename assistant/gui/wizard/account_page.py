"""Step 1: the address, the password (with show/hide) and the display name; nothing else up front."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from assistant.core.address import EmailAddress, InvalidAddress, parse_address
from assistant.gui.wizard.page import WizardPage


class AccountPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.intro = self.wrap_label()
        self.layout_.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText("taro@example.jp")
        self.address_error = self.wrap_label(name="error")
        self.address_error.hide()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QCheckBox()
        self.show_password.setObjectName("show_password")
        self.password_error = self.wrap_label(name="error")
        self.password_error.hide()
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.address_label = QLabel()
        self.password_label = QLabel()
        self.name_label = QLabel()
        for label, field in (
            (self.address_label, self.address),
            (self.password_label, self.password),
            (self.name_label, self.display_name),
        ):
            label.setBuddy(field)
        form.addRow(self.address_label, _stacked(self.address, self.address_error))
        form.addRow(self.password_label, _stacked(self.password, self.show_password, self.password_error))
        form.addRow(self.name_label, self.display_name)
        self.layout_.addLayout(form)
        self.privacy = self.wrap_label(name="hint")
        self.layout_.addWidget(self.privacy)
        self.layout_.addStretch(1)

        self.setTabOrder(self.address, self.password)
        self.setTabOrder(self.password, self.show_password)
        self.setTabOrder(self.show_password, self.display_name)
        self.show_password.toggled.connect(self._toggle_echo)
        self.address.textEdited.connect(self._address_edited)
        self.address.editingFinished.connect(lambda: self._check_address(show=True))
        self.password.textEdited.connect(self._password_edited)
        self._touched = False
        self.retranslate()

    def title(self) -> str:
        return self.tr("Your mail address")

    def next_text(self) -> str:
        return self.tr("Find my settings")

    def can_back(self) -> bool:
        return False

    def enter(self) -> None:
        self.address.setFocus()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Enter the address and password you received from your mail provider. "
                "We will find the server settings for you."
            )
        )
        self.address_label.setText(self.tr("&Mail address:"))
        self.password_label.setText(self.tr("&Password:"))
        self.name_label.setText(self.tr("&Your name:"))
        self.show_password.setText(self.tr("&Show password"))
        self.display_name.setPlaceholderText(self.tr("Shown to the people you write to (optional)"))
        self.privacy.setText(
            self.tr(
                "Your password is only sent to your own mail servers, and only over an "
                "encrypted connection unless you allow otherwise."
            )
        )
        self.address.setAccessibleName(self.tr("Mail address"))
        self.password.setAccessibleName(self.tr("Password"))
        self.show_password.setAccessibleName(self.tr("Show password"))
        self.display_name.setAccessibleName(self.tr("Your name"))
        if self.address_error.isVisible():
            self._check_address(show=True)
        if self.password_error.isVisible():
            self._check_password(show=True)

    def _toggle_echo(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _address_edited(self) -> None:
        # while typing, only clear an error the user is fixing; judge when they leave the field or press Next
        if self.address_error.isVisible():
            self._check_address(show=True)
        self.changed.emit()

    def _password_edited(self) -> None:
        if self.password_error.isVisible():
            self._check_password(show=True)
        self.changed.emit()

    def address_message(self, code: str, text: str = "") -> str:
        """The catalog's words for an address problem: its title, then the first thing to do."""
        try:
            from assistant.core.explain import explain_code

            found = explain_code(code, lang=self.wizard.lang(), values={"text": text})
        except (ImportError, LookupError):
            return self.tr("This does not look like a mail address.")
        steps = list(found.steps)
        return (
            f"{found.title}。{steps[0]}"
            if steps and self.wizard.lang() == "ja"
            else (f"{found.title}. {steps[0]}" if steps else str(found.title))
        )

    def _check_address(self, show: bool) -> EmailAddress | None:
        try:
            parsed = parse_address(self.address.text())
        except InvalidAddress as exc:
            if show and (self.address.text().strip() or self._touched):
                self.address_error.setText(self.address_message(exc.code, exc.text))
                self.address_error.show()
                self.address.setAccessibleDescription(self.address_error.text())
            return None
        self.address_error.hide()
        self.address.setAccessibleDescription("")
        return parsed

    def _check_password(self, show: bool) -> bool:
        ok = bool(self.password.text())
        if not ok and show:
            self.password_error.setText(self.tr("Please enter your password."))
            self.password_error.show()
        elif ok:
            self.password_error.hide()
        return ok

    def accept_input(self) -> bool:
        """Validate (showing inline messages) and store into the state; False keeps the user here."""
        self._touched = True
        parsed = self._check_address(show=True)
        has_password = self._check_password(show=True)
        if parsed is None:
            self.address.setFocus()
            return False
        if not has_password:
            self.password.setFocus()
            return False
        if parsed.display != self.address.text().strip():
            self.address.setText(parsed.display)  # show what we understood (full-width ＠ etc.)
        changed = self.state.address is None or self.state.address.ascii != parsed.ascii
        self.state.address = parsed
        self.state.password = self.password.text()
        from assistant.core.store import remember_secret

        remember_secret(self.state.password)  # the log redacts it from now on
        self.state.display_name = self.display_name.text().strip()
        if changed:
            self.state.discovery = None
        return True


def _stacked(*widgets: QWidget) -> QWidget:
    """A field with its inline message (or option) right below it, as wide as the field."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    for widget in widgets:
        column.addWidget(widget)
    holder.setFocusProxy(widgets[0])
    return holder
