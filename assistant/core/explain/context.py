"""What the rules look at: one failure's evidence, the provider, and other attempts to the same host."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.core.explain.status import find_enhanced, find_reply
from assistant.core.model import Evidence, Protocol, Security, Stage


@dataclass(frozen=True)
class Attempt:
    """Another connection attempt to the same service (e.g. port 587 while 25 failed), as context."""

    host: str
    port: int
    ok: bool  # the server answered (TCP connected; a greeting or TLS handshake counts too)
    code: str = ""  # the failure code when not ok
    protocol: Protocol | None = None
    security: Security | None = None

    @classmethod
    def from_evidence(cls, evidence: Evidence) -> Attempt:
        """A failed attempt; failures after connecting (TLS, login...) still prove the port answers."""
        reached = evidence.stage not in (Stage.RESOLVE, Stage.CONNECT)
        return cls(evidence.host, evidence.port, reached, evidence.code, evidence.protocol, evidence.security)


# Host name suffixes that tell us the provider when the caller does not (first match wins).
_PROVIDER_HOSTS: tuple[tuple[str, str], ...] = (
    ("yahoo.co.jp", "yahoo_jp"),
    ("gmail.com", "google"), ("googlemail.com", "google"), ("google.com", "google"),
    ("office365.com", "microsoft"), ("outlook.com", "microsoft"), ("hotmail.com", "microsoft"),
    ("live.com", "microsoft"), ("outlook.office.com", "microsoft"),
    ("yahoo.com", "yahoo"), ("aol.com", "yahoo"),
    ("mail.me.com", "icloud"), ("icloud.com", "icloud"),
    ("spmode.ne.jp", "docomo"), ("docomo.ne.jp", "docomo"),
    ("au.com", "au"), ("ezweb.ne.jp", "au"), ("auone-net.jp", "au"),
    ("softbank.jp", "softbank"), ("softbank.ne.jp", "softbank"),
    ("xserver.jp", "xserver"), ("sakura.ne.jp", "sakura"), ("onamae.ne.jp", "onamae"),
    ("onamae.com", "onamae"),
)  # fmt: skip
PROVIDERS = frozenset(p for _, p in _PROVIDER_HOSTS)
_PROVIDER_ALIASES = {
    "gmail": "google", "googlemail": "google", "outlook": "microsoft", "hotmail": "microsoft",
    "office365": "microsoft", "msn.com": "microsoft", "onmicrosoft.com": "microsoft", "aol": "yahoo",
    "me": "icloud", "apple": "icloud", "me.com": "icloud", "mac.com": "icloud",
    "yahoo.co.jp": "yahoo_jp", "yahoojp": "yahoo_jp", "yahoo-jp": "yahoo_jp", "kddi": "au", "ezweb": "au",
    "sbm": "softbank", "xsrv": "xserver",
}  # fmt: skip


def provider_key(provider: str | None, host: str = "") -> str:
    """Our short provider key ('google', 'docomo', 'xserver'...) from a caller's provider id or the host."""
    if provider:
        p = provider.strip().lower()
        if p in PROVIDERS:
            return p
        if p in _PROVIDER_ALIASES:
            return _PROVIDER_ALIASES[p]
        for suffix, key in _PROVIDER_HOSTS:
            if p == suffix or p.endswith("." + suffix):
                return key
    h = host.strip().lower().rstrip(".")
    for suffix, key in _PROVIDER_HOSTS:
        if h == suffix or h.endswith("." + suffix):
            return key
    return ""


_SPACE = re.compile(r"\s+")
# A multi-line SMTP reply repeats its codes on every line ("...a potential\n5.7.0 security issue"): the
# first line keeps them, the others lose them so that phrases read across the line breaks.
_CONTINUATION = re.compile(r"\n[ \t]*(?:[245]\d\d[ -])?(?:[245]\.\d{1,3}\.\d{1,3}[ \t]+)?")


@dataclass(frozen=True)
class Context:
    """The facts a rule may test, normalised once."""

    evidence: Evidence
    code: str
    protocol: Protocol | None
    port: int
    reply: int | None
    enhanced: str
    response: str
    text: str  # server text, continuation lines joined
    provider: str
    command: str
    related: tuple[Attempt, ...]
    notes: frozenset[str] = frozenset()  # the provider's notes from discovery ("provider.app_password"...)

    @classmethod
    def build(
        cls,
        evidence: Evidence,
        provider: str | None,
        related: tuple[Attempt, ...],
        notes: frozenset[str] = frozenset(),
    ) -> Context:
        text = _SPACE.sub(" ", _CONTINUATION.sub(" ", evidence.text or "")).strip()
        reply = evidence.reply_code or (find_reply(text[:8]) if evidence.protocol is Protocol.SMTP else None)
        enhanced = evidence.enhanced or ""
        if not enhanced and text:
            found = find_enhanced(text[:200])
            enhanced = found[0] if found else ""
        response = (evidence.response_code or "").strip().strip("[]").upper()
        if not response and text.startswith(("[", "-ERR [", "NO [", "BAD [")):
            m = re.search(r"\[([A-Z/-]+)", text)
            response = m.group(1) if m else ""
        command = str(evidence.extra.get("command", "")).upper()
        if not command:
            command = _COMMAND_BY_CODE.get(evidence.code, "")
        return cls(
            evidence=evidence,
            code=evidence.code,
            protocol=evidence.protocol,
            port=evidence.port,
            reply=reply,
            enhanced=enhanced,
            response=response.split()[0] if response else "",
            text=text,
            provider=provider_key(provider, evidence.host) or _provider_from_certificate(evidence),
            command=command,
            related=related,
            notes=notes,
        )

    def others_answered(self, ports: tuple[int, ...]) -> list[Attempt]:
        host = self.evidence.host.lower()
        return [a for a in self.related if a.ok and a.port in ports and (not host or a.host.lower() == host)]

    def others_failed(self) -> list[Attempt]:
        return [a for a in self.related if not a.ok and a.port != self.port]


_COMMAND_BY_CODE = {
    "smtp.sender_rejected": "MAIL",
    "smtp.recipient_rejected": "RCPT",
    "smtp.relay_denied": "RCPT",
    "smtp.auth_required": "MAIL",
    "smtp.message_rejected": "DATA",
    "greeting.rejected": "CONN",
    "starttls.failed": "STARTTLS",
}


def _provider_from_certificate(evidence: Evidence) -> str:
    """A hosting company's certificate (sv1234.xserver.jp) names the provider even when the host does not."""
    cert = evidence.certificate
    if cert is None:
        return ""
    for name in cert.sans:
        key = provider_key(None, name.lstrip("*."))
        if key:
            return key
    return ""
