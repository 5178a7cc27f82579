"""Drive the setup wizard the way a person does (keys and clicks), waiting on its state, never sleeping."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.gui.wizard.wizard import SetupWizard

SLOW = 30_000  # ms: a whole check has a ~15 s deadline; discovery is bounded too


def make_wizard(qtbot: Any, net: Any, **kwargs: Any) -> SetupWizard:
    from assistant.gui.app import create_app

    create_app([], "en")
    wizard = SetupWizard(net=net, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def press_next(qtbot: Any, wizard: SetupWizard) -> None:
    qtbot.waitUntil(lambda: wizard.next_button.isEnabled(), timeout=SLOW)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def enter_account(qtbot: Any, wizard: SetupWizard, address: str, password: str) -> None:
    page = wizard.account
    qtbot.keyClicks(page.address, address)
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.display_name, "Taro")


def run_test_page(qtbot: Any, wizard: SetupWizard) -> None:
    """On the settings page: start the test and wait until it has ended."""
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.testing
    qtbot.waitUntil(lambda: wizard.testing.phase != "running", timeout=SLOW)


def check_with(qtbot: Any, wizard: SetupWizard, incoming: Any, outgoing: Any) -> None:
    """Skip discovery: the address page, then the expert editor filled with these settings, then test."""
    wizard.state.incoming, wizard.state.outgoing = incoming, outgoing
    wizard.state.discovery = object()  # discovery "done": the settings page shows what we set
    wizard.go(wizard.pages.index(wizard.settings))
    run_test_page(qtbot, wizard)


def to_result(qtbot: Any, wizard: SetupWizard) -> None:
    press_next(qtbot, wizard)
    assert wizard.page() is wizard.results


def card_ids(wizard: SetupWizard) -> list[str]:
    return [card.explanation_id for card in wizard.results.cards]


def process() -> None:
    QApplication.processEvents()
