"""The main window: the accounts, and for each one test / why can't I send / edit / remove."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.resources import resource_path
from assistant.core.store import SettingsStore
from assistant.gui.widgets import theme
from assistant.gui.windows.style import window_style

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QListWidget

    from assistant.core.secrets import PasswordStore
    from assistant.core.store import Account, Settings, SettingsProblem
    from assistant.gui.windows.account_edits import AccountEdits
    from assistant.gui.windows.account_panel import AccountPanel
    from assistant.gui.windows.notice import Notice
    from assistant.gui.windows.password_flow import PasswordFlow
    from assistant.gui.windows.runs import Runs

# The first start (no accounts yet) shows only the empty state: what the account list, its rows, the
# panel, notices and the buttons' helpers need (and the `Qt` namespace, ~10 ms of enums to build) is
# imported where it is used.

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Accounts on the left, the chosen account on the right; notices on top."""

    settings_changed = Signal()
    run_finished = Signal(str)  # "done" / "cancelled" / "failed"

    def __init__(
        self,
        *,
        store: SettingsStore | None = None,
        passwords: PasswordStore | None = None,
        net: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.store = store if store is not None else SettingsStore()
        self._passwords = passwords  # created on first use: importing keyring costs start-up time
        self._net = net
        self._password_flow: PasswordFlow | None = None  # these three are made on first use
        self._runs: Runs | None = None
        self._edits: AccountEdits | None = None
        self.bounce_window: Any = None
        self.report_dialog: Any = None
        self.settings_notice: Notice | None = None
        self.setStyleSheet(window_style())
        icon = QIcon()
        icons = resource_path("icons")
        for size in (16, 32, 48, 64, 128, 256):
            png = icons / f"mail-setup-assistant-{size}.png"
            if png.exists():
                icon.addFile(str(png), QSize(size, size))  # with its size: read when first drawn
        self.setWindowIcon(icon)
        from assistant.gui.widgets.screen_fit import resize_within_screen

        resize_within_screen(self, 1040, 720)  # 150 % scaling on a small screen: stay on it

        central = QWidget()
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.add_button = QPushButton(objectName="addAccount")
        self.bounce_button = QPushButton(objectName="analyzeBounce")
        self.report_button = QPushButton(objectName="supportReport")
        for button in (self.add_button, self.bounce_button, self.report_button):
            top.addWidget(button)
        top.addStretch(1)
        self.language = QComboBox(objectName="language")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.activated.connect(self._language_chosen)
        top.addWidget(self.language)
        outer.addLayout(top)
        self.notices = QVBoxLayout()
        outer.addLayout(self.notices)

        self.splitter = QSplitter()
        self._accounts: QListWidget | None = None  # the list on the left: made for the first account
        self.right = QStackedWidget()
        self.empty = QWidget(objectName="emptyState")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel(objectName="emptyText")  # centred by the style sheet
        self.empty_text.setWordWrap(True)
        self.empty_add = QPushButton(objectName="emptyAddAccount")
        theme.scaled(self.empty_add, 1.2, bold=True)
        self.empty_add.setMinimumHeight(44)
        self.empty_add.clicked.connect(self.add_account)
        empty_layout.addWidget(self.empty_text)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_add)
        centred.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addStretch(2)
        self._panel: AccountPanel | None = None  # made when the first account is shown
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.panel_scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)  # the right side takes what the window gains
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.add_button.clicked.connect(self.add_account)
        self.bounce_button.clicked.connect(self.open_bounce_view)
        self.report_button.clicked.connect(self.open_support_report)

        self._settings: Settings | None = None
        if self.store.path.exists():  # else a first start: no accounts, and no file to read yet
            loaded = self.store.load()
            self._settings = loaded.settings
            if loaded.problem is not None:
                self.show_settings_problem(loaded.problem)
        self.refresh_accounts()
        self.retranslate()
        chosen = self._settings.language if self._settings is not None else None
        if chosen and chosen != self.lang():
            self._apply_language(chosen)  # the user's choice beats the system's

    @property
    def settings(self) -> Settings:
        """The settings in use; on a first start (no file yet) empty ones, made when first asked for."""
        if self._settings is None:
            from assistant.core.store import Settings

            self._settings = Settings()
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings

    def _saved_accounts(self) -> tuple[Account, ...]:
        return self._settings.accounts if self._settings is not None else ()

    @property
    def panel(self) -> AccountPanel:
        """The chosen account's panel; built on first use, so a first start (no accounts) opens faster."""
        if self._panel is None:
            from assistant.gui.windows.account_panel import AccountPanel

            panel = AccountPanel()
            panel.test_requested.connect(lambda: self.start_run("test"))
            panel.send_check_requested.connect(lambda: self.start_run("send"))
            panel.edit_requested.connect(self.edits.edit_account)
            panel.remove_requested.connect(self.edits.confirm_remove)
            panel.stop_requested.connect(self.runs.stop)
            panel.fix_requested.connect(self.runs.apply_fix)
            panel.trust_requested.connect(self.runs.ask_trust)
            panel.retry_requested.connect(lambda: self.runs.start(panel.kind or "test"))
            self.panel_scroll.setWidget(panel)
            self._panel = panel
        return self._panel

    @property
    def password_flow(self) -> PasswordFlow:
        """Getting, saving and deleting passwords in the keyring, with the dialogs that may need."""
        if self._password_flow is None:
            from assistant.gui.windows.password_flow import PasswordFlow

            self._password_flow = PasswordFlow(self)
        return self._password_flow

    @property
    def runs(self) -> Runs:
        """Test now / Why can't I send."""
        if self._runs is None:
            from assistant.gui.windows.runs import Runs

            self._runs = Runs(self)
        return self._runs

    @property
    def edits(self) -> AccountEdits:
        """Add (the wizard), edit and remove an account."""
        if self._edits is None:
            from assistant.gui.windows.account_edits import AccountEdits

            self._edits = AccountEdits(self)
        return self._edits

    def add_account(self) -> None:
        self.edits.add_account()

    @property
    def passwords(self) -> PasswordStore:
        if self._passwords is None:
            from assistant.core.secrets import PasswordStore

            self._passwords = PasswordStore()
        return self._passwords

    # --- language --------------------------------------------------------------------------------

    def lang(self) -> str:
        try:
            from assistant.gui.app import language

            return language().code or "en"
        except RuntimeError:
            return "en"

    def _language_chosen(self, _index: int) -> None:
        from dataclasses import replace

        code = str(self.language.currentData())
        self._apply_language(code)
        self.settings = replace(self.settings, language=code)
        self.save_settings()

    def _apply_language(self, code: str) -> None:
        from assistant.gui.app import language

        try:
            language().set(code)
        except RuntimeError:  # no create_app(): a bare QApplication (tools); stay in English
            log.info("language %s not applied: the app was not created by create_app()", code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mail Setup Assistant"))
        self.add_button.setText(self.tr("Add account…"))
        self.bounce_button.setText(self.tr("Analyze a bounce…"))
        self.bounce_button.setToolTip(self.tr("Find out why a message came back as undeliverable"))
        self.report_button.setText(self.tr("Support report…"))
        self.report_button.setToolTip(self.tr("Everything your help desk needs, without your password"))
        self.language.setAccessibleName(self.tr("Language"))
        if self._accounts is not None:
            self._accounts.setAccessibleName(self.tr("Mail accounts"))
        self.empty_text.setText(self.tr("There is no mail account yet."))
        self.empty_add.setText(self.tr("Set up a mail account…"))
        index = self.language.findData(self.lang())
        if index >= 0:
            self.language.setCurrentIndex(index)
        self.refresh_accounts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the accounts list -----------------------------------------------------------------------

    @property
    def accounts(self) -> QListWidget:
        """The accounts list on the left of the splitter; a first start (no accounts) does without."""
        if self._accounts is None:
            from PySide6.QtWidgets import QListWidget

            accounts = QListWidget(objectName="accounts")
            accounts.setMinimumWidth(240)
            accounts.setAccessibleName(self.tr("Mail accounts"))
            accounts.currentRowChanged.connect(self._account_chosen)
            total = sum(self.splitter.sizes())
            self.splitter.insertWidget(0, accounts)
            self.splitter.setSizes([280, total - 280 if total > 280 else 760])
            accounts.setVisible(bool(self._saved_accounts()))
            self._accounts = accounts
        return self._accounts

    def current_account(self) -> Account | None:
        return self._panel.account if self._panel is not None else None

    def refresh_accounts(self, select: str | None = None) -> None:
        shown = self.current_account()
        current = select or (shown.address if shown else None)
        row_to_select = 0
        saved = self._saved_accounts()
        if saved or self._accounts is not None:
            self.accounts.blockSignals(True)
            self.accounts.clear()
            for row, account in enumerate(saved):
                self._add_account_item(account)
                if account.address == current:
                    row_to_select = row
            self.accounts.blockSignals(False)
            self.accounts.setVisible(bool(saved))  # no empty white box without accounts
        if saved:
            self.accounts.setCurrentRow(row_to_select)
            self._account_chosen(row_to_select)
            self.right.setCurrentIndex(1)
        else:
            if self._panel is not None:
                self._panel.show_account(None)
            self.right.setCurrentIndex(0)

    def _add_account_item(self, account: Account) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        from assistant.gui.windows.account_row import AccountRow

        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, account.address)
        item.setToolTip(account.address)
        spoken = f"{account.display_name} {account.address}".strip()
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        widget = AccountRow(account)
        item.setSizeHint(widget.sizeHint())
        self.accounts.addItem(item)
        self.accounts.setItemWidget(item, widget)

    def _account_chosen(self, row: int) -> None:
        if 0 <= row < len(self.settings.accounts):
            self.panel.show_account(self.settings.accounts[row])

    def select_account(self, address: str) -> None:
        self.refresh_accounts(select=address)

    # --- settings on disk ------------------------------------------------------------------------

    def save_settings(self) -> bool:
        try:
            self.store.save(self.settings)
        except OSError as exc:
            log.error("could not save settings: %s", exc)
            self.add_notice(
                self.tr("Your settings could not be saved"),
                self.tr("The settings file could not be written ({error}). Is the disk full?").format(
                    error=exc.strerror or type(exc).__name__
                ),
            )
            return False
        self.settings_changed.emit()
        return True

    def show_settings_problem(self, problem: SettingsProblem) -> None:
        if problem.reason == "newer":
            text = self.tr(
                "Your settings were saved by a newer version of this app, so this version can't read them. "
                "It started without accounts. The file was kept unchanged as:\n{path}"
            )
        else:
            text = self.tr(
                "The settings file was damaged, so the assistant started without accounts. Please add your "
                "accounts again. The old file was kept, so your help desk can look at it:\n{path}"
            )
        self.settings_notice = self.add_notice(
            self.tr("Your saved settings could not be read"), text.format(path=str(problem.kept_as))
        )

    def add_notice(self, title: str, text: str) -> Notice:
        from assistant.gui.windows.notice import Notice

        notice = Notice(title, text)
        self.notices.addWidget(notice)
        return notice

    def update_account(self, account: Account) -> None:
        """Add or replace `account`, save, and show it."""
        self.settings = self.settings.with_account(account)
        self.save_settings()
        self.refresh_accounts(select=account.address)

    # --- testing ---------------------------------------------------------------------------------

    def net(self) -> Any:
        if self._net is None:
            from assistant.gui.app import net_config

            self._net = net_config()
        return self._net

    def start_run(self, kind: str) -> None:
        self.runs.start(kind)

    def stop_run(self) -> None:
        if self._runs is not None:
            self._runs.stop()

    # --- other views -----------------------------------------------------------------------------

    def open_bounce_view(self) -> None:
        from PySide6.QtCore import Qt

        from assistant.gui.windows.bounce_view import BounceView

        if self.bounce_window is None:
            self.bounce_window = BounceView(parent=self)
            self.bounce_window.setWindowFlag(Qt.WindowType.Window)
        self.bounce_window.show()
        self.bounce_window.raise_()

    def open_support_report(self) -> None:
        from assistant.gui.windows.report import ReportDialog, build_report

        report = build_report(self.settings, self.runs.last, self.lang(), self.passwords)
        self.report_dialog = ReportDialog(report, parent=self)
        self.report_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_run()
        super().closeEvent(event)
