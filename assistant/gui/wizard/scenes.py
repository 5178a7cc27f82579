"""Every wizard page and state, built from sample data without network: for screenshots and reviews."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.core.address import parse_address
from assistant.core.discovery.model import (
    Candidate,
    Confidence,
    DiscoveryResult,
    ProgressEvent,
    Provenance,
    ProviderNote,
    SourceName,
    SourceOutcome,
    SourceState,
)
from assistant.core.model import (
    Auth,
    CertificateInfo,
    Evidence,
    Protocol,
    Security,
    ServerSettings,
    Stage,
    StageEvent,
    StageStatus,
)
from assistant.gui.wizard.session import CheckOutcome, ServerOutcome
from assistant.gui.wizard.wizard import SetupWizard

ADDRESS = "taro@example.jp"
IMAP = ServerSettings(Protocol.IMAP, "mail.example.jp", 993, Security.SSL, ADDRESS)
POP = ServerSettings(Protocol.POP3, "mail.example.jp", 995, Security.SSL, ADDRESS)
SMTP = ServerSettings(Protocol.SMTP, "mail.example.jp", 587, Security.STARTTLS, ADDRESS)
TRANSCRIPT = """00.012 S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot ready.
00.013 C: a1 LOGIN taro@example.jp ********
00.410 S: a1 NO [AUTHENTICATIONFAILED] Authentication failed."""
CERT = CertificateInfo(
    subject="CN=sv1234.hosting.example.net",
    issuer="CN=Example Hosting CA, O=Example Hosting",
    sans=("sv1234.hosting.example.net", "*.hosting.example.net"),
    not_before="2026-01-10T00:00:00Z",
    not_after="2027-01-10T00:00:00Z",
    sha256="3f" * 32,
    verified=False,
    verify_error="hostname mismatch",
)


def _wizard(page: int = 0) -> SetupWizard:
    wizard = SetupWizard(net=object())
    wizard.resize(820, 680)
    wizard.state.address = parse_address(ADDRESS)
    wizard.state.password = "x"  # noqa: S105 - sample data, never sent
    wizard.state.display_name = "山田 太郎"
    wizard.account.address.setText(ADDRESS)
    wizard.account.display_name.setText("山田 太郎")
    wizard.go(page, enter=False)
    return wizard


def _candidate(
    s: ServerSettings,
    *,
    source: SourceName = SourceName.BUNDLED,
    cross: bool = False,
    why: tuple[str, ...] = (),
) -> Candidate:
    prov = Provenance(
        source=source,
        https=not why,
        cross_domain=cross,
        confidence=Confidence.HIGH,
        address_domain="example.jp",
        server_domain="hosting-example.net" if cross else "example.jp",
        needs_confirmation=bool(why),
        why=why,
    )
    return Candidate(s.protocol, s.host, s.port, s.security, s.username, Auth.PASSWORD, prov)


def account_empty() -> SetupWizard:
    wizard = SetupWizard(net=object())
    wizard.resize(820, 680)
    return wizard


def account_invalid() -> SetupWizard:
    wizard = account_empty()
    wizard.account.address.setText("taro.example.jp")
    wizard.account.accept_input()
    return wizard


def discovery_running() -> SetupWizard:
    wizard = _wizard(1)
    page = wizard.discovery
    page.phase = "running"
    page._set_status()
    states = {
        "bundled": "not_found",
        "autoconfig": "found",
        "ispdb": "running",
        "mx": "running",
        "autoconfig-http": "waiting",
        "srv": "not_found",
        "guess": "running",
    }
    for i, (source, state) in enumerate(states.items()):
        page.on_progress(ProgressEvent(SourceName(source), SourceState(state), 40.0 + 35 * i))
    wizard._update_buttons()
    return wizard


def _discovery_done(result: DiscoveryResult) -> SetupWizard:
    wizard = _wizard(1)
    wizard.discovery.on_result(result)
    wizard._update_buttons()
    return wizard


def discovery_found() -> SetupWizard:
    outcomes = [SourceOutcome(SourceName.BUNDLED, SourceState.FOUND, 3.0)] + [
        SourceOutcome(s, SourceState.CANCELLED, 41.0) for s in SourceName if s is not SourceName.BUNDLED
    ]
    result = DiscoveryResult(
        ADDRESS,
        [_candidate(IMAP), _candidate(POP)],
        [_candidate(SMTP)],
        outcomes=outcomes,
        notes=[ProviderNote("provider.app_password", "https://example.jp/help/app-password")],
        provider="Example Mail",
        winner=SourceName.BUNDLED,
        elapsed_ms=320.0,
    )
    return _discovery_done(result)


def discovery_confirm() -> SetupWizard:
    imap = ServerSettings(Protocol.IMAP, "imap.hosting-example.net", 993, Security.SSL, ADDRESS)
    smtp = ServerSettings(Protocol.SMTP, "smtp.hosting-example.net", 465, Security.SSL, ADDRESS)
    why = ("other_domain", "unauthenticated_dns")
    result = DiscoveryResult(
        ADDRESS,
        [_candidate(imap, source=SourceName.SRV, cross=True, why=why)],
        [_candidate(smtp, source=SourceName.SRV, cross=True, why=why)],
        winner=SourceName.SRV,
        elapsed_ms=900.0,
    )
    return _discovery_done(result)


def discovery_nothing() -> SetupWizard:
    return _discovery_done(DiscoveryResult(ADDRESS, [], [], winner=None, elapsed_ms=4000.0))


def _with_settings(page: int) -> SetupWizard:
    wizard = _wizard(page)
    wizard.state.incoming, wizard.state.outgoing = IMAP, SMTP
    wizard.state.incoming_choices = [IMAP, POP]
    return wizard


def settings_summary() -> SetupWizard:
    wizard = _with_settings(2)
    wizard.settings.enter()
    wizard._update_buttons()
    return wizard


def settings_edit() -> SetupWizard:
    wizard = _with_settings(2)
    wizard.settings.enter()
    wizard.settings.show_editor()
    wizard.settings.out_form.port.setText("70000")
    wizard.settings.out_form._port_edited()
    wizard._update_buttons()
    return wizard


def _events(page: Any, role: str, passed: int, failed: bool = False) -> None:
    stages = [Stage.RESOLVE, Stage.CONNECT, Stage.TLS, Stage.GREETING, Stage.LOGIN, Stage.ACTION]
    for i, stage in enumerate(stages):
        if i < passed:
            page.on_event(StageEvent(role, stage, StageStatus.PASSED, 12.0 + i * 31))
        elif i == passed:
            status = StageStatus.FAILED if failed else StageStatus.STARTED
            page.on_event(StageEvent(role, stage, status, 410.0 if failed else 0.0))
            break


def testing_running() -> SetupWizard:
    wizard = _with_settings(3)
    page = wizard.testing
    page.phase = "running"
    page._headings()
    page.sendtest.hide()
    page._set_status()
    _events(page, "incoming", 4)
    _events(page, "outgoing", 2)
    wizard._update_buttons()
    return wizard


def testing_done() -> SetupWizard:
    wizard = _with_settings(3)
    wizard.state.send_test = True
    page = wizard.testing
    page._headings()
    _events(page, "incoming", 6)
    _events(page, "outgoing", 6)
    page.on_event(StageEvent("send-test", Stage.SUBMIT, StageStatus.PASSED, 240.0))
    page.on_event(StageEvent("send-test", Stage.RECEIVE, StageStatus.PASSED, 1630.0))
    page.on_result(
        CheckOutcome(
            [ServerOutcome("incoming", IMAP, True), ServerOutcome("outgoing", SMTP, True)],
            round_trip_ms=1870.0,
        )
    )
    return wizard


def _result(outcome: CheckOutcome, keyring: str = "ok") -> SetupWizard:
    wizard = _with_settings(4)
    wizard.state.result = outcome
    wizard.results.keyring = keyring  # as the keyring probe would say (a picture doesn't ask the real one)
    wizard.results.enter()
    wizard._update_buttons()
    return wizard


SUCCESS = CheckOutcome(
    [ServerOutcome("incoming", IMAP, True), ServerOutcome("outgoing", SMTP, True)], round_trip_ms=1870.0
)


def result_success() -> SetupWizard:
    return _result(SUCCESS)


def result_success_no_keyring() -> SetupWizard:
    return _result(SUCCESS, keyring="no_backend")


def result_success_keyring_locked() -> SetupWizard:
    return _result(SUCCESS, keyring="locked")


def result_success_keyring_checking() -> SetupWizard:
    from PySide6.QtCore import Qt

    wizard = _result(SUCCESS)
    page = wizard.results
    page.keyring = None  # the probe's answer not in yet
    page.save_password.setCheckState(Qt.CheckState.PartiallyChecked)
    page._show_keyring()
    return wizard


def _failure(
    role: str,
    settings: ServerSettings,
    evidence: Evidence,
    *,
    details: bool = False,
    cert: CertificateInfo | None = None,
) -> Callable[[], SetupWizard]:
    def scene() -> SetupWizard:
        other = ServerOutcome(
            "outgoing" if role == "incoming" else "incoming", SMTP if role == "incoming" else IMAP, True
        )
        failed = ServerOutcome(role, settings, False, evidence, TRANSCRIPT, cert)
        wizard = _result(CheckOutcome([failed, other] if role == "incoming" else [other, failed]))
        if details:
            for card in wizard.results.cards:
                card.details_toggle.setChecked(True)
        return wizard

    return scene


def _ev(stage: Stage, code: str, s: ServerSettings, **kw: Any) -> Evidence:
    return Evidence(
        stage=stage, code=code, host=s.host, port=s.port, protocol=s.protocol, security=s.security, **kw
    )


SMTP25 = ServerSettings(Protocol.SMTP, "mail.example.jp", 25, Security.STARTTLS, ADDRESS)
IMAP_PLAIN_PORT = ServerSettings(Protocol.IMAP, "mail.example.jp", 143, Security.SSL, ADDRESS)

SCENES: list[tuple[str, Callable[[], Any]]] = [
    ("1-account", account_empty),
    ("1-account-invalid", account_invalid),
    ("2-discovery-running", discovery_running),
    ("2-discovery-found-notes", discovery_found),
    ("2-discovery-confirm", discovery_confirm),
    ("2-discovery-nothing", discovery_nothing),
    ("3-settings", settings_summary),
    ("3-settings-edit", settings_edit),
    ("4-testing-running", testing_running),
    ("4-testing-done", testing_done),
    ("5-success", result_success),
    ("5-success-no-keyring", result_success_no_keyring),
    ("5-success-keyring-locked", result_success_keyring_locked),
    ("5-success-keyring-checking", result_success_keyring_checking),
    (
        "5-fail-auth",
        _failure(
            "incoming",
            IMAP,
            _ev(
                Stage.LOGIN,
                "auth.failed",
                IMAP,
                response_code="AUTHENTICATIONFAILED",
                text="Authentication failed.",
            ),
            details=True,
        ),
    ),
    (
        "5-fail-certificate",
        _failure("incoming", IMAP, _ev(Stage.TLS, "tls.cert_hostname", IMAP, certificate=CERT), cert=CERT),
    ),
    (
        "5-fail-plain-port",
        _failure("incoming", IMAP_PLAIN_PORT, _ev(Stage.TLS, "tls.plain_port", IMAP_PLAIN_PORT)),
    ),
    ("5-fail-op25b", _failure("outgoing", SMTP25, _ev(Stage.CONNECT, "tcp.timeout", SMTP25))),
    ("5-fail-dns", _failure("incoming", IMAP, _ev(Stage.RESOLVE, "dns.nxdomain", IMAP))),
    (
        "5-fail-relay",
        _failure(
            "outgoing",
            SMTP,
            _ev(
                Stage.ACTION,
                "smtp.relay_denied",
                SMTP,
                reply_code=554,
                enhanced="5.7.1",
                text="Relay access denied",
            ),
        ),
    ),
]


def trust_dialog() -> Any:
    from assistant.gui.wizard.trust_dialog import TrustDialog

    dialog = TrustDialog("mail.example.jp", 993, CERT)
    dialog.adjustSize()
    return dialog


SCENES.append(("5-trust-certificate", trust_dialog))
