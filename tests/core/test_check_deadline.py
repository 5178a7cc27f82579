"""One deadline for the whole check, cancellation from another thread, incoming and outgoing at once."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.core.check import AccountResult, ServerResult, check_account, check_server
from assistant.core.model import Protocol, Security, ServerSettings, Stage, StageEvent, StageStatus
from assistant.core.net import CancelToken, Deadline, NetConfig
from tests.lab import Lab


@pytest.fixture
def black_hole_dns() -> Iterator[tuple[str, int]]:
    """A UDP port that takes DNS queries and never answers (a resolver behind a dead link)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()


def timed_check(
    lab: Lab, settings: ServerSettings, seconds: float, **options: Any
) -> tuple[ServerResult, float]:
    taro = lab.accounts["taro"]
    t0 = time.monotonic()
    result = check_server(
        settings,
        taro.password,
        address=taro.address,
        net=options.pop("net", lab.net_config()),
        deadline=Deadline(seconds),
        **options,
    )
    return result, time.monotonic() - t0


@pytest.mark.parametrize(
    ("name", "stage", "code"),
    [
        ("smtp-silent", Stage.GREETING, "server.timeout"),
        ("smtp-silent-ssl", Stage.GREETING, "server.timeout"),
        ("smtp-drip", Stage.GREETING, "server.timeout"),  # a byte a second must not reset any timer
        ("drop-submission", Stage.CONNECT, "tcp.timeout"),
        ("drop-imaps", Stage.CONNECT, "tcp.timeout"),
    ],
)
def test_ends_within_the_deadline(lab: Lab, name: str, stage: Stage, code: str) -> None:
    result, elapsed = timed_check(lab, lab.settings(name), 2.5)
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (stage, code)
    assert 2.4 <= elapsed <= 2.5 + 0.6
    if name == "smtp-drip":
        assert "partial reply" in result.failure.text
        assert not any(
            line.direction == "S" for line in result.transcript.lines
        )  # no complete line ever came


def test_dns_timeout(lab: Lab, black_hole_dns: tuple[str, int]) -> None:
    net = NetConfig(dns_server=black_hole_dns[0], dns_port=black_hole_dns[1])
    result, elapsed = timed_check(lab, lab.settings("imaps"), 1.5, net=net)
    assert result.failure is not None and result.failure.code == "dns.timeout"
    assert elapsed <= 1.5 + 0.4


@pytest.fixture
def servfail_dns() -> Iterator[tuple[str, int]]:
    """A resolver that answers every query with SERVFAIL (its upstream is broken)."""
    import dns.message
    import dns.rcode

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
            reply = dns.message.make_response(dns.message.from_wire(data))
            reply.set_rcode(dns.rcode.SERVFAIL)
            sock.sendto(reply.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield sock.getsockname()
    stop.set()
    thread.join()
    sock.close()


def test_servfail_is_a_dns_failure(lab: Lab, servfail_dns: tuple[str, int]) -> None:
    net = NetConfig(dns_server=servfail_dns[0], dns_port=servfail_dns[1])
    result, elapsed = timed_check(lab, lab.settings("imaps"), 3, net=net)
    assert result.failure is not None and result.failure.code == "dns.failure"
    assert elapsed < 1.0


def test_a_spent_deadline_stops_before_the_first_stage(lab: Lab) -> None:
    result, elapsed = timed_check(lab, lab.settings("imaps"), 0.0)
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.RESOLVE, "check.deadline")
    assert all(r.status is StageStatus.SKIPPED for r in result.stages[1:])
    assert elapsed < 0.2


@pytest.mark.parametrize(
    ("name", "stage", "changes", "dns"),
    [
        ("imaps", Stage.RESOLVE, {}, True),
        ("drop-imaps", Stage.CONNECT, {}, False),
        ("smtp-silent", Stage.TLS, {"security": Security.SSL}, False),  # a handshake that never ends
        ("smtp-silent", Stage.GREETING, {}, False),
        ("smtp-drip-ssl", Stage.GREETING, {}, False),
    ],
)
def test_cancel_from_another_thread_ends_within_a_second(
    lab: Lab, black_hole_dns: tuple[str, int], name: str, stage: Stage, changes: dict[str, Any], dns: bool
) -> None:
    import dataclasses

    settings = dataclasses.replace(lab.settings(name), **changes)
    net = NetConfig(dns_server=black_hole_dns[0], dns_port=black_hole_dns[1]) if dns else lab.net_config()
    reached = threading.Event()
    cancel = CancelToken()

    def on_event(event: StageEvent) -> None:
        if event.stage is stage and event.status is StageStatus.STARTED:
            reached.set()

    box: dict[str, ServerResult] = {}
    taro = lab.accounts["taro"]
    worker = threading.Thread(
        target=lambda: box.setdefault(
            "result",
            check_server(
                settings,
                taro.password,
                address=taro.address,
                net=net,
                on_event=on_event,
                cancel=cancel,
                deadline=Deadline(30),
            ),
        )
    )
    worker.start()
    assert reached.wait(10)
    cancelled_at = time.monotonic()
    cancel.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - cancelled_at < 1.0
    result = box["result"]
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (stage, "check.cancelled")


