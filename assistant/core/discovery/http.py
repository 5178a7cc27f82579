"""A small HTTP(S) GET client for config files: our resolver and TLS trust, size cap, redirect limit."""

from __future__ import annotations

import select
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from assistant.core.net import CancelToken, CheckFailure, Deadline, NetConfig, connect, resolve
from assistant.core.tls import handshake

MAX_BODY = 1_000_000
MAX_HEADER = 16_384
MAX_REDIRECTS = 3
USER_AGENT = "mail-setup-assistant"


class FetchError(Exception):
    """The document could not be fetched; `code` is short and technical ("http.status", "http.tls")."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class HttpResponse:
    url: str  # the final URL after redirects
    status: int
    body: bytes
    https: bool  # every hop was HTTPS with a verified certificate
    hops: tuple[str, ...] = ()  # URLs visited before the final one


class HttpFetcher:
    """GET over the core's resolver, sockets and TLS context (so tests can use the lab's DNS and CA).

    It takes no credentials at all: the password cannot reach a discovery endpoint through it."""

    def __init__(
        self, net: NetConfig, *, max_body: int = MAX_BODY, max_redirects: int = MAX_REDIRECTS
    ) -> None:
        self.net = net
        self.max_body = max_body
        self.max_redirects = max_redirects

    def get(self, url: str, *, deadline: Deadline, cancel: CancelToken | None = None) -> HttpResponse:
        hops: list[str] = []
        https = True
        while True:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
                raise FetchError("http.bad_url", url[:200])  # no user:password@ in a URL, ever
            if hops and urlsplit(hops[-1]).scheme == "https" and parts.scheme == "http":
                raise FetchError("http.downgrade", url[:200])  # never let a redirect drop TLS
            https = https and parts.scheme == "https"
            status, headers, body = self._once(url, deadline, cancel)
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                hops.append(url)
                url = urljoin(url, headers["location"])
                if url in hops:
                    raise FetchError("http.redirect_loop", url[:200])
                if len(hops) > self.max_redirects:
                    raise FetchError("http.too_many_redirects", url[:200])
                continue
            return HttpResponse(url, status, body, https, tuple(hops))

    def _once(
        self, url: str, deadline: Deadline, cancel: CancelToken | None
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        host = parts.hostname or ""
        secure = parts.scheme == "https"
        try:
            port = parts.port or (443 if secure else 80)
        except ValueError:
            raise FetchError("http.bad_url", url[:200]) from None
        try:
            addresses = resolve(host, self.net, deadline, cancel)
            sock, _ip = connect(addresses, port, self.net, deadline, cancel)
        except CheckFailure as exc:
            raise FetchError(_code(exc, "http.connect"), f"{host}:{port} {exc.code.value}") from None
        try:
            if secure:
                try:
                    sock = handshake(sock, host, port, net=self.net, deadline=deadline, cancel=cancel).sock
                except CheckFailure as exc:
                    raise FetchError(_code(exc, "http.tls"), f"{host}:{port} {exc.code.value}") from None
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            request = (
                f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: {USER_AGENT}\r\n"
                "Accept: application/xml, text/xml, */*;q=0.1\r\nAccept-Encoding: identity\r\n"
                "Connection: close\r\n\r\n"
            )
            _send(sock, request.encode("ascii", "strict"), deadline, cancel)
            raw = _receive(sock, MAX_HEADER + self.max_body, deadline, cancel)
        finally:
            sock.close()
        return _parse(raw, self.max_body)


def _code(exc: CheckFailure, default: str) -> str:
    value = exc.code.value
    if value == "check.cancelled":
        return "http.cancelled"
    if value.startswith("dns."):
        return "http.dns"
    if "timeout" in value:
        return "http.timeout"
    return default


def _wait(sock: socket.socket, write: bool, deadline: Deadline, cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise FetchError("http.cancelled")
    if deadline.expired:
        raise FetchError("http.timeout")
    if write:
        select.select([], [sock], [], deadline.poll())
    else:
        select.select([sock], [], [], deadline.poll())


def _send(sock: socket.socket, data: bytes, deadline: Deadline, cancel: CancelToken | None) -> None:
    view = memoryview(data)
    while view:
        try:
            sent = sock.send(view)
            view = view[sent:]
        except (ssl.SSLWantWriteError, BlockingIOError):
            _wait(sock, True, deadline, cancel)
        except ssl.SSLWantReadError:
            _wait(sock, False, deadline, cancel)
        except OSError as exc:
            raise FetchError("http.connect", type(exc).__name__) from None


def _receive(sock: socket.socket, limit: int, deadline: Deadline, cancel: CancelToken | None) -> bytes:
    """Read until the server closes, or as soon as a Content-Length body is complete."""
    chunks: list[bytes] = []
    total = 0
    expected: int | None = None
    while True:
        try:
            chunk = sock.recv(65536)
        except (ssl.SSLWantReadError, BlockingIOError):
            _wait(sock, False, deadline, cancel)
            continue
        except ssl.SSLWantWriteError:
            _wait(sock, True, deadline, cancel)
            continue
        except (ssl.SSLError, OSError) as exc:
            if total:  # servers that close without close_notify
                break
            raise FetchError("http.connect", type(exc).__name__) from None
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise FetchError("http.too_large", f"more than {limit} bytes")
        chunks.append(chunk)
        if expected is None:
            expected = _expected_size(b"".join(chunks))
        if expected is not None and total >= expected:
            break
        if cancel is not None and cancel.cancelled:
            raise FetchError("http.cancelled")
        if deadline.expired:
            raise FetchError("http.timeout")
    return b"".join(chunks)


def _expected_size(data: bytes) -> int | None:
    """Header length + Content-Length once the header is complete (None: unknown, read to the end)."""
    head, sep, _ = data.partition(b"\r\n\r\n")
    if not sep:
        return None
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"transfer-encoding":
            return None
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            length = int(value.strip())
    return None if length is None else len(head) + 4 + length


def _parse(raw: bytes, max_body: int) -> tuple[int, dict[str, str], bytes]:
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep or len(head) > MAX_HEADER:
        raise FetchError("http.bad_response", "no header end")
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/") or not status_line[1].isdigit():
        raise FetchError("http.bad_response", lines[0][:80])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    elif headers.get("content-length", "").isdigit():
        body = body[: int(headers["content-length"])]
    if len(body) > max_body:
        raise FetchError("http.too_large", f"more than {max_body} bytes")
    return int(status_line[1]), headers, body


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while data:
        size_line, sep, rest = data.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            raise FetchError("http.bad_response", "bad chunk size") from None
        if not sep or size == 0:
            break
        out += rest[:size]
        data = rest[size + 2 :]
    return bytes(out)
