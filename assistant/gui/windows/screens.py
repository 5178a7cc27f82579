"""The main window's states with sample data, for `mail-assistant screenshots` and for looking at them."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from assistant.core.model import Evidence, Protocol, Security, ServerSettings, Stage
from assistant.core.store import Account, CheckSummary, Settings, SettingsProblem, SettingsStore

SAMPLE_BOUNCE = b"""\
From: Mail Delivery System <MAILER-DAEMON@mail.example.jp>
To: taro@example.jp
Subject: Undelivered Mail Returned to Sender
Date: Sat, 28 Nov 2026 10:15:00 +0900
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.jp.
I'm sorry to have to inform you that your message could not be delivered.

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.jp
Arrival-Date: Sat, 28 Nov 2026 10:14:58 +0900

Final-Recipient: rfc822; hanakoo@example.ne.jp
Original-Recipient: rfc822;hanakoo@example.ne.jp
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.ne.jp
Diagnostic-Code: smtp; 550 5.1.1 <hanakoo@example.ne.jp>: Recipient address rejected: User unknown

Final-Recipient: rfc822; jiro@example.co.jp
Action: failed
Status: 5.2.2
Remote-MTA: dns; mx.example.co.jp
Diagnostic-Code: smtp; 552 5.2.2 <jiro@example.co.jp>: Mailbox full

--B1
Content-Type: text/rfc822-headers

From: taro@example.jp
To: hanakoo@example.ne.jp, jiro@example.co.jp
Subject: =?UTF-8?B?5piO5pel44Gu5Lya6K2w?=

--B1--
"""


def sample_accounts() -> list[Account]:
    def servers(domain: str, user: str) -> tuple[ServerSettings, ServerSettings]:
        return (
            ServerSettings(Protocol.IMAP, f"imap.{domain}", 993, Security.SSL, user),
            ServerSettings(Protocol.SMTP, f"smtp.{domain}", 587, Security.STARTTLS, user),
        )

    i1, o1 = servers("example.jp", "taro@example.jp")
    i2, o2 = servers("example.ne.jp", "hanako")
    return [
        Account(
            "taro@example.jp", "山田 太郎", i1, o1, True,
            CheckSummary("2026-11-28T01:30:00+00:00", False, True, ("auth.failed",)),
        ),
        Account(
            "hanako@example.ne.jp", "Hanako (home)", i2, o2, False,
            CheckSummary("2026-11-27T22:05:00+00:00", True, True),
        ),
    ]  # fmt: skip


def sample_failed_outcome(account: Account) -> object:
    from assistant.gui.windows.tasks import RunOutcome, ServerRun

    evidence = Evidence(
        stage=Stage.LOGIN, code="auth.failed", response_code="AUTHENTICATIONFAILED",
        text="[AUTHENTICATIONFAILED] Authentication failed.", exception="", host=account.incoming.host,
        port=account.incoming.port, protocol=Protocol.IMAP, security=Security.SSL,
    )  # fmt: skip
    transcript = (
        "     0.0 * connect imap.example.jp:993 (192.0.2.10)\n"
        "    41.3 * TLSv1.3 TLS_AES_256_GCM_SHA384\n"
        "    55.0 S * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\n"
        "    55.4 C a1 AUTHENTICATE PLAIN <redacted>\n"
        "   302.8 S a1 NO [AUTHENTICATIONFAILED] Authentication failed."
    )
    return RunOutcome(
        [
            ServerRun("incoming", account.incoming, False, evidence, transcript),
            ServerRun("outgoing", account.outgoing, True),
        ]
    )


def _window(settings: Settings, problem: SettingsProblem | None = None) -> QWidget:
    from keyring.backends import null

    from assistant.core.secrets import PasswordStore
    from assistant.gui.windows.main import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="mail-assistant-screens-"))
    try:
        store = SettingsStore(folder)
        store.save(settings)
        window = MainWindow(store=store, passwords=PasswordStore(null.Keyring()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    window.store = SettingsStore(Path(tempfile.gettempdir()) / "mail-assistant-screens-unsaved")
    if problem is not None:
        window.show_settings_problem(problem)
    return window


def _feed_stages(window: QWidget, kind: str, outcome: object) -> None:
    """Drive the stage columns the way a real run's events would."""
    from assistant.core.model import StageEvent, StageStatus

    panel = window.panel  # type: ignore[attr-defined]
    panel.run_started(kind)
    ms = {Stage.RESOLVE: 3, Stage.CONNECT: 38, Stage.TLS: 41, Stage.GREETING: 14, Stage.STARTTLS: 40,
          Stage.LOGIN: 247, Stage.ACTION: 22, Stage.SUBMIT: 130, Stage.RECEIVE: 1800}  # fmt: skip
    for server in outcome.servers:  # type: ignore[attr-defined]
        stages = (
            [Stage.SUBMIT, Stage.RECEIVE]
            if server.role == "send-test"
            else [Stage.RESOLVE, Stage.CONNECT, Stage.TLS, Stage.GREETING, Stage.LOGIN, Stage.ACTION]
        )
        for stage in stages:
            failed = server.evidence is not None and server.evidence.stage is stage
            status = StageStatus.FAILED if failed else StageStatus.PASSED
            panel.stage_event(StageEvent(server.role, stage, status, ms[stage]))
            if failed:
                break


