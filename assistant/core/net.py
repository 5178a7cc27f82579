"""Reaching a server: resolver settings, A/AAAA lookup, Happy-Eyeballs connect, deadlines, cancellation."""

from __future__ import annotations

import errno
import ipaddress
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import dns.exception
import dns.resolver

from assistant.core.failures import FailureCode

CONNECT_STAGGER = 0.25  # RFC 8305 "Connection Attempt Delay"
RESOLUTION_GRACE = 0.3  # after the first family answers, how long to wait for the other (RFC 8305 §3)
POLL = 0.1  # the longest we block without looking at the deadline and the cancel token


@dataclass(frozen=True)
class NetConfig:
    """Which resolver and which extra trust anchors to use; the defaults are the system's."""

    dns_server: str | None = None  # an IP address; None = the system resolver
    dns_port: int = 53
    extra_ca_file: str | None = None  # PEM file trusted in addition to the system store
    source_address: str | None = None  # bind outgoing connections to this local address


class CancelToken:
    """Set from any thread; every blocking step of a check polls it at least every POLL seconds."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds; True as soon as the token is cancelled."""
        return self._event.wait(max(0.0, timeout))


class Deadline:
    """One point in time by which the whole check must end."""

    def __init__(self, seconds: float = 15.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.start = clock()
        self.at = self.start + seconds

    def remaining(self) -> float:
        return max(0.0, self.at - self._clock())

    @property
    def expired(self) -> bool:
        return self._clock() >= self.at

    def elapsed_ms(self) -> float:
        return (self._clock() - self.start) * 1000.0

    def poll(self, limit: float = POLL) -> float:
        """How long the next blocking wait may last."""
        return max(0.0, min(limit, self.remaining()))


@dataclass(eq=False)
class CheckFailure(Exception):
    """A stage could not complete; the stage runner turns it into Evidence."""

    code: FailureCode
    text: str = ""  # redacted server text or our own short technical detail
    exception: str = ""  # type name of the underlying exception
    reply_code: int | None = None
    enhanced: str | None = None
    response_code: str | None = None
    certificate: Any = None  # CertificateInfo, typed loosely to keep this module free of TLS
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.code.value)

    def __str__(self) -> str:  # never the server text: it is shown through Evidence only
        return self.code.value


def check_alive(deadline: Deadline, cancel: CancelToken | None, timeout_code: FailureCode) -> None:
    """Raise if the user cancelled or the deadline has passed."""
    if cancel is not None and cancel.cancelled:
        raise CheckFailure(FailureCode.CHECK_CANCELLED)
    if deadline.expired:
        raise CheckFailure(timeout_code, "deadline reached")


# --- resolve -------------------------------------------------------------------------------------------

Address = tuple[socket.AddressFamily, str]


def ip_literal(host: str) -> Address | None:
    text = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    return (socket.AF_INET6 if ip.version == 6 else socket.AF_INET, str(ip))


def interleave(addresses: list[Address]) -> list[Address]:
    """RFC 8305 §4: alternate families, IPv6 first."""
    v6 = [a for a in addresses if a[0] == socket.AF_INET6]
    v4 = [a for a in addresses if a[0] == socket.AF_INET]
    out: list[Address] = []
    for i in range(max(len(v6), len(v4))):
        out.extend(x[i] for x in (v6, v4) if i < len(x))
    return out


