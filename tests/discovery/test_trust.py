"""Trust rules and domain reduction: which candidates need the user's confirmation, and why."""

from __future__ import annotations

import pytest

from assistant.core.address import parse_address
from assistant.core.discovery.candidates import provenance, rank, registrable_domain
from assistant.core.discovery.model import Candidate, SourceName
from assistant.core.discovery.mx import mx_domains
from assistant.core.model import Auth, Protocol, Security

ADDRESS = parse_address("taro@example.co.jp")


@pytest.mark.parametrize(
    ("mx", "domains"),
    [
        ("mx1.mail.example.co.jp", ["mail.example.co.jp", "example.co.jp"]),
        ("aspmx.l.google.com", ["l.google.com", "google.com"]),
        ("mx.hoster.jp", ["hoster.jp"]),  # never a public suffix such as "jp" or "co.jp"
        ("mx.example.jp", []),  # the address's own domain: the autoconfig source already asks there
    ],
)
def test_mx_host_reduction(mx: str, domains: list[str]) -> None:
    assert mx_domains(mx, "example.jp") == domains


def test_registrable_domain_uses_the_public_suffix_list() -> None:
    assert registrable_domain("pop.mail.yahoo.co.jp") == "yahoo.co.jp"
    assert registrable_domain("imap.spmode.ne.jp") == "spmode.ne.jp"
    assert registrable_domain("sv1234.xserver.jp") == "xserver.jp"


@pytest.mark.parametrize(
    ("source", "https", "dns", "host", "security", "why"),
    [
        (SourceName.BUNDLED, True, False, "imap.example.co.jp", Security.SSL, ()),
        (SourceName.BUNDLED, True, False, "imap.provider.ne.jp", Security.SSL, ()),  # curated mapping
        (SourceName.BUNDLED, True, False, "pop.example.co.jp", Security.NONE, ("plaintext",)),
        (SourceName.AUTOCONFIG, True, False, "imap.example.co.jp", Security.SSL, ()),
        (SourceName.AUTOCONFIG, True, False, "imap.hoster.net", Security.SSL, ("other_domain",)),
        (SourceName.AUTOCONFIG_HTTP, False, False, "imap.example.co.jp", Security.SSL, ("plain_http",)),
        (SourceName.ISPDB, True, False, "imap.hoster.net", Security.SSL, ()),
        (SourceName.MX, True, True, "imap.hoster.net", Security.SSL, ("unauthenticated_dns", "other_domain")),
        (SourceName.SRV, False, True, "imap.example.co.jp", Security.STARTTLS, ("unauthenticated_dns",)),
        (SourceName.GUESS, False, False, "imap.example.co.jp", Security.SSL, ()),
        (SourceName.GUESS, False, False, "mail.example.co.jp", Security.NONE, ("plaintext",)),
    ],
)
def test_confirmation_rules(source: SourceName, https: bool, dns: bool, host: str, security: Security,
                            why: tuple[str, ...]) -> None:
    p = provenance(ADDRESS, host, source=source, https=https, origin="x", security=security, dns=dns)
    assert p.why == why
    assert p.needs_confirmation == bool(why)
    assert p.https == (https and not dns and source is not SourceName.GUESS)


def test_implicit_tls_first_then_starttls_then_plain() -> None:
    p = provenance(ADDRESS, "mail.example.co.jp", source=SourceName.BUNDLED, https=True, origin="x",
                   security=Security.SSL)

    def c(port: int, security: Security) -> Candidate:
        return Candidate(Protocol.POP3, "mail.example.co.jp", port, security, "taro", Auth.PASSWORD, p)

    given = [c(110, Security.NONE), c(110, Security.STARTTLS), c(995, Security.SSL), c(995, Security.SSL)]
    ranked = rank(given)
    assert [(x.port, x.security) for x in ranked] == [
        (995, Security.SSL), (110, Security.STARTTLS), (110, Security.NONE)
    ]
