"""The clientConfig parser: every ISPDB file, placeholders, sanitizing, and hostile documents."""

from __future__ import annotations

import pytest

from assistant.core.address import parse_address
from assistant.core.discovery.candidates import from_config
from assistant.core.discovery.ispdb import MAX_CONFIG_BYTES, ConfigError, parse_config
from assistant.core.discovery.model import SourceName
from assistant.core.model import Protocol, Security
from assistant.core.resources import resource_path
from tests.discovery.conftest import config_xml

ISPDB = sorted(resource_path("providers", "ispdb").glob("*.xml"))


def test_the_snapshot_is_all_there() -> None:
    assert len(ISPDB) == 163
    assert (resource_path("providers", "ispdb") / "LICENSE").read_text().startswith("Mozilla Public License")


@pytest.mark.parametrize("path", ISPDB, ids=[p.name for p in ISPDB])
def test_every_ispdb_file_gives_settings(path) -> None:
    config = parse_config(path.read_bytes())
    assert config.domains, path.name
    domain = config.domains[0]
    address = parse_address(f"someone@{domain}")
    found = from_config(config, address, source=SourceName.BUNDLED, https=True, origin=path.name)
    assert found.incoming, path.name
    for c in found.incoming + found.outgoing:
        assert c.host and "%" not in c.host and 0 < c.port < 65536
        assert c.username and "%" not in c.username
    assert all(c.protocol is Protocol.SMTP for c in found.outgoing)
    assert all(c.protocol in (Protocol.IMAP, Protocol.POP3) for c in found.incoming)


def test_placeholders_are_filled_in() -> None:
    doc = config_xml("example.jp", [
        ("in", "imap", "imap.%EMAILDOMAIN%", 993, "SSL", "%EMAILLOCALPART%"),
        ("out", "smtp", "smtp.example.jp", 587, "STARTTLS", "%EMAILADDRESS%"),
    ])
    found = from_config(parse_config(doc), parse_address("Taro.Y@Example.JP"), source=SourceName.AUTOCONFIG,
                        https=True, origin="x")
    assert (found.incoming[0].host, found.incoming[0].username) == ("imap.example.jp", "Taro.Y")
    assert found.incoming[0].alternatives == ()  # the source said which form: no guessing
    assert found.outgoing[0].username == "Taro.Y@example.jp"


def test_a_broken_placeholder_falls_back_to_address_then_local_part() -> None:
    doc = config_xml("example.jp", [("in", "imap", "imap.example.jp", 993, "SSL", "%EMAILADDRESS")])
    c = from_config(parse_config(doc), parse_address("taro@example.jp"), source=SourceName.AUTOCONFIG,
                    https=True, origin="x").incoming[0]
    assert (c.username, c.alternatives) == ("taro@example.jp", ("taro",))


def test_one_bad_server_section_drops_only_itself() -> None:
    doc = config_xml("example.jp", [
        ("in", "imap", "imap.example.jp; rm -rf /", 993, "SSL", "%EMAILADDRESS%"),
        ("in", "imap", "imap.example.jp", 99999, "SSL", "%EMAILADDRESS%"),
        ("in", "pop3", "pop.example.jp", 995, "bogus", "%EMAILADDRESS%"),
        ("in", "exchange", "ews.example.jp", 443, "SSL", "%EMAILADDRESS%"),
        ("in", "pop3", "pop.example.jp", 995, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "-smtp.example.jp", 465, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "smtp.example.jp", 465, "SSL", "%EMAILADDRESS%"),
    ])
    config = parse_config(doc)
    assert [(s.protocol, s.host, s.port) for s in config.incoming] == [(Protocol.POP3, "pop.example.jp", 995)]
    assert [s.host for s in config.outgoing] == ["smtp.example.jp"]
    assert len(config.dropped) == 5


def test_unknown_elements_and_namespaces_are_ignored() -> None:
    doc = (b'<clientConfig version="1.2" xmlns:x="urn:x"><x:future/><emailProvider id="e">'
           b"<domain>example.jp</domain><calendar type='caldav'><url>https://c</url></calendar>"
           b'<incomingServer type="imap"><hostname>imap.example.jp</hostname><port>993</port>'
           b"<socketType>SSL</socketType><username>%EMAILADDRESS%</username><newThing>1</newThing>"
           b"<authentication>OAuth2</authentication><authentication>password-cleartext</authentication>"
           b"</incomingServer></emailProvider></clientConfig>")
    config = parse_config(doc)
    assert config.incoming[0].security is Security.SSL
    assert config.incoming[0].oauth_available


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<clientConfig><emailProvider id="x"><displayName>&lol4;</displayName></emailProvider></clientConfig>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE c [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider id="x"><displayName>&e;</displayName></emailProvider></clientConfig>"""


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        (BILLION_LAUGHS, "xml.forbidden"),
        (EXTERNAL, "xml.forbidden"),
        (b"<clientConfig><emailProvider>", "xml.malformed"),
        (b"\x00\xff\xfe junk", "xml.malformed"),
        (b"<html><body>Not found</body></html>", "xml.not_client_config"),
        (b"<clientConfig/>", "xml.no_provider"),
        (b"<clientConfig><emailProvider id='x'><domain>a.jp</domain></emailProvider></clientConfig>",
         "xml.no_servers"),
        (b"<clientConfig>" + b" " * MAX_CONFIG_BYTES + b"</clientConfig>", "xml.too_large"),
    ],
    ids=["billion-laughs", "external-entity", "truncated", "binary", "html", "empty", "no-servers", "big"],
)
def test_hostile_and_broken_documents_are_refused(doc: bytes, code: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(doc)
    assert info.value.code == code
