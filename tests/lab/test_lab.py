"""The lab itself: servers answer, DNS is private and authoritative, broken endpoints break as promised."""

from __future__ import annotations

import email
import imaplib
import json
import poplib
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import time
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import dns.resolver
import pytest

from tests.lab import Lab
from tests.lab.postfix import SMALL_LIMIT
from tests.lab.process import pid_alive, wait_until


def resolver(lab: Lab) -> dns.resolver.Resolver:
    r = dns.resolver.Resolver(configure=False)
    r.nameservers = [lab.dns_host]
    r.port = lab.dns_port
    r.lifetime = 3.0
    return r


def ip_context(lab: Lab) -> ssl.SSLContext:
    """Trust the lab CA; we dial IP addresses here, so names are checked separately."""
    ctx = ssl.create_default_context(cafile=str(lab.ca_file))
    ctx.check_hostname = False
    return ctx


def tls_handshake(lab: Lab, name: str) -> ssl.SSLSocket:
    ep = lab.endpoint(name)
    ctx = ssl.create_default_context(cafile=str(lab.ca_file))
    raw = socket.create_connection((ep.ip, ep.port), timeout=5)
    try:
        return ctx.wrap_socket(raw, server_hostname=ep.host)
    except BaseException:
        raw.close()
        raise


def test_dns_answers_lab_zone(lab: Lab) -> None:
    r = resolver(lab)
    assert [a.to_text() for a in r.resolve("mail.lab.test", "A")] == [lab.host("mail")]
    assert r.resolve("mail.lab.test", "A").response.flags & dns.flags.AA
    assert [a.to_text() for a in r.resolve("expired.lab.test", "A")] == [lab.host("expired")]
    assert [a.to_text() for a in r.resolve("lab.test", "MX")] == ["10 mail.lab.test."]
    assert [a.to_text() for a in r.resolve("nullmx.lab.test", "MX")] == ["0 ."]
    assert [a.to_text() for a in r.resolve("_submissions._tcp.lab.test", "SRV")] == ["0 1 465 mail.lab.test."]
    assert "v=spf1" in r.resolve("lab.test", "TXT")[0].to_text()
    assert [a.to_text() for a in r.resolve("dual.lab.test", "AAAA")] == ["::1"]
    with pytest.raises(dns.resolver.NXDOMAIN):
        r.resolve("nx.lab.test", "A")
    with pytest.raises(dns.resolver.NXDOMAIN):
        r.resolve("example.com", "A")  # never forwarded anywhere
    with pytest.raises(dns.resolver.NoAnswer):
        r.resolve("noaddr.lab.test", "A")


def test_every_endpoint_host_resolves_to_its_address(lab: Lab) -> None:
    r = resolver(lab)
    for ep in lab.endpoints.values():
        assert [a.to_text() for a in r.resolve(ep.host, "A")] == [ep.ip], ep.name


def test_imap_and_pop3_logins(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    ep = lab.endpoint("imaps")
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
        imap.login(taro.username, taro.password)
        assert imap.select("INBOX")[0] == "OK"
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            imap.login(taro.username, "nope")
    off = lab.accounts["suspended"]
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
        with pytest.raises(imaplib.IMAP4.error, match="CONTACTADMIN"):
            imap.login(off.username, off.password)
    ep = lab.endpoint("imap")
    with imaplib.IMAP4(ep.ip, ep.port, timeout=5) as imap:
        assert "STARTTLS" in imap.capabilities and "LOGINDISABLED" in imap.capabilities
        with pytest.raises(imaplib.IMAP4.error, match="PRIVACYREQUIRED"):
            imap.login(taro.username, taro.password)
    ep = lab.endpoint("pop3")
    pop = poplib.POP3(ep.ip, ep.port, timeout=5)
    pop.stls(ip_context(lab))
    pop.user(taro.username)
    pop.pass_(taro.password)
    assert pop.stat()[0] >= 0
    pop.quit()
    ep = lab.endpoint("pop3s")
    pop = poplib.POP3_SSL(ep.ip, ep.port, context=ip_context(lab), timeout=5)
    pop.user(taro.username)
    with pytest.raises(poplib.error_proto, match=r"\[AUTH\]"):
        pop.pass_("wrong")
    pop.close()


def test_no_starttls_and_plaintext_endpoints(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    ep = lab.endpoint("notls-imap")
    with imaplib.IMAP4(ep.ip, ep.port, timeout=5) as imap:
        assert "STARTTLS" not in imap.capabilities
    ep = lab.endpoint("notls-submission")
    with smtplib.SMTP(ep.ip, ep.port, timeout=5) as smtp:
        smtp.ehlo()
        assert not smtp.has_extn("starttls")
    ep = lab.endpoint("plain-imap")
    assert ep.security == "none"
    with imaplib.IMAP4(ep.ip, ep.port, timeout=5) as imap:
        assert imap.login(taro.username, taro.password)[0] == "OK"
    ep = lab.endpoint("plain-submission")
    with smtplib.SMTP(ep.ip, ep.port, timeout=5) as smtp:
        smtp.login(taro.username, taro.password, initial_response_ok=True)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("expired-imaps", "certificate has expired"),
        ("wronghost-imaps", "Hostname mismatch"),
        ("untrusted-imaps", "unable to get local issuer certificate"),
        ("selfsigned-imaps", "self-signed certificate"),
        ("expired-smtps", "certificate has expired"),
        ("wronghost-smtps", "Hostname mismatch"),
    ],
)
def test_broken_certificates(lab: Lab, name: str, error: str) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match=error):
        tls_handshake(lab, name)


