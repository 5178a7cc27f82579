"""Real network delay for benchmarks: two network namespaces joined by a relay that holds every packet."""

# This kernel has no netem, so a relay process owns a TUN device in each namespace and forwards IP packets
# between them after a fixed delay (each way). Nothing touches the host's own network:
#
#     with DelayedLink(delay=0.025) as link:            # RTT about 50 ms
#         with link.in_server():                         # this thread is now in the server namespace
#             lab = Lab.start(prefix=link.server_prefix, dns_host=link.server_prefix + "53")
#         result = link.run_in_client(check_something, lab)   # runs in a thread in the client namespace
#         subprocess.run(link.client_command(["mail-assistant", "check", ...]))
#         lab.stop()
#
# Addresses (inside the namespaces only): server 10.77.0.1 on its TUN, client 10.77.0.2 on its TUN, and the
# whole block `link.server_prefix` + "0/24" (10.77.1.0/24) is local to the server namespace (routed to it
# from the client), so a Lab started inside can give each of its hosts an address there.

from __future__ import annotations

import collections
import contextlib
import fcntl
import os
import secrets
import selectors
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tests.lab.process import Daemon, wait_until

T = TypeVar("T")

_TUNSETIFF = 0x400454CA
_IFF_TUN = 0x0001
_IFF_NO_PI = 0x1000
SERVER_TUN_ADDR = "10.77.0.1"
CLIENT_TUN_ADDR = "10.77.0.2"
SERVER_PREFIX = "10.77.1."


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=10)


@contextlib.contextmanager
def netns(name: str) -> Iterator[None]:
    """Move the calling thread into network namespace `name` (sockets it opens stay there), then back."""
    here = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    there = os.open(f"/var/run/netns/{name}", os.O_RDONLY)
    try:
        os.setns(there, os.CLONE_NEWNET)
        try:
            yield
        finally:
            os.setns(here, os.CLONE_NEWNET)
    finally:
        os.close(there)
        os.close(here)


def _open_tun(name: str) -> int:
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, _TUNSETIFF, struct.pack("16sH", name.encode(), _IFF_TUN | _IFF_NO_PI))
    return fd


def relay(ns_a: str, ns_b: str, delay: float, ready_file: Path) -> None:
    """The relay process: one TUN in each namespace; every packet waits `delay` seconds, order kept."""
    fds = []
    for ns in (ns_a, ns_b):
        with netns(ns):
            fds.append(_open_tun("tun0"))
    peer = {fds[0]: fds[1], fds[1]: fds[0]}
    queue: collections.deque[tuple[float, int, bytes]] = collections.deque()
    sel = selectors.DefaultSelector()
    for fd in fds:
        sel.register(fd, selectors.EVENT_READ)
    ready_file.write_text("ready\n")
    while True:
        timeout = max(0.0, queue[0][0] - time.monotonic()) if queue else None
        for key, _ in sel.select(timeout):
            fd = int(key.fd)  # type: ignore[call-overload]
            while True:
                try:
                    packet = os.read(fd, 65536)
                except BlockingIOError:
                    break
                queue.append((time.monotonic() + delay, peer[fd], packet))
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _due, out, packet = queue.popleft()
            with contextlib.suppress(BlockingIOError, OSError):
                os.write(out, packet)


class DelayedLink:
    """A server and a client namespace with `delay` seconds added each way between them."""

    def __init__(self, delay: float = 0.025, root: Path | None = None) -> None:
        self.delay = delay
        tag = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.server_ns = f"mlab-s-{tag}"
        self.client_ns = f"mlab-c-{tag}"
        self.server_addr = SERVER_TUN_ADDR
        self.client_addr = CLIENT_TUN_ADDR
        self.server_prefix = SERVER_PREFIX
        self.root = root or Path("/tmp") / f"mail-lab-link-{tag}"
        self._relay: Daemon | None = None
        self._made: list[str] = []

    def start(self) -> DelayedLink:
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            for ns in (self.server_ns, self.client_ns):
                _ip("netns", "add", ns)
                self._made.append(ns)
                _ip("-n", ns, "link", "set", "lo", "up")
            ready = self.root / "relay.ready"
            repo = Path(__file__).resolve().parents[2]
            self._relay = Daemon.spawn(
                "latency-relay",
                [
                    sys.executable,
                    "-m",
                    "tests.lab.latency",
                    self.server_ns,
                    self.client_ns,
                    str(self.delay),
                    str(ready),
                ],
                self.root / "relay.log",
                env=dict(os.environ, PYTHONPATH=str(repo)),
            )
            wait_until(ready.exists, 10.0, "the delay relay", self._relay)
            s, c = self.server_ns, self.client_ns
            _ip("-n", s, "addr", "add", f"{self.server_addr}/30", "dev", "tun0")
            _ip("-n", c, "addr", "add", f"{self.client_addr}/30", "dev", "tun0")
            for ns in (s, c):
                _ip("-n", ns, "link", "set", "tun0", "up")
            # The server namespace owns a whole /24 (like 127/8 on loopback); the client routes it here.
            _ip("-n", s, "route", "add", "local", f"{self.server_prefix}0/24", "dev", "lo")
            _ip("-n", s, "addr", "add", f"{self.server_prefix}53/32", "dev", "lo")  # for a DNS server to bind
            _ip("-n", c, "route", "add", f"{self.server_prefix}0/24", "dev", "tun0")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._relay is not None:
            self._relay.stop()
            self._relay = None
        for ns in self._made:
            with contextlib.suppress(subprocess.CalledProcessError):
                _ip("netns", "del", ns)
        self._made = []

    def in_server(self) -> contextlib.AbstractContextManager[None]:
        return netns(self.server_ns)

    def in_client(self) -> contextlib.AbstractContextManager[None]:
        return netns(self.client_ns)

    def run_in_client(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call fn in a fresh thread that lives in the client namespace; returns its result or raises."""
        return _run_in(self.client_ns, fn, args, kwargs)

    def run_in_server(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return _run_in(self.server_ns, fn, args, kwargs)

    def client_command(self, argv: Sequence[str]) -> list[str]:
        """argv prefixed so that it runs in the client namespace (for subprocess.run)."""
        return ["ip", "netns", "exec", self.client_ns, *argv]

    def __enter__(self) -> DelayedLink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _run_in[R](ns: str, fn: Callable[..., R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> R:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            with netns(ns):
                box["result"] = fn(*args, **kwargs)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    thread = threading.Thread(target=target, name=f"netns-{ns}")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]  # type: ignore[no-any-return]


if __name__ == "__main__":
    relay(sys.argv[1], sys.argv[2], float(sys.argv[3]), Path(sys.argv[4]))
