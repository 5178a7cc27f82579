"""SMTP submission: greeting, EHLO, STARTTLS, one AUTH attempt, MAIL/RCPT/RSET (pipelined), QUIT."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from assistant.core.failures import FailureCode
from assistant.core.net import CheckFailure
from assistant.core.probe.session import Credentials, Dialect
from assistant.core.probe.wire import Wire
from assistant.core.transcript import REDACTED

_ENHANCED = re.compile(r"^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)")


@dataclass(frozen=True)
class Reply:
    code: int
    lines: tuple[str, ...]  # text of each line, without the code
    enhanced: str | None

    @property
    def text(self) -> str:
        """The whole reply on one line, the enhanced code taken off the front of each line."""
        enhanced = self.enhanced or ""
        parts = [
            line[len(enhanced) :].lstrip() if enhanced and line.startswith(enhanced) else line
            for line in self.lines
        ]
        return " ".join(p for p in parts if p)

    def failure(self, code: FailureCode) -> CheckFailure:
        return CheckFailure(code, self.text, reply_code=self.code, enhanced=self.enhanced)


def read_reply(wire: Wire) -> Reply:
    """One reply, multi-line replies joined (RFC 5321 §4.2.1)."""
    lines: list[str] = []
    code = 0
    while True:
        line = wire.read_line()
        if len(line) < 3 or not line[:3].isdigit() or (len(line) > 3 and line[3] not in " -"):
            raise CheckFailure(FailureCode.PROTOCOL_ERROR, line[:200], extra={"expected": "SMTP reply"})
        code = int(line[:3])
        lines.append(line[4:])
        if len(line) == 3 or line[3] == " ":
            break
    match = _ENHANCED.match(lines[0])
    enhanced = ".".join(match.groups()) if match and match.group(1) == str(code)[0] else None
    return Reply(code, tuple(lines), enhanced)


def local_literal(wire: Wire) -> str:
    """Our own address as an EHLO argument: '[192.0.2.1]' or '[IPv6:...]'."""
    try:
        ip = str(wire.sock.getsockname()[0])
    except OSError:
        return "[127.0.0.1]"
    return f"[IPv6:{ip}]" if ":" in ip else f"[{ip}]"


class SmtpDialect(Dialect):
    """Submission check; with `message` set, the action submits it instead (the send test)."""

    message: bytes | None = None

    def greeting(self, wire: Wire) -> str:
        try:
            reply = read_reply(wire)
        except CheckFailure as failure:
            if failure.code is FailureCode.PROTOCOL_ERROR:
                raise CheckFailure(FailureCode.GREETING_UNEXPECTED, failure.text) from None
            raise
        if reply.code == 220:
            self.facts["banner"] = reply.text
            return reply.text[:120]
        if reply.code == 421:
            raise reply.failure(FailureCode.SERVER_UNAVAILABLE)
        raise reply.failure(FailureCode.GREETING_REJECTED)

    def read_capabilities(self, wire: Wire) -> str:
        wire.send(f"EHLO {local_literal(wire)}")
        reply = read_reply(wire)
        if reply.code in (500, 502):  # an RFC 821 server: HELO, and no extensions at all
            wire.send(f"HELO {local_literal(wire)}")
            reply = read_reply(wire)
            self.facts["helo"] = True
        if reply.code == 421:
            raise reply.failure(FailureCode.SERVER_UNAVAILABLE)
        if reply.code != 250:
            raise reply.failure(FailureCode.PROTOCOL_ERROR)
        self.capabilities = [line.strip() for line in reply.lines[1:] if line.strip()]
        return " ".join(self._keywords())

    def _keywords(self) -> list[str]:
        return [cap.split()[0].upper() for cap in self.capabilities]

    def _has(self, keyword: str) -> bool:
        return keyword in self._keywords()

    def mechanisms(self) -> list[str]:
        mechs: list[str] = []
        for cap in self.capabilities:
            words = cap.replace("=", " ").split()
            if words and words[0].upper() == "AUTH":
                mechs.extend(w.upper() for w in words[1:] if w.upper() not in mechs)
        return mechs

    def starttls(self, wire: Wire) -> str:
        if not self._has("STARTTLS"):
            raise CheckFailure(FailureCode.STARTTLS_NOT_OFFERED, "EHLO does not list STARTTLS")
        wire.send("STARTTLS")
        reply = read_reply(wire)
        if reply.code != 220:
            raise reply.failure(FailureCode.STARTTLS_FAILED)
        return reply.text

    def cleartext_login_refused(self) -> str:
        if not self.mechanisms() and self._has("STARTTLS"):
            return "AUTH is offered only after STARTTLS"
        return ""

    def no_login_reason(self) -> str:
        # No AUTH at all (an MX, or a relay by IP): still try the envelope, whose refusal says the most.
        # Never when AUTH is only missing because TLS has not started yet (that is auth.tls_required).
        if not self.mechanisms() and not self._has("STARTTLS"):
            return "no AUTH offered"
        return ""

    def login(self, wire: Wire, credentials: Credentials) -> str:
        mechs = self.mechanisms()
        if not mechs:
            raise CheckFailure(FailureCode.AUTH_NOT_OFFERED, "EHLO lists no AUTH")
        user, password = credentials.username, credentials.password
        if "PLAIN" in mechs:
            token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
            wire.send(f"AUTH PLAIN {token}", shown=(f"AUTH PLAIN {REDACTED}",))
            reply = read_reply(wire)
            mech = "PLAIN"
        elif "LOGIN" in mechs:
            wire.send("AUTH LOGIN " + base64.b64encode(user.encode()).decode("ascii"))
            reply = read_reply(wire)
            if reply.code == 334:
                wire.send(base64.b64encode(password.encode()).decode("ascii"), shown=(REDACTED,))
                reply = read_reply(wire)
            mech = "LOGIN"
        else:
            raise CheckFailure(FailureCode.AUTH_MECHANISM_UNSUPPORTED, "offered: " + " ".join(mechs))
        if reply.code == 235:
            self.facts["auth_mechanism"] = mech
            return f"AUTH {mech}"
        if reply.code == 334:  # a challenge we cannot answer: end the exchange
            wire.send("*")
            read_reply(wire)
        raise reply.failure(_auth_code(reply))

    def action(self, wire: Wire) -> str:
        sender = f"MAIL FROM:<{self.address}>"
        if not self.address.isascii() and self._has("SMTPUTF8"):
            sender += " SMTPUTF8"
        if self.message is not None:
            return self._submit(wire, sender, self.message)
        replies = self._exchange(wire, [sender, f"RCPT TO:<{self.address}>", "RSET"], then_quit=True)
        _check_envelope(replies)
        if not self.mechanisms():
            raise CheckFailure(
                FailureCode.AUTH_NOT_OFFERED, "mail for this address is accepted, but EHLO lists no AUTH"
            )
        return "MAIL FROM, RCPT TO accepted; RSET"

    def _exchange(self, wire: Wire, commands: list[str], *, then_quit: bool = False) -> list[Reply]:
        """Send envelope commands in one batch when the server pipelines (RFC 2920), else one at a time,
        stopping at the first refusal. With `then_quit`, a pipelining server also gets QUIT in the batch."""
        if self._has("PIPELINING"):
            wire.send(*commands, *(["QUIT"] if then_quit else []))
            if then_quit:
                self.logout_sent = True
            return [read_reply(wire) for _ in commands]
        replies: list[Reply] = []
        for command in commands:
            wire.send(command)
            replies.append(read_reply(wire))
            if replies[-1].code >= 400:
                break
        return replies

    def _submit(self, wire: Wire, sender: str, message: bytes) -> str:
        replies = self._exchange(wire, [sender, f"RCPT TO:<{self.address}>", "DATA"])
        _check_envelope(replies[:2])
        if replies[-1].code != 354:
            raise replies[-1].failure(_data_code(replies[-1]))
        body = re.sub(rb"(?m)^\.", b"..", message.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        wire.transcript.sent(f"<message, {len(body)} bytes>")
        wire.send_raw(body.rstrip(b"\r\n") + b"\r\n.\r\n")
        wire.transcript.sent(".")
        reply = read_reply(wire)
        if reply.code != 250:
            raise reply.failure(_data_code(reply))
        self.facts["queued"] = reply.text
        return reply.text[:120]

    def logout(self, wire: Wire) -> str:
        if not self.logout_sent:
            wire.send("QUIT")
            self.logout_sent = True
        reply = read_reply(wire)
        return f"{reply.code} {reply.text}"[:120]

    def quit_line(self) -> str:
        return "QUIT"


def _auth_code(reply: Reply) -> FailureCode:
    enhanced = reply.enhanced or ""
    if reply.code == 421:
        return FailureCode.SERVER_UNAVAILABLE
    if reply.code in (530, 538, 523, 524) or enhanced in ("5.7.10", "5.7.11"):
        return FailureCode.AUTH_TLS_REQUIRED
    if reply.code == 525 or enhanced == "5.7.13":
        return FailureCode.AUTH_DISABLED
    if reply.code == 504 or enhanced == "5.7.4":
        return FailureCode.AUTH_MECHANISM_UNSUPPORTED
    if 400 <= reply.code < 500:
        return FailureCode.AUTH_TEMPORARY
    if reply.code >= 500:
        return FailureCode.AUTH_FAILED
    return FailureCode.PROTOCOL_ERROR


def _check_envelope(replies: list[Reply]) -> None:
    """MAIL FROM then RCPT TO; raise the right code for the first refusal."""
    mail = replies[0]
    if mail.code != 250:
        if mail.code == 421:
            raise mail.failure(FailureCode.SERVER_UNAVAILABLE)
        if mail.code == 530:
            raise mail.failure(FailureCode.SMTP_AUTH_REQUIRED)
        if 400 <= mail.code < 500:
            raise mail.failure(FailureCode.SMTP_TEMPORARY)
        raise mail.failure(FailureCode.SMTP_SENDER_REJECTED)
    if len(replies) < 2:
        return
    rcpt = replies[1]
    if rcpt.code in (250, 251):
        return
    raise rcpt.failure(_rcpt_code(rcpt))


def _rcpt_code(reply: Reply) -> FailureCode:
    text = reply.text.lower()
    enhanced = reply.enhanced or ""
    if reply.code == 421:
        return FailureCode.SERVER_UNAVAILABLE
    if reply.code == 530:
        return FailureCode.SMTP_AUTH_REQUIRED
    # Postfix checks the sender at RCPT time (smtpd_delay_reject), so read the text first
    if "sender address rejected" in text or "not owned by user" in text:
        return FailureCode.SMTP_SENDER_REJECTED
    if "relay" in text and ("denied" in text or "not permitted" in text or "not allowed" in text):
        return FailureCode.SMTP_RELAY_DENIED
    if 400 <= reply.code < 500:
        return FailureCode.SMTP_TEMPORARY
    if enhanced.startswith("5.1.") or enhanced.startswith("5.2.") or "recipient address rejected" in text:
        return FailureCode.SMTP_RECIPIENT_REJECTED
    if enhanced == "5.7.1":
        return FailureCode.SMTP_RELAY_DENIED
    return FailureCode.SMTP_RECIPIENT_REJECTED


def _data_code(reply: Reply) -> FailureCode:
    if reply.code == 421:
        return FailureCode.SERVER_UNAVAILABLE
    if 400 <= reply.code < 500:
        return FailureCode.SMTP_TEMPORARY
    return FailureCode.SMTP_MESSAGE_REJECTED
