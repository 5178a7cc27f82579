"""Found in QA: Alt+letters shared by two cards, the keyring tick in the password dialog, narrow windows."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication

from assistant.core.address import parse_address
from assistant.gui.widgets.explanation_card import mnemonic
from tests.gui.wizard_driver import SLOW, card_ids, check_with, make_wizard, to_result

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _letters(window: Any) -> Counter[str]:
    """The Alt+letters of every button a keyboard user can reach on the window now."""
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    return Counter(letter for b in buttons if (letter := mnemonic(b.text())))


def test_two_failed_servers_give_every_action_its_own_alt_letter(qtbot: Any, lab: Any) -> None:
    wizard = make_wizard(qtbot, net=lab.net_config())
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = "not-the-password"
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert card_ids(wizard) == ["auth.failed", "auth.failed"]
    first, second = wizard.results.cards
    for card in (first, second):
        card.details_toggle.setChecked(True)  # both "Copy for support" buttons on screen
    qtbot.waitUntil(second.copy_button.isVisible)
    letters = _letters(wizard)
    assert letters and max(letters.values()) == 1, letters
    assert mnemonic(first.retry_button.text()) == "a" and not mnemonic(second.retry_button.text())
    assert second.retry_button.text() == "Test again"  # still reachable with Tab, same action as the first
    one, two = mnemonic(first.copy_button.text()), mnemonic(second.copy_button.text())
    assert one == "c" and two and two != one

    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard, getattr(Qt.Key, f"Key_{two.upper()}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == second.support_text())
    qtbot.keyClick(wizard, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Test again, once for the page
    qtbot.waitUntil(lambda: wizard.page() is wizard.testing, timeout=SLOW)


def test_japanese_cards_move_the_letter_inside_the_brackets(qtbot: Any) -> None:
    from assistant.gui.app import create_app
    from assistant.gui.wizard import scenes

    create_app([], "ja")
    try:
        wrong = scenes._ev(scenes.Stage.LOGIN, "auth.failed", scenes.IMAP)
        wizard = scenes._result(
            scenes.CheckOutcome(
                [
                    scenes.ServerOutcome("incoming", scenes.IMAP, False, wrong),
                    scenes.ServerOutcome("outgoing", scenes.SMTP, False, wrong),
                ]
            )
        )
        qtbot.addWidget(wizard)
        first, second = wizard.results.cards
        assert first.retry_button.text() == "もう一度テスト(&A)"
        assert second.retry_button.text() == "もう一度テスト"
        assert first.copy_button.text() == "サポート用にコピー(&C)"
        assert second.copy_button.text().startswith("サポート用にコピー(&")
        assert second.copy_button.text() != first.copy_button.text()
    finally:
        create_app([], "en")


def _password_dialog(qtbot: Any, lab: Any, config: Any, passwords: Any) -> Any:
    """The main window's password dialog for an account whose password is not saved, keyring checked."""
    from assistant.core.store import SettingsStore
    from assistant.gui.windows.main import MainWindow
    from tests.gui.lab_accounts import lab_account, write_settings

    write_settings(config, lab_account(lab))
    window = MainWindow(store=SettingsStore(config), passwords=passwords, net=lab.net_config())
    qtbot.addWidget(window)
    window.panel.test_button.click()
    flow = window.password_flow
    qtbot.waitUntil(lambda: flow.password_dialog is not None and flow.password_dialog.keyring is not None)
    dialog = flow.password_dialog
    assert dialog is not None and dialog.save.isVisible()
    return dialog


def test_password_dialog_ticks_save_only_when_the_keyring_works(
    qtbot: Any, app: Any, lab: Any, config: Any, secret_service: Any
) -> None:
    from keyring.backends import SecretService

    from assistant.core.secrets import PasswordStore

    dialog = _password_dialog(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    assert dialog.keyring == "ok"
    assert dialog.save.isChecked() and dialog.save.isEnabled() and not dialog.save_reason.isVisible()
    dialog.reject()


def test_password_dialog_without_a_keyring_does_not_offer_to_save(
    qtbot: Any, app: Any, lab: Any, config: Any, monkeypatch: Any
) -> None:
    from keyring.backends import SecretService

    from assistant.core.secrets import PasswordStore

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no Secret Service to talk to
    dialog = _password_dialog(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    assert dialog.keyring == "no_backend"
    assert not dialog.save.isChecked() and not dialog.save.isEnabled()
    assert dialog.save_reason.isVisible()
    assert dialog.save_reason.text().startswith("This computer has no password storage (keyring)")
    dialog.save.setChecked(True)  # even if something ticks it, nothing is sent to a keyring that isn't there
    assert not dialog.wants_save()
    dialog.reject()


def test_password_dialog_with_a_locked_keyring_says_so(
    qtbot: Any, app: Any, lab: Any, config: Any, secret_service: Any
) -> None:
    from keyring.backends import SecretService

    from assistant.core.secrets import PasswordStore

    secret_service.lock()
    dialog = _password_dialog(qtbot, lab, config, PasswordStore(SecretService.Keyring(), timeout=10))
    assert dialog.keyring == "locked"
    assert not dialog.save.isChecked() and not dialog.save.isEnabled()
    assert dialog.save_reason.isVisible() and "locked" in dialog.save_reason.text()
    dialog.reject()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_wizard_page_fits_a_640_px_window_without_sideways_scrolling(qtbot: Any, lang: str) -> None:
    from PySide6.QtWidgets import QScrollArea

    from assistant.gui.app import create_app
    from assistant.gui.wizard import scenes

    create_app([], lang)
    try:
        for name, scene in scenes.SCENES:
            wizard = scene()
            qtbot.addWidget(wizard)
            if not hasattr(wizard, "pages"):
                continue  # the trust dialog
            assert wizard.minimumWidth() <= 640, name
            wizard.resize(640, 600)
            wizard.show()
            qtbot.waitExposed(wizard)
            scroll = wizard.findChild(QScrollArea, "pageScroll")
            bar = scroll.horizontalScrollBar()
            qtbot.waitUntil(lambda w=wizard, bar=bar: w.width() == 640 and bar.maximum() == 0, timeout=2000)
            assert wizard.stack.width() <= scroll.viewport().width(), name
            wizard.close()
    finally:
        create_app([], "en")


def test_a_wide_hidden_page_does_not_widen_the_current_one(qtbot: Any) -> None:
    from assistant.gui.wizard import scenes

    wizard = dict(scenes.SCENES)["5-fail-certificate"]()  # the widest page: a certificate card
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    widest = wizard.results.minimumSizeHint().width()
    assert widest > 400 and wizard.stack.minimumSizeHint().width() == widest
    wizard.go(wizard.pages.index(wizard.account))
    assert wizard.stack.minimumSizeHint().width() == wizard.account.minimumSizeHint().width() < widest
