"""Discovery fixtures: our own DNS zone on top of the lab's, and a web server for autoconfig files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core.net import NetConfig
from tests.discovery.web import WebServer
from tests.lab import Lab
from tests.lab.dns import DnsServer

# Names served by the HTTPS server with a good lab certificate; "plainhttp.test" is left out on purpose.
WEB_NAMES = [
    "autoconfig.corp.test", "wellknown.test", "autoconfig.slow.test", "autoconfig.fast.test",
    "autoconfig.bomb.test", "autoconfig.huge.test", "autoconfig.loop.test", "autoconfig.malformed.test",
    "autoconfig.partial.test", "ispdb.test", "autoconfig.hoster.test", "autoconfig.xn--r8jz45g.test",
    "autoconfig.downgrade.test", "autoconfig.hops.test",
]
HTTP_ONLY_NAMES = ["autoconfig.plainhttp.test"]


def config_xml(domain: str, servers: list[tuple[str, str, str, int, str, str]], extra: str = "") -> bytes:
    """A clientConfig document; servers are (kind, type, host, port, socketType, username)."""
    parts = []
    for kind, typ, host, port, sock, user in servers:
        tag = "incomingServer" if kind == "in" else "outgoingServer"
        parts.append(
            f'<{tag} type="{typ}"><hostname>{host}</hostname><port>{port}</port>'
            f"<socketType>{sock}</socketType><username>{user}</username>"
            f"<authentication>password-cleartext</authentication></{tag}>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">'
        f'<emailProvider id="{domain}"><domain>{domain}</domain><displayName>{domain} mail</displayName>'
        f'{"".join(parts)}{extra}</emailProvider></clientConfig>'
    ).encode()


@pytest.fixture(scope="session")
def web(lab: Lab, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    certs = lab.ca.issue(WEB_NAMES, name="discovery-web")
    server = WebServer(Path(certs.cert_file), Path(certs.key_file))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def zone_records(lab: Lab, web: WebServer) -> list[tuple[str, str, str]]:
    mail = lab.host("mail")
    records = list(lab.records)
    records += [(name, "A", web.ip) for name in WEB_NAMES + HTTP_ONLY_NAMES]
    records += [
        ("wellknown.test", "A", web.ip),
        # slow.test: a slow autoconfig (priority 2) against instant SRV records (priority 6)
        ("_imaps._tcp.slow.test", "SRV", "0 1 993 mail.lab.test"),
        ("_submission._tcp.slow.test", "SRV", "0 1 587 mail.lab.test"),
        ("_imaps._tcp.fast.test", "SRV", "0 1 993 mail.lab.test"),
        # MX-based lookups
        ("mxcorp.test", "MX", "10 mx1.mail.hoster.test"),
        ("mxgoogle.test", "MX", "5 aspmx.l.google.com"),
        ("mxgoogle.test", "MX", "10 alt1.aspmx.l.google.com"),
        ("xcorp.test", "MX", "10 sv9876.xserver.jp"),
        # SRV only
        ("_imaps._tcp.srvonly.test", "SRV", "0 1 993 mail.lab.test"),
        ("_pop3._tcp.srvonly.test", "SRV", "10 1 110 mail.lab.test"),
        ("_submissions._tcp.srvonly.test", "SRV", "0 1 465 mail.lab.test"),
        ("_imap._tcp.srvonly.test", "SRV", "0 0 0 ."),
        # guessing: imap.<d> drops every packet, mail.<d> answers without STARTTLS
        ("imap.dropguess.test", "A", lab.host("drop")),
        ("mail.dropguess.test", "A", lab.host("notls")),
    ]
    assert mail
    return records


@pytest.fixture(scope="session")
def zone(
    zone_records: list[tuple[str, str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DnsServer]:
    server = DnsServer(zone_records, root=tmp_path_factory.mktemp("discovery-dns"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def net(zone: DnsServer, lab: Lab) -> NetConfig:
    """Our zone for DNS, the lab CA for TLS."""
    return NetConfig(dns_server=zone.host, dns_port=zone.port, extra_ca_file=str(lab.ca_file))