def resolve(
    host: str, net: NetConfig, deadline: Deadline, cancel: CancelToken | None = None
) -> list[Address]:
    """A and AAAA for `host`, interleaved for connecting; raises CheckFailure with a dns.* code."""
    literal = ip_literal(host)
    if literal is not None:
        return [literal]
    check_alive(deadline, cancel, FailureCode.DNS_TIMEOUT)
    if net.dns_server:
        jobs = [_Lookup(_dns_query, host, net, rdtype, deadline) for rdtype in ("AAAA", "A")]
    else:
        jobs = [_Lookup(_system_query, host, net, "", deadline)]
    for job in jobs:
        job.thread.start()
    first_answer = 0.0
    while any(job.thread.is_alive() for job in jobs):
        if cancel is not None and cancel.cancelled:
            raise CheckFailure(FailureCode.CHECK_CANCELLED)
        if deadline.expired:
            raise CheckFailure(FailureCode.DNS_TIMEOUT, "no answer before the deadline")
        done = [job for job in jobs if not job.thread.is_alive()]
        for job in done:
            if job.failure is not None and job.failure.code is FailureCode.DNS_NXDOMAIN:
                raise job.failure  # the name does not exist, whatever the other query says
        if not first_answer and any(job.addresses for job in done):
            first_answer = time.monotonic()
        if first_answer and time.monotonic() - first_answer >= RESOLUTION_GRACE:
            break  # one family answered: a dropped query for the other must not stall the check
        for job in jobs:
            job.thread.join(deadline.poll(0.02))
    found: list[Address] = []
    failures: list[CheckFailure] = []
    for job in jobs:
        if job.thread.is_alive():
            continue
        found.extend(job.addresses)
        if job.failure is not None:
            failures.append(job.failure)
    if found:
        return interleave(list(dict.fromkeys(found)))
    for code in (FailureCode.DNS_NXDOMAIN, FailureCode.DNS_TIMEOUT, FailureCode.DNS_FAILURE):
        for failure in failures:
            if failure.code is code:
                raise failure
    raise CheckFailure(FailureCode.DNS_NO_ADDRESS, f"no A or AAAA record for {host}")


class _Lookup:
    def __init__(
        self,
        fn: Callable[[str, NetConfig, str, float], list[Address]],
        host: str,
        net: NetConfig,
        rdtype: str,
        deadline: Deadline,
    ) -> None:
        self.addresses: list[Address] = []
        self.failure: CheckFailure | None = None
        lifetime = max(0.05, deadline.remaining())

        def run() -> None:
            try:
                self.addresses = fn(host, net, rdtype, lifetime)
            except CheckFailure as exc:
                self.failure = exc

        self.thread = threading.Thread(target=run, name=f"resolve-{rdtype or 'system'}", daemon=True)


def _dns_query(host: str, net: NetConfig, rdtype: str, lifetime: float) -> list[Address]:
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [str(net.dns_server)]
    resolver.port = net.dns_port
    resolver.timeout = min(2.0, lifetime)  # per try: one lost UDP packet must not eat the whole check
    family = socket.AF_INET6 if rdtype == "AAAA" else socket.AF_INET
    try:
        answer = resolver.resolve(host, rdtype, lifetime=lifetime, search=False)
    except dns.resolver.NXDOMAIN as exc:
        raise CheckFailure(FailureCode.DNS_NXDOMAIN, f"{host}: NXDOMAIN", type(exc).__name__) from None
    except dns.resolver.NoAnswer:
        return []
    except dns.exception.Timeout as exc:
        raise CheckFailure(FailureCode.DNS_TIMEOUT, f"{rdtype} {host}: timeout", type(exc).__name__) from None
    except (dns.resolver.NoNameservers, dns.exception.DNSException) as exc:
        raise CheckFailure(FailureCode.DNS_FAILURE, f"{rdtype} {host}: failure", type(exc).__name__) from None
    return [(family, rr.address) for rr in answer]


def _system_query(host: str, net: NetConfig, rdtype: str, lifetime: float) -> list[Address]:
    # getaddrinfo, not dnspython: it honours /etc/hosts and the OS's per-interface (VPN) resolvers
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        code = {
            socket.EAI_NONAME: FailureCode.DNS_NXDOMAIN,
            getattr(socket, "EAI_NODATA", -5): FailureCode.DNS_NO_ADDRESS,
            getattr(socket, "EAI_ADDRFAMILY", -9): FailureCode.DNS_NO_ADDRESS,
            socket.EAI_AGAIN: FailureCode.DNS_FAILURE,
        }.get(exc.errno, FailureCode.DNS_FAILURE)
        raise CheckFailure(code, f"{host}: getaddrinfo error {exc.errno}", type(exc).__name__) from None
    return [
        (socket.AddressFamily(info[0]), str(info[4][0]))
        for info in infos
        if info[0] in (socket.AF_INET, socket.AF_INET6)
    ]


