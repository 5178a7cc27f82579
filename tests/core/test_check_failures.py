"""Each failure code comes back from a real server or a real network condition, at the right stage."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from assistant.core.check import ServerResult, check_server
from assistant.core.model import Auth, Security, ServerSettings, Stage, StageStatus
from assistant.core.net import Deadline
from tests.lab import Lab

LOGIN_COMMANDS = ("LOGIN", "AUTHENTICATE", "AUTH", "USER", "PASS")


def run(
    lab: Lab,
    settings: ServerSettings,
    *,
    account: str = "taro",
    address: str | None = None,
    password: str | None = None,
    timeout: float = 8.0,
    **options: Any,
) -> ServerResult:
    acct = lab.accounts[account]
    net = options.pop("net", lab.net_config())
    return check_server(
        settings,
        acct.password if password is None else password,
        address=address or acct.address,
        net=net,
        deadline=Deadline(timeout),
        **options,
    )


def sent_commands(result: ServerResult) -> list[str]:
    """The command word of every line we sent (IMAP tags removed)."""
    words = []
    for line in result.transcript.lines:
        if line.direction == "C" and line.text:
            parts = line.text.split()
            words.append(
                parts[1] if result.settings.protocol.value == "imap" and len(parts) > 1 else parts[0]
            )
    return words


def assert_failed(result: ServerResult, stage: Stage, code: str) -> None:
    assert not result.ok
    assert result.failure is not None, result.stages
    assert (result.failure.stage, result.failure.code) == (stage, code), (
        result.failure,
        result.transcript.render(),
    )
    statuses = {r.stage: r.status for r in result.stages}
    assert statuses[stage] is StageStatus.FAILED
    after = [r for r in result.stages][[r.stage for r in result.stages].index(stage) + 1 :]
    assert all(r.status is StageStatus.SKIPPED and r.detail == "not reached" for r in after)
    assert result.failure.host == result.settings.host and result.failure.port == result.settings.port


def moved(lab: Lab, name: str, **changes: Any) -> ServerSettings:
    return dataclasses.replace(lab.settings(name), **changes)


# --- resolve and connect --------------------------------------------------------------------------------


def test_nxdomain(lab: Lab) -> None:
    assert_failed(run(lab, moved(lab, "imaps", host="nx.lab.test")), Stage.RESOLVE, "dns.nxdomain")


def test_name_without_address(lab: Lab) -> None:
    assert_failed(run(lab, moved(lab, "imaps", host="noaddr.lab.test")), Stage.RESOLVE, "dns.no_address")


@pytest.mark.parametrize("name", ["closed-imaps", "closed-pop3", "closed-submission"])
def test_refused_port(lab: Lab, name: str) -> None:
    assert_failed(run(lab, lab.settings(name)), Stage.CONNECT, "tcp.refused")


# --- TLS ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "plain_port"), [("imap", 143), ("pop3", 110), ("submission", 587)])
def test_tls_spoken_to_a_plain_port(lab: Lab, name: str, plain_port: int) -> None:
    result = run(lab, moved(lab, name, port=plain_port, security=Security.SSL))
    assert_failed(result, Stage.TLS, "tls.plain_port")
    assert result.failure is not None and result.failure.exception.startswith("SSL")


@pytest.mark.parametrize("name", ["imaps", "pop3s", "smtps"])
def test_plain_text_spoken_to_a_tls_port(lab: Lab, name: str) -> None:
    result = run(lab, moved(lab, name, security=Security.STARTTLS), timeout=6)
    assert_failed(result, Stage.GREETING, "tls.expects_tls")
    assert not any(w in LOGIN_COMMANDS for w in sent_commands(result))


@pytest.mark.parametrize(
    ("name", "stage", "code", "cert_name"),
    [
        ("expired-imaps", Stage.TLS, "tls.cert_expired", "expired.lab.test"),
        ("expired-submission", Stage.STARTTLS, "tls.cert_expired", "expired.lab.test"),
        ("wronghost-pop3s", Stage.TLS, "tls.cert_hostname", "other-host.example.test"),
        ("wronghost-imap", Stage.STARTTLS, "tls.cert_hostname", "other-host.example.test"),
        ("untrusted-smtps", Stage.TLS, "tls.cert_untrusted", "untrusted.lab.test"),
        ("selfsigned-pop3", Stage.STARTTLS, "tls.cert_untrusted", "selfsigned.lab.test"),
    ],
)
def test_bad_certificates_with_certificate_details(
    lab: Lab, name: str, stage: Stage, code: str, cert_name: str
) -> None:
    result = run(lab, lab.settings(name))
    assert_failed(result, stage, code)
    evidence = result.failure
    assert evidence is not None and evidence.exception == "SSLCertVerificationError"
    cert = evidence.certificate  # read again without verification, for the evidence
    assert cert is not None and not cert.verified and cert.verify_error
    assert f"DNS:{cert_name}" in cert.sans
    assert len(cert.sha256) == 64 and cert.issuer and cert.not_after
    assert not any(w in LOGIN_COMMANDS for w in sent_commands(result))


def test_the_lab_ca_is_needed_the_system_store_alone_does_not_trust_it(lab: Lab) -> None:
    result = run(lab, lab.settings("imaps"), net=lab.net_config(extra_ca_file=None))
    assert_failed(result, Stage.TLS, "tls.cert_untrusted")


# --- STARTTLS: no silent downgrade ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["notls-imap", "notls-pop3", "notls-submission"])
def test_starttls_not_offered_stops_before_login(lab: Lab, name: str) -> None:
    result = run(lab, lab.settings(name))
    assert_failed(result, Stage.STARTTLS, "starttls.not_offered")
    assert not any(w in LOGIN_COMMANDS for w in sent_commands(result)), result.transcript.render()
    assert lab.canary not in result.transcript.render()


# --- login -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "response_code", "reply"),
    [("imaps", "AUTHENTICATIONFAILED", None), ("pop3", "AUTH", None), ("submission", None, (535, "5.7.8"))],
)
def test_wrong_password_costs_one_attempt(lab: Lab, name: str, response_code: str | None, reply: Any) -> None:
    result = run(lab, lab.settings(name), password="Wrong-" + lab.canary[::-1])
    assert_failed(result, Stage.LOGIN, "auth.failed")
    evidence = result.failure
    assert evidence is not None and evidence.response_code == response_code
    if reply:
        assert (evidence.reply_code, evidence.enhanced) == reply
    attempts = [w for w in sent_commands(result) if w in ("LOGIN", "AUTHENTICATE", "AUTH", "PASS")]
    assert len(attempts) == 1, result.transcript.render()


@pytest.mark.parametrize(("name", "response_code"), [("imaps", "CONTACTADMIN"), ("pop3s", "AUTH")])
def test_disabled_account(lab: Lab, name: str, response_code: str) -> None:
    result = run(lab, lab.settings(name, account="suspended"), account="suspended")
    assert_failed(result, Stage.LOGIN, "auth.disabled")
    assert result.failure is not None and result.failure.response_code == response_code


@pytest.mark.parametrize("name", ["imap", "pop3", "submission"])
def test_server_refuses_login_without_tls(lab: Lab, name: str) -> None:
    # Bound to another loopback address: Dovecot counts 127.0.0.1 -> 127.0.0.1 as secure.
    net = lab.net_config(source_address="127.0.0.3")
    result = run(lab, moved(lab, name, security=Security.NONE), allow_insecure=True, net=net)
    assert_failed(result, Stage.LOGIN, "auth.tls_required")
    assert lab.canary not in result.transcript.render()
    if name == "submission":
        assert any(line.text == "EHLO [127.0.0.3]" for line in result.transcript.lines)


@pytest.mark.parametrize("name", ["plain-imap", "plain-pop3", "plain-submission"])
def test_password_never_sent_in_clear_without_the_allow_flag(lab: Lab, name: str) -> None:
    result = run(lab, lab.settings(name))
    assert_failed(result, Stage.LOGIN, "auth.insecure_blocked")
    assert not any(w in LOGIN_COMMANDS for w in sent_commands(result)), result.transcript.render()
    allowed = run(lab, lab.settings(name), allow_insecure=True)
    assert allowed.ok, allowed.failure


def test_oauth_settings_stop_at_login(lab: Lab) -> None:
    result = run(lab, moved(lab, "imaps", auth=Auth.OAUTH2))
    assert_failed(result, Stage.LOGIN, "auth.oauth_required")
    assert not any(w in LOGIN_COMMANDS for w in sent_commands(result))


@pytest.mark.parametrize(
    ("name", "code", "reply", "response_code"),
    [
        ("imap-unavailable-ssl", "auth.temporary", None, "UNAVAILABLE"),
        ("pop3-in-use", "auth.in_use", None, "IN-USE"),
        ("pop3-sys-temp-ssl", "auth.temporary", None, "SYS/TEMP"),
        ("smtp-454-auth", "auth.temporary", (454, "4.7.0"), None),
        ("smtp-535-tenant-ssl", "auth.failed", (535, "5.7.139"), None),
    ],
)
def test_scripted_login_refusals(
    lab: Lab, name: str, code: str, reply: Any, response_code: str | None
) -> None:
    result = run(lab, lab.settings(name))
    assert_failed(result, Stage.LOGIN, code)
    assert result.failure is not None and result.failure.response_code == response_code
    if reply:
        assert (result.failure.reply_code, result.failure.enhanced) == reply


def test_multiline_reply_is_joined_and_the_enhanced_code_kept(lab: Lab) -> None:
    result = run(lab, lab.settings("smtp-534-app-password"))
    assert_failed(result, Stage.LOGIN, "auth.failed")
    evidence = result.failure
    assert evidence is not None and (evidence.reply_code, evidence.enhanced) == (534, "5.7.9")
    assert evidence.text.startswith("Application-specific password required.")
    assert "InvalidSecondFactor" in evidence.text and "5.7.9" not in evidence.text


# --- the SMTP envelope --------------------------------------------------------------------------------


def test_sender_not_owned_by_the_login(lab: Lab) -> None:
    result = run(lab, lab.settings("submission"), address=lab.accounts["hanako"].address)
    assert_failed(result, Stage.ACTION, "smtp.sender_rejected")
    evidence = result.failure
    assert evidence is not None and (evidence.reply_code, evidence.enhanced) == (553, "5.7.1")
    assert "not owned" in evidence.text


def test_relay_denied(lab: Lab) -> None:
    """An MX is not a submission server: it takes no login and relays nothing for us."""
    result = run(lab, lab.settings("mx"), address="someone@elsewhere.test")
    assert_failed(result, Stage.ACTION, "smtp.relay_denied")
    evidence = result.failure
    assert evidence is not None and (evidence.reply_code, evidence.enhanced) == (554, "5.7.1")
    assert {r.stage: r.status for r in result.stages}[Stage.LOGIN] is StageStatus.SKIPPED


@pytest.mark.parametrize(
    ("address", "reply"), [("nobody@lab.test", (550, "5.1.1")), ("full@lab.test", (552, "5.2.2"))]
)
def test_recipient_rejected(lab: Lab, address: str, reply: tuple[int, str]) -> None:
    result = run(lab, lab.settings("mx"), address=address)
    assert_failed(result, Stage.ACTION, "smtp.recipient_rejected")
    assert result.failure is not None and (result.failure.reply_code, result.failure.enhanced) == reply


def test_mx_accepts_our_mail_but_offers_no_login(lab: Lab) -> None:
    assert_failed(run(lab, lab.settings("mx")), Stage.ACTION, "auth.not_offered")


def test_greylisted_recipient_is_temporary(lab: Lab) -> None:
    result = run(lab, lab.settings("smtp-451-greylist-ssl"))
    assert_failed(result, Stage.ACTION, "smtp.temporary")
    assert result.failure is not None and result.failure.enhanced == "4.7.1"


# --- greeting and session ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["smtp-421", "smtp-421-ssl"])
def test_421_greeting(lab: Lab, name: str) -> None:
    result = run(lab, lab.settings(name))
    assert_failed(result, Stage.GREETING, "server.unavailable")
    assert result.failure is not None and (result.failure.reply_code, result.failure.enhanced) == (
        421,
        "4.3.2",
    )


def test_imap_bye_greeting(lab: Lab) -> None:
    result = run(lab, lab.settings("imap-bye"))
    assert_failed(result, Stage.GREETING, "server.unavailable")
    assert result.failure is not None and result.failure.response_code == "UNAVAILABLE"


@pytest.mark.parametrize("name", ["smtp-eof-after-ehlo", "smtp-eof-after-ehlo-ssl"])
def test_disconnect_mid_session(lab: Lab, name: str) -> None:
    assert_failed(run(lab, lab.settings(name)), Stage.CAPABILITIES, "server.closed")


def test_another_protocol_on_the_port(lab: Lab) -> None:
    """IMAP settings pointed at the submission port: the greeting is SMTP."""
    result = run(lab, moved(lab, "imap", port=587))
    assert_failed(result, Stage.GREETING, "greeting.unexpected")


@pytest.mark.parametrize(
    ("port", "host"), [(0, "mail.lab.test"), (70000, "mail.lab.test"), (993, "mail lab.test")]
)
def test_unusable_settings(lab: Lab, port: int, host: str) -> None:
    result = run(lab, moved(lab, "imaps", port=port, host=host))
    assert_failed(result, Stage.RESOLVE, "input.invalid")


def test_message_too_big_for_the_server(lab: Lab) -> None:
    """What the send test would meet on a server with a small size limit: 552 5.3.4 after DATA."""
    from assistant.core.probe.smtp import SmtpDialect

    taro = lab.accounts["taro"]
    dialect = SmtpDialect(lab.settings("small-submission"), taro.address)
    body = b"x" * 76 + b"\r\n"
    dialect.message = b"Subject: big\r\n\r\n" + body * 400  # ~31 KB against a 20 000-byte limit
    result = run(lab, lab.settings("small-submission"), dialect=dialect)
    assert_failed(result, Stage.ACTION, "smtp.message_rejected")
    assert result.failure is not None and (result.failure.reply_code, result.failure.enhanced) == (
        552,
        "5.3.4",
    )
