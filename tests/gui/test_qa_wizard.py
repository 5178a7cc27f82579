"""Found by hand under Xvfb: the round-trip sentence; the wizard's test is the account's last test."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.core.store import SettingsStore
from tests.gui.wizard_driver import SLOW, check_with, enter_account, make_wizard, press_next, to_result

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_saved_account_keeps_the_wizards_test_and_a_round_trip_in_ms(
    qtbot: Any, lab: Any, tmp_path: Any
) -> None:
    store = SettingsStore(tmp_path / "config")
    wizard = make_wizard(qtbot, net=lab.net_config(), store=store)
    enter_account(qtbot, wizard, "taro@lab.test", lab.canary)
    assert wizard.account.accept_input()
    wizard.settings.send_test.setChecked(True)
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    status = wizard.testing.status.text()
    assert status.startswith("Everything works. Your test message arrived after ") and "0.0" not in status
    assert status.rstrip(".").endswith((" ms", " s"))
    to_result(qtbot, wizard)
    wizard.results.save_password.setChecked(False)
    press_next(qtbot, wizard)  # Save
    qtbot.waitUntil(lambda: wizard.results.phase == "saved", timeout=SLOW)
    saved = store.load().settings.account("taro@lab.test")
    assert saved is not None and saved.last_check is not None  # not "Not tested yet" in the main window
    assert saved.last_check.incoming_ok and saved.last_check.outgoing_ok and saved.last_check.codes == ()


def test_a_refused_password_leads_back_to_the_password(qtbot: Any, lab: Any) -> None:
    wizard = make_wizard(qtbot, net=lab.net_config())
    enter_account(qtbot, wizard, "taro@lab.test", "not-the-password")
    assert wizard.account.accept_input()
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert wizard.next_button.text() == "Enter the password again"  # the cards say: type it again
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.account
    assert wizard.account.password.hasFocus() and wizard.account.password.selectedText() == "not-the-password"
    qtbot.keyClicks(wizard.account.password, lab.canary)  # typing replaces it
    assert wizard.account.accept_input() and wizard.state.password == lab.canary


def test_stopping_the_search_says_stopped_not_not_needed(qtbot: Any, lab: Any, tmp_path: Any) -> None:
    from PySide6.QtCore import Qt

    from assistant.gui.widgets.status_list import RUNNING
    from tests.lab.dns import DnsServer

    records = [*lab.records, ("slow.test", "A", lab.host("drop"))]  # guessing waits on dropped SYNs
    with DnsServer(records, root=tmp_path / "dns") as dns:
        wizard = make_wizard(qtbot, net=lab.net_config(dns_server=dns.host, dns_port=dns.port))
        enter_account(qtbot, wizard, "taro@slow.test", "secret")
        press_next(qtbot, wizard)
        page = wizard.discovery
        qtbot.waitUntil(lambda: page.sources.status("guess") == RUNNING, timeout=SLOW)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.phase == "cancelled", timeout=3000)
        assert page.sources._rows["guess"].text.text() == "Stopped"  # "Not needed" would be untrue


def test_page_titles_say_when_the_work_is_over(qtbot: Any, lab: Any) -> None:
    wizard = make_wizard(qtbot, net=lab.net_config())
    enter_account(qtbot, wizard, "taro@lab.test", lab.canary)
    press_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.discovery.phase == "done", timeout=SLOW)
    assert wizard.page_title.text() == "Search results"  # was "Finding your settings" above "Done."
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    assert wizard.page_title.text() == "Test results"


def test_a_stopped_check_marks_the_step_stopped_not_failed(qtbot: Any, lab: Any) -> None:
    from PySide6.QtCore import Qt

    from assistant.gui.widgets.status_list import FAILED, RUNNING

    wizard = make_wizard(qtbot, net=lab.net_config())
    enter_account(qtbot, wizard, "taro@lab.test", lab.canary)
    assert wizard.account.accept_input()
    wizard.state.incoming, wizard.state.outgoing = lab.settings("imaps"), lab.settings("drop-submission")
    wizard.state.discovery = object()
    wizard.go(wizard.pages.index(wizard.settings))
    press_next(qtbot, wizard)
    page = wizard.testing
    qtbot.waitUntil(lambda: page.outgoing.list.status("connect") == RUNNING, timeout=SLOW)
    qtbot.mouseClick(wizard.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.phase == "cancelled", timeout=3000)
    assert FAILED not in page.outgoing.statuses().values()  # a red ✗ would say the connection failed
    assert page.outgoing.list._rows["connect"].text.text() == "stopped"
