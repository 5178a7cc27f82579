"""An account's password: from the keyring, else asked; kept there; plain words when the keyring fails."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from assistant.core.store import Account

if TYPE_CHECKING:
    from assistant.gui.windows.main import MainWindow
    from assistant.gui.windows.password_dialogs import KeyringNotice, PasswordDialog
    from assistant.gui.windows.tasks import KeyringOutcome

log = logging.getLogger(__name__)


class PasswordFlow(QObject):
    """Every keyring call runs on a worker (a locked keyring may show a prompt and wait); the window's
    account list is updated through `window.update_account` when "saved in the keyring" changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.password_dialog: PasswordDialog | None = None
        self.keyring_notice: KeyringNotice | None = None

    def obtain(self, account: Account, then: Callable[[Account, str], None]) -> None:
        """The password for `account`: from the keyring when saved there, else typed by the user."""
        if account.password_saved:
            self._fetch(account, then)
        else:
            self._ask(account, then, offer_save=True)

    def _fetch(self, account: Account, then: Callable[[Account, str], None]) -> None:
        panel = self.window.panel
        panel.say(
            self.tr(
                "Getting your password from the keyring… If a window asks for your keyring password, "
                "enter it there."
            )
        )

        def fetched(outcome: KeyringOutcome) -> None:
            panel.say("")
            if outcome.ok and outcome.value:
                then(account, str(outcome.value))
            elif outcome.ok:  # the keyring works but has no entry (deleted elsewhere): ask
                self._ask(account, then, offer_save=True)
            else:
                self.show_problem(
                    outcome,
                    retry=lambda: self._fetch(account, then),
                    without=lambda: self._ask(account, then, offer_save=False),
                    reading=True,
                )

        passwords, address = self.window.passwords, account.address  # no Qt object in the call
        self.call(lambda cancel: passwords.get(address, cancel=cancel), fetched)

    def _ask(self, account: Account, then: Callable[[Account, str], None], *, offer_save: bool) -> None:
        from assistant.gui.windows.password_dialogs import PasswordDialog

        dialog = PasswordDialog(account.address, offer_save=offer_save, parent=self.window)
        self.password_dialog = dialog
        if offer_save:  # tick "save" only when the keyring can take it (probing doesn't touch any entry)

            def probed(outcome: KeyringOutcome) -> None:
                state = str(outcome.value) if outcome.ok else outcome.state
                if state != "ok":
                    log.warning("keyring unavailable (%s): the password can't be saved", state)
                if self.password_dialog is dialog:
                    dialog.set_keyring(state)

            passwords = self.window.passwords
            self.call(lambda cancel: passwords.probe(cancel=cancel), probed)

        def accepted() -> None:
            password = dialog.value()
            save = dialog.wants_save()
            self.password_dialog = None
            dialog.deleteLater()
            if save:
                self.save(account, password, then=lambda saved: then(saved, password))
            else:
                then(account, password)

        def rejected() -> None:
            self.password_dialog = None

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(rejected)
        dialog.open()

    def save(self, account: Account, password: str, *, then: Callable[[Account], None]) -> None:
        """Keep the password in the keyring; if it can't, say so and offer to go on without saving."""

        def done(outcome: KeyringOutcome) -> None:
            if outcome.ok:
                saved = replace(account, password_saved=True)
                self.window.update_account(saved)
                then(saved)
                return

            def without() -> None:
                unsaved = replace(account, password_saved=False)
                self.window.update_account(unsaved)
                then(unsaved)

            self.show_problem(outcome, retry=lambda: self.save(account, password, then=then), without=without)

        passwords, address = self.window.passwords, account.address
        self.call(lambda cancel: passwords.set(address, password, cancel=cancel), done)

    def delete(self, address: str, then: Callable[[KeyringOutcome], None]) -> None:
        passwords = self.window.passwords
        self.call(lambda cancel: passwords.delete(address, cancel=cancel), then)

    def call(self, call: Callable[[Any], Any], done: Callable[[KeyringOutcome], None]) -> None:
        """One PasswordStore call (holding no Qt object; it gets the job's cancel token) on a worker;
        `done` gets its KeyringOutcome on the GUI thread."""
        from assistant.gui import workers
        from assistant.gui.windows import tasks

        job = workers.start(tasks.keyring_task(call), self)
        job.succeeded.connect(done)
        job.failed.connect(
            lambda failure: done(tasks.KeyringOutcome(None, "locked", f"{failure.kind}: {failure.message}"))
        )

    def show_problem(
        self,
        outcome: KeyringOutcome,
        *,
        retry: Callable[[], None],
        without: Callable[[], None],
        reading: bool = False,
    ) -> KeyringNotice:
        """The keyring notice on top of the window: retry, go on without it, or close."""
        from assistant.gui.windows.password_dialogs import KeyringNotice

        log.warning("keyring unavailable (%s): %s", outcome.state, outcome.detail)
        if self.keyring_notice is not None:
            self.keyring_notice.deleteLater()
        notice = KeyringNotice(outcome.state, outcome.detail, reading=reading)
        self.keyring_notice = notice
        self.window.notices.addWidget(notice)

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
