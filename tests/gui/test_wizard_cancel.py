"""Cancel at any moment: discovery stuck on a host that drops packets, a check against a silent server."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer

from assistant.core.address import parse_address
from assistant.gui.widgets.status_list import RUNNING
from tests.gui.wizard_driver import SLOW, enter_account, make_wizard, press_next
from tests.lab.dns import DnsServer


class Heartbeat:
    """Counts GUI event-loop turns: proof the window repaints and reacts while work runs."""

    def __init__(self) -> None:
        self.beats = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        self.beats += 1


def test_cancel_during_discovery(qtbot: Any, lab: Any, tmp_path: Any) -> None:
    drop = lab.host("drop")
    records = [*lab.records, ("slow.test", "A", drop)]  # guessing probes the domain: SYNs dropped
    with DnsServer(records, root=tmp_path / "dns") as dns:
        net = lab.net_config(dns_server=dns.host, dns_port=dns.port)
        wizard = make_wizard(qtbot, net=net)
        enter_account(qtbot, wizard, "taro@slow.test", "secret")
        press_next(qtbot, wizard)
        page = wizard.discovery
        qtbot.waitUntil(lambda: page.sources.status("guess") == RUNNING, timeout=SLOW)
        heart = Heartbeat()
        qtbot.waitUntil(lambda: heart.beats >= 5, timeout=SLOW)
        assert page.phase == "running"
        assert wizard.cancel_button.text() == "Stop" and not wizard.next_button.isEnabled()
        started = time.monotonic()
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Esc stops the search; it does not close the window
        qtbot.waitUntil(lambda: page.phase == "cancelled", timeout=3000)
        assert time.monotonic() - started < 3.0
        assert wizard.isVisible()
        assert page.again.isVisible() and wizard.next_button.text() == "Enter settings myself"
        press_next(qtbot, wizard)  # on to the settings, typed by hand
        assert wizard.page() is wizard.settings and wizard.settings.editing()


def test_cancel_during_a_check_against_a_silent_server(qtbot: Any, lab: Any) -> None:
    wizard = make_wizard(qtbot, net=lab.net_config())
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    wizard.state.incoming, wizard.state.outgoing = lab.settings("imaps"), lab.settings("smtp-silent")
    wizard.state.discovery = object()
    wizard.go(wizard.pages.index(wizard.settings))
    press_next(qtbot, wizard)
    page = wizard.testing
    qtbot.waitUntil(lambda: page.outgoing.list.status("greeting") == RUNNING, timeout=SLOW)
    heart = Heartbeat()
    qtbot.waitUntil(
        lambda: heart.beats >= 10, timeout=SLOW
    )  # the GUI keeps turning while the server is silent
    assert page.phase == "running"
    started = time.monotonic()
    qtbot.mouseClick(wizard.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.phase == "cancelled", timeout=3000)
    assert time.monotonic() - started < 3.0
    assert wizard.isVisible() and wizard.next_button.text() == "Test again"
    # and the check can be run again right away
    wizard.state.outgoing = lab.settings("submission")
    press_next(qtbot, wizard)
    qtbot.waitUntil(lambda: page.phase == "done", timeout=SLOW)
    assert wizard.state.result.ok


def test_closing_the_window_during_a_check_joins_the_worker(qtbot: Any, lab: Any) -> None:
    from assistant.gui import workers

    wizard = make_wizard(qtbot, net=lab.net_config())
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary
    wizard.state.discovery = object()
    check_with_silent = (lab.settings("imaps"), lab.settings("smtp-silent"))
    wizard.state.incoming, wizard.state.outgoing = check_with_silent
    wizard.go(wizard.pages.index(wizard.testing))
    qtbot.waitUntil(lambda: wizard.testing.outgoing.list.status("greeting") == RUNNING, timeout=SLOW)
    wizard.close()
    started = time.monotonic()
    assert workers.shutdown(5000)
    assert time.monotonic() - started < 3.0


