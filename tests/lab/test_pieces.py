"""The reusable pieces alone: a private DnsServer with your records, and certificates from the lab CA."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

import dns.flags
import dns.resolver
import pytest

from tests.lab import Lab, pki
from tests.lab.dns import DnsServer


def test_own_dns_server_serves_exactly_its_records(tmp_path: Path) -> None:
    records = [
        ("example.test", "MX", "10 mx1.example.test"),
        ("example.test", "MX", "20 mx2.example.test"),
        ("mx1.example.test", "A", "127.0.0.9"),
        ("v6only.example.test", "AAAA", "::1"),
        ("alias.example.test", "CNAME", "mx1.example.test"),
        ("nomail.test", "MX", "0 ."),
        ("_autodiscover._tcp.example.test", "SRV", "0 0 443 mx1.example.test"),
        ("long.example.test", "TXT", "x" * 300),
    ]
    with DnsServer(records, root=tmp_path / "dns") as server:
        r = dns.resolver.Resolver(configure=False)
        r.nameservers, r.port, r.lifetime = [server.host], server.port, 3.0
        assert sorted(a.to_text() for a in r.resolve("example.test", "MX")) == [
            "10 mx1.example.test.",
            "20 mx2.example.test.",
        ]
        answer = r.resolve("alias.example.test", "A")
        assert [a.to_text() for a in answer] == ["127.0.0.9"]
        assert answer.response.flags & dns.flags.AA
        assert [a.to_text() for a in r.resolve("v6only.example.test", "AAAA")] == ["::1"]
        with pytest.raises(dns.resolver.NoAnswer):
            r.resolve("v6only.example.test", "A")
        assert [a.to_text() for a in r.resolve("nomail.test", "MX")] == ["0 ."]
        assert r.resolve("_autodiscover._tcp.example.test", "SRV")[0].port == 443
        txt = r.resolve("long.example.test", "TXT")[0]
        assert b"".join(txt.strings) == b"x" * 300
        with pytest.raises(dns.resolver.NXDOMAIN):
            r.resolve("other.example.test", "A")
        port = server.port
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", port))  # stopped: its port is free again


def test_issue_makes_a_certificate_the_lab_ca_file_trusts(lab: Lab) -> None:
    cert_file, key_file = pki.issue(["autoconfig.example.test"])
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert_file, key_file)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(b"hello")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client_ctx = ssl.create_default_context(cafile=str(lab.ca_file))
    with socket.create_connection(listener.getsockname(), timeout=5) as raw:
        with client_ctx.wrap_socket(raw, server_hostname="autoconfig.example.test") as tls:
            assert tls.recv(5) == b"hello"
    thread.join(5)
    listener.close()
