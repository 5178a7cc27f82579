"""The setup wizard's frame: step header, the five pages, Back / Cancel / Next, language switch, Esc."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.widgets import theme
from assistant.gui.widgets.screen_fit import resize_within_screen
from assistant.gui.wizard.account_page import AccountPage
from assistant.gui.wizard.discovery_page import DiscoveryPage
from assistant.gui.wizard.page import WizardPage
from assistant.gui.wizard.result_page import ResultPage
from assistant.gui.wizard.settings_page import SettingsPage
from assistant.gui.wizard.state import WizardState
from assistant.gui.wizard.testing_page import TestingPage


class SetupWizard(QDialog):
    """Set up one account. `saved(account)` is emitted after the result page saved it."""

    saved = Signal(object)

    def __init__(
        self, net: Any = None, parent: QWidget | None = None, *, passwords: Any = None, store: Any = None
    ) -> None:
        """`net`: NetConfig (default: from the environment); `passwords`/`store`: core PasswordStore and
        SettingsStore to save into (default: the user's keyring and config folder)."""
        super().__init__(parent)
        self.setObjectName("SetupWizard")
        self._net = net
        self.passwords = passwords
        self.store = store
        self._prewarmed = False
        self.state = WizardState()
        self.setMinimumSize(640, 520)  # small laptop screens and half a screen: text wraps, pages scroll
        resize_within_screen(self, 820, 680)
        self.setStyleSheet(theme.style_sheet())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        self.steps = QLabel(objectName="steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        top.addWidget(self.steps, 1)
        self.language = QComboBox(objectName="language")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.activated.connect(self._language_chosen)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.page_title = QLabel(objectName="pageTitle")
        self.page_title.setWordWrap(True)
        outer.addWidget(self.page_title)

        self.stack = QStackedWidget()
        self.account = AccountPage(self)
        self.discovery = DiscoveryPage(self)
        self.settings = SettingsPage(self)
        self.testing = TestingPage(self)
        self.results = ResultPage(self)
        self.pages: list[WizardPage] = [
            self.account,
            self.discovery,
            self.settings,
            self.testing,
            self.results,
        ]
        for page in self.pages:
            self.stack.addWidget(page)
            page.changed.connect(self._update_buttons)
            page.advance.connect(self.next)
        scroll = QScrollArea(objectName="pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; it scrolls to them
        scroll.setWidget(self.stack)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(objectName="back")
        self.cancel_button = QPushButton(objectName="cancel")
        self.next_button = QPushButton(objectName="next")
        for b in (self.back_button, self.cancel_button):
            b.setAutoDefault(False)
        self.next_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next)
        self.retranslate()
        self.go(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._prewarmed:
            self._prewarmed = True
            QTimer.singleShot(0, self._prewarm)

    def _prewarm(self) -> None:
        """Load the core's network modules while the user types, so pressing Next does not stall."""
        from assistant.gui import workers

        def load(report: Any, cancel: Any) -> None:
            for name in ("assistant.core.discovery", "assistant.core.check", "assistant.core.explain"):
                importlib.import_module(name)

        workers.start(load, self)

    # -- what pages use
    def net(self) -> Any:
        if self._net is None:
            from assistant.gui.app import net_config

            self._net = net_config()
        return self._net

    def lang(self) -> str:
        try:
            from assistant.gui.app import language

            return language().code or "en"
        except RuntimeError:
            return "en"

    def page(self) -> WizardPage:
        page = self.stack.currentWidget()
        assert isinstance(page, WizardPage)
        return page

    # -- navigation
    def go(self, index: int, *, enter: bool = True) -> None:
        # the stack is as wide as its widest page: hidden pages are made not to count, so the current one
        # sets the width and its labels wrap instead of the whole page scrolling sideways
        for i, page in enumerate(self.pages):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        if enter:
            self.page().enter()
        self._update_header()
        self._update_buttons()

    def next(self) -> None:
        page = self.page()
        if not page.can_next():
            return
        if page is self.account and not self.account.accept_input():
            return
        if page is self.settings:
            if not self.settings.accept_input():
                return
            self.testing.reset()  # new or changed settings: always a fresh test
        if page is self.results:
            self.results.primary()
            return
        if page is self.testing and self.testing.phase in ("cancelled", "failed"):
            self.testing.start()  # "Test again"
            return
        self.go(self.stack.currentIndex() + 1)

    def back(self) -> None:
        page = self.page()
        if page.busy():
            page.stop()
        index = self.stack.currentIndex()
        if page is self.results or page is self.testing:
            self.go(self.pages.index(self.settings))
        elif index > 0:
            self.go(index - 1)

    def retest(self) -> None:
        """Run the checks again with the current settings (after a fix, a pin or a retry)."""
        self.testing.reset()
        self.go(self.pages.index(self.testing))

    def edit_password(self) -> None:
        """Back to the first page with the password selected: typing replaces it (discovery is kept)."""
        self.go(self.pages.index(self.account))
        self.account.password.setFocus()
        self.account.password.selectAll()

    def edit_settings(self) -> None:
        self.go(self.pages.index(self.settings))
        self.settings.show_editor()

    def reject(self) -> None:
        """Esc and Cancel: stop running work first; a second press closes."""
        page = self.page()
        if page.busy():
            page.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages:
            if page.busy():
                page.stop()
        super().closeEvent(event)

    def _update_header(self) -> None:
        names = [
            self.tr("Address"),
            self.tr("Search"),
            self.tr("Settings"),
            self.tr("Test"),
            self.tr("Result"),
        ]
        current = self.stack.currentIndex()
        parts = []
        for i, name in enumerate(names):
            text = f"{i + 1}. {name}"
            parts.append(f"<b><u>{text}</u></b>" if i == current else text)
        self.steps.setText("  ›  ".join(parts))
        self.steps.setAccessibleName(self.tr("Step {n} of {total}").format(n=current + 1, total=len(names)))
        self.page_title.setText(self.page().title())
        self.setWindowTitle(self.tr("Set up a mail account — Mail Setup Assistant"))

    def _update_buttons(self) -> None:
        page = self.page()
        self.page_title.setText(page.title())
        self.next_button.setText(page.next_text())
        self.next_button.setEnabled(page.can_next())
        self.next_button.setVisible(bool(page.next_text()))
        self.back_button.setEnabled(page.can_back())
        self.cancel_button.setText(self.tr("Stop") if page.busy() else self.tr("Close"))
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))
        self.next_button.setAccessibleName(page.next_text().replace("&", ""))

    # -- language
    def _language_chosen(self, _index: int) -> None:
        from assistant.gui.app import language

        language().set(str(self.language.currentData()))

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.language.setAccessibleName(self.tr("Language"))
        code = self.lang()
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self._update_header()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.setStyleSheet(theme.style_sheet())
        super().changeEvent(event)
