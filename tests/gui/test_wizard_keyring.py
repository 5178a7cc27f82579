"""Saving from the wizard: the password into a real Secret Service, or, when it refuses, the account alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.core.address import parse_address
from assistant.core.secrets import SERVICE, PasswordStore
from assistant.core.store import SettingsStore
from tests.gui.wizard_driver import SLOW, check_with, make_wizard, press_next, to_result
from tests.lab.keyring import SecretServiceLab


def _set_up_and_save(qtbot: Any, lab: Any, passwords: PasswordStore, store: SettingsStore) -> Any:
    wizard = make_wizard(qtbot, net=lab.net_config(), passwords=passwords, store=store)
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert wizard.results.phase == "success" and wizard.results.save_password.isChecked()
    with qtbot.waitSignal(wizard.saved, timeout=SLOW):
        press_next(qtbot, wizard)
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


def test_a_refusing_keyring_saves_the_account_without_the_password(
    qtbot: Any, lab: Any, config: Path, refusing_keyring: SecretServiceLab
) -> None:
    store = SettingsStore(config)
    wizard = _set_up_and_save(qtbot, lab, PasswordStore(refusing_keyring.backend(), timeout=10), store)
    text = wizard.results.save_status.text()
    assert "not the password" in text and "keyring" in text
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None and not reloaded.password_saved
    assert wizard.next_button.text() == "Finish"
