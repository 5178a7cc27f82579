"""Step 3: the settings in plain words, IMAP or POP in one sentence each, and an Edit view for experts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.model import DEFAULT_PORTS, Protocol, Security, ServerSettings
from assistant.gui import words
from assistant.gui.widgets.server_form import ServerForm
from assistant.gui.wizard.page import WizardPage


class SettingsPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.stack = QStackedWidget()
        self.layout_.addWidget(self.stack, 1)

        # summary view
        summary = QWidget()
        s_layout = QVBoxLayout(summary)
        s_layout.setContentsMargins(0, 0, 0, 0)
        self.card = QFrame(objectName="card")
        card_layout = QVBoxLayout(self.card)
        self.lines = self.wrap_label(name="serverLines")
        card_layout.addWidget(self.lines)
        s_layout.addWidget(self.card)

        self.compare_title = QLabel(objectName="cardTitle")
        s_layout.addWidget(self.compare_title)
        self.imap = QRadioButton(objectName="choose_imap")
        self.imap_text = self.wrap_label(name="hint")
        self.pop = QRadioButton(objectName="choose_pop")
        self.pop_text = self.wrap_label(name="hint")
        self.group = QButtonGroup(self)
        for radio, text in ((self.imap, self.imap_text), (self.pop, self.pop_text)):
            self.group.addButton(radio)
            s_layout.addWidget(radio)
            text.setContentsMargins(24, 0, 0, 4)
            s_layout.addWidget(text)
        self.imap.toggled.connect(self._protocol_chosen)

        self.insecure = QCheckBox(objectName="allow_insecure")
        self.insecure.toggled.connect(self._insecure_toggled)
        s_layout.addWidget(self.insecure)
        self.send_test = QCheckBox(objectName="send_test")
        self.send_test.toggled.connect(lambda on: setattr(self.state, "send_test", on))
        s_layout.addWidget(self.send_test)
        row = QHBoxLayout()
        self.edit = QPushButton(objectName="edit")
        self.edit.clicked.connect(self.show_editor)
        row.addWidget(self.edit)
        row.addStretch(1)
        s_layout.addLayout(row)
        s_layout.addStretch(1)
        self.stack.addWidget(summary)

        # edit view
        editor = QWidget()
        e_layout = QVBoxLayout(editor)
        e_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_hint = self.wrap_label(name="hint")
        e_layout.addWidget(self.editor_hint)
        forms = QHBoxLayout()
        self.in_form = ServerForm(incoming=True)
        self.out_form = ServerForm(incoming=False)
        forms.addWidget(self.in_form)
        forms.addWidget(self.out_form)
        e_layout.addLayout(forms)
        row = QHBoxLayout()
        self.done = QPushButton(objectName="edit_done")
        self.done.clicked.connect(self.show_summary)
        row.addWidget(self.done)
        row.addStretch(1)
        e_layout.addLayout(row)
        e_layout.addStretch(1)
        self.stack.addWidget(editor)
        for form in (self.in_form, self.out_form):
            form.changed.connect(self._form_changed)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Your settings")

    def next_text(self) -> str:
        return self.tr("Test these settings")

    def can_next(self) -> bool:
        if self.editing():
            return self.in_form.settings() is not None and self.out_form.settings() is not None
        if self.state.incoming is None or self.state.outgoing is None:
            return False
        return not self._insecure_needed() or self.insecure.isChecked()

    def editing(self) -> bool:
        return self.stack.currentIndex() == 1

    def enter(self) -> None:
        self.send_test.setChecked(self.state.send_test)
        if self.state.incoming is None or self.state.outgoing is None:
            self._fill_blanks()
            self.show_editor()
        else:
            self.show_summary()

    def accept_input(self) -> bool:
        if self.editing():
            incoming, outgoing = self.in_form.settings(), self.out_form.settings()
            if incoming is None or outgoing is None:
                return False
            self._store(incoming, outgoing)
        return True

    def _store(self, incoming: ServerSettings, outgoing: ServerSettings) -> None:
        self.state.incoming, self.state.outgoing = incoming, outgoing
        self.state.incoming_choices = [
            c for c in self.state.incoming_choices if c.protocol != incoming.protocol
        ]
        self.state.incoming_choices.insert(0, incoming)

    def _fill_blanks(self) -> None:
        """No discovery result: start the form from the usual names for the domain."""
        address = self.state.address
        domain = address.domain if address else "example.jp"
        user = address.ascii if address else ""
        if self.state.incoming is None:
            self.state.incoming = ServerSettings(
                Protocol.IMAP,
                f"mail.{domain}",
                DEFAULT_PORTS[(Protocol.IMAP, Security.SSL)],
                Security.SSL,
                user,
            )
        if self.state.outgoing is None:
            self.state.outgoing = ServerSettings(
                Protocol.SMTP,
                f"mail.{domain}",
                DEFAULT_PORTS[(Protocol.SMTP, Security.STARTTLS)],
                Security.STARTTLS,
                user,
            )

    def show_editor(self) -> None:
        if self.state.incoming is not None:
            self.in_form.set_settings(self.state.incoming)
        if self.state.outgoing is not None:
            self.out_form.set_settings(self.state.outgoing)
        self.stack.setCurrentIndex(1)
        self.in_form.host.setFocus()
        self.changed.emit()

    def show_summary(self) -> None:
        if self.editing():
            incoming, outgoing = self.in_form.settings(), self.out_form.settings()
            if incoming is None or outgoing is None:
                return
            self._store(incoming, outgoing)
        self.stack.setCurrentIndex(0)
        self._refresh_summary()
        self.changed.emit()

    def _refresh_summary(self) -> None:
        lines = []
        for _role, s in self.state.servers():
            lines.append(f"<b>{words.server_line(s)}</b><br>{words.user_line(s)}")
        self.lines.setText("<br><br>".join(lines))
        protocols = {c.protocol for c in self.state.incoming_choices}
        if self.state.incoming is not None:
            protocols.add(self.state.incoming.protocol)
        self.imap.setEnabled(Protocol.IMAP in protocols)
        self.pop.setEnabled(Protocol.POP3 in protocols)
        current = self.state.incoming.protocol if self.state.incoming else Protocol.IMAP
        (self.imap if current is Protocol.IMAP else self.pop).setChecked(True)
        self.insecure.setVisible(self._insecure_needed())
        self.insecure.setChecked(self.state.allow_insecure)

    def _insecure_needed(self) -> bool:
        return any(s.security is Security.NONE for _r, s in self.state.servers())

    def _insecure_toggled(self, on: bool) -> None:
        self.state.allow_insecure = on
        self.changed.emit()

    def _protocol_chosen(self) -> None:
        wanted = Protocol.IMAP if self.imap.isChecked() else Protocol.POP3
        if self.state.incoming is not None and self.state.incoming.protocol is wanted:
            return
        choice = next((c for c in self.state.incoming_choices if c.protocol is wanted), None)
        if choice is not None:
            self.state.incoming = choice
            self._refresh_summary()
            self.changed.emit()

    def _form_changed(self) -> None:
        self.changed.emit()

    def retranslate(self) -> None:
        self.compare_title.setText(self.tr("How should your mail be kept?"))
        self.imap.setText(self.tr("&IMAP (recommended)"))
        self.imap_text.setText(
            self.tr("The same mail on every device (phone, computer, web). Needs a connection to read mail.")
        )
        self.pop.setText(self.tr("P&OP"))
        self.pop_text.setText(
            self.tr(
                "Mail is downloaded to this computer and can be read offline. "
                "Saves space on the server, but other devices will not see it."
            )
        )
        self.insecure.setText(
            self.tr(
                "Send my password without encryption (not recommended; only if your "
                "provider offers nothing else)"
            )
        )
        self.send_test.setText(self.tr("Also send a test message to myself (proves that sending works)"))
        self.edit.setText(self.tr("&Edit settings…"))
        self.done.setText(self.tr("&Done"))
        self.editor_hint.setText(
            self.tr("Change any field. Your provider's setup notice lists these values.")
        )
        if not self.editing() and self.state.incoming is not None:
            self._refresh_summary()
