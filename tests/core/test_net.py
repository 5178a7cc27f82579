"""Resolver, Happy Eyeballs, TLS versions, certificate pins and certificate details, on real sockets."""

from __future__ import annotations

import dataclasses
import socket
import ssl
import threading
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import trustme

from assistant.core.check import check_server
from assistant.core.model import Protocol, Security, ServerSettings, Stage
from assistant.core.net import CheckFailure, Deadline, NetConfig, connect, interleave, resolve
from assistant.core.pins import normalize_fingerprint, pin_for
from tests.lab import Lab


def test_resolve_a_record_from_the_lab_resolver(lab: Lab) -> None:
    assert resolve("mail.lab.test", lab.net_config(), Deadline(3)) == [(socket.AF_INET, lab.host("mail"))]


def test_resolve_dual_stack_puts_ipv6_first(lab: Lab) -> None:
    found = resolve("dual.lab.test", lab.net_config(), Deadline(3))
    assert found == [(socket.AF_INET6, "::1"), (socket.AF_INET, lab.host("dual"))]


def test_ip_literals_skip_the_resolver() -> None:
    assert resolve("127.0.0.9", NetConfig(dns_server="127.0.0.1", dns_port=9), Deadline(1)) == [
        (socket.AF_INET, "127.0.0.9")
    ]
    assert resolve("[::1]", NetConfig(), Deadline(1)) == [(socket.AF_INET6, "::1")]


def test_system_resolver_is_the_default() -> None:
    found = resolve("localhost", NetConfig(), Deadline(3))
    assert found and {ip for _, ip in found} <= {"127.0.0.1", "::1"}


def test_interleave_alternates_families() -> None:
    v4 = [(socket.AF_INET, f"127.0.0.{i}") for i in (1, 2, 3)]
    v6 = [(socket.AF_INET6, "::1")]
    assert interleave(v4 + v6) == [v6[0], v4[0], v4[1], v4[2]]


def test_happy_eyeballs_falls_back_to_ipv4_when_ipv6_drops(lab: Lab) -> None:
    ep = lab.endpoint("dualbroken-imaps")
    addresses = resolve(ep.host, lab.net_config(), Deadline(3))
    assert addresses[0] == (socket.AF_INET6, "::1")
    deadline = Deadline(5)
    sock, ip = connect(addresses, ep.port, NetConfig(), deadline)
    sock.close()
    assert ip == ep.ip
    assert 200 <= deadline.elapsed_ms() < 2000  # IPv4 started ~250 ms after the stalled IPv6 attempt


def test_dual_stack_check_uses_ipv6_when_it_works(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    result = check_server(
        lab.settings("dual-imaps"), taro.password, address=taro.address, net=lab.net_config()
    )
    assert result.ok, result.failure
    assert result.stages[1].detail == "::1"
    broken = check_server(
        lab.settings("dualbroken-imaps"), taro.password, address=taro.address, net=lab.net_config()
    )
    assert broken.ok, broken.failure
    assert broken.stages[1].detail == lab.endpoint("dualbroken-imaps").ip


def test_source_address_is_used(lab: Lab) -> None:
    ep = lab.endpoint("imaps")
    sock, _ = connect([(socket.AF_INET, ep.ip)], ep.port, NetConfig(source_address="127.0.0.7"), Deadline(3))
    with sock:
        assert sock.getsockname()[0] == "127.0.0.7"


def test_refused_everywhere_is_tcp_refused(lab: Lab) -> None:
    with pytest.raises(CheckFailure) as info:
        connect([(socket.AF_INET, lab.host("closed"))], 993, NetConfig(), Deadline(3))
    assert info.value.code == "tcp.refused"
    assert str(info.value) == "tcp.refused"


# --- TLS ------------------------------------------------------------------------------------------------


@pytest.fixture
def tls11_server() -> Iterator[tuple[int, str]]:
    """A server stuck on TLS 1.0/1.1 (what some old ISP servers still run); yields (port, CA PEM file)."""
    ca = trustme.CA()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    ca.issue_cert("127.0.0.1").configure_cert(ctx)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            try:
                ctx.wrap_socket(conn, server_side=True).sendall(b"* OK old server\r\n")
            except ssl.SSLError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with ca.cert_pem.tempfile() as ca_file:
        yield listener.getsockname()[1], ca_file
    thread.join(5)
    listener.close()


def test_server_with_only_old_tls_versions(tls11_server: tuple[int, str]) -> None:
    port, ca_file = tls11_server
    settings = ServerSettings(Protocol.IMAP, "127.0.0.1", port, Security.SSL, "u")
    result = check_server(
        settings,
        "not-sent",
        address="u@example.test",
        net=NetConfig(extra_ca_file=ca_file),
        deadline=Deadline(5),
    )
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.TLS, "tls.protocol_version")
    assert result.failure.extra["ssl_reason"]


