"""A card that explains one failure: what happened, what to do (numbered), who can fix it, details."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def who_text(who: str) -> str:
    """Who can fix it, in words the user knows."""
    texts = {
        "you": QCoreApplication.translate("ExplanationCard", "You can fix this yourself."),
        "provider": QCoreApplication.translate(
            "ExplanationCard", "Your provider or mail administrator can fix this."
        ),
        "recipient": QCoreApplication.translate(
            "ExplanationCard", "The recipient (or their mail provider) has to fix this."
        ),
    }
    return texts.get(who) or QCoreApplication.translate(
        "ExplanationCard", "Your provider or mail administrator can help."
    )


def steps_html(steps: list[str] | tuple[str, ...]) -> str:
    items = "".join(f"<li>{escape(step)}</li>" for step in steps)
    return f"<ol style='margin-left:0; -qt-list-indent:1;'>{items}</ol>"


def describe_fix(fix: Any) -> str:
    """ "port 587, STARTTLS": the settings a suggested fix would change, in the words of the settings."""
    from assistant.core.model import Security
    from assistant.gui import words

    parts = []
    if fix.get("host"):
        parts.append(str(fix["host"]))
    if fix.get("port"):
        parts.append(QCoreApplication.translate("ExplanationCard", "port {port}").format(port=fix["port"]))
    if fix.get("security"):
        try:
            parts.append(words.security_name(Security(str(fix["security"]))))
        except ValueError:
            parts.append(str(fix["security"]))
    return QCoreApplication.translate("ExplanationCard", ", ").join(parts)


class ExplanationCard(QFrame):
    """Everything a person needs about one failure; the technical part stays folded until asked for."""

    fix_requested = Signal(object)  # the explanation's suggested_fix mapping

    def __init__(
        self,
        explanation: Any,
        *,
        heading: str = "",
        technical: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="card")
        self.explanation = explanation
        self.technical = technical
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        if heading:
            self.heading = QLabel(heading, objectName="hint")
            layout.addWidget(self.heading)
        self.title = QLabel(str(explanation.title), objectName="cardTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.what = QLabel(str(explanation.what))
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.what)
        steps = list(getattr(explanation, "steps", []) or [])
        if steps:
            self.steps_title = QLabel(self.tr("What you can do"), objectName="subTitle")
            layout.addWidget(self.steps_title)
            self.steps = QLabel(steps_html(steps))
            self.steps.setTextFormat(Qt.TextFormat.RichText)
            self.steps.setWordWrap(True)
            self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.steps)
        self.who = QLabel(self.who_line(), objectName="who")
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        link = getattr(explanation, "link", None)
        if link:
            more = self.tr("More help on the web")
            self.link = QLabel(f"<a href='{escape(str(link))}'>{escape(more)}</a>")
            self.link.setOpenExternalLinks(True)
            layout.addWidget(self.link)

        fix = getattr(explanation, "suggested_fix", None)
        self.fix_button: QPushButton | None = None
        if fix:
            fix_row = QHBoxLayout()
            self.fix_button = QPushButton(self.tr("Try the suggested fix"), objectName="tryFix")
            self.fix_button.setToolTip(self.tr("Change the setting and test again"))
            self.fix_button.clicked.connect(lambda: self.fix_requested.emit(dict(fix)))
            self.fix_text = QLabel(self.tr("Suggested change: {change}").format(change=describe_fix(fix)))
            self.fix_text.setWordWrap(True)
            fix_row.addWidget(self.fix_button)
            fix_row.addWidget(self.fix_text, 1)
            layout.addLayout(fix_row)

        row = QHBoxLayout()
        self.toggle = QToolButton(objectName="detailsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText(self.tr("Details"))
        self.toggle.toggled.connect(self._toggle)
        row.addWidget(self.toggle)
        row.addStretch(1)
        self.copy = QPushButton(self.tr("Copy for support"), objectName="copyForSupport")
        self.copy.clicked.connect(self.copy_for_support)
        row.addWidget(self.copy)
        layout.addLayout(row)
        self.details = QPlainTextEdit(objectName="details")
        self.details.setReadOnly(True)
        self.details.setPlainText(self.details_text())
        self.details.setMinimumHeight(140)
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.hide()
        layout.addWidget(self.details)

    def who_line(self) -> str:
        e = self.explanation
        return str(getattr(e, "who_text", "") or who_text(str(getattr(e, "who", ""))))

    def details_text(self) -> str:
        e = self.explanation
        parts = []
        causes = list(getattr(e, "causes", []) or [])
        if causes:
            parts.append(self.tr("Possible causes:"))
            parts.extend(f"- {c}" for c in causes)
        if getattr(e, "details", ""):
            parts.append(str(e.details))
        parts.append(f"[{getattr(e, 'id', '')}]")
        if self.technical:
            parts.append("")
            parts.append(self.technical)
        return "\n".join(parts)

    def copy_for_support(self) -> None:
        e = self.explanation
        steps = [f"{i}. {s}" for i, s in enumerate(getattr(e, "steps", []) or [], 1)]
        text = "\n".join([str(e.title), str(e.what), *steps, self.who_line(), "", self.details_text()])
        QGuiApplication.clipboard().setText(text)

    def _toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
