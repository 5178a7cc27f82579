"""Saving from the wizard: the password into a real Secret Service, or, when it refuses, the account alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import SecretService
from PySide6.QtCore import Qt

from assistant.core.address import parse_address
from assistant.core.secrets import SERVICE, PasswordStore
from assistant.core.store import SettingsStore
from tests.gui.wizard_driver import SLOW, check_with, make_wizard, press_next, to_result
from tests.lab.keyring import SecretServiceLab


def _to_success(qtbot: Any, lab: Any, passwords: PasswordStore, store: SettingsStore) -> Any:
    wizard = make_wizard(qtbot, net=lab.net_config(), passwords=passwords, store=store)
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert wizard.results.phase == "success"
    return wizard


def _keyring_known(qtbot: Any, wizard: Any) -> str:
    qtbot.waitUntil(lambda: wizard.results.keyring is not None, timeout=SLOW)
    return str(wizard.results.keyring)


def _save(qtbot: Any, wizard: Any) -> None:
    with qtbot.waitSignal(wizard.saved, timeout=SLOW):
        press_next(qtbot, wizard)


def _set_up_and_save(qtbot: Any, lab: Any, passwords: PasswordStore, store: SettingsStore) -> Any:
    wizard = _to_success(qtbot, lab, passwords, store)
    assert _keyring_known(qtbot, wizard) == "ok"
    box = wizard.results.save_password
    assert box.isChecked() and box.isEnabled() and box.checkState() is Qt.CheckState.Checked
    assert not wizard.results.keyring_reason.isVisible()
    _save(qtbot, wizard)
    return wizard


def test_saved_password_is_in_the_keyring_and_the_account_reloads(
    qtbot: Any, lab: Any, config: Path, secret_service: SecretServiceLab
) -> None:
    store = SettingsStore(config)
    wizard = _set_up_and_save(qtbot, lab, PasswordStore(secret_service.backend()), store)
    assert "keyring" in wizard.results.save_status.text()
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None and reloaded.password_saved
    assert reloaded.incoming == lab.settings("imaps")
    fresh = PasswordStore(secret_service.backend())  # a new store, as after a restart
    assert fresh.get("taro@lab.test") == lab.canary
    assert any(attrs.get("service") == SERVICE for _label, attrs in secret_service.items())
    assert lab.canary not in (config / "settings.json").read_text(encoding="utf-8")


@pytest.fixture
def refusing_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceLab]:
    """A Secret Service with no unlocked collection: every request ends in "Prompt dismissed"."""
    service = SecretServiceLab(tmp_path / "locked-service", unlock_password=None)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.bus_address)
    monkeypatch.delenv("DISPLAY", raising=False)
    service.start()
    try:
        yield service
    finally:
        service.stop()


def test_a_refusing_keyring_unticks_remember_and_saves_the_account_without_the_password(
    qtbot: Any, lab: Any, config: Path, refusing_keyring: SecretServiceLab
) -> None:
    store = SettingsStore(config)
    wizard = _to_success(qtbot, lab, PasswordStore(refusing_keyring.backend(), timeout=10), store)
    assert _keyring_known(qtbot, wizard) == "locked"
    box, reason = wizard.results.save_password, wizard.results.keyring_reason
    assert not box.isChecked() and not box.isEnabled()
    assert reason.isVisible() and "locked or not answering" in reason.text()
    assert "asked for it when needed" in reason.text()
    _save(qtbot, wizard)
    text = wizard.results.save_status.text()
    assert "not the password" in text and "keyring" in text
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None and not reloaded.password_saved
    assert wizard.next_button.text() == "Finish"


def test_without_a_keyring_remember_is_off_says_why_and_the_account_saves(
    qtbot: Any, lab: Any, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.gui.app import language

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no session bus: no Secret Service
    store = SettingsStore(config)
    wizard = _to_success(qtbot, lab, PasswordStore(SecretService.Keyring(), timeout=10), store)
    assert _keyring_known(qtbot, wizard) == "no_backend"
    box, reason = wizard.results.save_password, wizard.results.keyring_reason
    assert not box.isChecked() and not box.isEnabled()
    assert reason.isVisible() and "no password storage (keyring)" in reason.text()
    assert "asked for it when needed" in reason.text()
    assert box.accessibleDescription() == reason.text()
    language().set("ja")
    try:
        qtbot.waitUntil(lambda: "キーリング" in reason.text())  # the language change is a posted event
        assert "お尋ねします" in reason.text() and box.accessibleDescription() == reason.text()
    finally:
        language().set("en")
    _save(qtbot, wizard)
    text = wizard.results.save_status.text()
    assert "not the password" in text and "no password storage (keyring)" in text
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None and not reloaded.password_saved
    assert lab.canary not in (config / "settings.json").read_text(encoding="utf-8")


def test_a_keyring_that_does_not_answer_keeps_the_page_usable_and_saving_works(
    qtbot: Any, lab: Any, config: Path, unanswered_keyring: SecretServiceLab
) -> None:
    store = SettingsStore(config)
    wizard = _to_success(qtbot, lab, PasswordStore(unanswered_keyring.backend(), timeout=3), store)
    # the probe waits for an unlock prompt nobody answers: had it run on the GUI thread, entering the page
    # would have taken the whole timeout and the answer would be known by now
    page = wizard.results
    assert page.keyring is None and page.keyring_job is not None
    assert page.save_password.checkState() is Qt.CheckState.PartiallyChecked
    assert not page.save_password.isEnabled()
    assert page.keyring_reason.isVisible() and "Checking" in page.keyring_reason.text()
    assert wizard.next_button.isEnabled()
    _save(qtbot, wizard)  # while still checking: the password is tried, the account is saved regardless
    text = page.save_status.text()
    assert "not the password" in text and "locked" in text, text
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None and not reloaded.password_saved
    assert _keyring_known(qtbot, wizard) == "locked"
    assert not page.keyring_reason.isVisible()  # the page has moved on: the save status says it all
