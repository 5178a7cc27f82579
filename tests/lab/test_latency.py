"""The delay relay between two namespaces really delays: TCP round trips take at least twice the delay."""

from __future__ import annotations

import imaplib
import socket
import ssl
import threading
import time

from tests.lab import Lab
from tests.lab.latency import DelayedLink

DELAY = 0.025


def _echo_server(sock: socket.socket) -> None:
    conn, _ = sock.accept()
    with conn:
        while data := conn.recv(100):
            conn.sendall(data)


def _round_trips(host: str, port: int, count: int) -> tuple[float, list[float]]:
    start = time.monotonic()
    with socket.create_connection((host, port), timeout=5) as s:
        connect = time.monotonic() - start
        rtts = []
        for _ in range(count):
            t = time.monotonic()
            s.sendall(b"ping")
            assert s.recv(100) == b"ping"
            rtts.append(time.monotonic() - t)
    return connect, rtts


def test_tcp_round_trip_is_at_least_twice_the_delay() -> None:
    with DelayedLink(delay=DELAY) as link:
        listener = link.run_in_server(socket.create_server, (link.server_addr, 0))
        with listener:
            port = listener.getsockname()[1]
            server = threading.Thread(target=_echo_server, args=(listener,), daemon=True)
            server.start()
            connect, rtts = link.run_in_client(_round_trips, link.server_addr, port, 5)
            server.join(timeout=5)
    assert connect >= 2 * DELAY  # SYN out, SYN-ACK back
    assert min(rtts) >= 2 * DELAY
    assert max(rtts) < 2 * DELAY + 0.5  # delayed, not lost


def test_a_lab_inside_the_server_namespace_is_reached_with_delay() -> None:
    with DelayedLink(delay=DELAY) as link:
        with link.in_server():
            lab = Lab.start(prefix=link.server_prefix, dns_host=link.server_prefix + "53")
        try:
            ep = lab.endpoint("imaps")
            assert ep.ip.startswith(link.server_prefix)

            def login() -> float:
                ctx = ssl.create_default_context(cafile=str(lab.ca_file))
                ctx.check_hostname = False
                start = time.monotonic()
                with imaplib.IMAP4_SSL(ep.ip, ep.port, ssl_context=ctx, timeout=5) as imap:
                    imap.login(lab.accounts["taro"].username, lab.canary)
                return time.monotonic() - start

            elapsed = link.run_in_client(login)
        finally:
            lab.stop()
            lab.cleanup()
    # connect, TLS handshake, greeting, login: several round trips of 2 x DELAY each
    assert elapsed >= 4 * DELAY
