"""Add (the wizard), edit and remove an account, as the main window's buttons ask."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from assistant.core.store import Account

if TYPE_CHECKING:
    from assistant.gui.windows.main import MainWindow
    from assistant.gui.windows.tasks import KeyringOutcome


class AccountEdits(QObject):
    """The dialogs it opens stay reachable (`wizard`, `edit_dialog`, `confirm`) until they close."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: Any = None
        self.edit_dialog: Any = None
        self.confirm: Any = None  # the QMessageBox asking before a removal

    def add_account(self) -> None:
        from assistant.gui.wizard import SetupWizard

        w = self.window
        self.wizard = SetupWizard(net=w.net(), parent=w, passwords=w.passwords, store=w.store)
        self.wizard.saved.connect(self._wizard_saved)
        self.wizard.open()

    def _wizard_saved(self, account: Any) -> None:
        w = self.window
        w.settings = w.store.load().settings  # the wizard saved through the same store
        if isinstance(account, Account) and w.settings.account(account.address) is None:
            w.settings = w.settings.with_account(account)
            w.save_settings()
        address = getattr(account, "address", None)
        w.refresh_accounts(select=str(address) if address else None)
        w.settings_changed.emit()

    def edit_account(self) -> None:
        account = self.window.current_account()
        if account is None:
            return
        from assistant.gui.windows.edit_dialog import EditDialog

        dialog = EditDialog(account, parent=self.window)
        self.edit_dialog = dialog

        def accepted() -> None:
            changed = dialog.account()
            password = dialog.new_password()
            self.edit_dialog = None
            if (changed.incoming, changed.outgoing) != (account.incoming, account.outgoing):
                # the last run's ✓ and cards were for the old servers: they would now be misleading
                self.window.panel.clear_run()
            if password:
                if dialog.save_password.isChecked():
                    self.window.password_flow.save(changed, password, then=lambda _saved: None)
                    return
                self.window.password_flow.delete(changed.address, lambda _outcome: None)
                changed = replace(changed, password_saved=False)
            self.window.update_account(changed)

        dialog.accepted.connect(accepted)
        dialog.open()

    def confirm_remove(self) -> None:
        account = self.window.current_account()
        if account is None:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
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

        w = self.window

        def done(outcome: KeyringOutcome) -> None:
            w.settings = w.settings.without_account(account.address)
            w.save_settings()
            w.panel.clear_run()
            w.refresh_accounts()
            if not outcome.ok:
                w.add_notice(
                    self.tr("The saved password could not be deleted"),
                    self.tr(
                        "The account was removed, but its password is still in the keyring because the "
                        "keyring could not be used. You can delete the entry “mail-setup-assistant” for "
                        "{address} in your keyring program later."
                    ).format(address=account.address),
                )

        w.password_flow.delete(account.address, done)
