"""What discovery produces: candidates with their provenance, source outcomes, progress events."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.core.model import Auth, Protocol, Security, ServerSettings

if TYPE_CHECKING:
    from assistant.core.discovery.verify import Verification


class SourceName(enum.StrEnum):
    """The places settings come from, highest priority first."""

    BUNDLED = "bundled"  # resources/providers, offline and instant
    AUTOCONFIG = "autoconfig"  # https://autoconfig.<domain>/ and /.well-known/ on the provider
    ISPDB = "ispdb"  # the online ISP database
    MX = "mx"  # the provider of the domain's mail exchanger (HTTPS only)
    AUTOCONFIG_HTTP = "autoconfig-http"  # the provider's autoconfig over plain HTTP: untrusted
    SRV = "srv"  # RFC 6186 / RFC 8314 records: unauthenticated DNS
    GUESS = "guess"  # common host names and ports, probed

    @property
    def priority(self) -> int:
        return list(SourceName).index(self)


class SourceState(enum.StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    FOUND = "found"
    NOT_FOUND = "not_found"
    FAILED = "failed"  # network error, malformed data, timeout
    CANCELLED = "cancelled"  # no longer needed: a better source settled the answer
    SKIPPED = "skipped"  # offline, or not applicable


class Confidence(enum.StrEnum):
    HIGH = "high"  # published by the provider or a curated database over HTTPS
    MEDIUM = "medium"  # reached through DNS or a third party
    LOW = "low"  # a guess that answered, or data marked unverified


# Why a candidate needs the user's confirmation before the password goes to it.
CONFIRM_PLAIN_HTTP = "plain_http"
CONFIRM_UNAUTHENTICATED_DNS = "unauthenticated_dns"
CONFIRM_OTHER_DOMAIN = "other_domain"
CONFIRM_UNVERIFIED_DATA = "unverified_data"
CONFIRM_PLAINTEXT = "plaintext"  # the password would travel unencrypted


@dataclass(frozen=True)
class Provenance:
    """Where one candidate came from and how far to trust it."""

    source: SourceName
    https: bool  # every step that produced it was authenticated (HTTPS with a valid certificate, or bundled)
    cross_domain: bool  # the server is in another registrable domain than the address
    confidence: Confidence
    origin: str = ""  # the URL, DNS record or file it came from
    address_domain: str = ""  # registrable domain of the address
    server_domain: str = ""  # registrable domain of the server
    needs_confirmation: bool = False
    why: tuple[str, ...] = ()  # CONFIRM_* codes

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source.value,
            "https": self.https,
            "cross_domain": self.cross_domain,
            "confidence": self.confidence.value,
            "origin": self.origin,
            "address_domain": self.address_domain,
            "server_domain": self.server_domain,
            "needs_confirmation": self.needs_confirmation,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class Candidate:
    """One server setting the account could use, with where it came from."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    username: str  # "" when the provider issues a separate login name (e.g. docomo's d ACCOUNT ID)
    auth: Auth
    provenance: Provenance
    alternatives: tuple[str, ...] = ()  # other user names worth trying, in order
    oauth_available: bool = False  # the source also lists OAuth2

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.protocol.value, self.host, self.port, self.security.value)

    def settings(self, username: str | None = None) -> ServerSettings:
        return ServerSettings(
            protocol=self.protocol,
            host=self.host,
            port=self.port,
            security=self.security,
            username=self.username if username is None else username,
            auth=self.auth,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "protocol": self.protocol.value,
            "host": self.host,
            "port": self.port,
            "security": self.security.value,
            "username": self.username,
            "username_alternatives": list(self.alternatives),
            "auth": self.auth.value,
            "oauth_available": self.oauth_available,
            "provenance": self.provenance.as_dict(),
        }


@dataclass(frozen=True)
class ProviderNote:
    """A fact about the provider the explanations word (catalog id), with the provider's help page."""

    id: str  # e.g. "provider.app_password"
    url: str = ""
    unverified: bool = False  # the reference marks the fact unverified: word it as "may"
    example: str = ""  # e.g. "sv1234.xserver.jp" for provider.host_on_notice

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "url": self.url, "unverified": self.unverified, "example": self.example}


@dataclass(frozen=True)
class SourceOutcome:
    """How one source ended: found/not found/failed/cancelled, with a short technical detail."""

    source: SourceName
    state: SourceState
    elapsed_ms: float = 0.0
    detail: str = ""  # e.g. "https://autoconfig.example.com/...: 404", "xml.too_large"
    origin: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source.value,
            "state": self.state.value,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "detail": self.detail,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class ProgressEvent:
    """A source changed state; sent through the on_progress callback (from worker threads)."""

    source: SourceName
    state: SourceState
    elapsed_ms: float
    detail: str = ""


ProgressCallback = Callable[[ProgressEvent], None]


@dataclass(frozen=True)
class DiscoveryResult:
    """Ranked settings for an address, best first, with the notes and what each source did."""

    address: str  # ASCII domain (A-labels)
    incoming: list[Candidate]
    outgoing: list[Candidate]
    notes: list[ProviderNote] = field(default_factory=list)
    outcomes: list[SourceOutcome] = field(default_factory=list)
    provider: str = ""  # display name when a database knew the provider
    winner: SourceName | None = None
    elapsed_ms: float = 0.0
    verification: Verification | None = None  # when a password was given
    address_display: str = ""  # with the domain in Unicode (U-labels), for showing

    @property
    def found(self) -> bool:
        return bool(self.incoming or self.outgoing)

    def as_dict(self) -> dict[str, object]:
        return {
            "address": self.address,
            "address_display": self.address_display or self.address,
            "provider": self.provider,
            "source": self.winner.value if self.winner else None,
            "incoming": [c.as_dict() for c in self.incoming],
            "outgoing": [c.as_dict() for c in self.outgoing],
            "notes": [n.as_dict() for n in self.notes],
            "sources": [o.as_dict() for o in self.outcomes],
            "elapsed_ms": round(self.elapsed_ms, 1),
            "verification": self.verification.as_dict() if self.verification else None,
        }
