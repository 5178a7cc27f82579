"""From a provider config to ranked candidates: user names, trust flags, registrable domains."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from publicsuffixlist import PublicSuffixList

from assistant.core.address import EmailAddress
from assistant.core.discovery.ispdb import ProviderConfig, ServerTemplate, fill
from assistant.core.discovery.model import (
    CONFIRM_OTHER_DOMAIN,
    CONFIRM_PLAIN_HTTP,
    CONFIRM_PLAINTEXT,
    CONFIRM_UNAUTHENTICATED_DNS,
    CONFIRM_UNVERIFIED_DATA,
    Candidate,
    Confidence,
    Provenance,
    ProviderNote,
    SourceName,
)
from assistant.core.model import Auth, Protocol, Security

SECURITY_RANK = {Security.SSL: 0, Security.STARTTLS: 1, Security.NONE: 2}
# Curated databases list the exact address domains they serve: their cross-domain servers are expected.
CURATED = {SourceName.BUNDLED, SourceName.ISPDB}


@cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def registrable_domain(host: str) -> str:
    """example.co.jp for mail.example.co.jp (Public Suffix List); the name itself if it is a suffix."""
    host = host.lower().rstrip(".")
    return str(_psl().privatesuffix(host) or host)


@dataclass(frozen=True)
class Finding:
    """What one source found: candidates in its own order, plus provider facts."""

    incoming: list[Candidate] = field(default_factory=list)
    outgoing: list[Candidate] = field(default_factory=list)
    notes: list[ProviderNote] = field(default_factory=list)
    provider: str = ""
    origin: str = ""

    @property
    def empty(self) -> bool:
        return not self.incoming and not self.outgoing


def provenance(
    address: EmailAddress,
    host: str,
    *,
    source: SourceName,
    https: bool,
    origin: str,
    security: Security,
    dns: bool = False,
    unverified: bool = False,
    secondary: bool = False,
) -> Provenance:
    """Trust facts for one server; needs_confirmation when the GUI must ask before the password goes."""
    mine, theirs = registrable_domain(address.domain), registrable_domain(host)
    cross = mine != theirs
    why: list[str] = []
    if source is SourceName.AUTOCONFIG_HTTP or (not https and not dns and source is not SourceName.GUESS):
        why.append(CONFIRM_PLAIN_HTTP)
    if dns:
        why.append(CONFIRM_UNAUTHENTICATED_DNS)
    if cross and (source not in CURATED or dns):
        why.append(CONFIRM_OTHER_DOMAIN)
    if unverified:
        why.append(CONFIRM_UNVERIFIED_DATA)
    if security is Security.NONE:
        why.append(CONFIRM_PLAINTEXT)
    if unverified or source is SourceName.GUESS or CONFIRM_PLAIN_HTTP in why:
        confidence = Confidence.LOW
    elif dns or secondary or source is SourceName.SRV:
        confidence = Confidence.MEDIUM
    else:
        confidence = Confidence.HIGH
    return Provenance(
        source=source,
        https=https and not dns and source is not SourceName.GUESS,
        cross_domain=cross,
        confidence=confidence,
        origin=origin,
        address_domain=mine,
        server_domain=theirs,
        needs_confirmation=bool(why),
        why=tuple(dict.fromkeys(why)),
    )


def usernames(address: EmailAddress) -> tuple[str, tuple[str, ...]]:
    """When the source does not say: the full address first, then the local part."""
    return address.ascii, (address.local,)


def from_config(
    config: ProviderConfig,
    address: EmailAddress,
    *,
    source: SourceName,
    https: bool,
    origin: str,
    mx_host: str = "",
    dns: bool = False,
) -> Finding:
    """Fill in a provider config for this address; servers whose host does not sanitize are dropped."""

    def build(templates: tuple[ServerTemplate, ...]) -> list[Candidate]:
        out: list[Candidate] = []
        for t in templates:
            host = t.host_for(address, mx_host)
            if host is None:
                continue
            user: str
            alternatives: tuple[str, ...]
            if t.username == "":  # the provider issues a separate login name: the user must type it
                user, alternatives = "", ()
            else:
                given = t.username_for(address)
                user, alternatives = (given, ()) if given is not None else usernames(address)
            extra = tuple(fill(a, address) for a in config.also_try)
            alternatives = tuple(a for a in dict.fromkeys(alternatives + extra) if a and a != user)
            prov = provenance(
                address, host, source=source, https=https, origin=origin, security=t.security, dns=dns,
                unverified=config.unverified, secondary=config.secondary,
            )
            out.append(Candidate(t.protocol, host, t.port, t.security, user, t.auth, prov, alternatives,
                                 t.oauth_available))
        return rank(out)

    return Finding(
        incoming=build(config.incoming),
        outgoing=build(config.outgoing),
        notes=list(config.notes),
        provider=fill(config.name, address),
        origin=origin,
    )


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """Implicit TLS, then STARTTLS, then plain; the source's own order otherwise; no duplicates."""
    unique = list({c.key: c for c in reversed(candidates)}.values())[::-1]
    return sorted(unique, key=lambda c: SECURITY_RANK[c.security])


def merge(primary: list[Candidate], others: list[Candidate]) -> list[Candidate]:
    """The winner's candidates first, then other sources' ones it did not list."""
    seen = {c.key for c in primary}
    out = list(primary)
    for c in others:
        if c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return out


def simple(
    address: EmailAddress,
    protocol: Protocol,
    host: str,
    port: int,
    security: Security,
    prov: Provenance,
) -> Candidate:
    """A candidate from a source that names only host and port (SRV, guessing)."""
    user, alternatives = usernames(address)
    return Candidate(protocol, host, port, security, user, Auth.PASSWORD, prov, alternatives)