def test_good_certificate_verifies_by_name(lab: Lab) -> None:
    for name in ("imaps", "pop3s", "smtps", "dual-imaps"):
        with tls_handshake(lab, name) as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3")


def _submission(lab: Lab, name: str = "submission") -> smtplib.SMTP:
    ep = lab.endpoint(name)
    smtp = smtplib.SMTP(ep.ip, ep.port, timeout=5)
    smtp.starttls(context=ip_context(lab))
    return smtp


def test_submission_rejections(lab: Lab) -> None:
    taro, hanako = lab.accounts["taro"], lab.accounts["hanako"]
    ep = lab.endpoint("submission")
    with smtplib.SMTP(ep.ip, ep.port, timeout=5) as smtp:
        smtp.ehlo()
        code, text = smtp.mail(taro.address)
        assert (code, text[:5]) == (530, b"5.7.0")
    with _submission(lab) as smtp:
        smtp.ehlo()
        code, text = smtp.docmd("AUTH", "PLAIN " + _plain(taro.username, "wrong"))
        assert (code, text[:5]) == (535, b"5.7.8")
        smtp.login(taro.username, taro.password, initial_response_ok=True)
        # Postfix delays rejections to RCPT (smtpd_delay_reject): "not owned by user" comes there.
        assert smtp.mail(hanako.address)[0] == 250
        code, text = smtp.rcpt(taro.address)
        assert (code, text[:5]) == (553, b"5.7.1")
        assert b"not owned by user" in text
        smtp.rset()
        assert smtp.mail(taro.address)[0] == 250
        code, text = smtp.rcpt("nobody@lab.test")
        assert (code, text[:5]) == (550, b"5.1.1")
        code, text = smtp.rcpt("full@lab.test")
        assert (code, text[:5]) == (552, b"5.2.2")
        assert smtp.rcpt(hanako.address)[0] == 250
    ep = lab.endpoint("mx")
    with smtplib.SMTP(ep.ip, ep.port, timeout=5) as smtp:
        smtp.ehlo()
        assert smtp.mail("someone@example.net")[0] == 250
        code, text = smtp.rcpt("friend@example.net")
        assert (code, text[:5]) == (554, b"5.7.1")
    with _submission(lab, "small-submission") as smtp:
        smtp.login(taro.username, taro.password)
        code, text = smtp.mail(taro.address, [f"SIZE={SMALL_LIMIT * 2}"])
        assert (code, text[:5]) == (552, b"5.3.4")


