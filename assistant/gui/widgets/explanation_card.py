"""One failed server explained: title, what happened, numbered steps, who can fix it, and Details."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.widgets.certificate_view import CertificateView, certificate_text

CERT_CODES = ("tls.cert_hostname", "tls.cert_untrusted", "tls.cert_expired", "tls.pin_mismatch")


class ExplanationCard(QFrame):
    """Buttons only emit: the result page decides what retry, fix and trust mean."""

    retry = Signal()
    fix = Signal(object)  # the explanation's suggested_fix
    trust = Signal(object)  # the CertificateInfo to pin

    def __init__(
        self,
        heading: str,
        explanation: Any,
        outcome: Any,
        parent: QWidget | None = None,
        *,
        offer_fix: bool = True,
        fix: Mapping[str, Any] | None = None,
    ) -> None:
        """`offer_fix=False` hides the suggested fix (e.g. the settings already are what it suggests);
        `fix` replaces it (e.g. another user name to try)."""
        super().__init__(parent)
        self.setObjectName("card")
        self.explanation = explanation
        self.outcome = outcome
        self.explanation_id = str(getattr(explanation, "id", ""))
        self.setAccessibleName(str(getattr(explanation, "title", "")))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)

        head = QLabel(heading, objectName="hint")
        head.setWordWrap(True)
        title = QLabel(str(getattr(explanation, "title", "")), objectName="cardTitle")
        title.setWordWrap(True)
        what = QLabel(str(getattr(explanation, "what", "")))
        what.setWordWrap(True)
        layout.addWidget(head)
        layout.addWidget(title)
        layout.addWidget(what)

        steps = [str(s) for s in getattr(explanation, "steps", []) or []]
        if steps:
            what_to_do = self.tr("What to do")
            layout.addWidget(QLabel(f"<b>{html.escape(what_to_do)}</b>"))
            items = "".join(f"<li>{html.escape(s)}</li>" for s in steps)
            steps_label = QLabel(
                f"<ol style='margin-left:0px; -qt-list-indent:1'>{items}</ol>", objectName="steps"
            )
            steps_label.setWordWrap(True)
            steps_label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(steps_label)
        who = str(getattr(explanation, "who_text", "") or self.who_text(str(getattr(explanation, "who", ""))))
        if who:
            caption = self.tr("Who can fix it:")
            who_label = QLabel(f"<b>{html.escape(caption)}</b> {html.escape(who)}")
            who_label.setWordWrap(True)
            layout.addWidget(who_label)
        if getattr(explanation, "retry", False):
            later = QLabel(self.tr("Trying again later can help."), objectName="hint")
            layout.addWidget(later)
        link = str(getattr(explanation, "link", "") or "")
        if link:
            more_help = self.tr("More help from your provider")
            link_label = QLabel(f'<a href="{html.escape(link)}">{html.escape(more_help)}</a>')
            link_label.setOpenExternalLinks(True)
            link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            layout.addWidget(link_label)

        cert = getattr(outcome, "certificate", None)
        code = getattr(getattr(outcome, "evidence", None), "code", "")
        self.cert_view: CertificateView | None = None
        if cert is not None and code in CERT_CODES:
            shown = self.tr("The certificate the server showed")
            cert_title = QLabel(f"<b>{html.escape(shown)}</b>")
            layout.addWidget(cert_title)
            self.cert_view = CertificateView(cert)
            layout.addWidget(self.cert_view)

        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Test &again"), objectName="retry")
        self.retry_button.clicked.connect(self.retry.emit)
        buttons.addWidget(self.retry_button)
        self.fix_button: QPushButton | None = None
        suggested = fix or getattr(explanation, "suggested_fix", None)
        if suggested and offer_fix:
            self.fix_button = QPushButton(self.fix_label(suggested), objectName="suggested_fix")
            self.fix_button.clicked.connect(lambda: self.fix.emit(suggested))
            buttons.addWidget(self.fix_button)
        self.trust_button: QPushButton | None = None
        if cert is not None and code in CERT_CODES and getattr(cert, "sha256", ""):
            self.trust_button = QPushButton(
                self.tr("Trust this certificate…"), objectName="trust_certificate"
            )
            self.trust_button.clicked.connect(lambda: self.trust.emit(cert))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if self.trust_button is not None:  # a row of its own: three buttons in a row are too wide for 640 px
            trust_row = QHBoxLayout()
            trust_row.addWidget(self.trust_button)
            trust_row.addStretch(1)
            layout.addLayout(trust_row)

        self.details_toggle = QToolButton(objectName="details_toggle")
        self.details_toggle.setText(self.tr("Details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAutoRaise(True)
        layout.addWidget(self.details_toggle)
        self.details = QWidget(objectName="details")
        d_layout = QVBoxLayout(self.details)
        d_layout.setContentsMargins(16, 0, 0, 0)
        self.details_text = QPlainTextEdit(objectName="transcript")
        self.details_text.setReadOnly(True)
        self.details_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.details_text.setFont(mono)
        self.details_text.setPlainText(self.support_text())
        self.details_text.setMinimumHeight(160)
        self.details_text.setAccessibleName(self.tr("Technical details"))
        d_layout.addWidget(self.details_text)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy for support"), objectName="copy_support")
        self.copy_button.clicked.connect(self.copy_support)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        d_layout.addLayout(copy_row)
        self.details.hide()
        layout.addWidget(self.details)
        self.details_toggle.toggled.connect(self._toggle_details)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def who_text(self, who: str) -> str:
        return {
            "you": self.tr("You can fix this yourself."),
            "user": self.tr("You can fix this yourself."),
            "provider": self.tr("Your mail provider or administrator."),
            "admin": self.tr("Your mail provider or administrator."),
            "recipient": self.tr("The person you wrote to."),
            "network": self.tr("Whoever runs your network (your internet provider, or the office network)."),
        }.get(who, who)

    def fix_label(self, fix: Any) -> str:
        changes = dict(fix) if isinstance(fix, Mapping) else {}
        port, security, host = changes.get("port"), changes.get("security"), changes.get("host")
        if host:
            return self.tr("Use the server name {host}").format(host=host)
        if changes.get("username"):
            return self.tr("Try the user name {user}").format(user=changes["username"])
        names = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "none": self.tr("none")}
        if port and security:
            return self.tr("Try port {port} with {security}").format(
                port=port, security=names.get(str(security), str(security))
            )
        if port:
            return self.tr("Try port {port}").format(port=port)
        if security:
            return self.tr("Try {security}").format(security=names.get(str(security), str(security)))
        return self.tr("Try the suggested fix")

    def support_text(self) -> str:
        """Everything a help desk needs, without the password (the transcript is redacted by the core)."""
        ev = getattr(self.outcome, "evidence", None)
        settings = getattr(self.outcome, "settings", None)
        import platform

        from assistant import __version__

        lines = [
            f"Mail Setup Assistant {__version__} on {platform.platform()}",
            f"explanation: {self.explanation_id}",
        ]
        if settings is not None:
            lines.append(f"server: {settings.describe()} user={settings.username}")
        if ev is not None:
            parts = [f"stage={ev.stage.value}", f"code={ev.code}"]
            if ev.reply_code:
                parts.append(f"reply={ev.reply_code}")
            if ev.enhanced:
                parts.append(f"enhanced={ev.enhanced}")
            if ev.response_code:
                parts.append(f"response={ev.response_code}")
            lines.append("evidence: " + " ".join(parts))
            if ev.text:
                lines.append(f"server said: {ev.text}")
            if ev.exception:
                lines.append(f"exception: {ev.exception}")
        details = str(getattr(self.explanation, "details", "") or "")
        if details:
            lines += ["", details]
        cert = getattr(self.outcome, "certificate", None)
        if cert is not None:
            lines += ["", certificate_text(cert)]
        transcript = str(getattr(self.outcome, "transcript", "") or "")
        if transcript:
            lines += ["", "transcript:", transcript]
        return "\n".join(lines)

    def copy_support(self) -> None:
        QGuiApplication.clipboard().setText(self.support_text())
        self.copy_button.setText(self.tr("Copied"))


def mnemonic(text: str) -> str:
    """The Alt+letter of a label ("Test &again" → "a", "もう一度テスト(&A)" → "a"), or ""."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def _relabel(text: str, taken: set[str]) -> str:
    """The label with a letter nobody on the page uses yet, or with none when every letter is taken."""
    plain = re.sub(r"&(?!&)", "", text)
    suffix = re.fullmatch(r"(.*)\((\w)\)(…?)", plain)  # Japanese style: "…(A)" → "…(&B)"
    if suffix:
        free = next((c for c in "abcdefghijklmnopqrstuvwxyz" if c not in taken), "")
        head, tail = suffix.group(1), suffix.group(3)
        return f"{head}(&{free.upper()}){tail}" if free else head + tail
    for i, char in enumerate(plain):
        if char.isascii() and char.isalnum() and char.lower() not in taken:
            return plain[:i] + "&" + plain[i:]
    return plain


def unique_mnemonics(cards: Sequence[ExplanationCard], taken: Iterable[str] = ()) -> None:
    """Several cards on one page: every Alt+letter reaches exactly one button.

    "Test again" does the same on every card, so only the first card keeps its letter; the other buttons
    (each card's own "Copy for support") get a letter no other button on the page uses. `taken`: the
    letters of the page's other buttons (e.g. "< &Back")."""
    used = {letter for letter in taken if letter}
    for index, card in enumerate(cards):
        if index > 0:
            card.retry_button.setText(re.sub(r"\(&\w\)|&(?!&)", "", card.retry_button.text()))
        buttons: list[QAbstractButton] = [card.retry_button, card.copy_button]
        for button in buttons:
            letter = mnemonic(button.text())
            if letter and letter in used:
                button.setText(_relabel(button.text(), used))
                letter = mnemonic(button.text())
            if letter:
                used.add(letter)
