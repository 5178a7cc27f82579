"""Why can't I send, the bounce view, the support report, a corrupt settings file, language, screenshots."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import null
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from assistant.core.secrets import PasswordStore
from assistant.core.store import SettingsStore
from assistant.gui.windows.bounce_view import BounceView
from assistant.gui.windows.main import MainWindow
from tests.gui.lab_accounts import assert_not_in_files, lab_account, write_settings
from tests.lab.canary import needles

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RUN_TIMEOUT = 40_000


def label_texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def window(qtbot: Any, lab: Any, config: Path) -> MainWindow:
    # the password is typed each time (not saved): these tests are not about the keyring
    w = MainWindow(store=SettingsStore(config), passwords=PasswordStore(null.Keyring()), net=lab.net_config())
    qtbot.addWidget(w)
    return w


def run(qtbot: Any, w: MainWindow, button: Any, password: str) -> None:
    with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT):
        button.click()
        qtbot.waitUntil(
            lambda: (
                w.password_flow.password_dialog is not None and w.password_flow.password_dialog.isVisible()
            )
        )
        dialog = w.password_flow.password_dialog
        assert dialog is not None
        dialog.password.setText(password)
        dialog.save.setChecked(False)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_why_cant_i_send_when_sending_works(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    write_settings(config, lab_account(lab))
    w = window(qtbot, lab, config)
    run(qtbot, w, w.panel.send_button, lab.canary)
    outcome = w.panel.outcome
    assert outcome is not None and outcome.ok
    assert [s.role for s in outcome.servers] == ["outgoing", "send-test"]
    assert outcome.round_trip_ms is not None and outcome.round_trip_ms > 0
    assert w.panel.columns["send-test"].statuses() == {"submit": "passed", "receive": "passed"}
    assert not w.panel.columns["incoming"].isVisibleTo(w.panel)
    assert w.panel.status.text().startswith("✓ Sending works. Your test message arrived in your inbox after")
    assert w.panel.cards == []
    assert w.panel.last_line.text().endswith("— sending worked.")  # not "everything": receiving untested


@pytest.mark.parametrize(
    ("outgoing", "explanation"),
    [
        ("smtp-534-app-password", "auth.app_password.google"),
        ("closed-submission", "tcp.refused"),
        ("expired-submission", "tls.cert_expired"),
    ],
)
def test_why_cant_i_send_explains(
    qtbot: Any, app: Any, lab: Any, config: Path, outgoing: str, explanation: str
) -> None:
    write_settings(config, lab_account(lab, outgoing=outgoing))
    w = window(qtbot, lab, config)
    run(qtbot, w, w.panel.send_button, lab.canary)
    outcome = w.panel.outcome
    assert outcome is not None and not outcome.ok
    assert [s.role for s in outcome.servers] == ["outgoing"]  # no send test on a broken server
    assert [card.explanation.id for card in w.panel.cards] == [explanation]
    card = w.panel.cards[0]
    assert any(text.startswith("Outgoing server — ") for text in label_texts(card))
    assert card.explanation.title in label_texts(card)
    assert w.panel.columns["send-test"].statuses() == {"submit": "skipped", "receive": "skipped"}


def test_why_cant_i_send_tries_the_other_ports(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    # nothing listens on 2525, but 587 answers: the explanation says "wrong port", not "server down"
    account = lab_account(lab)
    write_settings(config, replace(account, outgoing=replace(account.outgoing, port=2525)))
    w = window(qtbot, lab, config)
    run(qtbot, w, w.panel.send_button, lab.canary)
    outcome = w.panel.outcome
    assert outcome is not None and [s.evidence.code for s in outcome.servers if s.evidence] == ["tcp.refused"]
    assert {(a.port, a.ok) for a in outcome.related} == {(587, True), (465, True), (25, True)}
    assert [card.explanation.id for card in w.panel.cards] == ["connect.wrong_port"]


def test_why_cant_i_send_when_no_port_answers(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    # the lab's "drop" host: 587 and 465 swallow SYNs, nothing listens on 25: no port to suggest instead
    write_settings(config, lab_account(lab, outgoing="drop-submission"))
    w = window(qtbot, lab, config)
    run(qtbot, w, w.panel.send_button, lab.canary)
    outcome = w.panel.outcome
    assert outcome is not None
    assert {(a.port, a.code) for a in outcome.related} == {(465, "tcp.timeout"), (25, "tcp.refused")}
    assert [card.explanation.id for card in w.panel.cards] == ["tcp.timeout"]


def test_support_report_has_everything_but_the_password(
    qtbot: Any, app: Any, lab: Any, config: Path, tmp_path: Path
) -> None:
    # AUTH PLAIN with the canary goes over the wire; the 534 reply makes the transcript worth reporting
    write_settings(config, lab_account(lab, outgoing="smtp-534-app-password"))
    w = window(qtbot, lab, config)
    run(qtbot, w, w.panel.send_button, lab.canary)
    w.report_button.click()
    qtbot.waitUntil(lambda: w.report_dialog is not None and w.report_dialog.isVisible())
    dialog = w.report_dialog
    dialog.save_to(tmp_path / "report.html", "html")
    dialog.save_to(tmp_path / "report.txt", "txt")
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    import assistant

    for content in (text, html):
        assert lab.accounts["taro"].address in content
        assert "534" in content and "auth.failed" in content  # the server's reply and our code
        assert f"{assistant.__version__}" in content
        assert "AUTH" in content  # the transcript is there...
    assert "<redacted>" in text or "&lt;redacted&gt;" in html  # ...with the login masked
    assert "Operating system" in text and "Server reply" in text
    title = w.panel.cards[0].explanation.title
    assert title in text  # the explanation, in words
    wanted = needles([lab.canary], [(a.username, a.password) for a in lab.accounts.values()])
    for content in (text, html, dialog.preview.toPlainText()):
        for needle in wanted:
            assert needle.decode("utf-8", "replace") not in content
    assert_not_in_files(tmp_path, lab.canary)


def test_bounce_view_explains_a_real_bounce_per_recipient(qtbot: Any, app: Any, lab: Any) -> None:
    data = lab.make_bounce("unknown_user")
    view = BounceView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.analysis_done, timeout=20_000) as done:
        view.analyze_bytes(data, "bounce.eml")
    analysis = done.args[0]
    assert [r.status for r in analysis.recipients] == ["5.1.1"]
    assert [card.explanation.id for card in view.cards] == ["bounce.userunknown"]
    card = view.cards[0]
    heading = label_texts(card)[0]
    assert analysis.recipients[0].address in heading and "Not delivered" in heading
    assert not card.retry_button.isVisibleTo(card)
    assert view.summary.text() == "Recipients in this bounce message: 1"
    assert "550" in card.details_text.toPlainText()


def test_bounce_view_takes_a_dropped_or_opened_file(qtbot: Any, app: Any, lab: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    eml = tmp_path / "Undelivered Mail Returned to Sender.eml"
    eml.write_bytes(lab.make_bounce("mailbox_full"))
    view = BounceView()
    qtbot.addWidget(view)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(eml))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.drop.dropEvent(drop)
    assert view.source_name == eml.name
    assert [card.explanation.id for card in view.cards] == ["bounce.mailboxfull"]
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.open_path(eml)
    assert len(view.cards) == 1
    view.open_path(tmp_path / "gone.eml")
    assert view.summary.text().startswith("The file could not be read") and view.cards == []


def test_a_newer_bounce_replaces_one_still_being_read(qtbot: Any, app: Any, lab: Any) -> None:
    from assistant.gui import workers

    slow = lab.make_bounce("mailbox_full") + b"\n" + b"x" * 200 + b"\n" * 40_000  # a long original quoted
    quick = lab.make_bounce("unknown_user")
    view = BounceView()
    qtbot.addWidget(view)
    shown: list[str] = []
    view.analysis_done.connect(lambda _a: shown.append(view.source_name))
    view.analyze_bytes(slow, "older.eml")
    view.analyze_bytes(quick, "newer.eml")
    qtbot.waitUntil(lambda: not workers.active_jobs(), timeout=20_000)
    assert shown == ["newer.eml"]
    assert [card.explanation.id for card in view.cards] == ["bounce.userunknown"]


def test_bounce_view_pasted_text_and_bad_input(qtbot: Any, app: Any, lab: Any) -> None:
    view = BounceView()
    qtbot.addWidget(view)
    assert not view.analyze_button.isEnabled()
    view.paste.setPlainText("Hello,\nsee you tomorrow at ten.\nTaro\n")
    assert view.analyze_button.isEnabled()
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.analyze_button.click()
    assert view.cards == []
    assert view.summary.text().startswith("This is neither an e-mail message nor the text of a bounce")
    view.paste.setPlainText("From: a@example.jp\nTo: b@example.jp\nSubject: lunch\n\nSee you at noon.\n")
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.analyze_button.click()
    assert view.summary.text().startswith("This does not look like a bounce message")
    text = lab.make_bounce("mailbox_full").decode("utf-8", "replace")
    view.paste.setPlainText(text)
    with qtbot.waitSignal(view.analysis_done, timeout=20_000):
        view.analyze_button.click()
    assert [card.explanation.id for card in view.cards] == ["bounce.mailboxfull"]
    view.analyze_bytes(b"   \n")
    assert view.summary.objectName() == "error" and view.cards == []


def test_corrupt_settings_are_kept_aside_and_reported(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    config.mkdir(parents=True)
    (config / "settings.json").write_text(
        '{"schema": 1, "accounts": [{"address": "taro@lab.t', encoding="utf-8"
    )
    w = window(qtbot, lab, config)
    notice = w.settings_notice
    kept = [p for p in config.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith("taro@lab.t")
    assert notice.title.text() == "Your saved settings could not be read"
    assert str(kept[0]) in notice.text.text()
    assert w.accounts.count() == 0 and w.right.currentWidget() is w.empty
    notice.close_button.click()
    qtbot.waitUntil(lambda: w.notices.count() == 0)


def test_language_switch_translates_the_window(qtbot: Any, app: Any, lab: Any, config: Path) -> None:
    write_settings(config, lab_account(lab))
    w = window(qtbot, lab, config)
    assert w.panel.test_button.text() == "Test now"
    from assistant.gui.app import language

    try:
        w.language.setCurrentIndex(w.language.findData("ja"))
        w.language.activated.emit(w.language.currentIndex())
        qtbot.waitUntil(lambda: w.panel.test_button.text() == "今すぐテスト")
        assert w.windowTitle() == "メール設定アシスタント"
        assert w.panel.incoming_line.text().startswith("受信")
        assert SettingsStore(config).load().settings.language == "ja"
        language().set("en")
        again = window(qtbot, lab, config)  # the next start follows the saved choice
        qtbot.waitUntil(lambda: again.panel.test_button.text() == "今すぐテスト")
        assert again.language.currentData() == "ja"
    finally:
        language().set("en")
    qtbot.waitUntil(lambda: w.panel.test_button.text() == "Test now")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_render_states_draws_every_state(qtbot: Any, app: Any, lang: str) -> None:
    from assistant.gui.app import language
    from assistant.gui.windows import render_states

    try:
        states = render_states(lang)
        names = [name for name, _ in states]
        for wanted in (
            "main-accounts",
            "main-test-failed",
            "main-keyring-no-backend",
            "main-keyring-locked",
            "main-settings-corrupt",
            "bounce-analyzed",
            "support-report",
        ):
            assert wanted in names
        for name, widget in states:
            qtbot.addWidget(widget)
            image = widget.grab().toImage()
            assert image.width() > 100 and image.height() > 100, name
        titles = {name: widget.windowTitle() for name, widget in states}
        expected = "メール設定アシスタント" if lang == "ja" else "Mail Setup Assistant"
        assert titles["main-accounts"] == expected
    finally:
        language().set("en")