# --- connect -------------------------------------------------------------------------------------------

_CONNECT_CODES = {
    errno.ECONNREFUSED: FailureCode.TCP_REFUSED,
    errno.ETIMEDOUT: FailureCode.TCP_TIMEOUT,
    errno.ENETUNREACH: FailureCode.TCP_UNREACHABLE,
    errno.EHOSTUNREACH: FailureCode.TCP_UNREACHABLE,
    errno.EADDRNOTAVAIL: FailureCode.TCP_UNREACHABLE,
}


def connect(
    addresses: list[Address],
    port: int,
    net: NetConfig,
    deadline: Deadline,
    cancel: CancelToken | None = None,
) -> tuple[socket.socket, str]:
    """Happy Eyeballs (RFC 8305): stagger attempts 250 ms apart, first to connect wins, the rest close."""
    queue = list(addresses)
    pending: dict[socket.socket, str] = {}
    errors: list[int] = []
    next_start = 0.0
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                raise CheckFailure(FailureCode.CHECK_CANCELLED)
            now = time.monotonic()
            if queue and (not pending or now >= next_start):
                family, ip = queue.pop(0)
                sock = _start_connect(family, ip, port, net, errors)
                if sock is not None:
                    pending[sock] = ip
                    next_start = now + CONNECT_STAGGER
                continue
            if not pending:
                raise _connect_failure(errors, port)
            if deadline.expired:
                raise CheckFailure(FailureCode.TCP_TIMEOUT, f"no answer from port {port} before the deadline")
            wait = deadline.poll()
            if queue:
                wait = min(wait, max(0.0, next_start - now))
            socks = list(pending)
            _, writable, broken = select.select([], socks, socks, wait)
            for sock in set(writable) | set(broken):
                err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err == 0:
                    ip = pending.pop(sock)
                    sock.setblocking(False)
                    # small commands go out at once: Nagle plus delayed ACKs would add up to a round trip
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    quick_ack(sock)
                    return sock, ip
                errors.append(err)
                pending.pop(sock)
                sock.close()
                next_start = 0.0  # a failed attempt starts the next one at once
    finally:
        for sock in pending:
            sock.close()


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)


def quick_ack(sock: socket.socket) -> None:
    """Acknowledge at once (Linux). Servers that write a reply in pieces with Nagle on (Postfix after a TLS
    handshake: tickets, then the reply) would otherwise wait for our delayed ACK: ~40 ms plus a round trip."""
    if _QUICKACK is not None:
        try:
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        except OSError:
            pass


def _start_connect(
    family: socket.AddressFamily, ip: str, port: int, net: NetConfig, errors: list[int]
) -> socket.socket | None:
    if net.source_address:
        source = ip_literal(net.source_address)
        if source is not None and source[0] != family:
            errors.append(errno.EADDRNOTAVAIL)
            return None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        if net.source_address:
            sock.bind((net.source_address, 0))
        err = sock.connect_ex((ip, port))
    except OSError as exc:
        sock.close()
        errors.append(exc.errno or errno.EADDRNOTAVAIL)
        return None
    if err in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, getattr(errno, "WSAEWOULDBLOCK", -1)):
        return sock
    sock.close()
    errors.append(err)
    return None


def _connect_failure(errors: list[int], port: int) -> CheckFailure:
    codes = [_CONNECT_CODES.get(e, FailureCode.TCP_UNREACHABLE) for e in errors]
    for code in (FailureCode.TCP_REFUSED, FailureCode.TCP_TIMEOUT, FailureCode.TCP_UNREACHABLE):
        if code in codes:
            err = errors[codes.index(code)]
            return CheckFailure(code, f"port {port}: {errno.errorcode.get(err, err)}", "OSError")
    return CheckFailure(FailureCode.TCP_UNREACHABLE, f"port {port}: no usable address")
