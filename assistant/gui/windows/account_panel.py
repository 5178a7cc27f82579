"""One account in the main window: its settings in plain words, its actions, and the last test's result."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.core.store import Account
from assistant.gui import words
from assistant.gui.widgets.stage_column import StageColumn
from assistant.gui.widgets.status_list import format_ms

if TYPE_CHECKING:
    from assistant.gui.widgets.explanation_card import ExplanationCard
    from assistant.gui.windows.tasks import RunOutcome


log = logging.getLogger(__name__)


class AccountPanel(QWidget):
    """Shows one account. The window drives the runs; the panel shows what they report."""

    test_requested = Signal()
    send_check_requested = Signal()
    edit_requested = Signal()
    remove_requested = Signal()
    stop_requested = Signal()
    fix_requested = Signal(str, object)  # role ("incoming"/"outgoing"), the explanation's suggested_fix
    trust_requested = Signal(object, object)  # the ServerRun, the CertificateInfo to pin
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="AccountPanel")
        self.account: Account | None = None
        self.kind = ""  # "test" / "send" for the run shown below
        self.outcome: RunOutcome | None = None
        self.lang = "en"
        self.running = False
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.name = QLabel(objectName="pageTitle")
        self.name.setWordWrap(True)
        self.address = QLabel(objectName="hint")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.incoming_line = QLabel(objectName="incomingLine")
        self.outgoing_line = QLabel(objectName="outgoingLine")
        self.password_line = QLabel(objectName="passwordLine")
        self.last_line = QLabel(objectName="lastCheck")
        for label in (self.incoming_line, self.outgoing_line, self.password_line, self.last_line):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (
            self.name,
            self.address,
            self.incoming_line,
            self.outgoing_line,
            self.password_line,
            self.last_line,
        ):
            layout.addWidget(widget)

        actions = QHBoxLayout()
        self.test_button = QPushButton(objectName="testNow")
        self.send_button = QPushButton(objectName="whyCantISend")
        self.edit_button = QPushButton(objectName="edit")
        self.remove_button = QPushButton(objectName="remove")
        self.stop_button = QPushButton(objectName="stop")
        self.stop_button.hide()
        for button in (self.test_button, self.send_button, self.edit_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.stop_button)
        layout.addLayout(actions)
        self.test_button.clicked.connect(self.test_requested)
        self.send_button.clicked.connect(self.send_check_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        self.stop_button.clicked.connect(self.stop_requested)

        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.status = QLabel(objectName="runStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.columns_box = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_box)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns: dict[str, StageColumn] = {}  # made on the first run: the window opens faster
        self.columns_box.hide()
        layout.addWidget(self.columns_box)
        self.cards_box = QVBoxLayout()
        self.cards: list[ExplanationCard] = []
        layout.addLayout(self.cards_box)
        layout.addStretch(1)
        self.retranslate()

    # --- what is shown ---------------------------------------------------------------------------

    def show_account(self, account: Account | None) -> None:
        changed = self.account is None or account is None or account.address != self.account.address
        self.account = account
        if changed and not self.running:
            self.clear_run()
        self.retranslate()

    def clear_run(self) -> None:
        self.kind = ""
        self.outcome = None
        self.hint.show()
        self.status.hide()
        self.columns_box.hide()
        self._clear_cards()

    def retranslate(self) -> None:
        self.test_button.setText(self.tr("Test now"))
        self.test_button.setToolTip(
            self.tr("Log in to the incoming and outgoing server and report what happens")
        )
        self.send_button.setText(self.tr("Why can't I send?"))
        self.send_button.setToolTip(
            self.tr("Test the outgoing server and send a test message to yourself, then explain the result")
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove…"))
        self.stop_button.setText(self.tr("Stop"))
        self.hint.setText(
            self.tr(
                "“Test now” logs in to both servers and tells you what works. If only sending fails, use "
                "“Why can't I send?”: it also sends a test message to yourself."
            )
        )
        for column in self.columns.values():
            column.retranslate()
        a = self.account
        if a is None:
            return
        if self.columns:  # the tested servers' lines follow a language switch like the rest
            self.columns["incoming"].server.setText(words.server_line(a.incoming))
            self.columns["outgoing"].server.setText(words.server_line(a.outgoing))
            self.columns["send-test"].server.setText(self._send_test_line(a.address))
        self.name.setText(a.display_name or a.address)
        self.address.setText(a.address)
        self.address.setVisible(bool(a.display_name))
        self.incoming_line.setText(words.server_line(a.incoming))
        self.outgoing_line.setText(words.server_line(a.outgoing))
        self.password_line.setText(
            self.tr("Password: saved in the keyring")
            if a.password_saved
            else self.tr("Password: not saved (you are asked for it when you test)")
        )
        self.last_line.setText(self.last_check_text(a))
        if self.outcome is not None and not self.running:
            self.show_outcome(self.outcome, self.kind, self.lang)

    def last_check_text(self, a: Account) -> str:
        check = a.last_check
        if check is None:
            return self.tr("Not tested yet.")
        when = local_time(check.when)
        if check.incoming_ok is None and check.outgoing_ok:  # "Why can't I send?" tests sending only
            return self.tr("Last test: {when} — sending worked.").format(when=when)
        if check.incoming_ok is not False and check.outgoing_ok is not False:
            return self.tr("Last test: {when} — everything worked.").format(when=when)
        return self.tr("Last test: {when} — problems were found.").format(when=when)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- a run -----------------------------------------------------------------------------------

    def run_started(self, kind: str) -> None:
        assert self.account is not None
        if not self.columns:
            for role in ("incoming", "outgoing", "send-test"):
                self.columns[role] = StageColumn(role)
                self.columns_layout.addWidget(self.columns[role], 1)
        self.kind = kind
        self.outcome = None
        self.running = True
        self.hint.hide()
        self._clear_cards()
        self.columns["incoming"].setVisible(kind == "test")
        self.columns["outgoing"].setVisible(True)
        self.columns["send-test"].setVisible(kind == "send")
        self.columns["incoming"].reset(words.server_line(self.account.incoming))
        self.columns["outgoing"].reset(words.server_line(self.account.outgoing))
        self.columns["send-test"].reset(self._send_test_line(self.account.address))
        self.columns_box.show()
        self.say(self.tr("Testing… this usually takes a few seconds."))
        self._set_busy(True)

    def _send_test_line(self, address: str) -> str:
        return self.tr("From {address} to {address}").format(address=address)

    def stage_event(self, event: Any) -> None:
        column = self.columns.get(str(getattr(event, "role", "")))
        if column is None:
            return
        stage = getattr(event, "stage", "")
        status = getattr(event, "status", "")
        column.stage_event(
            str(getattr(stage, "value", stage)),
            str(getattr(status, "value", status)),
            float(getattr(event, "elapsed_ms", 0.0) or 0.0),
            str(getattr(event, "detail", "") or ""),
            str(getattr(getattr(event, "evidence", None), "code", "") or ""),
        )

    def say(self, text: str, style: str = "runStatus") -> None:
        """The status line ("runStatus" plain, "okText" green, "error" red); empty text hides it."""
        self.status.setObjectName(style)
        self.status.style().unpolish(self.status)  # the style sheet selects by object name
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def run_stopped(self, message: str) -> None:
        """Cancelled, or could not run at all."""
        self.running = False
        self._set_busy(False)
        for column in self.columns.values():
            column.finish()
        self.say(message)

    def show_outcome(self, outcome: RunOutcome, kind: str, lang: str) -> None:
        """The finished run: every column settled, a one-line summary, and a card per failure."""
        from assistant.gui.widgets.explanation_card import (  # only a failure needs them
            ExplanationCard,
            unique_mnemonics,
        )
        from assistant.gui.windows.tasks import explain_server

        self.running = False
        self._set_busy(False)
        self.kind, self.outcome, self.lang = kind, outcome, lang
        for column in self.columns.values():
            column.finish()
        self._clear_cards()
        if outcome.ok:
            if kind == "send" and outcome.round_trip_ms is not None:
                text = self.tr(
                    "Sending works. Your test message arrived in your inbox after {time}. If one particular "
                    "person does not get your mail, analyze the bounce message that came back."
                ).format(time=format_ms(outcome.round_trip_ms))
            elif kind == "send":
                text = self.tr("Sending works: the outgoing server accepted your login and a test message.")
            else:
                text = self.tr("Everything works: you can receive and send mail.")
            self.say(f"✓ {text}", "okText")
        else:
            self.say(
                "✗ " + self.tr("Something does not work yet. Below is what happened and what you can do."),
                "error",
            )
        for server in outcome.failed():
            if server.evidence is None:
                continue
            try:
                explanation = explain_server(server, outcome, lang)
            except Exception:  # a missing explanation must not hide the failure itself
                log.exception("no explanation for %s", server.evidence.code)
                explanation = self._fallback(server.evidence.code)
            card = ExplanationCard(self.role_heading(server.role, server.settings), explanation, server)
            role = "outgoing" if server.role == "send-test" else server.role
            card.fix.connect(lambda fix, role=role: self.fix_requested.emit(role, fix))
            card.trust.connect(lambda cert, server=server: self.trust_requested.emit(server, cert))
            card.retry.connect(self.retry_requested)
            self.cards.append(card)
            self.cards_box.addWidget(card)
        unique_mnemonics(self.cards)

    def _fallback(self, code: str) -> Any:
        from types import SimpleNamespace

        return SimpleNamespace(
            id=code,
            title=self.tr("This server did not work"),
            what=self.tr("The test stopped with the code {code}.").format(code=code),
            steps=[self.tr("Check the server name, port number and security in the settings.")],
            who="provider",
            who_text="",
            retry=True,
            link="",
            details="",
            suggested_fix=None,
        )

    def role_heading(self, role: str, settings: Any) -> str:
        host = getattr(settings, "host", "")
        names = {
            "incoming": self.tr("Incoming server"),
            "outgoing": self.tr("Outgoing server"),
            "send-test": self.tr("Test message to yourself"),
        }
        name = names.get(role, role)
        return f"{name} — {host}" if host else name

    def _clear_cards(self) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.send_button, self.edit_button, self.remove_button):
            button.setEnabled(not busy)
        self.stop_button.setVisible(busy)


def local_time(iso: str) -> str:
    """An ISO 8601 UTC time as this computer's local time, to the minute."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
