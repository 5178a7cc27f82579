"""POP3: greeting, CAPA, STLS, one login (SASL PLAIN or USER/PASS), STAT, QUIT (pipelined when offered)."""

from __future__ import annotations

import base64
import re

from assistant.core.failures import FailureCode
from assistant.core.net import CheckFailure
from assistant.core.probe.session import Credentials, Dialect
from assistant.core.probe.wire import Wire
from assistant.core.transcript import REDACTED

_CODE = re.compile(r"^\[([^\]]*)\]\s*")

_LOGIN_CODES = {
    "AUTH": FailureCode.AUTH_FAILED,
    "IN-USE": FailureCode.AUTH_IN_USE,
    "SYS/TEMP": FailureCode.AUTH_TEMPORARY,
    "SYS/PERM": FailureCode.AUTH_DISABLED,
}


def parse_reply(line: str) -> tuple[bool, str | None, str]:
    """'+OK text' / '-ERR [CODE] text' -> (ok, code, text)."""
    if line.startswith("+OK"):
        return True, None, line[3:].strip()
    if line.startswith("-ERR"):
        text = line[4:].strip()
        match = _CODE.match(text)
        if match:
            return False, match.group(1).upper(), text[match.end() :]
        return False, None, text
    raise CheckFailure(FailureCode.PROTOCOL_ERROR, line[:200], extra={"expected": "POP3 reply"})


def refusal(code: FailureCode, response_code: str | None, text: str) -> CheckFailure:
    return CheckFailure(code, text, response_code=response_code)


class Pop3Dialect(Dialect):
    def reply(self, wire: Wire) -> tuple[bool, str | None, str]:
        return parse_reply(wire.read_line())

    def multiline(self, wire: Wire) -> list[str]:
        lines: list[str] = []
        while True:
            line = wire.read_line()
            if line == ".":
                return lines
            lines.append(line[1:] if line.startswith("..") else line)

    def greeting(self, wire: Wire) -> str:
        line = wire.read_line()
        try:
            ok, code, text = parse_reply(line)
        except CheckFailure:
            raise CheckFailure(
                FailureCode.GREETING_UNEXPECTED, line[:200], extra={"expected": "POP3 greeting"}
            ) from None
        if ok:
            self.facts["banner"] = text
            return text[:120]
        if code == "SYS/TEMP":
            raise refusal(FailureCode.SERVER_UNAVAILABLE, code, text)
        raise refusal(FailureCode.GREETING_REJECTED, code, text)

    def read_capabilities(self, wire: Wire) -> str:
        wire.send("CAPA")
        ok, _, _ = self.reply(wire)
        self.capabilities = self.multiline(wire) if ok else []
        return " ".join(c.split()[0] for c in self.capabilities if c)

    def has(self, keyword: str) -> bool:
        return any(c.split()[0].upper() == keyword for c in self.capabilities if c.strip())

    def sasl(self) -> list[str]:
        for cap in self.capabilities:
            words = cap.split()
            if words and words[0].upper() == "SASL":
                return [w.upper() for w in words[1:]]
        return []

    def starttls(self, wire: Wire) -> str:
        if not self.has("STLS"):
            raise CheckFailure(FailureCode.STARTTLS_NOT_OFFERED, "CAPA does not list STLS")
        wire.send("STLS")
        ok, code, text = self.reply(wire)
        if not ok:
            raise refusal(FailureCode.STARTTLS_FAILED, code, text)
        return text

    def cleartext_login_refused(self) -> str:
        if self.capabilities and not self.has("USER") and not self.sasl():
            return "CAPA offers no login before STLS"
        return ""

    def login(self, wire: Wire, credentials: Credentials) -> str:
        user, password = credentials.username, credentials.password
        if "PLAIN" in self.sasl():
            token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
            wire.send(f"AUTH PLAIN {token}", shown=(f"AUTH PLAIN {REDACTED}",))
            mech = "AUTH PLAIN"
            ok, code, text = self.reply(wire)
        elif self.has("USER") or not self.capabilities:
            mech = "USER/PASS"
            if self.has("PIPELINING"):
                wire.send(f"USER {user}", f"PASS {password}", shown=(f"USER {user}", f"PASS {REDACTED}"))
                ok, code, text = self.reply(wire)
                ok2, code2, text2 = self.reply(wire)
                if ok:
                    ok, code, text = ok2, code2, text2
            else:
                wire.send(f"USER {user}")
                ok, code, text = self.reply(wire)
                if ok:
                    wire.send(f"PASS {password}", shown=(f"PASS {REDACTED}",))
                    ok, code, text = self.reply(wire)
        else:
            raise CheckFailure(FailureCode.AUTH_MECHANISM_UNSUPPORTED, "SASL: " + " ".join(self.sasl()))
        if ok:
            self.facts["auth_mechanism"] = mech
            return mech
        failure = _LOGIN_CODES.get(code or "", FailureCode.AUTH_FAILED)
        lowered = text.lower()
        if "plaintext" in lowered and "disallowed" in lowered:
            failure = FailureCode.AUTH_TLS_REQUIRED
        elif failure is FailureCode.AUTH_FAILED and "disabled" in lowered:  # Dovecot: [AUTH] Login disabled
            failure = FailureCode.AUTH_DISABLED
        raise refusal(failure, code, text)

    def action(self, wire: Wire) -> str:
        if self.has("PIPELINING"):
            wire.send("STAT", "QUIT")
            self.logout_sent = True
        else:
            wire.send("STAT")
        ok, code, text = self.reply(wire)
        if not ok:
            raise refusal(FailureCode.POP3_STAT_FAILED, code, text)
        count = text.split()[0] if text.split() else "?"
        if count.isdigit():
            self.facts["message_count"] = int(count)
        return f"STAT: {count} messages"

    def logout(self, wire: Wire) -> str:
        if not self.logout_sent:
            wire.send("QUIT")
            self.logout_sent = True
        ok, code, text = self.reply(wire)
        if not ok:
            raise refusal(FailureCode.PROTOCOL_ERROR, code, text)
        return text[:120]

    def quit_line(self) -> str:
        return "QUIT"
