"""Quitting while the keyring waits for an unlock prompt nobody answers: the app ends at once."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from assistant.core.address import parse_address
from assistant.core.secrets import PasswordStore
from assistant.core.store import SettingsStore
from assistant.gui import workers
from assistant.gui.windows.main import MainWindow
from tests.gui.lab_accounts import lab_account, write_settings
from tests.gui.wizard_driver import check_with, make_wizard, to_result
from tests.lab.keyring import SecretServiceLab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEYRING_TIMEOUT = 30.0  # longer than quitting may take: the keyring is still waiting when we quit


def _quit_takes() -> float:
    """What the app does on quit (app.aboutToQuit → workers.shutdown), timed."""
    started = time.monotonic()
    assert workers.shutdown()
    return time.monotonic() - started


def test_quitting_while_the_result_page_asks_the_keyring_does_not_wait_for_it(
    qtbot: Any, lab: Any, config: Path, unanswered_keyring: SecretServiceLab
) -> None:
    passwords = PasswordStore(unanswered_keyring.backend(), timeout=KEYRING_TIMEOUT)
    wizard = make_wizard(qtbot, net=lab.net_config(), passwords=passwords, store=SettingsStore(config))
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    page = wizard.results
    assert page.keyring is None and page.keyring_job is not None  # the unlock prompt is waiting
    wizard.close()
    assert _quit_takes() < 3.0


def test_quitting_while_saving_into_a_waiting_keyring_still_saves_the_account(
    qtbot: Any, lab: Any, config: Path, unanswered_keyring: SecretServiceLab
) -> None:
    store = SettingsStore(config)
    passwords = PasswordStore(unanswered_keyring.backend(), timeout=KEYRING_TIMEOUT)
    wizard = make_wizard(qtbot, net=lab.net_config(), passwords=passwords, store=store)
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    wizard.next_button.click()  # Save, while the keyring is still being checked: the password is tried
    assert wizard.results.phase == "saving"
    assert _quit_takes() < 3.0
    saved = store.load().settings.account("taro@lab.test")
    assert saved is not None and not saved.password_saved
    assert lab.canary not in (config / "settings.json").read_text(encoding="utf-8")


def test_quitting_while_test_now_gets_the_password_from_a_waiting_keyring(
    qtbot: Any, app: Any, lab: Any, config: Path, unanswered_keyring: SecretServiceLab
) -> None:
    write_settings(config, lab_account(lab, saved=True))
    passwords = PasswordStore(unanswered_keyring.backend(), timeout=KEYRING_TIMEOUT)
    w = MainWindow(store=SettingsStore(config), passwords=passwords, net=lab.net_config())
    qtbot.addWidget(w)
    w.panel.test_button.click()
    assert workers.active_jobs()  # the keyring read, waiting for the unlock prompt
    assert w.password_flow.password_dialog is None or not w.password_flow.password_dialog.isVisible()
    w.close()
    assert _quit_takes() < 3.0