@pytest.mark.parametrize("name", ["selfsigned-imaps", "wronghost-submission", "untrusted-pop3"])
def test_a_pinned_certificate_is_accepted_even_if_untrusted(lab: Lab, name: str) -> None:
    taro = lab.accounts["taro"]
    ep = lab.endpoint(name)
    first = check_server(lab.settings(name), taro.password, address=taro.address, net=lab.net_config())
    assert first.failure is not None and first.failure.certificate is not None
    fingerprint = first.failure.certificate.sha256
    pins = {(ep.host.upper(), ep.port): ":".join(fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()}
    pinned = check_server(
        lab.settings(name), taro.password, address=taro.address, net=lab.net_config(), pins=pins
    )
    assert pinned.ok, pinned.failure
    assert pinned.certificate is not None and pinned.certificate.pinned
    assert pinned.certificate.sha256 == fingerprint
    # the pin is for that host and port only
    other_port = dataclasses.replace(lab.settings(name), port=ep.port + 1)
    assert pin_for(pins, other_port.host, other_port.port) is None


def test_a_different_certificate_under_a_pin_is_refused(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    ep = lab.endpoint("imaps")
    pins = {(ep.host, ep.port): "ab" * 32}
    result = check_server(
        lab.settings("imaps"), taro.password, address=taro.address, net=lab.net_config(), pins=pins
    )
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.TLS, "tls.pin_mismatch")
    assert result.failure.certificate is not None and result.failure.certificate.sha256 != "ab" * 32
    assert not any(line.text.split()[1:2] == ["AUTHENTICATE"] for line in result.transcript.lines)


def test_fingerprint_forms() -> None:
    assert normalize_fingerprint("AB:" * 31 + "AB") == "ab" * 32
    with pytest.raises(ValueError):
        normalize_fingerprint("abc")


def test_certificate_details_match_what_ssl_reports(lab: Lab) -> None:
    """Our DER reader agrees with the ssl module's own decoding of a verified certificate."""
    taro = lab.accounts["taro"]
    ep = lab.endpoint("imaps")
    result = check_server(lab.settings("imaps"), taro.password, address=taro.address, net=lab.net_config())
    assert result.certificate is not None
    ctx = ssl.create_default_context(cafile=str(lab.ca_file))
    with (
        socket.create_connection((ep.ip, ep.port)) as raw,
        ctx.wrap_socket(raw, server_hostname=ep.host) as tls,
    ):
        peer = tls.getpeercert()
    assert peer is not None
    sans = tuple(f"DNS:{value}" for kind, value in peer["subjectAltName"] if kind == "DNS")
    assert set(sans) <= set(result.certificate.sans)
    common_name = dict(x[0] for x in peer["subject"])["commonName"]
    assert f"CN={common_name}" in result.certificate.subject
    not_after = datetime.fromtimestamp(ssl.cert_time_to_seconds(str(peer["notAfter"])), UTC)
    assert result.certificate.not_after == not_after.isoformat().replace("+00:00", "Z")


def test_internationalised_host_names_are_looked_up_as_a_labels(lab: Lab) -> None:
    from tests.lab.dns import DnsServer

    ascii_name = "xn--zckzah.lab.test"  # テスト.lab.test
    with DnsServer([(ascii_name, "A", lab.host("mail"))]) as server:
        net = NetConfig(dns_server=server.host, dns_port=server.port, extra_ca_file=str(lab.ca_file))
        settings = dataclasses.replace(lab.settings("imaps"), host="テスト.lab.test")
        taro = lab.accounts["taro"]
        result = check_server(settings, taro.password, address=taro.address, net=net, deadline=Deadline(5))
    assert result.settings.host == ascii_name
    assert result.stages[0].detail == lab.host("mail")
    # the lab certificate does not name it: the TLS check ran against the A-label
    assert result.failure is not None and result.failure.code == "tls.cert_hostname"


@pytest.fixture
def aaaa_dropping_dns(lab: Lab) -> Iterator[tuple[str, int]]:
    """A resolver (like some home routers) that answers A queries and silently drops AAAA ones."""
    import dns.message
    import dns.rdatatype
    import dns.rrset

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                data, peer = sock.recvfrom(4096)
            except TimeoutError:
                continue
            query = dns.message.from_wire(data)
            question = query.question[0]
            if question.rdtype != dns.rdatatype.A:
                continue
            reply = dns.message.make_response(query)
            reply.answer.append(dns.rrset.from_text(question.name, 60, "IN", "A", lab.host("mail")))
            sock.sendto(reply.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield sock.getsockname()
    stop.set()
    thread.join()
    sock.close()


def test_a_dropped_aaaa_query_does_not_stall_the_check(lab: Lab, aaaa_dropping_dns: tuple[str, int]) -> None:
    net = NetConfig(dns_server=aaaa_dropping_dns[0], dns_port=aaaa_dropping_dns[1])
    deadline = Deadline(5)
    assert resolve("mail.lab.test", net, deadline) == [(socket.AF_INET, lab.host("mail"))]
    assert deadline.elapsed_ms() < 1500  # the A answer plus a short grace, not the whole deadline


def test_no_address_of_a_usable_family_is_unreachable() -> None:
    """Bound to an IPv4 source, an IPv6-only server cannot be reached at all."""
    with pytest.raises(CheckFailure) as info:
        connect([(socket.AF_INET6, "::1")], 993, NetConfig(source_address="127.0.0.3"), Deadline(3))
    assert info.value.code == "tcp.unreachable"
