"""The scripted fake servers say exactly what they promise, over real sockets."""

from __future__ import annotations

import imaplib
import poplib
import smtplib
import socket
import ssl
import time

import pytest

from tests.lab import Lab


def ctx(lab: Lab) -> ssl.SSLContext:
    c = ssl.create_default_context(cafile=str(lab.ca_file))
    c.check_hostname = False
    return c


def smtp_after_tls(lab: Lab, name: str) -> smtplib.SMTP:
    ep = lab.endpoint(name)
    if ep.security == "ssl":
        return smtplib.SMTP_SSL(ep.ip, ep.port, context=ctx(lab), timeout=5)
    smtp = smtplib.SMTP(ep.ip, ep.port, timeout=5)
    smtp.starttls(context=ctx(lab))
    return smtp


def test_421_greeting(lab: Lab) -> None:
    ep = lab.endpoint("smtp-421")
    with pytest.raises(smtplib.SMTPConnectError) as info:
        smtplib.SMTP(ep.ip, ep.port, timeout=5)
    assert info.value.smtp_code == 421


def test_silent_and_drip(lab: Lab) -> None:
    ep = lab.endpoint("smtp-silent")
    with socket.create_connection((ep.ip, ep.port), timeout=0.3) as s, pytest.raises(TimeoutError):
        s.recv(10)
    ep = lab.endpoint("smtp-drip")
    got = b""
    with socket.create_connection((ep.ip, ep.port), timeout=2) as s:
        deadline = time.monotonic() + 1.5
        while (left := deadline - time.monotonic()) > 0:
            s.settimeout(left)
            try:
                got += s.recv(10)
            except TimeoutError:
                break
    # one byte at once, then one a second: never the whole line
    assert 1 <= len(got) <= 3 and b"220-fake.lab.test".startswith(got)


def test_disconnect_after_ehlo(lab: Lab) -> None:
    ep = lab.endpoint("smtp-eof-after-ehlo")
    with smtplib.SMTP(ep.ip, ep.port, timeout=5) as smtp, pytest.raises(smtplib.SMTPServerDisconnected):
        smtp.ehlo()


@pytest.mark.parametrize(
    ("name", "code", "text"),
    [
        ("smtp-534-app-password", 534, b"5.7.9 Application-specific password required"),
        ("smtp-534-app-password-ssl", 534, b"InvalidSecondFactor"),
        ("smtp-454-auth", 454, b"4.7.0 Temporary authentication failure"),
        ("smtp-535-tenant", 535, b"5.7.139 Authentication unsuccessful, SmtpClientAuthentication"),
    ],
)
def test_auth_refusals(lab: Lab, name: str, code: int, text: bytes) -> None:
    with smtp_after_tls(lab, name) as smtp, pytest.raises(smtplib.SMTPAuthenticationError) as info:
        smtp.login("taro@lab.test", "whatever-not-a-lab-password")
    assert info.value.smtp_code == code
    assert text in info.value.smtp_error


def test_greylisting_at_rcpt(lab: Lab) -> None:
    with smtp_after_tls(lab, "smtp-451-greylist") as smtp:
        smtp.login("taro@lab.test", "whatever-not-a-lab-password")
        assert smtp.mail("taro@lab.test")[0] == 250
        code, text = smtp.rcpt("hanako@lab.test")
        assert (code, text[:5]) == (451, b"4.7.1")


def test_imap_fakes(lab: Lab) -> None:
    ep = lab.endpoint("imap-bye")
    with socket.create_connection((ep.ip, ep.port), timeout=5) as s:
        assert s.recv(200).startswith(b"* BYE")
    ep = lab.endpoint("imap-unavailable-ssl")
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ctx(lab), timeout=5) as imap:
        with pytest.raises(imaplib.IMAP4.error, match="UNAVAILABLE"):
            imap.login("taro@lab.test", "whatever-not-a-lab-password")
    ep = lab.endpoint("imap-unavailable")
    with imaplib.IMAP4(ep.ip, ep.port, timeout=5) as imap:
        imap.starttls(ctx(lab))
        with pytest.raises(imaplib.IMAP4.error, match="UNAVAILABLE"):
            imap.login("taro@lab.test", "whatever-not-a-lab-password")


@pytest.mark.parametrize(
    ("name", "code"), [("pop3-in-use", b"[IN-USE]"), ("pop3-sys-temp-ssl", b"[SYS/TEMP]")]
)
def test_pop3_fakes(lab: Lab, name: str, code: bytes) -> None:
    ep = lab.endpoint(name)
    if ep.security == "ssl":
        pop = poplib.POP3_SSL(ep.ip, ep.port, context=ctx(lab), timeout=5)
    else:
        pop = poplib.POP3(ep.ip, ep.port, timeout=5)
        pop.stls(ctx(lab))
    try:
        pop.user("taro@lab.test")
        with pytest.raises(poplib.error_proto) as info:
            pop.pass_("whatever-not-a-lab-password")
        assert code in info.value.args[0]
    finally:
        pop.close()


def test_old_tls_only_server(lab: Lab) -> None:
    ep = lab.endpoint("imap-old-tls")
    assert ep.security == "ssl"
    with socket.create_connection((ep.ip, ep.port), timeout=5) as raw:
        with pytest.raises(ssl.SSLError, match=r"UNSUPPORTED_PROTOCOL|unsupported protocol|VERSION"):
            ctx(lab).wrap_socket(raw)