def _plain(user: str, password: str) -> str:
    import base64

    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def test_sent_message_arrives_over_imap(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    msgid = make_msgid(domain="lab.test")
    msg = EmailMessage()
    msg["From"] = msg["To"] = taro.address
    msg["Subject"] = "lab round trip"
    msg["Message-ID"] = msgid
    msg.set_content("hello\n")
    ep = lab.endpoint("smtps")
    with smtplib.SMTP_SSL(ep.ip, ep.port, context=ip_context(lab), timeout=5) as smtp:
        smtp.login(taro.username, taro.password)
        smtp.send_message(msg)
    ep = lab.endpoint("imaps")
    deadline = time.monotonic() + 10
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
        imap.login(taro.username, taro.password)
        while True:
            imap.select("INBOX")
            _typ, data = imap.search(None, "HEADER", "Message-ID", msgid)
            if data[0]:
                break
            assert time.monotonic() < deadline, "message never arrived"
            time.sleep(0.05)
        num = data[0].split()[0]
        _typ, fetched = imap.fetch(num, "(RFC822)")
        got = email.message_from_bytes(fetched[0][1])
        assert got["Subject"] == "lab round trip"
        imap.store(num, "+FLAGS", "\\Deleted")
        imap.expunge()


def test_drop_port_times_out_and_closed_port_refuses(lab: Lab) -> None:
    ep = lab.endpoint("drop-submission")
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        socket.create_connection((ep.ip, ep.port), timeout=1.0).close()
    assert time.monotonic() - start >= 0.9
    ep = lab.endpoint("closed-imaps")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((ep.ip, ep.port), timeout=1.0).close()


def test_dual_stack_endpoint_answers_on_both_families(lab: Lab) -> None:
    ep = lab.endpoint("dual-imaps")
    for addr in (ep.ip, "::1"):
        with socket.create_connection((addr, ep.port), timeout=2) as raw:
            with ip_context(lab).wrap_socket(raw) as tls:
                assert tls.recv(100).startswith(b"* OK")
    ep = lab.endpoint("dualbroken-imaps")
    with socket.create_connection((ep.ip, ep.port), timeout=2):
        pass
    with pytest.raises(TimeoutError):
        socket.create_connection(("::1", ep.port), timeout=0.5).close()


@pytest.mark.parametrize(
    ("kind", "status", "said"),
    [
        ("unknown_user", "5.1.1", b"550 5.1.1"),
        ("mailbox_full", "5.2.2", b"552 5.2.2"),
        ("too_large", "5.3.4", b"552 5.3.4"),
        ("relay_denied", "5.7.1", b"554 5.7.1"),
    ],
)
def test_make_bounce_gives_real_postfix_dsn(lab: Lab, kind: str, status: str, said: bytes) -> None:
    data = lab.make_bounce(kind)
    msg = email.message_from_bytes(data)
    assert msg.get_content_type() == "multipart/report"
    assert msg["From"].startswith("Mail Delivery System")
    assert f"Status: {status}".encode() in data
    assert said in data


def test_second_lab_runs_beside_the_first_and_stops_completely(lab: Lab) -> None:
    other = Lab.start()
    try:
        assert other.prefix != lab.prefix and other.root != lab.root
        assert other.dns_port != lab.dns_port
        assert other.started_in < 5.0
        ep = other.endpoint("imaps")
        with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(other), timeout=5) as imap:
            imap.login(other.accounts["taro"].username, other.canary)
        pids = other.pids()
    finally:
        other.stop()
        other.cleanup()
    assert not [name for name, pid in pids.items() if pid_alive(pid)]
    # the first lab is untouched
    ep = lab.endpoint("imaps")
    with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
        assert imap.noop()[0] == "OK"


def test_failed_logins_do_not_slow_down_and_disabled_account_is_refused_over_smtp(lab: Lab) -> None:
    taro, off = lab.accounts["taro"], lab.accounts["suspended"]
    ep = lab.endpoint("imaps")
    for _ in range(4):  # Dovecot's auth penalty would make these 2, 4, 8, 15 s
        start = time.monotonic()
        with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ip_context(lab), timeout=5) as imap:
            with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
                imap.login(taro.username, "wrong")
        assert time.monotonic() - start < 1.9  # the first penalty step alone would be 2 s
    with _submission(lab) as smtp:
        smtp.ehlo()
        code, text = smtp.docmd("AUTH", "PLAIN " + _plain(off.username, off.password))
        assert (code, text[:5]) == (535, b"5.7.8")


def test_daemons_die_with_a_killed_test_process() -> None:
    script = (
        "import json, sys\nfrom tests.lab import Lab\nlab = Lab.start()\n"
        "print(json.dumps({'root': str(lab.root), 'pids': lab.pids()}), flush=True)\nsys.stdin.read()\n"
    )
    repo = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", script], cwd=repo, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    started = json.loads(child.stdout.readline())
    try:
        assert all(pid_alive(pid) for pid in started["pids"].values())
        child.send_signal(signal.SIGKILL)  # no atexit, no finalizer: only the watchdog is left
        child.wait(5)
        wait_until(lambda: not any(pid_alive(p) for p in started["pids"].values()), 8.0, "daemons to die")
    finally:
        child.kill()
        child.wait()
        shutil.rmtree(started["root"], ignore_errors=True)


def test_blackhole_accepts_and_discards(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    msgid = make_msgid(domain="lab.test")
    msg = EmailMessage()
    msg["From"] = msg["To"] = taro.address
    msg["Subject"] = "into the void"
    msg["Message-ID"] = msgid
    msg.set_content("gone\n")
    with _submission(lab, "blackhole-submission") as smtp:
        smtp.login(taro.username, taro.password)
        assert smtp.send_message(msg) == {}
    log = lab.root / "logs" / "postfix.log"
    wait_until(lambda: "lab-blackhole" in log.read_text(errors="replace"), 10, "the discard")
    assert not any(msgid.encode() in p.read_bytes() for p in lab.maildir("taro").glob("*/*"))
