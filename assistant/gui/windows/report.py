"""The support report: settings, last results, explanations, transcript, versions; never a password."""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.core.store import REDACTOR, Settings
from assistant.gui import words
from assistant.gui.widgets.screen_fit import resize_within_screen


def _width(text: str) -> int:
    """Columns `text` takes in a monospaced font: Japanese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # label, value
    steps: list[str] = field(default_factory=list)
    pre: str = ""  # preformatted (a transcript)


@dataclass
class SupportReport:
    title: str
    sections: list[Section]

    def to_text(self) -> str:
        out = [self.title, "=" * 60]
        for s in self.sections:
            out += ["", s.title, "-" * _width(s.title)]
            out += [f"{label}: {value}" if label else value for label, value in s.rows]
            out += [f"  {i}. {step}" for i, step in enumerate(s.steps, 1)]
            if s.pre:
                out += ["", s.pre]
        return REDACTOR.redact("\n".join(out) + "\n")

    def to_html(self) -> str:
        body = [f"<h1>{escape(self.title)}</h1>"]
        for s in self.sections:
            body.append(f"<h2>{escape(s.title)}</h2>")
            if s.rows:
                cells = "".join(
                    f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{escape(value)}</td></tr>"
                    if label
                    else f"<tr><td colspan='2'>{escape(value)}</td></tr>"
                    for label, value in s.rows
                )
                body.append(f"<table cellspacing='0' cellpadding='3'>{cells}</table>")
            if s.steps:
                body.append("<ol>" + "".join(f"<li>{escape(step)}</li>" for step in s.steps) + "</ol>")
            if s.pre:
                body.append(f"<pre>{escape(s.pre)}</pre>")
        html = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{escape(self.title)}</title></head><body>{''.join(body)}</body></html>\n"
        )
        return REDACTOR.redact(html)


def _versions(passwords: Any) -> Section:
    from PySide6 import __version__ as pyside_version

    import assistant

    keyring_name = "—"
    if passwords is not None:
        try:
            keyring_name = str(passwords.backend_name(detect=False)) or "—"  # never wait on the GUI thread
        except Exception:  # a report must never fail because of the keyring
            keyring_name = "—"
    return Section(
        QCoreApplication.translate("SupportReport", "App and system"),
        [
            (
                QCoreApplication.translate("SupportReport", "App version"),
                str(getattr(assistant, "__version__", "?")),
            ),
            (
                QCoreApplication.translate("SupportReport", "Operating system"),
                f"{platform.system()} {platform.release()} ({platform.machine()})",
            ),
            (QCoreApplication.translate("SupportReport", "Details"), platform.platform()),
            ("Python / PySide6", f"{sys.version.split()[0]} / {pyside_version}"),
            (QCoreApplication.translate("SupportReport", "Keyring"), keyring_name),
            (
                QCoreApplication.translate("SupportReport", "Created"),
                datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            ),
        ],
    )


def _account_section(account: Any) -> Section:
    rows = [
        (QCoreApplication.translate("SupportReport", "Address"), account.address),
        (QCoreApplication.translate("SupportReport", "Display name"), account.display_name),
        ("", words.server_line(account.incoming)),
        ("", words.user_line(account.incoming)),
        ("", words.server_line(account.outgoing)),
        ("", words.user_line(account.outgoing)),
        (
            QCoreApplication.translate("SupportReport", "Password saved in the keyring"),
            QCoreApplication.translate("SupportReport", "yes")
            if account.password_saved
            else QCoreApplication.translate("SupportReport", "no"),
        ),
    ]
    check = account.last_check
    if check is not None:
        rows.append(
            (
                QCoreApplication.translate("SupportReport", "Last test"),
                f"{_when(check.when)} — "
                + (
                    ", ".join(check.codes)
                    if check.codes
                    else QCoreApplication.translate("SupportReport", "everything worked")
                ),
            )
        )
    return Section(
        QCoreApplication.translate("SupportReport", "Account: {address}").format(address=account.address),
        rows,
    )


def _when(iso: str) -> str:
    """An ISO 8601 time as "2026-11-28 03:13 UTC" (the report's other times look the same)."""
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def _role(role: str) -> str:
    names = {
        "incoming": QCoreApplication.translate("SupportReport", "incoming server"),
        "outgoing": QCoreApplication.translate("SupportReport", "outgoing server"),
        "send-test": QCoreApplication.translate("SupportReport", "test message to yourself"),
    }
    return names.get(role, role)


def _outcome_sections(outcome: Any, lang: str) -> list[Section]:
    from assistant.gui.windows.tasks import explain_server

    sections = []
    for server in outcome.servers:
        settings = server.settings
        where = f"{settings.host}:{settings.port}" if settings is not None else ""
        rows = [
            (
                QCoreApplication.translate("SupportReport", "Result"),
                QCoreApplication.translate("SupportReport", "works")
                if server.ok
                else QCoreApplication.translate("SupportReport", "failed"),
            )
        ]
        if where:
            rows.insert(0, (QCoreApplication.translate("SupportReport", "Server"), where))
        steps: list[str] = []
        e = server.evidence
        if e is not None:
            rows.append(
                (
                    QCoreApplication.translate("SupportReport", "Code"),
                    f"{e.code} ({getattr(e.stage, 'value', e.stage)})",
                )
            )
            if e.reply_code or e.enhanced:
                rows.append(
                    (
                        QCoreApplication.translate("SupportReport", "Server reply"),
                        f"{e.reply_code or ''} {e.enhanced or ''} {e.text}".strip(),
                    )
                )
            try:
                x = explain_server(server, outcome, lang)
                rows.append(
                    (QCoreApplication.translate("SupportReport", "Explanation"), f"{x.title} — {x.what}")
                )
                steps = [str(s) for s in (x.steps or [])]
            except Exception:  # the facts above are still worth sending
                logging.getLogger(__name__).exception("no explanation for the report")
        sections.append(
            Section(
                QCoreApplication.translate("SupportReport", "Last test: {role}").format(
                    role=_role(server.role)
                ),
                rows,
                steps,
                server.transcript or "",
            )
        )
    return sections


def build_report(
    settings: Settings, last: tuple[str, str, Any] | None, lang: str, passwords: Any
) -> SupportReport:
    """Everything a help desk asks for. The password is not in any input; REDACTOR masks any stray copy."""
    sections = [_versions(passwords)]
    sections += [_account_section(a) for a in settings.accounts]
    if last is not None:
        sections += _outcome_sections(last[2], lang)
    return SupportReport(
        QCoreApplication.translate("SupportReport", "Mail Setup Assistant — support report"), sections
    )


class ReportDialog(QDialog):
    """A preview of the report, saved as HTML or text, or copied."""

    def __init__(self, report: SupportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="ReportDialog")
        self.report = report
        self.problem: Any = None  # the message box of a failed save, while it is open
        resize_within_screen(self, 760, 620)
        layout = QVBoxLayout(self)
        self.intro = QLabel(objectName="hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.preview = QTextBrowser(objectName="reportPreview")
        self.preview.setHtml(report.to_html())
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.save_html = QPushButton(objectName="saveHtml")
        self.save_text = QPushButton(objectName="saveText")
        self.copy = QPushButton(objectName="copyReport")
        self.close_button = QPushButton(objectName="closeReport")
        for b in (self.save_html, self.save_text, self.copy):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.save_html.clicked.connect(lambda: self._ask_and_save("html"))
        self.save_text.clicked.connect(lambda: self._ask_and_save("txt"))
        self.copy.clicked.connect(self._copy)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Support report"))
        self.intro.setText(
            self.tr(
                "Send this report to your help desk or provider. It contains your settings and the last "
                "test results, but never your password."
            )
        )
        self.save_html.setText(self.tr("Save as HTML…"))
        self.save_text.setText(self.tr("Save as text…"))
        self.copy.setText(self.tr("Copy"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.to_text())
        self.copy.setText(self.tr("Copied ✓"))  # a click with no visible effect looks like a broken button

    def _ask_and_save(self, kind: str) -> None:
        from PySide6.QtCore import QStandardPaths

        # The user's Documents folder, not wherever the app happened to be started from.
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        name = str(Path(folder) / f"mail-support-report.{kind}")
        filters = self.tr("Web page (*.html)") if kind == "html" else self.tr("Text (*.txt)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the support report"), name, filters)
        if path:
            self.save_to(Path(path), kind)

    def save_to(self, path: Path, kind: str) -> bool:
        """Write the report; a folder we may not write to is said in one sentence, not a traceback."""
        text = self.report.to_html() if kind == "html" else self.report.to_text()
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            self.problem = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Save the support report"),
                self.tr(
                    "The report could not be saved to {path} ({reason}). Please choose another folder."
                ).format(path=str(path), reason=exc.strerror or type(exc).__name__),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.problem.open()
            return False
        return True