def test_incoming_and_outgoing_run_concurrently(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    events: list[StageEvent] = []
    t0 = time.monotonic()
    result = check_account(
        taro.address,
        lab.settings("drop-imaps"),
        lab.settings("drop-submission"),
        taro.password,
        net=lab.net_config(),
        on_event=events.append,
        deadline=Deadline(2.0),
    )
    elapsed = time.monotonic() - t0
    assert elapsed < 2.0 + 0.5  # one deadline shared, not 2 x 2 s one after the other
    assert isinstance(result, AccountResult) and not result.ok
    assert result.incoming is not None and result.outgoing is not None
    assert [e.code for e in result.failures] == ["tcp.timeout", "tcp.timeout"]
    connects = [e.role for e in events if e.stage is Stage.CONNECT and e.status is StageStatus.STARTED]
    assert sorted(connects) == ["incoming", "outgoing"]


def test_a_fast_server_is_not_held_up_by_a_slow_one(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    order: list[tuple[str, Stage, StageStatus]] = []
    result = check_account(
        taro.address,
        lab.settings("imaps"),
        lab.settings("smtp-silent"),
        taro.password,
        net=lab.net_config(),
        on_event=lambda e: order.append((e.role, e.stage, e.status)),
        deadline=Deadline(2.0),
    )
    assert result.incoming is not None and result.incoming.ok
    assert result.outgoing is not None and result.outgoing.failure is not None
    assert result.outgoing.failure.code == "server.timeout"
    assert result.incoming.elapsed_ms < 1000
    incoming_done = order.index(("incoming", Stage.LOGOUT, StageStatus.PASSED))
    outgoing_failed = order.index(("outgoing", Stage.GREETING, StageStatus.FAILED))
    assert incoming_done < outgoing_failed
    data = result.to_dict()
    assert data["ok"] is False and data["incoming"]["ok"] is True


def test_cancel_a_whole_account_check(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    cancel = CancelToken()
    waiting = {
        ("incoming", Stage.CONNECT): threading.Event(),
        ("outgoing", Stage.GREETING): threading.Event(),
    }

    def on_event(event: StageEvent) -> None:
        if event.status is StageStatus.STARTED and (event.role, event.stage) in waiting:
            waiting[(event.role, event.stage)].set()

    box: dict[str, AccountResult] = {}
    worker = threading.Thread(
        target=lambda: box.setdefault(
            "r",
            check_account(
                taro.address,
                lab.settings("drop-imaps"),
                lab.settings("smtp-drip"),
                taro.password,
                net=lab.net_config(),
                on_event=on_event,
                cancel=cancel,
                deadline=Deadline(30),
            ),
        )
    )
    worker.start()
    assert all(event.wait(10) for event in waiting.values())
    t0 = time.monotonic()
    cancel.cancel()
    worker.join(5)
    assert time.monotonic() - t0 < 1.0
    assert [e.code for e in box["r"].failures] == ["check.cancelled", "check.cancelled"]


def _bind_somewhere(sock: socket.socket, port: int) -> str:
    """Bind to `port` on some free 127.x.y.z (another lab run may hold it on one address)."""
    import random

    rng = random.SystemRandom()
    for _ in range(50):
        host = f"127.{rng.randrange(16, 255)}.{rng.randrange(1, 255)}.{rng.randrange(2, 255)}"
        try:
            sock.bind((host, port))
        except OSError:
            continue
        return host
    raise RuntimeError(f"no free loopback address for port {port}")


def _serve_once(listener: socket.socket, reply: bytes | None) -> threading.Thread:
    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(100)  # our probe line, once the silence has gone on long enough
            if reply is not None:
                conn.sendall(reply)
            conn.recv(100)  # hold the connection until the client gives up

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_a_tls_alert_answering_the_probe_means_the_port_expects_tls() -> None:
    """Some TLS stacks answer a plain-text line with an alert record (content type 21, version 3.x)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        thread = _serve_once(listener, b"\x15\x03\x03\x00\x02\x02\x46")
        settings = ServerSettings(
            Protocol.SMTP, "127.0.0.1", listener.getsockname()[1], Security.STARTTLS, "u"
        )
        result = check_server(settings, "unused", address="u@example.test", deadline=Deadline(3))
        thread.join(5)
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.GREETING, "tls.expects_tls")
    assert result.failure.extra["hint"] == "alert"


def test_silence_on_an_implicit_tls_port_means_the_port_expects_tls() -> None:
    with socket.socket() as listener:
        host = _bind_somewhere(listener, 993)
        listener.listen()
        thread = _serve_once(listener, None)
        settings = ServerSettings(Protocol.IMAP, host, 993, Security.STARTTLS, "u")
        t0 = time.monotonic()
        result = check_server(settings, "unused", address="u@example.test", deadline=Deadline(3))
        assert time.monotonic() - t0 < 3.4
        listener.close()
        thread.join(5)
    assert result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.GREETING, "tls.expects_tls")
    assert result.failure.extra["hint"] == "port"
