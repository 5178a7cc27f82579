"""A real HTTPS + HTTP server on its own loopback address (ports 443 and 80) serving autoconfig files,
an ISPDB, and hostile answers, chosen by Host header and path."""

from __future__ import annotations

import random
import socket
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    location: str = ""  # for redirects
    hold: threading.Event | None = None  # answer only once this is set (a slow source)
    stream_bytes: int = 0  # send this many junk bytes after the body (a huge reply)


class WebServer:
    """Routes are (scheme, host, path) -> Reply; unknown routes are 404. Every request is logged."""

    def __init__(self, cert_file: Path, key_file: Path, ip: str | None = None) -> None:
        self.routes: dict[tuple[str, str, str], Reply] = {}
        self.requests: list[tuple[str, str, str, dict[str, str]]] = []
        self.ip = ip or _free_ip()
        self._servers: list[ThreadingHTTPServer] = []
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(str(cert_file), str(key_file))
        for scheme, port in (("https", 443), ("http", 80)):
            server = _Server((self.ip, port), _handler(self, scheme), ctx if scheme == "https" else None)
            self._servers.append(server)
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def route(self, url: str, reply: Reply) -> None:
        scheme, _, rest = url.partition("://")
        host, _, path = rest.partition("/")
        self.routes[(scheme, host, "/" + path)] = reply

    def stop(self) -> None:
        for r in self.routes.values():
            if r.hold is not None:
                r.hold.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()


class _Server(ThreadingHTTPServer):
    """TLS is negotiated in the request's own thread, so a client that stalls its handshake (or gives up
    on it) never blocks the accept loop."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 tls: ssl.SSLContext | None) -> None:
        super().__init__(address, handler)
        self.tls = tls

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        request.settimeout(10)
        if self.tls is not None:
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (OSError, ssl.SSLError):
                request.close()
                return
        super().process_request_thread(request, client_address)


def _free_ip() -> str:
    rng = random.SystemRandom()
    for _ in range(100):
        ip = f"127.{rng.randrange(16, 255)}.{rng.randrange(1, 255)}.{rng.randrange(2, 250)}"
        try:
            for port in (443, 80):
                with socket.socket() as s:
                    s.bind((ip, port))
        except OSError:
            continue
        return ip
    raise RuntimeError("no free loopback address with ports 80 and 443")


def _handler(web: WebServer, scheme: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
            return

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").split(":")[0]
            path = self.path.split("?")[0]
            web.requests.append((scheme, host, self.path, dict(self.headers.items())))
            reply = web.routes.get((scheme, host, path))
            if reply is None:
                reply = Reply(404, b"not here")
            if reply.hold is not None:
                reply.hold.wait(30)
            try:
                self.send_response(reply.status)
                if reply.location:
                    self.send_header("Location", reply.location)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(reply.body) + reply.stream_bytes))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(reply.body)
                junk = b"<!-- " + b"x" * 65536 + b" -->"
                sent = 0
                while sent < reply.stream_bytes:
                    self.wfile.write(junk)
                    sent += len(junk)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
                pass  # the client gave up on purpose (size cap)
            self.close_connection = True

    return Handler
