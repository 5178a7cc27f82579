"""Server settings, stages, events and evidence: the small values the whole core passes around."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Protocol(enum.StrEnum):
    IMAP = "imap"
    POP3 = "pop3"
    SMTP = "smtp"

    @property
    def incoming(self) -> bool:
        return self is not Protocol.SMTP


class Security(enum.StrEnum):
    SSL = "ssl"  # implicit TLS (RFC 8314): TLS from the first byte
    STARTTLS = "starttls"  # plain greeting, then upgrade
    NONE = "none"  # no encryption at all


class Auth(enum.StrEnum):
    PASSWORD = "password"  # noqa: S105 (a method name, not a secret): the password over TLS
    OAUTH2 = "oauth2"  # not implemented yet: the seam for XOAUTH2 / OAUTHBEARER


DEFAULT_PORTS: dict[tuple[Protocol, Security], int] = {
    (Protocol.IMAP, Security.SSL): 993,
    (Protocol.IMAP, Security.STARTTLS): 143,
    (Protocol.IMAP, Security.NONE): 143,
    (Protocol.POP3, Security.SSL): 995,
    (Protocol.POP3, Security.STARTTLS): 110,
    (Protocol.POP3, Security.NONE): 110,
    (Protocol.SMTP, Security.SSL): 465,
    (Protocol.SMTP, Security.STARTTLS): 587,
    (Protocol.SMTP, Security.NONE): 587,
}


@dataclass(frozen=True)
class ServerSettings:
    """One server of an account, as the user (or discovery) configured it."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    username: str = ""
    auth: Auth = Auth.PASSWORD

    def describe(self) -> str:
        return f"{self.protocol.value} {self.host}:{self.port} ({self.security.value})"


class Stage(enum.StrEnum):
    """The steps of a check, in the order they run."""

    RESOLVE = "resolve"
    CONNECT = "connect"
    TLS = "tls"
    GREETING = "greeting"
    CAPABILITIES = "capabilities"
    STARTTLS = "starttls"
    LOGIN = "login"
    ACTION = "action"
    LOGOUT = "logout"
    # the optional send test
    SUBMIT = "submit"
    RECEIVE = "receive"


class StageStatus(enum.StrEnum):
    STARTED = "started"
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class CertificateInfo:
    """What a server's certificate says, for the user and for pinning."""

    subject: str
    issuer: str
    sans: tuple[str, ...]
    not_before: str  # ISO 8601, UTC
    not_after: str
    sha256: str  # hex fingerprint of the DER certificate, colon-free lower case
    verified: bool
    verify_error: str = ""
    tls_version: str = ""
    cipher: str = ""
    pinned: bool = False  # accepted because its SHA-256 matches a pin the user set for this host and port


@dataclass(frozen=True)
class Evidence:
    """Why a stage failed, as facts: never a sentence for the user (the catalog writes those)."""

    stage: Stage
    code: str  # one of failures.FailureCode values, e.g. "tls.cert_expired"
    reply_code: int | None = None  # SMTP 3-digit code
    enhanced: str | None = None  # RFC 3463 "5.7.8"
    response_code: str | None = None  # IMAP "[AUTHENTICATIONFAILED]" / POP3 "[AUTH]" without brackets
    text: str = ""  # server reply text (redacted), or our own short technical detail
    exception: str = ""  # exception type name, for the details view
    host: str = ""
    port: int = 0
    protocol: Protocol | None = None
    security: Security | None = None
    certificate: CertificateInfo | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StageEvent:
    """A stage started or ended; sent through the check's callback while it runs."""

    role: str  # "incoming" / "outgoing" / "send-test"
    stage: Stage
    status: StageStatus
    elapsed_ms: float = 0.0
    detail: str = ""  # short technical summary, e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"
    evidence: Evidence | None = None


EventCallback = Callable[[StageEvent], None]
