"""Real failures from the lab, each shown as the right explanation card; the suggested fix and the pin."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from assistant.core.address import parse_address
from assistant.core.model import Security
from assistant.gui.wizard.trust_dialog import TrustDialog
from tests.gui.wizard_driver import SLOW, card_ids, check_with, make_wizard, press_next, to_result


def _wizard(qtbot: Any, lab: Any, password: str | None = None) -> Any:
    wizard = make_wizard(qtbot, net=lab.net_config())
    wizard.state.address = parse_address("taro@lab.test")
    wizard.state.password = lab.canary if password is None else password
    return wizard


@pytest.mark.parametrize(
    ("incoming", "outgoing", "expected"),
    [
        ("wronghost-imaps", "submission", ["tls.cert_hostname"]),
        ("expired-imaps", "submission", ["tls.cert_expired"]),
        ("untrusted-imaps", "submission", ["tls.cert_untrusted"]),
        ("closed-imaps", "submission", ["tcp.refused"]),
        ("imaps", "notls-submission", ["starttls.not_offered"]),
        ("imaps", "smtp-534-app-password", ["auth.app_password.google"]),
        ("imaps", "drop-submission", ["tcp.timeout"]),
    ],
)
def test_each_failure_shows_its_explanation_card(
    qtbot: Any, lab: Any, incoming: str, outgoing: str, expected: list[str]
) -> None:
    wizard = _wizard(qtbot, lab)
    check_with(qtbot, wizard, lab.settings(incoming), lab.settings(outgoing))
    to_result(qtbot, wizard)
    assert wizard.results.phase == "failure"
    assert card_ids(wizard) == expected
    card = wizard.results.cards[0]
    qtbot.waitUntil(card.isVisible)
    assert not card.details.isVisible()
    qtbot.mouseClick(card.details_toggle, Qt.MouseButton.LeftButton)
    assert card.details.isVisible()
    support = card.support_text()
    assert expected[0] in support and lab.canary not in support
    # a refused login (also "use an app password") is fixed on the password field, the rest in the settings
    password = expected[0].startswith("auth.")
    assert wizard.next_button.text() == ("Enter the password again" if password else "Change settings")


def test_wrong_password_on_both_servers_gives_two_cards(qtbot: Any, lab: Any) -> None:
    wizard = _wizard(qtbot, lab, password="not-the-password")
    check_with(qtbot, wizard, lab.settings("imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert card_ids(wizard) == ["auth.failed", "auth.failed"]
    transcript = wizard.results.cards[0].details_text.toPlainText()
    assert "LOGIN" in transcript or "AUTH" in transcript
    assert "not-the-password" not in transcript


def test_suggested_fix_applies_the_setting_and_retests(qtbot: Any, lab: Any) -> None:
    wrong = replace(lab.settings("submission"), security=Security.SSL)  # TLS spoken to the STARTTLS port
    wizard = _wizard(qtbot, lab)
    check_with(qtbot, wizard, lab.settings("imaps"), wrong)
    to_result(qtbot, wizard)
    assert card_ids(wizard) == ["tls.plain_port"]
    fix = wizard.results.cards[0].fix_button
    assert fix is not None and "STARTTLS" in fix.text()
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert wizard.page() is wizard.testing
    qtbot.waitUntil(lambda: wizard.testing.phase == "done", timeout=SLOW)
    assert wizard.state.outgoing is not None and wizard.state.outgoing.security is Security.STARTTLS
    press_next(qtbot, wizard)
    assert wizard.results.phase == "success"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says this for every dialog
def test_certificate_is_pinned_only_after_explicit_confirmation(qtbot: Any, lab: Any) -> None:
    wizard = _wizard(qtbot, lab)
    incoming = lab.settings("selfsigned-imaps")
    check_with(qtbot, wizard, incoming, lab.settings("submission"))
    to_result(qtbot, wizard)
    card = wizard.results.cards[0]
    assert card.explanation_id == "tls.cert_self_signed"
    assert card.cert_view is not None
    fingerprint = card.cert_view.findChild(QLabel, "fingerprint")
    sha = wizard.state.result.failed()[0].certificate.sha256
    assert fingerprint is not None and fingerprint.text().replace(":", "").replace("\n", "") == sha.upper()
    assert card.trust_button is not None
    qtbot.mouseClick(card.trust_button, Qt.MouseButton.LeftButton)
    dialog = wizard.results.trust_dialog
    assert isinstance(dialog, TrustDialog)
    qtbot.waitExposed(dialog)
    texts = "".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"{incoming.host}, port {incoming.port}" in texts
    assert not dialog.trust_button.isEnabled()  # nothing is trusted by pressing Enter
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and wizard.state.pins == {}
    qtbot.mouseClick(card.trust_button, Qt.MouseButton.LeftButton)
    dialog = wizard.results.trust_dialog
    dialog.understand.setChecked(True)
    qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
    assert wizard.state.pins == {(incoming.host, incoming.port): sha}
    qtbot.waitUntil(lambda: wizard.testing.phase == "done", timeout=SLOW)
    press_next(qtbot, wizard)
    assert wizard.results.phase == "success"


def test_a_refused_user_name_offers_the_other_usual_form_once(qtbot: Any, lab: Any) -> None:
    wizard = _wizard(qtbot, lab)
    short = replace(lab.settings("imaps"), username="taro")  # the part before @: the lab wants the address
    check_with(qtbot, wizard, short, lab.settings("submission"))
    to_result(qtbot, wizard)
    assert card_ids(wizard) == ["auth.failed"]
    fix = wizard.results.cards[0].fix_button
    assert fix is not None and fix.text() == "Try the user name taro@lab.test"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.testing.phase == "done", timeout=SLOW)
    assert wizard.state.incoming is not None and wizard.state.incoming.username == "taro@lab.test"
    press_next(qtbot, wizard)
    assert wizard.results.phase == "success"


def test_change_settings_after_a_failure_runs_a_fresh_test(qtbot: Any, lab: Any) -> None:
    wizard = _wizard(qtbot, lab)
    check_with(qtbot, wizard, lab.settings("closed-imaps"), lab.settings("submission"))
    to_result(qtbot, wizard)
    assert card_ids(wizard) == ["tcp.refused"]
    press_next(qtbot, wizard)  # "Change settings"
    assert wizard.page() is wizard.settings and wizard.settings.editing()
    form = wizard.settings.in_form
    form.host.setText(lab.settings("imaps").host)
    assert not form.error.isVisible()
    press_next(qtbot, wizard)  # "Test these settings"
    assert wizard.page() is wizard.testing
    qtbot.waitUntil(lambda: wizard.testing.phase == "done", timeout=SLOW)
    press_next(qtbot, wizard)
    assert wizard.results.phase == "success"
