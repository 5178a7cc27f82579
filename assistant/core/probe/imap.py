"""IMAP: greeting (capabilities from it when offered), STARTTLS, one login, EXAMINE INBOX, LOGOUT."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

from assistant.core.failures import FailureCode
from assistant.core.model import ServerSettings
from assistant.core.net import CheckFailure
from assistant.core.probe.session import Credentials, Dialect
from assistant.core.probe.wire import Wire
from assistant.core.transcript import REDACTED

_LITERAL = re.compile(r"\{(\d+)\+?\}$")
_CODE = re.compile(r"^\[([^\]]*)\]\s*")
_EXISTS = re.compile(r"^\* (\d+) EXISTS", re.IGNORECASE)

_LOGIN_CODES = {
    "AUTHENTICATIONFAILED": FailureCode.AUTH_FAILED,
    "AUTHORIZATIONFAILED": FailureCode.AUTH_FAILED,
    "PRIVACYREQUIRED": FailureCode.AUTH_TLS_REQUIRED,
    "CONTACTADMIN": FailureCode.AUTH_DISABLED,
    "EXPIRED": FailureCode.AUTH_DISABLED,
    "UNAVAILABLE": FailureCode.AUTH_TEMPORARY,
    "INUSE": FailureCode.AUTH_IN_USE,
}


@dataclass
class Response:
    status: str  # OK / NO / BAD / BYE / PREAUTH
    code: str | None  # the response code without brackets, e.g. "AUTHENTICATIONFAILED"
    text: str
    untagged: list[str] = field(default_factory=list)

    @property
    def code_word(self) -> str | None:
        return self.code.split()[0].upper() if self.code else None

    def failure(self, code: FailureCode) -> CheckFailure:
        extra: dict[str, object] = {"status": self.status}
        alerts = self.alerts()
        if alerts:  # e.g. Gmail's "* NO [WEBALERT url]" before the tagged NO: the real reason
            extra["alerts"] = alerts
        word = self.code_word or (alerts[0][1:].split()[0].rstrip("]").upper() if alerts else None)
        return CheckFailure(code, self.text, response_code=word, extra=extra)

    def alerts(self) -> list[str]:
        """Untagged [ALERT]/[WEBALERT] texts that came with this response (RFC 3501 §7.1)."""
        found = []
        for line in self.untagged:
            _, code, text = parse_status(line[2:]) if line.startswith("* ") else ("", None, "")
            if code and code.split()[0].upper() in ("ALERT", "WEBALERT"):
                found.append(f"[{code}] {text}".strip())
        return found


def parse_status(rest: str) -> tuple[str, str | None, str]:
    """'OK [CODE args] text' -> ('OK', 'CODE args', 'text')."""
    status, _, text = rest.partition(" ")
    match = _CODE.match(text)
    code = match.group(1) if match else None
    return status.upper(), code, text[match.end() :] if match else text


class ImapDialect(Dialect):
    """IMAP4rev1 check; subclasses may replace the action (the send test does)."""

    def __init__(self, settings: ServerSettings, address: str) -> None:
        super().__init__(settings, address)
        self._tag = 0
        self._greeting_caps: list[str] = []
        self._logout_tag: str | None = None
        self._caps_from_greeting = False

    def next_tag(self) -> str:
        self._tag += 1
        return f"a{self._tag}"

    def read_line(self, wire: Wire, *, silence_until: float | None = None) -> str:
        """One logical line: literals {n} are read and replaced by a placeholder."""
        line = wire.read_line(silence_until=silence_until)
        while (match := _LITERAL.search(line)) is not None:
            size = int(match.group(1))
            wire.read_exact(size)
            wire.transcript.received(f"<literal, {size} bytes>")
            line = line[: match.start()] + "<literal>" + wire.read_line()
        return line

    def command(self, wire: Wire, text: str, *, shown: str | None = None) -> str:
        tag = self.next_tag()
        wire.send(f"{tag} {text}", shown=(f"{tag} {shown}",) if shown is not None else None)
        return tag

    def response(self, wire: Wire, tag: str) -> Response:
        untagged: list[str] = []
        while True:
            line = self.read_line(wire)
            if line.startswith(tag + " "):
                status, code, text = parse_status(line[len(tag) + 1 :])
                self._note_capabilities(code)
                return Response(status, code, text, untagged)
            if line.upper().startswith("* BYE"):  # the server is hanging up on us
                _, code, text = parse_status(line[2:])
                word = code.split()[0].upper() if code else None
                unavailable = word == "UNAVAILABLE"
                raise CheckFailure(
                    FailureCode.SERVER_UNAVAILABLE if unavailable else FailureCode.SERVER_CLOSED,
                    text,
                    response_code=word,
                )
            if line.upper().startswith("* CAPABILITY "):
                self.capabilities = line[13:].split()
            untagged.append(line)

    def _note_capabilities(self, code: str | None) -> None:
        if code and code.upper().startswith("CAPABILITY "):
            self.capabilities = code.split()[1:]

    def has(self, capability: str) -> bool:
        return capability.upper() in (c.upper() for c in self.capabilities)

    # --- stages ----------------------------------------------------------------------------------------

    def greeting(self, wire: Wire) -> str:
        line = wire.read_line()
        if not line.startswith("* "):
            raise CheckFailure(
                FailureCode.GREETING_UNEXPECTED, line[:200], extra={"expected": "IMAP greeting"}
            )
        status, code, text = parse_status(line[2:])
        word = code.split()[0].upper() if code else None
        if status in ("OK", "PREAUTH"):
            if code and word == "CAPABILITY":
                self._greeting_caps = code.split()[1:]
            self.facts["banner"] = text
            if status == "PREAUTH":
                self.facts["preauth"] = True
            return text[:120]
        if status == "BYE":
            unavailable = word == "UNAVAILABLE"
            raise CheckFailure(
                FailureCode.SERVER_UNAVAILABLE if unavailable else FailureCode.GREETING_REJECTED,
                text,
                response_code=word,
            )
        raise CheckFailure(FailureCode.GREETING_UNEXPECTED, line[:200], extra={"expected": "IMAP greeting"})

    def read_capabilities(self, wire: Wire) -> str:
        if self._greeting_caps:  # the greeting already said it: no round trip
            self.capabilities, self._greeting_caps = self._greeting_caps, []
            self._caps_from_greeting = True
            return " ".join(self.capabilities)
        tag = self.command(wire, "CAPABILITY")
        reply = self.response(wire, tag)
        if reply.status != "OK":
            raise reply.failure(FailureCode.PROTOCOL_ERROR)
        return " ".join(self.capabilities)

    def starttls(self, wire: Wire) -> str:
        if not self.has("STARTTLS") and self._caps_from_greeting:
            self._caps_from_greeting = False  # some servers list less in the greeting: ask before giving up
            self.read_capabilities(wire)
        if not self.has("STARTTLS"):
            raise CheckFailure(FailureCode.STARTTLS_NOT_OFFERED, "CAPABILITY does not list STARTTLS")
        tag = self.command(wire, "STARTTLS")
        reply = self.response(wire, tag)
        if reply.status != "OK":
            raise reply.failure(FailureCode.STARTTLS_FAILED)
        return reply.text

    def cleartext_login_refused(self) -> str:
        return "LOGINDISABLED advertised" if self.has("LOGINDISABLED") else ""

    def login(self, wire: Wire, credentials: Credentials) -> str:
        if self.facts.get("preauth"):
            return "PREAUTH"
        user, password = credentials.username, credentials.password
        if self.has("AUTH=PLAIN"):
            token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
            if self.has("SASL-IR"):
                tag = self.command(
                    wire, f"AUTHENTICATE PLAIN {token}", shown=f"AUTHENTICATE PLAIN {REDACTED}"
                )
            else:
                tag = self.command(wire, "AUTHENTICATE PLAIN")
                line = self.read_line(wire)
                if not line.startswith("+"):
                    _, code, text = parse_status(line.partition(" ")[2])
                    raise Response("NO", code, text).failure(FailureCode.AUTH_MECHANISM_UNSUPPORTED)
                wire.send(token, shown=(REDACTED,))
            mech = "AUTHENTICATE PLAIN"
        elif self.has("LOGINDISABLED"):
            raise CheckFailure(FailureCode.AUTH_TLS_REQUIRED, "LOGINDISABLED advertised")
        else:
            if not (user + password).isascii() or any(c in user + password for c in "\r\n\0"):
                raise CheckFailure(FailureCode.AUTH_MECHANISM_UNSUPPORTED, "LOGIN cannot carry this password")
            tag = self.command(wire, f"LOGIN {_quote(user)} {_quote(password)}", shown=f"LOGIN {REDACTED}")
            mech = "LOGIN"
        reply = self.response(wire, tag)
        if reply.status == "OK":
            self.facts["auth_mechanism"] = mech
            return mech
        code = _LOGIN_CODES.get(reply.code_word or "", FailureCode.AUTH_FAILED)
        if reply.status == "BAD" and reply.code_word is None:
            code = FailureCode.PROTOCOL_ERROR
        raise reply.failure(code)

    def action(self, wire: Wire) -> str:
        tag = self.command(wire, "EXAMINE INBOX")
        logout = self.command(wire, "LOGOUT")  # pipelined: LOGOUT waits in the server's queue
        self.logout_sent = True
        self._logout_tag = logout
        reply = self.response(wire, tag)
        if reply.status != "OK":
            raise reply.failure(FailureCode.IMAP_SELECT_FAILED)
        for line in reply.untagged:
            match = _EXISTS.match(line)
            if match:
                self.facts["message_count"] = int(match.group(1))
        return f"INBOX: {self.facts.get('message_count', '?')} messages"

    def logout(self, wire: Wire) -> str:
        tag = self._logout_tag
        if tag is None:
            tag = self.command(wire, "LOGOUT")
            self.logout_sent = True
        reply = self._logout_response(wire, tag)
        return f"{reply.status} {reply.text}"[:120]

    def _logout_response(self, wire: Wire, tag: str) -> Response:
        untagged: list[str] = []
        while True:
            line = self.read_line(wire)
            if line.startswith(tag + " "):
                status, code, text = parse_status(line[len(tag) + 1 :])
                return Response(status, code, text, untagged)
            untagged.append(line)

    def quit_line(self) -> str:
        return f"{self.next_tag()} LOGOUT"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