def render_states(lang: str) -> list[tuple[str, QWidget]]:
    """(name, widget) for every state of the main window, the bounce view and the report, in `lang`."""
    from assistant.gui.app import create_app

    create_app(lang=lang)
    from assistant.core.secrets import KeyringState
    from assistant.gui.windows.bounce_model import analyzed
    from assistant.gui.windows.bounce_view import BounceView
    from assistant.gui.windows.edit_dialog import EditDialog
    from assistant.gui.windows.password_dialogs import PasswordDialog
    from assistant.gui.windows.report import ReportDialog, build_report
    from assistant.gui.windows.tasks import KeyringOutcome, RunOutcome, ServerRun

    accounts = sample_accounts()
    settings = Settings(tuple(accounts), lang)
    states: list[tuple[str, QWidget]] = []

    states.append(("main-empty", _window(Settings(language=lang))))
    states.append(("main-accounts", _window(settings)))

    failed = _window(settings)
    outcome = sample_failed_outcome(accounts[0])
    _feed_stages(failed, "test", outcome)
    failed.panel.show_outcome(outcome, "test", lang)  # type: ignore[attr-defined]
    failed.panel.cards[0].details_toggle.setChecked(True)  # type: ignore[attr-defined]
    states.append(("main-test-failed", failed))

    good = CheckSummary("2026-11-28T02:10:00+00:00", True, True)
    sent = _window(Settings((replace(accounts[0], last_check=good), accounts[1]), lang))
    ok = RunOutcome(
        [ServerRun("outgoing", accounts[0].outgoing, True), ServerRun("send-test", None, True)],
        round_trip_ms=2140.0,
    )
    _feed_stages(sent, "send", ok)
    sent.panel.show_outcome(ok, "send", lang)  # type: ignore[attr-defined]
    states.append(("main-send-works", sent))

    details = {
        KeyringState.NO_BACKEND: "NoKeyringError: No recommended backend was available.",
        KeyringState.LOCKED: "KeyringLocked: Failed to unlock the collection!",
    }
    for state, reading in ((KeyringState.NO_BACKEND, False), (KeyringState.LOCKED, True)):
        window = _window(settings)
        window.password_flow.show_problem(  # type: ignore[attr-defined]
            KeyringOutcome(None, state.value, details[state]),
            retry=lambda: None,
            without=lambda: None,
            reading=reading,
        )
        states.append((f"main-keyring-{state.value.replace('_', '-')}", window))

    kept = Path(tempfile.gettempdir()) / "settings.json.corrupt-20261128T013000Z"
    states.append(
        ("main-settings-corrupt", _window(Settings(language=lang), SettingsProblem("corrupt", kept)))
    )

    states.append(("password-prompt", PasswordDialog(accounts[1].address, keyring="ok")))
    states.append(("password-prompt-no-keyring", PasswordDialog(accounts[1].address, keyring="no_backend")))
    states.append(("password-prompt-locked", PasswordDialog(accounts[1].address, keyring="locked")))
    states.append(("edit-account", EditDialog(accounts[0])))

    confirm = _window(settings)
    confirm.edits.confirm_remove()  # type: ignore[attr-defined]
    box: QMessageBox = confirm.edits.confirm  # type: ignore[attr-defined]
    states.append(("remove-confirm", box))

    states.append(("bounce-empty", BounceView()))
    try:
        analysis = analyzed(SAMPLE_BOUNCE, lang)
    except (ImportError, AttributeError):  # the bounce analyzer is not in this build
        analysis = None
    if analysis is not None:
        analyzed_view = BounceView()
        analyzed_view.show_analysis(analysis)
        states.append(("bounce-analyzed", analyzed_view))

    report = build_report(settings, (accounts[0].address, "test", outcome), lang, None)
    states.append(("support-report", ReportDialog(report)))
    return states
