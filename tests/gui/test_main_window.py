"""The main window against the real lab and a real Secret Service: test now, passwords, remove, stop."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import SecretService
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from assistant.core.secrets import PasswordStore
from assistant.core.store import SettingsStore
from assistant.gui.windows.main import MainWindow
from tests.gui.lab_accounts import assert_not_in_files, lab_account, write_settings
from tests.lab.keyring import SecretServiceLab

RUN_TIMEOUT = 30_000

# The offscreen platform says this whenever a dialog is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def window(qtbot: Any, lab: Any, config: Path, passwords: PasswordStore) -> MainWindow:
    w = MainWindow(store=SettingsStore(config), passwords=passwords, net=lab.net_config())
    qtbot.addWidget(w)
    return w


def type_password(qtbot: Any, w: MainWindow, password: str, *, save: bool | None = None) -> None:
    qtbot.waitUntil(
        lambda: w.password_flow.password_dialog is not None and w.password_flow.password_dialog.isVisible()
    )
    dialog = w.password_flow.password_dialog
    assert dialog is not None
    dialog.password.setText(password)
    if save is not None:
        dialog.save.setChecked(save)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_first_test_saves_the_password_in_the_keyring_and_reload_uses_it(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    account = lab_account(lab)
    write_settings(config, account)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    w = window(qtbot, lab, config, passwords)
    assert w.panel.account is not None and w.panel.account.address == account.address

    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT) as finished:
        w.panel.test_button.click()
        type_password(qtbot, w, lab.canary, save=True)
    assert finished.args == ["done"]
    assert w.panel.outcome is not None and w.panel.outcome.ok, w.panel.status.text()
    assert w.panel.columns["incoming"].statuses()["login"] == "passed"
    assert w.panel.columns["outgoing"].statuses()["login"] == "passed"
    assert "Everything works" in w.panel.status.text()

    # in the keyring, under the app's service name and the address; nowhere in the config folder
    assert passwords.get(account.address) == lab.canary
    assert [attrs["username"] for _label, attrs in secret_service.items()] == [account.address]
    saved = SettingsStore(config).load().settings.account(account.address)
    assert saved is not None and saved.password_saved and saved.last_check is not None
    assert saved.last_check.incoming_ok and saved.last_check.outgoing_ok
    assert_not_in_files(config, lab.canary)

    # a new window (the app started again) tests without asking: the password comes from the keyring
    again = window(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    assert "saved in the keyring" in again.panel.password_line.text()
    with qtbot.waitSignal(again.run_finished, timeout=RUN_TIMEOUT):
        again.panel.test_button.click()
    assert again.password_flow.password_dialog is None
    assert again.panel.outcome is not None and again.panel.outcome.ok


def test_remove_deletes_the_keyring_entry_and_unused_pins_after_confirmation(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    account = lab_account(lab, saved=True)  # IMAP + submission
    pop_account = lab_account(lab, incoming="pop3s", saved=True)
    other = replace(pop_account, address="hanako@lab.test", display_name="Hanako")
    store = write_settings(config, account, other)
    imap, pop, smtp = account.incoming, other.incoming, account.outgoing
    pinned = store.load().settings
    for n, server in enumerate((imap, pop, smtp)):  # accepted certificates: one only the removed account used
        pinned = pinned.with_pin(server.host, server.port, f"{n}" * 64)
    store.save(pinned)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    passwords.set(account.address, lab.canary)
    passwords.set(other.address, "hanako's password")
    w = window(qtbot, lab, config, passwords)
    w.select_account(account.address)

    w.panel.remove_button.click()
    qtbot.waitUntil(lambda: w.edits.confirm is not None and w.edits.confirm.isVisible())
    assert w.edits.confirm is not None
    assert account.address in w.edits.confirm.text()
    w.edits.confirm.button(QMessageBox.StandardButton.Cancel).click()  # first: changed my mind
    assert passwords.get(account.address) == lab.canary
    assert w.settings.account(account.address) is not None

    w.panel.remove_button.click()
    qtbot.waitUntil(lambda: w.edits.confirm is not None and w.edits.confirm.isVisible())
    remove = next(b for b in w.edits.confirm.buttons() if b.text() == "Remove")
    with qtbot.waitSignal(w.settings_changed, timeout=10_000):
        remove.click()
    assert passwords.get(account.address) is None
    assert passwords.get(other.address) == "hanako's password"
    on_disk = SettingsStore(config).load().settings
    assert [a.address for a in on_disk.accounts] == [other.address]
    # the IMAP pin went with the only account that used it; Hanako's POP and the shared SMTP pins stay
    assert on_disk.pin(imap.host, imap.port) is None and w.settings.pin(imap.host, imap.port) is None
    assert on_disk.pin(pop.host, pop.port) == "1" * 64
    assert on_disk.pin(smtp.host, smtp.port) == "2" * 64
    assert w.accounts.count() == 1
    assert w.panel.account is not None and w.panel.account.address == other.address


def test_no_keyring_says_so_and_continues_without_saving(
    qtbot: Any, app: Any, lab: Any, config: Path, monkeypatch: Any
) -> None:
    # no D-Bus session at all: what keyring's own detection turns into its fail backend
    import logging

    from assistant.core.store import setup_logging

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    log_file = setup_logging(config / "logs" / "test.log")  # what the app writes, redacted
    account = lab_account(lab)
    write_settings(config, account)
    w = window(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))

    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        w.panel.test_button.click()
        qtbot.waitUntil(lambda: getattr(w.password_flow.password_dialog, "keyring", None) is not None)
        dialog = w.password_flow.password_dialog
        assert dialog is not None and dialog.keyring == "no_backend"
        assert not dialog.save.isChecked() and not dialog.save.isEnabled()  # nothing to save into: said so
        assert "no password storage (keyring)" in dialog.save_reason.text()
        type_password(qtbot, w, lab.canary)
    assert w.password_flow.keyring_notice is None  # nothing was tried that could fail
    assert w.panel.outcome is not None and w.panel.outcome.ok
    saved = SettingsStore(config).load().settings.account(account.address)
    assert saved is not None and not saved.password_saved
    assert "not saved" in w.panel.password_line.text()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_mail_assistant", False)]:
        root.removeHandler(handler)
        handler.close()
    assert "keyring unavailable (no_backend)" in log_file.read_text(encoding="utf-8")
    assert_not_in_files(config, lab.canary)


def test_locked_keyring_explains_and_asks_for_the_password_instead(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    account = lab_account(lab, saved=True)
    write_settings(config, account)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    passwords.set(account.address, lab.canary)
    secret_service.lock()
    w = window(qtbot, lab, config, passwords)

    w.panel.test_button.click()
    qtbot.waitUntil(lambda: w.password_flow.keyring_notice is not None)
    notice = w.password_flow.keyring_notice
    assert notice is not None and notice.state == "locked"
    assert notice.heading.text() == "The keyring is locked"
    assert notice.continue_button.text() == "Type the password instead"
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        notice.continue_button.click()
        type_password(qtbot, w, lab.canary)
        assert w.password_flow.password_dialog is None or not w.password_flow.password_dialog.save.isVisible()
    assert w.panel.outcome is not None and w.panel.outcome.ok


def test_wrong_password_shows_the_explanation_card(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    write_settings(config, lab_account(lab))
    w = window(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        w.panel.test_button.click()
        type_password(qtbot, w, "not-the-password", save=False)
    assert w.panel.outcome is not None and not w.panel.outcome.ok
    ids = {card.explanation.id for card in w.panel.cards}
    assert ids == {"auth.failed"}
    card = w.panel.cards[0]
    assert card.explanation.what and card.explanation.steps
    assert "AUTHENTICATIONFAILED" in card.details_text.toPlainText()
    assert "not-the-password" not in card.details_text.toPlainText()
    assert "problems were found" in w.panel.last_line.text()


def test_stop_during_a_check_of_a_server_that_never_answers(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    write_settings(config, lab_account(lab, incoming="drop-imaps", outgoing="smtp-silent"))
    w = window(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    w.panel.test_button.click()
    type_password(qtbot, w, lab.canary, save=False)
    qtbot.waitUntil(lambda: w.runs.job is not None and w.panel.stop_button.isVisibleTo(w.panel))
    qtbot.waitUntil(lambda: w.panel.columns["outgoing"].statuses()["connect"] == "passed", timeout=10_000)
    assert w.panel.running and not w.panel.test_button.isEnabled()
    with qtbot.waitSignal(w.run_finished, timeout=10_000) as finished:
        w.panel.stop_button.click()
    assert finished.args == ["cancelled"]
    assert w.panel.status.text() == "The test was stopped."
    assert w.panel.test_button.isEnabled()


def test_add_account_runs_the_wizard_and_lists_the_saved_account(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    from tests.gui.wizard_driver import SLOW, enter_account, press_next, run_test_page

    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    w = window(qtbot, lab, config, passwords)
    assert w.accounts.count() == 0 and w.right.currentWidget() is w.empty
    w.add_button.click()
    wizard = w.edits.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.store is w.store and wizard.passwords is passwords
    enter_account(qtbot, wizard, "taro@lab.test", lab.canary)
    press_next(qtbot, wizard)  # the settings are found in the lab's DNS
    qtbot.waitUntil(lambda: wizard.discovery.phase == "done", timeout=SLOW)
    if wizard.state.confirmations:
        wizard.discovery.confirm_check.setChecked(True)
    press_next(qtbot, wizard)
    run_test_page(qtbot, wizard)
    press_next(qtbot, wizard)
    result_page = wizard.page()
    assert type(result_page).__name__ == "ResultPage"
    result_page.save_password.setChecked(True)
    with qtbot.waitSignal(w.settings_changed, timeout=30_000):
        press_next(qtbot, wizard)
    assert [a.address for a in w.settings.accounts] == ["taro@lab.test"]
    assert w.accounts.count() == 1 and w.panel.account is not None
    assert w.panel.account.password_saved
    assert passwords.get("taro@lab.test") == lab.canary
    assert_not_in_files(config, lab.canary)
    # and "Test now" takes the password from the keyring, no questions asked
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        w.panel.test_button.click()
    assert w.password_flow.password_dialog is None and w.panel.outcome is not None and w.panel.outcome.ok


def test_suggested_fix_changes_the_setting_and_tests_again(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    from assistant.core.model import Security

    account = lab_account(lab, saved=True)
    wrong = replace(account, outgoing=replace(account.outgoing, security=Security.SSL))  # TLS to port 587
    write_settings(config, wrong)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    passwords.set(account.address, lab.canary)
    w = window(qtbot, lab, config, passwords)
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        w.panel.test_button.click()
    card = w.panel.cards[0]
    assert card.fix_button is not None
    assert "STARTTLS" in card.fix_button.text()
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        card.fix_button.click()
    assert w.panel.outcome is not None and w.panel.outcome.ok
    saved = SettingsStore(config).load().settings.account(account.address)
    assert saved is not None and saved.outgoing.security is Security.STARTTLS and saved.outgoing.port == 587


def test_edit_changes_settings_and_password(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    account = lab_account(lab, saved=True)
    write_settings(config, account)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    passwords.set(account.address, "old password")
    w = window(qtbot, lab, config, passwords)
    w.panel.edit_button.click()
    qtbot.waitUntil(lambda: w.edits.edit_dialog is not None and w.edits.edit_dialog.isVisible())
    dialog = w.edits.edit_dialog
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.outgoing.host.setText("bad host name")
    assert not save.isEnabled() and dialog.outgoing.error.isVisible()  # inline, as you type
    dialog.outgoing.host.setText("smtp.lab.test")
    assert save.isEnabled()
    dialog.display_name.setText("太郎")
    dialog.password.setText(lab.canary)
    with qtbot.waitSignal(w.settings_changed, timeout=10_000):
        save.click()
    saved = SettingsStore(config).load().settings.account(account.address)
    assert saved is not None and saved.display_name == "太郎" and saved.outgoing.host == "smtp.lab.test"
    assert saved.password_saved and passwords.get(account.address) == lab.canary
    assert w.panel.name.text() == "太郎"
    assert_not_in_files(config, lab.canary)


def test_trusting_a_certificate_pins_it_for_that_host_and_port_only(
    qtbot: Any, app: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    account = lab_account(lab, outgoing="selfsigned-submission", saved=True)
    write_settings(config, account)
    passwords = PasswordStore(SecretService.Keyring(), timeout=10)
    passwords.set(account.address, lab.canary)
    w = window(qtbot, lab, config, passwords)
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        w.panel.test_button.click()
    [card] = w.panel.cards
    assert card.explanation.id.startswith("tls.cert_")
    assert card.trust_button is not None and card.cert_view is not None
    card.trust_button.click()
    qtbot.waitUntil(lambda: w.runs.trust_dialog is not None and w.runs.trust_dialog.isVisible())
    dialog = w.runs.trust_dialog
    assert not dialog.trust_button.isEnabled()  # not before the explicit confirmation
    dialog.understand.setChecked(True)
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        dialog.trust_button.click()
    assert w.panel.outcome is not None and w.panel.outcome.ok
    settings = SettingsStore(config).load().settings
    sha = card.outcome.certificate.sha256
    assert settings.pins == {f"{account.outgoing.host}:{account.outgoing.port}": sha}
