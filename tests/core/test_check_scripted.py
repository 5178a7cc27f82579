"""Failure codes no lab server produces on demand, from tiny scripted servers on real loopback sockets."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from assistant.core.check import ServerResult, check_server
from assistant.core.model import Protocol, Security, ServerSettings, Stage
from assistant.core.net import Deadline


class Scripted:
    """Sends a greeting, then answers each line by its command word ("{tag}" becomes the IMAP tag)."""

    def __init__(
        self, greeting: str, replies: dict[str, str], *, tagged: bool = False, first_delay: float = 0.0
    ) -> None:
        self.greeting, self.replies, self.tagged = greeting, replies, tagged
        self.first_delay = first_delay  # the first connection's greeting comes this late (a slow server)
        self.stopped = threading.Event()
        self.connections = 0
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.received: list[str] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.05)  # to notice close(): a blocked accept() would not
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            self.connections += 1
            threading.Thread(target=self._session, args=(conn, self.connections == 1), daemon=True).start()

    def _session(self, conn: socket.socket, first: bool) -> None:
        if first and self.first_delay:
            self.stopped.wait(self.first_delay)
        with conn, conn.makefile("rwb") as stream:
            stream.write(self.greeting.encode() + b"\r\n")
            stream.flush()
            for raw in stream:
                line = raw.decode().rstrip("\r\n")
                self.received.append(line)
                words = line.split()
                tag, word = (
                    (words[0], words[1])
                    if self.tagged and len(words) > 1
                    else ("", words[0] if words else "")
                )
                reply = self.replies.get(word.upper())
                if reply is None:
                    continue
                stream.write(reply.format(tag=tag).replace("\n", "\r\n").encode() + b"\r\n")
                stream.flush()
                if word.upper() in ("QUIT", "LOGOUT"):
                    return

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        self.thread.join(5)


@pytest.fixture
def scripted() -> Iterator[list[Scripted]]:
    servers: list[Scripted] = []
    yield servers
    for server in servers:
        server.close()


def check(servers: list[Scripted], server: Scripted, protocol: Protocol, security: Security) -> ServerResult:
    servers.append(server)
    settings = ServerSettings(protocol, "127.0.0.1", server.port, security, "user@example.test")
    return check_server(
        settings, "scripted-pw", address="user@example.test", allow_insecure=True, deadline=Deadline(5)
    )


def failure(result: ServerResult) -> tuple[Stage, str]:
    assert result.failure is not None, result.transcript.render()
    return result.failure.stage, result.failure.code


EHLO_PLAIN = "250-scripted.example.test\n250-PIPELINING\n250 ENHANCEDSTATUSCODES"


def test_smtp_banner_refusing_service(scripted: list[Scripted]) -> None:
    server = Scripted("554 5.7.1 Your address is listed at a blocklist", {"QUIT": "221 bye"})
    result = check(scripted, server, Protocol.SMTP, Security.STARTTLS)
    assert failure(result) == (Stage.GREETING, "greeting.rejected")
    assert result.failure is not None and (result.failure.reply_code, result.failure.enhanced) == (
        554,
        "5.7.1",
    )


def test_starttls_refused_by_the_server(scripted: list[Scripted]) -> None:
    server = Scripted(
        "220 scripted ESMTP",
        {"EHLO": "250-scripted\n250-ENHANCEDSTATUSCODES\n250 STARTTLS",
         "STARTTLS": "454 4.7.0 TLS not available due to local problem", "QUIT": "221 bye"},
    )  # fmt: skip
    result = check(scripted, server, Protocol.SMTP, Security.STARTTLS)
    assert failure(result) == (Stage.STARTTLS, "starttls.failed")
    assert result.failure is not None and result.failure.reply_code == 454
    assert not any(line.startswith("AUTH") for line in server.received)


def test_no_mechanism_we_can_use(scripted: list[Scripted]) -> None:
    server = Scripted(
        "220 scripted ESMTP", {"EHLO": "250-scripted\n250 AUTH CRAM-MD5 GSSAPI", "QUIT": "221 bye"}
    )
    result = check(scripted, server, Protocol.SMTP, Security.NONE)
    assert failure(result) == (Stage.LOGIN, "auth.mechanism_unsupported")
    assert not any(line.startswith("AUTH") for line in server.received)


def test_mail_from_needs_a_login(scripted: list[Scripted]) -> None:
    server = Scripted(
        "220 scripted ESMTP",
        {"EHLO": EHLO_PLAIN, "MAIL": "530 5.7.0 Authentication required", "RCPT": "503 5.5.1 need MAIL",
         "RSET": "250 2.0.0 ok", "QUIT": "221 bye"},
    )  # fmt: skip
    result = check(scripted, server, Protocol.SMTP, Security.NONE)
    assert failure(result) == (Stage.ACTION, "smtp.auth_required")


def test_a_reply_that_is_not_smtp(scripted: list[Scripted]) -> None:
    server = Scripted("220 scripted ESMTP", {"EHLO": "hello, friend"})
    assert failure(check(scripted, server, Protocol.SMTP, Security.NONE)) == (
        Stage.CAPABILITIES,
        "protocol.error",
    )


def test_inbox_cannot_be_opened(scripted: list[Scripted]) -> None:
    server = Scripted(
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] scripted",
        {"AUTHENTICATE": "{tag} OK done", "EXAMINE": "{tag} NO [NONEXISTENT] Mailbox doesn't exist: INBOX",
         "LOGOUT": "* BYE bye\n{tag} OK done"},
        tagged=True,
    )  # fmt: skip
    result = check(scripted, server, Protocol.IMAP, Security.NONE)
    assert failure(result) == (Stage.ACTION, "imap.select_failed")
    assert result.failure is not None and result.failure.response_code == "NONEXISTENT"


def test_pop3_stat_refused(scripted: list[Scripted]) -> None:
    server = Scripted(
        "+OK scripted",
        {"CAPA": "+OK\nUSER\n.", "USER": "+OK", "PASS": "+OK", "STAT": "-ERR [SYS/PERM] maildrop damaged",
         "QUIT": "+OK bye"},
    )  # fmt: skip
    result = check(scripted, server, Protocol.POP3, Security.NONE)
    assert failure(result) == (Stage.ACTION, "pop3.stat_failed")
    assert result.failure is not None and result.failure.response_code == "SYS/PERM"
    assert server.received[1:3] == ["USER user@example.test", "PASS scripted-pw"]  # no PIPELINING: one by one


def test_control_characters_from_the_server_are_escaped(scripted: list[Scripted]) -> None:
    server = Scripted("554 5.7.1 \x1b[2J\x1b]0;owned\x07 go away", {"QUIT": "221 bye"})
    result = check(scripted, server, Protocol.SMTP, Security.STARTTLS)
    assert failure(result) == (Stage.GREETING, "greeting.rejected")
    assert (
        result.failure is not None and "\x1b" not in result.failure.text and "\x07" not in result.failure.text
    )
    assert "\\x1b[2J" in result.failure.text
    assert all("\x1b" not in line.text for line in result.transcript.lines)


def test_imap_alerts_sent_with_a_refused_login_are_kept(scripted: list[Scripted]) -> None:
    server = Scripted(
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] scripted",
        {"AUTHENTICATE": "* NO [WEBALERT https://accounts.example.test/continue] Web login required\n"
                         "{tag} NO Lookup failed", "LOGOUT": "* BYE bye\n{tag} OK done"},
        tagged=True,
    )  # fmt: skip
    result = check(scripted, server, Protocol.IMAP, Security.NONE)
    assert failure(result) == (Stage.LOGIN, "auth.failed")
    evidence = result.failure
    assert evidence is not None and evidence.response_code == "WEBALERT"
    assert evidence.extra["alerts"] == [
        "[WEBALERT https://accounts.example.test/continue] Web login required"
    ]


def test_a_slow_greeting_is_not_mistaken_for_a_tls_port(scripted: list[Scripted]) -> None:
    """Silence, our probe, then a plain greeting: a slow server. Start again on a fresh connection."""
    server = Scripted(
        "220 slow.example.test ESMTP",
        {"EHLO": "250-slow\n250-PIPELINING\n250 AUTH PLAIN", "AUTH": "235 2.7.0 ok", "MAIL": "250 2.1.0 ok",
         "RCPT": "250 2.1.5 ok", "RSET": "250 2.0.0 ok", "QUIT": "221 bye"},
        first_delay=1.6,
    )  # fmt: skip
    scripted.append(server)
    settings = ServerSettings(Protocol.SMTP, "127.0.0.1", server.port, Security.NONE, "user@example.test")
    result = check_server(
        settings, "scripted-pw", address="user@example.test", allow_insecure=True, deadline=Deadline(3)
    )
    assert result.ok, result.transcript.render()
    assert server.connections == 2
    notes = [line.text for line in result.transcript.lines if line.direction == "*"]
    assert any("connecting again" in note for note in notes)


def test_a_server_without_ehlo_gets_helo(scripted: list[Scripted]) -> None:
    server = Scripted(
        "220 old.example.test SMTP",
        {"EHLO": "502 5.5.1 command not implemented", "HELO": "250 old.example.test", "MAIL": "250 ok",
         "RCPT": "554 5.7.1 <user@example.test>: Relay access denied", "RSET": "250 ok", "QUIT": "221 bye"},
    )  # fmt: skip
    result = check(scripted, server, Protocol.SMTP, Security.NONE)
    assert failure(result) == (Stage.ACTION, "smtp.relay_denied")
    assert [line.split()[0] for line in server.received[:2]] == ["EHLO", "HELO"]
