"""The main window: the accounts, and for each one test / why can't I send / edit / remove."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.resources import resource_path
from assistant.core.store import Account, CheckSummary, Settings, SettingsProblem, SettingsStore
from assistant.gui.widgets import theme
from assistant.gui.windows.style import window_style

if TYPE_CHECKING:
    from assistant.core.secrets import PasswordStore
    from assistant.gui.windows import tasks
    from assistant.gui.windows.account_panel import AccountPanel
    from assistant.gui.windows.password_dialogs import KeyringNotice, PasswordDialog

log = logging.getLogger(__name__)


class Notice(QFrame):
    """A dismissible message at the top of the window (no modal dialog to get stuck behind)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="warning")
        layout = QHBoxLayout(self)
        body = QVBoxLayout()
        self.title = QLabel(title, objectName="cardTitle")
        self.title.setWordWrap(True)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.title)
        body.addWidget(self.text)
        layout.addLayout(body, 1)
        self.close_button = QPushButton(self.tr("Close"), objectName="dismissNotice")
        self.close_button.clicked.connect(self.deleteLater)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)


class AccountRow(QWidget):
    """One line of the accounts list: a ✓/✗ from the last test, the name, and the address below it."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.mark = QLabel()
        check = account.last_check
        if check is not None:
            good = check.incoming_ok is not False and check.outgoing_ok is not False
            self.mark.setText("✓" if good else "✗")
            color = theme.ok_color() if good else theme.fail_color()
            self.mark.setStyleSheet(f"color: {color}; font-weight: 700;")
        self.mark.setFixedWidth(self.mark.fontMetrics().horizontalAdvance("✓✓"))
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(0)
        self.name = QLabel(account.display_name or account.address)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.address = QLabel(account.address, objectName="hint")
        text.addWidget(self.name)
        if account.display_name:
            text.addWidget(self.address)
        layout.addLayout(text, 1)
        self.setAccessibleName(f"{account.display_name} {account.address}".strip())


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
        self.job: Any = None
        self.keyring_notice: KeyringNotice | None = None
        self.password_dialog: PasswordDialog | None = None
        self.confirm: Any = None  # the QMessageBox asking before a removal
        self.wizard: Any = None
        self.bounce_window: Any = None
        self.report_dialog: Any = None
        self.edit_dialog: Any = None
        self.trust_dialog: Any = None
        self.settings_notice: Notice | None = None
        self.last_outcome: tuple[str, str, Any] | None = None  # (address, kind, RunOutcome) for the report
        self._pending_kind = "test"
        self.setStyleSheet(window_style())
        icon = QIcon()
        for size in (16, 32, 48, 64, 128, 256):
            png = resource_path("icons", f"mail-setup-assistant-{size}.png")
            if png.exists():
                icon.addFile(str(png))
        self.setWindowIcon(icon)
        self.resize(1040, 720)

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

        splitter = QSplitter()
        self.accounts = QListWidget(objectName="accounts")
        self.accounts.setMinimumWidth(240)
        self.accounts.currentRowChanged.connect(self._account_chosen)
        splitter.addWidget(self.accounts)
        self.right = QStackedWidget()
        self.empty = QWidget(objectName="emptyState")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_add = QPushButton(objectName="emptyAddAccount")
        theme.scaled(self.empty_add, 1.2, bold=True)
        self.empty_add.setMinimumHeight(44)
        self.empty_add.clicked.connect(self.add_account)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self._panel: AccountPanel | None = None  # made when the first account is shown
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.panel_scroll)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 760])
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.add_button.clicked.connect(self.add_account)
        self.bounce_button.clicked.connect(self.open_bounce_view)
        self.report_button.clicked.connect(self.open_support_report)

        loaded = self.store.load()
        self.settings: Settings = loaded.settings
        if loaded.problem is not None:
            self.show_settings_problem(loaded.problem)
        self.refresh_accounts()
        self.retranslate()
        if self.settings.language and self.settings.language != self.lang():
            self._apply_language(self.settings.language)  # the user's choice beats the system's

    @property
    def panel(self) -> AccountPanel:
        """The chosen account's panel; built on first use, so a first start (no accounts) opens faster."""
        if self._panel is None:
            from assistant.gui.windows.account_panel import AccountPanel

            panel = AccountPanel()
            panel.test_requested.connect(lambda: self.start_run("test"))
            panel.send_check_requested.connect(lambda: self.start_run("send"))
            panel.edit_requested.connect(self.edit_account)
            panel.remove_requested.connect(self.confirm_remove)
            panel.stop_requested.connect(self.stop_run)
            panel.fix_requested.connect(self.apply_fix)
            panel.trust_requested.connect(self.ask_trust)
            panel.retry_requested.connect(lambda: self.start_run(panel.kind or "test"))
            self.panel_scroll.setWidget(panel)
            self._panel = panel
        return self._panel

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
        self.accounts.setAccessibleName(self.tr("Mail accounts"))
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

    def current_account(self) -> Account | None:
        return self._panel.account if self._panel is not None else None

    def refresh_accounts(self, select: str | None = None) -> None:
        shown = self.current_account()
        current = select or (shown.address if shown else None)
        self.accounts.blockSignals(True)
        self.accounts.clear()
        row_to_select = 0
        for row, account in enumerate(self.settings.accounts):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, account.address)
            item.setToolTip(account.address)
            widget = AccountRow(account)
            item.setSizeHint(widget.sizeHint())
            self.accounts.addItem(item)
            self.accounts.setItemWidget(item, widget)
            if account.address == current:
                row_to_select = row
        self.accounts.blockSignals(False)
        self.accounts.setVisible(bool(self.settings.accounts))  # no empty white box on the first start
        if self.settings.accounts:
            self.accounts.setCurrentRow(row_to_select)
            self._account_chosen(row_to_select)
            self.right.setCurrentIndex(1)
        else:
            if self._panel is not None:
                self._panel.show_account(None)
            self.right.setCurrentIndex(0)

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
        notice = Notice(title, text)
        self.notices.addWidget(notice)
        return notice

    def _update_account(self, account: Account) -> None:
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
        """Get the password (keyring, or ask), then run "test now" or "why can't I send?"."""
        account = self.current_account()
        if account is None or self.panel.running:
            return
        self._pending_kind = kind
        if account.password_saved:
            self._fetch_password(account)
        else:
            self._ask_password(account, offer_save=True)

    def _fetch_password(self, account: Account) -> None:
        self.panel.say(
            self.tr(
                "Getting your password from the keyring… If a window asks for your keyring password, "
                "enter it there."
            )
        )
        self._keyring_call(
            lambda: self.passwords.get(account.address),
            lambda outcome: self._password_fetched(account, outcome),
        )

    def _password_fetched(self, account: Account, outcome: tasks.KeyringOutcome) -> None:
        self.panel.say("")
        if outcome.ok and outcome.value:
            self._run(account, str(outcome.value))
        elif outcome.ok:  # the keyring works but has no entry (deleted elsewhere): ask
            self._ask_password(account, offer_save=True)
        else:
            self.show_keyring_problem(
                outcome,
                retry=lambda: self._fetch_password(account),
                without=lambda: self._ask_password(account, offer_save=False),
                reading=True,
            )

    def _ask_password(self, account: Account, *, offer_save: bool) -> None:
        from assistant.gui.windows.password_dialogs import PasswordDialog

        dialog = PasswordDialog(account.address, offer_save=offer_save, parent=self)
        self.password_dialog = dialog

        def accepted() -> None:
            password = dialog.value()
            save = dialog.save.isChecked() and offer_save
            self.password_dialog = None
            dialog.deleteLater()
            if save:
                self.save_password(account, password, then=lambda saved: self._run(saved, password))
            else:
                self._run(account, password)

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: setattr(self, "password_dialog", None))
        dialog.open()

    def save_password(self, account: Account, password: str, *, then: Callable[[Account], None]) -> None:
        """Keep the password in the keyring; if it can't, say so and offer to go on without saving."""

        def done(outcome: tasks.KeyringOutcome) -> None:
            if outcome.ok:
                saved = replace(account, password_saved=True)
                self._update_account(saved)
                then(saved)
                return

            def without() -> None:
                unsaved = replace(account, password_saved=False)
                self._update_account(unsaved)
                then(unsaved)

            self.show_keyring_problem(
                outcome, retry=lambda: self.save_password(account, password, then=then), without=without
            )

        self._keyring_call(lambda: self.passwords.set(account.address, password), done)

    def _keyring_call(self, call: Callable[[], Any], done: Callable[[tasks.KeyringOutcome], None]) -> None:
        from assistant.gui import workers
        from assistant.gui.windows import tasks

        job = workers.start(tasks.keyring_task(call), self)
        job.succeeded.connect(done)
        job.failed.connect(
            lambda failure: done(tasks.KeyringOutcome(None, "locked", f"{failure.kind}: {failure.message}"))
        )

    def show_keyring_problem(
        self,
        outcome: tasks.KeyringOutcome,
        *,
        retry: Callable[[], None],
        without: Callable[[], None],
        reading: bool = False,
    ) -> KeyringNotice:
        from assistant.gui.windows.password_dialogs import KeyringNotice

        log.warning("keyring unavailable (%s): %s", outcome.state, outcome.detail)
        if self.keyring_notice is not None:
            self.keyring_notice.deleteLater()
        notice = KeyringNotice(outcome.state, outcome.detail, reading=reading)
        self.keyring_notice = notice
        self.notices.addWidget(notice)

        def close(then: Callable[[], None] | None) -> None:
            if self.keyring_notice is notice:
                self.keyring_notice = None
            notice.deleteLater()
            if then is not None:
                then()

        notice.retry.connect(lambda: close(retry))
        notice.continue_without.connect(lambda: close(without))
        notice.dismissed.connect(lambda: close(None))
        notice.continue_button.setFocus()
        return notice

    def _run(self, account: Account, password: str) -> None:
        from assistant.core.store import remember_secret
        from assistant.gui import workers
        from assistant.gui.windows import tasks

        remember_secret(password)  # typed, not saved: the log must still never show it

        kind = self._pending_kind
        pins = tasks.pins_of(self.settings)
        make = tasks.sending_check_task if kind == "send" else tasks.account_check_task
        task = make(account, password, net=self.net(), pins=pins)
        self.panel.run_started(kind)
        job = workers.start(task, self)
        self.job = job
        job.progress.connect(self.panel.stage_event)
        job.succeeded.connect(lambda outcome: self._run_done(account, kind, outcome))
        job.cancelled.connect(self._run_cancelled)
        job.failed.connect(self._run_failed)

    def apply_fix(self, role: str, fix: Any) -> None:
        """One click on "Try the suggested fix": change that server's setting, save, and test again."""
        from assistant.gui.wizard.session import apply_fix

        account = self.current_account()
        if account is None or self.panel.running:
            return
        if role == "incoming":
            changed = replace(account, incoming=apply_fix(account.incoming, fix), last_check=None)
        else:
            changed = replace(account, outgoing=apply_fix(account.outgoing, fix), last_check=None)
        log.info("suggested fix applied to %s (%s): %s", account.address, role, dict(fix))
        self._update_account(changed)
        self.start_run(self.panel.kind or "test")

    def ask_trust(self, server: Any, cert: Any) -> None:
        """The explicit confirmation (the wizard's dialog); accepted, the certificate is pinned for this
        host and port only, and the test runs again."""
        from assistant.gui.wizard.trust_dialog import TrustDialog

        settings = server.settings
        if settings is None or self.panel.running:
            return
        dialog = TrustDialog(settings.host, settings.port, cert, self)
        self.trust_dialog = dialog

        def trusted() -> None:
            self.trust_dialog = None
            log.info("certificate %s pinned for %s:%s", cert.sha256, settings.host, settings.port)
            self.settings = self.settings.with_pin(settings.host, settings.port, str(cert.sha256))
            self.save_settings()
            self.start_run(self.panel.kind or "test")

        dialog.accepted.connect(trusted)
        dialog.open()

    def stop_run(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _run_done(self, account: Account, kind: str, outcome: Any) -> None:
        self.job = None
        self.last_outcome = (account.address, kind, outcome)
        self.panel.show_outcome(outcome, kind, self.lang())
        roles = {s.role: s.ok for s in outcome.servers}
        codes = tuple(str(s.evidence.code) for s in outcome.failed() if s.evidence is not None)
        summary = CheckSummary(
            datetime.now(UTC).isoformat(timespec="seconds"),
            roles.get("incoming"),
            roles["outgoing"] if kind == "test" else (outcome.ok if "outgoing" in roles else None),
            codes,
        )
        current = self.settings.account(account.address)
        if current is not None:
            self.settings = self.settings.with_account(replace(current, last_check=summary))
            self.save_settings()
            self.refresh_accounts(select=account.address)
        self.run_finished.emit("done")

    def _run_cancelled(self) -> None:
        self.job = None
        self.panel.run_stopped(self.tr("The test was stopped."))
        self.run_finished.emit("cancelled")

    def _run_failed(self, failure: Any) -> None:
        self.job = None
        self.panel.run_stopped(
            self.tr("The test could not run because of an unexpected error. It was written to the log file.")
        )
        self.run_finished.emit("failed")

    # --- add, edit, remove -----------------------------------------------------------------------

    def add_account(self) -> None:
        from assistant.gui.wizard import SetupWizard

        self.wizard = SetupWizard(net=self.net(), parent=self, passwords=self.passwords, store=self.store)
        self.wizard.saved.connect(self._wizard_saved)
        self.wizard.open()

    def _wizard_saved(self, account: Any) -> None:
        loaded = self.store.load()  # the wizard saved through the same store
        self.settings = loaded.settings
        if isinstance(account, Account) and self.settings.account(account.address) is None:
            self.settings = self.settings.with_account(account)
            self.save_settings()
        address = getattr(account, "address", None)
        self.refresh_accounts(select=str(address) if address else None)
        self.settings_changed.emit()

    def edit_account(self) -> None:
        account = self.current_account()
        if account is None:
            return
        from assistant.gui.windows.edit_dialog import EditDialog

        dialog = EditDialog(account, parent=self)
        self.edit_dialog = dialog

        def accepted() -> None:
            changed = dialog.account()
            password = dialog.new_password()
            self.edit_dialog = None
            if password:
                if dialog.save_password.isChecked():
                    self.save_password(changed, password, then=lambda _saved: None)
                    return
                self._keyring_call(lambda: self.passwords.delete(changed.address), lambda _o: None)
                changed = replace(changed, password_saved=False)
            self._update_account(changed)

        dialog.accepted.connect(accepted)
        dialog.open()

    def confirm_remove(self) -> None:
        account = self.current_account()
        if account is None:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("confirmRemove")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove account"))
        box.setText(self.tr("Remove {address}?").format(address=account.address))
        box.setInformativeText(
            self.tr(
                "The account's settings and its saved password are removed from this computer. "
                "Your mail on the server is not touched."
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm = box

        def clicked(button: Any) -> None:
            self.confirm = None
            if button is remove:
                self.remove_account(account)

        box.buttonClicked.connect(clicked)
        box.open()

    def remove_account(self, account: Account) -> None:
        """Forget the account: its keyring entry first, then its settings."""

        def done(outcome: tasks.KeyringOutcome) -> None:
            self.settings = self.settings.without_account(account.address)
            self.save_settings()
            self.panel.clear_run()
            self.refresh_accounts()
            if not outcome.ok:
                self.add_notice(
                    self.tr("The saved password could not be deleted"),
                    self.tr(
                        "The account was removed, but its password is still in the keyring because the "
                        "keyring could not be used. You can delete the entry “mail-setup-assistant” for "
                        "{address} in your keyring program later."
                    ).format(address=account.address),
                )

        self._keyring_call(lambda: self.passwords.delete(account.address), done)

    # --- other views -----------------------------------------------------------------------------

    def open_bounce_view(self) -> None:
        from assistant.gui.windows.bounce_view import BounceView

        if self.bounce_window is None:
            self.bounce_window = BounceView(parent=self)
            self.bounce_window.setWindowFlag(Qt.WindowType.Window)
        self.bounce_window.show()
        self.bounce_window.raise_()

    def open_support_report(self) -> None:
        from assistant.gui.windows.report import ReportDialog, build_report

        report = build_report(self.settings, self.last_outcome, self.lang(), self.passwords)
        self.report_dialog = ReportDialog(report, parent=self)
        self.report_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)
