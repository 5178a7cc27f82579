"""The wizard without a network: language switch, keyboard-only use, accessible names, unexpected errors."""

from __future__ import annotations

import logging
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from assistant.gui import app as gui_app
from assistant.gui.wizard.trust_dialog import TrustDialog
from tests.gui.wizard_driver import make_wizard


@pytest.fixture
def english() -> Any:
    yield
    gui_app.language().set("en")


def test_language_switch_retranslates_the_open_wizard(qtbot: Any, english: Any) -> None:
    wizard = make_wizard(qtbot, net=object())
    assert wizard.next_button.text() == "Find my settings"
    index = wizard.language.findData("ja")
    wizard.language.setCurrentIndex(index)
    wizard.language.activated.emit(index)  # as when the user picks it
    assert gui_app.language().code == "ja"
    qtbot.waitUntil(lambda: wizard.next_button.text() == "設定を探す")  # LanguageChange is an event
    assert wizard.page_title.text() == "メールアドレス"
    assert wizard.account.show_password.text() == "パスワードを表示する(&S)"
    dialog = TrustDialog("mail.lab.test", 993, _Cert())
    qtbot.addWidget(dialog)
    cancel = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "キャンセル" in cancel  # Qt's own strings come from qtbase_ja.qm
    gui_app.language().set("en")
    qtbot.waitUntil(lambda: wizard.next_button.text() == "Find my settings")


class _Cert:
    subject = "CN=mail.lab.test"
    issuer = "CN=Lab CA"
    sans = ("mail.lab.test",)
    not_before, not_after = "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"
    sha256 = "ab" * 32
    verified = False


def test_keyboard_only_tab_order_enter_and_escape(qtbot: Any) -> None:
    wizard = make_wizard(qtbot, net=object())
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.account.address)
    order = [
        wizard.account.address,
        wizard.account.password,
        wizard.account.show_password,
        wizard.account.display_name,
    ]
    for before, after in pairwise(order):
        assert QApplication.focusWidget() is before
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda w=after: QApplication.focusWidget() is w)
    wizard.account.address.setFocus()
    qtbot.keyClicks(wizard.account.address, "taro")
    qtbot.keyClick(wizard.account.address, Qt.Key.Key_Return)  # Enter = the default button (Next)
    assert wizard.page() is wizard.account and wizard.account.address_error.isVisible()
    assert wizard.next_button.isDefault()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing running: Esc closes
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_every_control_has_an_accessible_name_or_visible_text(qtbot: Any) -> None:
    from assistant.gui.wizard import scenes

    for _name, scene in scenes.SCENES:
        widget = scene()
        qtbot.addWidget(widget)
        for control in widget.findChildren(QWidget):
            if not control.focusPolicy() & Qt.FocusPolicy.TabFocus or not control.isVisibleTo(widget):
                continue
            text = getattr(control, "text", lambda: "")()
            assert control.accessibleName() or text, (
                f"{_name}: {control.metaObject().className()} {control.objectName()!r} has no accessible name"
            )


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_unexpected_error_is_kind_copyable_and_logged_without_secrets(qtbot: Any, tmp_path: Path) -> None:
    from assistant.core.store import remember_secret, setup_logging

    make_wizard(qtbot, net=object())
    log_file = setup_logging(tmp_path / "app.log")
    remember_secret("Canary-in-the-error")
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + box.informativeText()
        copy = next(b for b in box.buttons() if b.text() == "Copy details")
        copy.click()
        seen["clipboard"] = QGuiApplication.clipboard().text()
        box.close()

    QTimer.singleShot(0, answer)
    try:
        raise RuntimeError("login with Canary-in-the-error failed")
    except RuntimeError:
        gui_app._excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert "Traceback" not in seen["text"] and "Something unexpected went wrong" in seen["text"]
    assert "RuntimeError" in seen["clipboard"]
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "Canary-in-the-error" not in logged


@pytest.mark.parametrize(
    ("dns", "server", "port"),
    [("127.0.0.1:5300", "127.0.0.1", 5300), ("[::1]:5353", "::1", 5353), ("::1", "::1", 53), ("", None, 53)],
)
def test_the_lab_is_reachable_through_the_environment(
    monkeypatch: pytest.MonkeyPatch, dns: str, server: str | None, port: int
) -> None:
    monkeypatch.setenv("MAIL_ASSISTANT_DNS", dns)
    monkeypatch.setenv("MAIL_ASSISTANT_CA_FILE", "/lab/ca.pem")
    net = gui_app.net_config()
    assert (net.dns_server, net.dns_port, net.extra_ca_file) == (server, port, "/lab/ca.pem")
