"""The whole wizard against the real lab: address → discovery → settings → test → save, and bad input."""

from __future__ import annotations

from typing import Any

from assistant.core.store import SettingsStore
from assistant.gui.widgets.status_list import PASSED
from tests.gui.wizard_driver import SLOW, enter_account, make_wizard, press_next, run_test_page


def test_invalid_address_is_explained_inline_and_keeps_the_user_on_the_page(qtbot: Any) -> None:
    wizard = make_wizard(qtbot, net=object())
    enter_account(qtbot, wizard, "taro.lab.test", "secret")
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.account
    assert wizard.account.address_error.isVisible()
    assert "@" in wizard.account.address_error.text()
    wizard.account.address.clear()
    wizard.account.address.insert("taro＠lab.test")  # full-width ＠ as an IME commits it
    assert wizard.account.accept_input()
    assert wizard.state.address is not None and wizard.state.address.ascii == "taro@lab.test"


def test_successful_setup_from_discovery_to_saved_account(qtbot: Any, lab: Any, tmp_path: Any) -> None:
    store = SettingsStore(tmp_path / "config")
    wizard = make_wizard(qtbot, net=lab.net_config(), store=store)
    enter_account(qtbot, wizard, "taro@lab.test", lab.canary)
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.discovery
    qtbot.waitUntil(lambda: wizard.discovery.phase == "done", timeout=SLOW)
    found = wizard.state
    assert found.incoming is not None and found.outgoing is not None
    assert found.incoming.host == "mail.lab.test" and found.outgoing.host == "mail.lab.test"
    if found.confirmations:  # from DNS (SRV) records: the user must confirm before any login
        assert not wizard.next_button.isEnabled()
        assert wizard.discovery.confirm_box.isVisible()
        wizard.discovery.confirm_check.setChecked(True)
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.settings
    wizard.settings.send_test.setChecked(True)
    run_test_page(qtbot, wizard)
    assert wizard.testing.phase == "done"
    for column in (wizard.testing.incoming, wizard.testing.outgoing):
        statuses = [column.list.status(key) for key in column.list.keys()]
        assert statuses == [PASSED] * len(statuses), statuses
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.results and wizard.results.phase == "success"
    assert wizard.state.result.round_trip_ms is not None
    wizard.results.save_password.setChecked(False)  # the keyring has its own tests (test_wizard_keyring)
    with qtbot.waitSignal(wizard.saved, timeout=SLOW) as saved:
        press_next(qtbot, wizard)
    assert saved.args[0].address == "taro@lab.test"
    reloaded = store.load().settings.account("taro@lab.test")
    assert reloaded is not None
    assert reloaded.incoming == found.incoming and reloaded.outgoing == found.outgoing
    assert reloaded.display_name == "Taro" and not reloaded.password_saved
    press_next(qtbot, wizard)  # Finish
    qtbot.waitUntil(lambda: not wizard.isVisible())
