"""The race between sources against real DNS and HTTPS on loopback: priority, cancellation, trust flags."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.core.discovery import ProgressEvent, SourceName, SourceState, discover
from assistant.core.discovery.autoconfig import AutoconfigSource
from assistant.core.net import CancelToken, NetConfig
from tests.discovery.conftest import config_xml
from tests.discovery.web import Reply, WebServer

ISPDB = "https://ispdb.test/v1.1/"
CONFIG = "/mail/config-v1.1.xml"


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<clientConfig><emailProvider><displayName>&c;</displayName></emailProvider></clientConfig>"
)


def lab_config(domain: str, incoming_host: str = "mail.lab.test") -> bytes:
    return config_xml(domain, [
        ("in", "imap", incoming_host, 993, "SSL", "%EMAILADDRESS%"),
        ("in", "pop3", incoming_host, 110, "STARTTLS", "%EMAILADDRESS%"),
        ("out", "smtp", "mail.lab.test", 587, "STARTTLS", "%EMAILADDRESS%"),
        ("out", "smtp", "mail.lab.test", 465, "SSL", "%EMAILADDRESS%"),
    ])


def outcome(result, name: SourceName):
    return next(o for o in result.outcomes if o.source is name)


def test_provider_autoconfig_over_https_wins(web: WebServer, net: NetConfig) -> None:
    web.route(f"https://autoconfig.corp.test{CONFIG}", Reply(body=lab_config("corp.test", "imap.corp.test")))
    result = discover("taro@corp.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.AUTOCONFIG
    imap, pop = result.incoming[:2]
    assert (imap.host, imap.port, imap.security.value) == ("imap.corp.test", 993, "ssl")
    assert imap.username == "taro@corp.test"
    assert pop.security.value == "starttls"  # implicit TLS ranks first
    assert imap.provenance.https and not imap.provenance.cross_domain
    assert not imap.provenance.needs_confirmation
    assert imap.provenance.origin == f"https://autoconfig.corp.test{CONFIG}"
    smtp = result.outgoing[0]
    assert (smtp.port, smtp.security.value) == (465, "ssl")
    # credentials would go to lab.test for a corp.test address: the GUI must ask, showing both domains
    assert smtp.provenance.cross_domain and smtp.provenance.needs_confirmation
    assert "other_domain" in smtp.provenance.why
    assert (smtp.provenance.address_domain, smtp.provenance.server_domain) == ("corp.test", "lab.test")
    sent = [r for r in web.requests if r[1] == "autoconfig.corp.test"]
    assert sent and all("?" not in path and "taro" not in path for _s, _h, path, _hd in sent)


def test_well_known_location(web: WebServer, net: NetConfig) -> None:
    url = f"https://wellknown.test/.well-known/autoconfig{CONFIG}"
    web.route(url, Reply(body=lab_config("wellknown.test")))
    result = discover("taro@wellknown.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.AUTOCONFIG
    assert result.incoming[0].provenance.origin.endswith("/.well-known/autoconfig/mail/config-v1.1.xml")


def test_a_slow_high_priority_source_still_wins_over_a_fast_low_one(web: WebServer, net: NetConfig) -> None:
    hold = threading.Event()
    web.route(f"https://autoconfig.slow.test{CONFIG}", Reply(body=lab_config("slow.test"), hold=hold))
    seen: list[ProgressEvent] = []

    def progress(event: ProgressEvent) -> None:
        seen.append(event)
        if event.source is SourceName.SRV and event.state is SourceState.FOUND:
            hold.set()  # the provider's file answers only after the SRV records already did

    result = discover("taro@slow.test", net=net, timeout=10, ispdb_url=ISPDB, on_progress=progress)
    found = [e.source for e in seen if e.state is SourceState.FOUND]
    assert found.index(SourceName.SRV) < found.index(SourceName.AUTOCONFIG)
    assert result.winner is SourceName.AUTOCONFIG
    assert result.incoming[0].provenance.source is SourceName.AUTOCONFIG
    # the SRV answer stays as a lower-ranked alternative only if it adds something new
    assert all(c.provenance.source is SourceName.AUTOCONFIG for c in result.incoming[:2])


def test_a_settled_answer_does_not_wait_for_slow_low_value_sources(web: WebServer, net: NetConfig) -> None:
    hold = threading.Event()  # never set: the plain-HTTP variant hangs
    web.route(f"https://autoconfig.fast.test{CONFIG}", Reply(body=lab_config("fast.test")))
    web.route(f"http://autoconfig.fast.test{CONFIG}", Reply(body=lab_config("fast.test"), hold=hold))
    start = time.monotonic()
    result = discover("taro@fast.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert time.monotonic() - start < 5
    assert result.winner is SourceName.AUTOCONFIG
    assert outcome(result, SourceName.AUTOCONFIG_HTTP).state is SourceState.CANCELLED
    assert outcome(result, SourceName.GUESS).state in (SourceState.CANCELLED, SourceState.NOT_FOUND)


def test_cancel_stops_every_source_at_once(web: WebServer, net: NetConfig) -> None:
    hold = threading.Event()
    web.route(f"https://autoconfig.slow.test{CONFIG}", Reply(body=lab_config("slow.test"), hold=hold))
    cancel = CancelToken()

    def progress(event: ProgressEvent) -> None:
        if event.source is SourceName.SRV and event.state is SourceState.FOUND:
            cancel.cancel()

    start = time.monotonic()
    result = discover("taro@slow.test", net=net, timeout=15, ispdb_url=ISPDB, on_progress=progress,
                      cancel=cancel)
    assert time.monotonic() - start < 3
    hold.set()
    auto = outcome(result, SourceName.AUTOCONFIG)
    assert (auto.state, auto.detail) == (SourceState.CANCELLED, "user")
    assert result.winner is SourceName.SRV  # what was already known is still reported


def test_the_total_time_is_bounded(web: WebServer, net: NetConfig) -> None:
    hold = threading.Event()
    web.route(f"https://autoconfig.slow.test{CONFIG}", Reply(body=lab_config("slow.test"), hold=hold))
    start = time.monotonic()
    result = discover("taro@slow.test", net=net, timeout=1.5, sources=[AutoconfigSource()])
    assert time.monotonic() - start < 2.5
    hold.set()
    assert not result.found
    # The engine's deadline and the source's own HTTP deadline are the same moment: either may say it first.
    assert outcome(result, SourceName.AUTOCONFIG).detail in ("timeout", "http.timeout")


def test_plain_http_is_used_but_marked_untrusted(web: WebServer, net: NetConfig) -> None:
    # autoconfig.plainhttp.test is not on the server's certificate: HTTPS fails, HTTP answers
    web.route(f"http://autoconfig.plainhttp.test{CONFIG}", Reply(body=lab_config("plainhttp.test")))
    result = discover("taro@plainhttp.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.AUTOCONFIG_HTTP
    https = outcome(result, SourceName.AUTOCONFIG)
    assert https.state is SourceState.FAILED and "http.tls" in https.detail
    for c in result.incoming + result.outgoing:
        if c.provenance.source is SourceName.AUTOCONFIG_HTTP:
            assert not c.provenance.https and c.provenance.needs_confirmation
            assert "plain_http" in c.provenance.why and c.provenance.confidence.value == "low"


def test_a_redirect_from_https_to_http_is_refused(web: WebServer, net: NetConfig) -> None:
    web.route(f"https://autoconfig.downgrade.test{CONFIG}",
              Reply(status=302, location=f"http://autoconfig.plainhttp.test{CONFIG}"))
    web.route(f"http://autoconfig.plainhttp.test{CONFIG}", Reply(body=lab_config("plainhttp.test")))
    result = discover("taro@downgrade.test", net=net, timeout=10, sources=[AutoconfigSource()])
    assert not result.found
    assert "http.downgrade" in outcome(result, SourceName.AUTOCONFIG).detail


@pytest.mark.parametrize(
    ("name", "reply", "code"),
    [
        ("bomb", Reply(body=BOMB), "xml.forbidden"),
        ("huge", Reply(body=b"<clientConfig>", stream_bytes=50_000_000), "http.too_large"),
        ("loop", Reply(301, location=f"https://autoconfig.loop.test{CONFIG}?again"), "http.redirect_loop"),
        ("malformed", Reply(body=b"<clientConfig><emailProvider"), "xml.malformed"),
        ("hops", Reply(302, location="/r1"), "http.too_many_redirects"),
    ],
)
def test_hostile_replies_fail_the_source_quickly(web: WebServer, net: NetConfig, name: str, reply: Reply,
                                                 code: str) -> None:
    web.route(f"https://autoconfig.{name}.test{CONFIG}", reply)
    for i in range(1, 6):  # a chain of distinct URLs, longer than the limit
        web.route(f"https://autoconfig.hops.test/r{i}", Reply(302, location=f"/r{i + 1}"))
    start = time.monotonic()
    result = discover(f"taro@{name}.test", net=net, timeout=10, sources=[AutoconfigSource()])
    assert time.monotonic() - start < 5
    assert not result.found
    auto = outcome(result, SourceName.AUTOCONFIG)
    assert auto.state is SourceState.FAILED and code in auto.detail


def test_one_bad_server_section_does_not_spoil_the_file(web: WebServer, net: NetConfig) -> None:
    doc = config_xml("partial.test", [
        ("in", "imap", "imap.partial.test/../../x", 993, "SSL", "%EMAILADDRESS%"),
        ("in", "pop3", "pop.partial.test", 995, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "smtp.partial.test", 0, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "smtp.partial.test", 465, "SSL", "%EMAILADDRESS%"),
    ])
    web.route(f"https://autoconfig.partial.test{CONFIG}", Reply(body=doc))
    result = discover("taro@partial.test", net=net, timeout=10, sources=[AutoconfigSource()])
    assert [(c.host, c.port) for c in result.incoming] == [("pop.partial.test", 995)]
    assert [(c.host, c.port) for c in result.outgoing] == [("smtp.partial.test", 465)]


def test_online_ispdb_with_a_configurable_base_url(web: WebServer, net: NetConfig) -> None:
    web.route("https://ispdb.test/v1.1/onlydb.test", Reply(body=lab_config("onlydb.test")))
    result = discover("taro@onlydb.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.ISPDB
    c = result.incoming[0]
    assert c.provenance.origin == "https://ispdb.test/v1.1/onlydb.test"
    assert c.provenance.https and c.provenance.cross_domain and not c.provenance.needs_confirmation


def test_mx_points_to_the_hosting_provider(web: WebServer, net: NetConfig) -> None:
    web.route(f"https://autoconfig.hoster.test{CONFIG}", Reply(body=config_xml("hoster.test", [
        ("in", "imap", "imap.hoster.test", 993, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "smtp.hoster.test", 465, "SSL", "%EMAILADDRESS%"),
    ])))
    result = discover("taro@mxcorp.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.MX
    c = result.incoming[0]
    assert c.host == "imap.hoster.test"
    assert "MX mx1.mail.hoster.test" in c.provenance.origin
    assert {"unauthenticated_dns", "other_domain"} <= set(c.provenance.why)
    assert c.provenance.server_domain == "hoster.test"


def test_mx_at_a_known_provider_uses_the_bundled_database(net: NetConfig) -> None:
    result = discover("taro@mxgoogle.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.MX
    assert (result.incoming[0].host, result.incoming[0].username) == ("imap.gmail.com", "taro@mxgoogle.test")
    assert result.incoming[0].provenance.needs_confirmation
    assert "provider.app_password" in [n.id for n in result.notes]


def test_mx_at_a_rental_server_gives_the_server_name_from_the_mx(net: NetConfig) -> None:
    result = discover("info@xcorp.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.MX
    assert [(c.host, c.port) for c in result.incoming[:2]] == [("sv9876.xserver.jp", 993),
                                                                ("sv9876.xserver.jp", 995)]
    assert result.outgoing[0].username == "info@xcorp.test"
    note = next(n for n in result.notes if n.id == "provider.host_on_notice")
    assert note.example == "sv1234.xserver.jp" and note.url.startswith("https://")


def test_srv_records_are_flagged_as_unauthenticated(net: NetConfig) -> None:
    result = discover("taro@srvonly.test", net=net, timeout=10, ispdb_url=ISPDB)
    assert result.winner is SourceName.SRV
    assert [(c.protocol.value, c.port, c.security.value) for c in result.incoming] == [
        ("imap", 993, "ssl"), ("pop3", 110, "starttls")
    ]
    assert [(c.port, c.security.value) for c in result.outgoing] == [(465, "ssl")]
    for c in result.incoming + result.outgoing:
        assert not c.provenance.https and "unauthenticated_dns" in c.provenance.why
        assert (c.username, c.alternatives) == ("taro@srvonly.test", ("taro",))


def test_internationalised_domain(web: WebServer, net: NetConfig) -> None:
    web.route(f"https://autoconfig.xn--r8jz45g.test{CONFIG}", Reply(body=lab_config("xn--r8jz45g.test")))
    result = discover("ユーザー＠例え.test", net=net, timeout=10, sources=[AutoconfigSource()])
    assert result.address == "ユーザー@xn--r8jz45g.test"
    assert result.as_dict()["address_display"] == "ユーザー@例え.test"
    assert result.incoming[0].host == "mail.lab.test"


def test_every_source_reports_a_start_and_one_end(web: WebServer, net: NetConfig) -> None:
    web.route(f"https://autoconfig.corp.test{CONFIG}", Reply(body=lab_config("corp.test")))
    events: list[ProgressEvent] = []
    lock = threading.Lock()

    def progress(event: ProgressEvent) -> None:
        with lock:
            events.append(event)

    result = discover("taro@corp.test", net=net, timeout=10, ispdb_url=ISPDB, on_progress=progress)
    for name in SourceName:
        mine = [e.state for e in events if e.source is name]
        assert mine[0] is SourceState.RUNNING and len(mine) == 2, (name, mine)
        assert mine[1] is outcome(result, name).state
