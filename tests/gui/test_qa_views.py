"""Found by hand under Xvfb: stage rows, suggested fixes, the report, the bounce view, the edit dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import null
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from assistant.core.model import Protocol, Security, ServerSettings
from assistant.core.secrets import PasswordStore
from assistant.core.store import Account, SettingsStore
from assistant.gui.widgets.stage_column import StageColumn
from assistant.gui.windows.bounce_view import BounceView
from assistant.gui.windows.edit_dialog import EditDialog
from assistant.gui.windows.main import MainWindow
from assistant.gui.windows.report import ReportDialog, build_report
from assistant.gui.wizard.session import apply_fix
from tests.gui.lab_accounts import lab_account, write_settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

IMAPS = ServerSettings(Protocol.IMAP, "mail.example.jp", 993, Security.SSL, "taro@example.jp")
SMTP = ServerSettings(Protocol.SMTP, "mail.example.jp", 587, Security.STARTTLS, "taro@example.jp")


def test_stage_rows_keep_the_technical_detail_out_of_the_line(qtbot: Any, app: Any) -> None:
    column = StageColumn("incoming")
    qtbot.addWidget(column)
    column.stage_event("resolve", "passed", 3.0, "127.0.0.1")
    column.stage_event("greeting", "passed", 2.0, "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+")
    column.stage_event("action", "skipped", 0.0, "")
    rows = column.list._rows
    greeting = rows[column.stage_rows["greeting"]]
    assert greeting.text.text() == ""  # English capability lists are not for the user's eyes...
    assert "IMAP4rev1" in greeting.name.toolTip()  # ...but the help desk finds them on the row
    assert greeting.time.text() == "2 ms"
    assert rows[column.stage_rows["action"]].time.text() == ""  # a skipped step took no "0 ms"


def test_a_suggested_host_is_a_plain_valid_name() -> None:
    assert apply_fix(IMAPS, {"host": "DNS:Other-Host.example.test"}).host == "other-host.example.test"
    for bad in ("mail example.jp", "", "*.example.jp", "nodot"):
        assert apply_fix(IMAPS, {"host": bad}).host == "mail.example.jp"


def _run(qtbot: Any, w: MainWindow, password: str, button: Any = None) -> None:
    with qtbot.waitSignal(w.run_finished, timeout=40_000):
        (button or w.panel.test_button).click()
        qtbot.waitUntil(lambda: w.password_flow.password_dialog is not None)
        dialog = w.password_flow.password_dialog
        dialog.password.setText(password)
        dialog.save.setChecked(False)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_wrong_host_certificate_names_the_host_without_dns_prefix(
    qtbot: Any, app: Any, lab: Any, config: Path
) -> None:
    write_settings(config, lab_account(lab, incoming="wronghost-imaps"))
    w = MainWindow(store=SettingsStore(config), passwords=PasswordStore(null.Keyring()), net=lab.net_config())
    qtbot.addWidget(w)
    _run(qtbot, w, lab.canary)
    card = w.panel.cards[0]
    assert card.explanation.id.startswith("tls.cert_hostname")
    assert card.fix_button is not None
    assert "DNS:" not in card.explanation.what and "DNS:" not in card.fix_button.text()
    _run(qtbot, w, lab.canary, card.fix_button)  # the password was not saved: it is asked again
    account = w.current_account()
    assert account is not None and account.incoming.host == "other-host.example.test"


def test_editing_the_servers_clears_the_old_result(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    write_settings(config, lab_account(lab))
    w = MainWindow(store=SettingsStore(config), passwords=PasswordStore(null.Keyring()), net=lab.net_config())
    qtbot.addWidget(w)
    w.show()
    _run(qtbot, w, lab.canary)
    assert w.panel.status.isVisible() and w.panel.columns_box.isVisible()
    w.panel.edit_button.click()
    qtbot.waitUntil(lambda: w.edits.edit_dialog is not None and w.edits.edit_dialog.isVisible())
    dialog = w.edits.edit_dialog
    dialog.incoming.host.setText("expired.lab.test")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: w.current_account().incoming.host == "expired.lab.test")
    assert not w.panel.status.isVisible() and not w.panel.columns_box.isVisible()  # "✓ works" was for the old


def test_report_says_the_last_test_and_roles_in_words(qtbot: Any, app: Any, tmp_path: Path) -> None:
    from assistant.core.store import CheckSummary, Settings

    last = CheckSummary("2026-11-28T03:13:12+00:00", True, True)
    account = Account("taro@example.jp", "", IMAPS, SMTP, True, last)
    report = build_report(Settings(accounts=(account,)), None, "en", PasswordStore(null.Keyring()))
    text = report.to_text()
    assert "2026-11-28 03:13 UTC — everything worked" in text and " ok" not in text
    dialog = ReportDialog(report)
    qtbot.addWidget(dialog)
    not_a_folder = tmp_path / "a-file"  # (tests run as root: a read-only folder would not stop the write)
    not_a_folder.write_text("x")
    assert dialog.save_to(not_a_folder / "report.txt", "txt") is False  # said in a message box, no traceback
    assert dialog.problem is not None and "could not be saved" in dialog.problem.text()
    dialog.copy.click()
    assert dialog.copy.text() == "Copied ✓"


def test_bounce_without_a_named_recipient_and_esc(qtbot: Any, app: Any) -> None:
    view = BounceView()
    view.setWindowFlag(Qt.WindowType.Window)
    qtbot.addWidget(view)
    view.show()
    text = (
        "From: MAILER-DAEMON@mail.example.jp (Mail Delivery System) Subject: Undelivered Mail Returned to "
        "Sender This is the mail system at host mail.example.jp. I'm sorry to have to inform you that your "
        "message could not be delivered to one or more recipients."
    )
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.analyze_bytes(text.encode())
    for card in view.cards:
        heading = card.findChild(type(view.summary), "recipient").text()
        assert not heading.startswith(" —") and ".900" not in heading, heading
    qtbot.keyClick(view.paste, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_edit_dialog_shows_a_two_line_message_whole(qtbot: Any, app: Any) -> None:
    dialog = EditDialog(Account("taro@example.jp", "", IMAPS, SMTP, True, None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.incoming.host.setText("mail example.jp")
    error = dialog.incoming.error
    qtbot.waitUntil(lambda: error.isVisible())
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))


def test_tested_server_lines_follow_a_language_switch(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    from assistant.gui.app import language

    write_settings(config, lab_account(lab))
    w = MainWindow(store=SettingsStore(config), passwords=PasswordStore(null.Keyring()), net=lab.net_config())
    qtbot.addWidget(w)
    _run(qtbot, w, lab.canary)
    assert w.panel.columns["incoming"].server.text().startswith("Incoming: ")
    try:
        language().set("ja")
        qtbot.waitUntil(lambda: w.panel.test_button.text() == "今すぐテスト")
        assert w.panel.columns["incoming"].server.text().startswith("受信: ")
        assert w.panel.columns["outgoing"].server.text().startswith("送信: ")
    finally:
        language().set("en")


def test_windows_open_within_a_small_screen(qtbot: Any, app: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from assistant.gui.widgets.screen_fit import resize_within_screen

    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumSize(5000, 4000)
    resize_within_screen(window, 6000, 5000)  # 150 % scaling on a small laptop: more than the screen
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    view = BounceView()
    qtbot.addWidget(view)
    assert view.height() <= view.screen().availableGeometry().height()
