"""Analyze a bounce: drop or open an .eml, or paste its text; see per recipient why and what to do."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.widgets import theme
from assistant.gui.widgets.explanation_card import ExplanationCard
from assistant.gui.widgets.screen_fit import resize_within_screen
from assistant.gui.windows.style import window_style

MAX_BYTES = 20 * 1024 * 1024  # a bounce with the original attached can be big, but not this big


class DropZone(QFrame):
    """Accepts a dropped file (or dropped text) and hands over its bytes."""

    dropped = Signal(bytes, str)  # data, file name ("" for text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(90)
        self.setStyleSheet("QFrame#dropZone { border: 2px dashed palette(mid); border-radius: 8px; }")
        layout = QVBoxLayout(self)
        self.label = QLabel(objectName="dropLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                try:
                    self.dropped.emit(path.read_bytes()[:MAX_BYTES], path.name)
                except OSError:
                    self.dropped.emit(b"", path.name)
                event.acceptProposedAction()
                return
        if mime.hasText():
            self.dropped.emit(mime.text().encode("utf-8"), "")
            event.acceptProposedAction()


class BounceView(QWidget):
    analysis_done = Signal(object)  # BounceAnalysis

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="BounceView")
        self.setStyleSheet(window_style())
        resize_within_screen(self, 820, 760)
        self.analysis: Any = None
        self.source_name = ""
        self.job: Any = None
        outer = QVBoxLayout(self)
        self.heading = QLabel(objectName="pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        row = QHBoxLayout()
        self.drop = DropZone()
        self.open_button = QPushButton(objectName="openEml")
        row.addWidget(self.drop, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(row)
        self.paste = QPlainTextEdit(objectName="pasteBounce")
        self.paste.setMaximumHeight(110)
        outer.addWidget(self.paste)
        paste_row = QHBoxLayout()
        paste_row.addStretch(1)
        self.analyze_button = QPushButton(objectName="analyzePasted")
        paste_row.addWidget(self.analyze_button)
        outer.addLayout(paste_row)
        self.summary = QLabel(objectName="bounceSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        outer.addWidget(self.summary)
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.results)
        outer.addWidget(scroll, 1)
        self.cards: list[ExplanationCard] = []
        self.open_button.clicked.connect(self.open_file)
        self.analyze_button.clicked.connect(self._analyze_pasted)
        self.paste.textChanged.connect(
            lambda: self.analyze_button.setEnabled(bool(self.paste.toPlainText().strip()))
        )
        self.drop.dropped.connect(self.analyze_bytes)
        self.analyze_button.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Analyze a bounce message"))
        self.heading.setText(self.tr("Why did my message come back?"))
        self.intro.setText(
            self.tr(
                "When a message can't be delivered, a bounce message comes back, often from "
                "“MAILER-DAEMON” or “Mail Delivery System”. Save it from your mail program as a file "
                "(.eml) and drop it here or open it, or copy its whole text and paste it below."
            )
        )
        self.drop.label.setText(self.tr("Drop the bounce message (.eml) here"))
        self.open_button.setText(self.tr("Open a file…"))
        self.paste.setPlaceholderText(self.tr("…or paste the text of the bounce message here"))
        self.paste.setAccessibleName(self.tr("Text of the bounce message"))
        self.analyze_button.setText(self.tr("Analyze the pasted text"))
        if self.analysis is not None:
            self.show_analysis(self.analysis)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the view when it is a window of its own, as in every dialog."""
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def lang(self) -> str:
        try:
            from assistant.gui.app import language

            return language().code or "en"
        except RuntimeError:
            return "en"

    def open_file(self) -> None:
        from PySide6.QtCore import QStandardPaths

        # where a saved message usually is, not wherever the app was started from
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a bounce message"),
            folder if folder and Path(folder).is_dir() else str(Path.home()),
            self.tr("Mail messages (*.eml *.msg *.txt);;All files (*)"),
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        try:
            data = path.read_bytes()[:MAX_BYTES]
        except OSError as exc:
            self._say(
                self.tr("The file could not be read ({error}).").format(error=exc.strerror or exc), True
            )
            return
        self.analyze_bytes(data, path.name)

    def _analyze_pasted(self) -> None:
        self.analyze_bytes(self.paste.toPlainText().encode("utf-8"), "")

    def analyze_bytes(self, data: bytes, name: str = "") -> None:
        from assistant.gui import workers
        from assistant.gui.windows.tasks import bounce_task

        if not data.strip():
            self._say(self.tr("That is empty. Please drop, open or paste a bounce message."), True)
            return
        if self.job is not None:
            # A newer message replaces the one still being read: a cancelled job delivers `cancelled`,
            # never its result, even when its analysis had already ended (workers decide on delivery).
            self.job.cancel()
        self.source_name = name
        self._say(self.tr("Reading the message…"), False)
        self.job = workers.start(bounce_task(data, self.lang()), self)
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self._unreadable)

    def _done(self, analysis: Any) -> None:
        self.job = None
        self.show_analysis(analysis)
        self.analysis_done.emit(analysis)

    def _unreadable(self, _failure: Any) -> None:
        self.job = None
        self._say(self.tr("This message could not be read as an e-mail."), True)

    def _say(self, text: str, error: bool) -> None:
        self._clear()
        self.summary.setObjectName("error" if error else "hint")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.summary.setText(text)
        self.summary.show()

    def _clear(self) -> None:
        for card in self.cards:
            self.results_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def show_analysis(self, analysis: Any) -> None:
        """One card per recipient: the address and its state on top, then the explanation."""
        self.analysis = analysis
        if analysis.kind == "bounce.input.binary":
            self._say(self.tr("This file is not an e-mail message (it contains binary data)."), True)
            return
        if analysis.kind.startswith("bounce.input."):
            self._say(
                self.tr(
                    "This is neither an e-mail message nor the text of a bounce. Please drop, open or paste "
                    "the bounce message itself."
                ),
                True,
            )
            return
        if analysis.kind == "not-bounce" or not analysis.recipients:
            self._say(
                self.tr(
                    "This does not look like a bounce message: no recipient that could not be reached was "
                    "found in it. If you copied only part of it, try saving the whole message as a file."
                ),
                True,
            )
            return
        if analysis.kind == "auto-reply":
            summary = self.tr(
                "This is an automatic reply (for example an out-of-office message), not a bounce."
            )
        elif analysis.kind == "feedback":
            summary = self.tr("This is a spam report: a recipient marked your message as spam.")
        else:
            summary = self.tr("Recipients in this bounce message: {count}").format(
                count=len(analysis.recipients)
            )
        self._say(summary, False)
        for r in analysis.recipients:
            state = {
                "failed": self.tr("Not delivered"),
                "delayed": self.tr("Delayed: the server is still trying"),
                "delivered": self.tr("Delivered"),
                "relayed": self.tr("Passed on to another server"),
                "expanded": self.tr("Passed on to a mailing list"),
                "auto-reply": self.tr("Automatic reply"),
                "feedback": self.tr("Marked as spam"),
            }.get(r.action, self.tr("Not delivered"))
            # A standard status (5.1.1) is what the bounce itself shows; the analyzer's own x.y.9nn codes
            # ("no reason found") mean nothing to the reader and stay in Details.
            parts = (r.status or "").split(".")
            standard = len(parts) == 3 and parts[2].isdigit() and int(parts[2]) < 900
            status = f" ({r.status})" if standard else ""
            address = r.address or self.tr("A recipient the message does not name")
            heading = f"{address} — {state}{status}"
            facts = SimpleNamespace(settings=None, evidence=None, certificate=None, transcript=r.technical)
            card = ExplanationCard(heading, r.explanation, facts)
            card.retry_button.hide()  # nothing to test again: the bounce is what it is
            recipient = card.findChild(QLabel, "hint")
            if recipient is not None:  # the recipient's address and state head the card, in large type
                recipient.setObjectName("recipient")
                theme.scaled(recipient, 1.15, bold=True)
            self.cards.append(card)
            self.results_layout.insertWidget(self.results_layout.count() - 1, card)
