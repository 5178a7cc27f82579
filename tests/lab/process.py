"""Lab daemons as child processes: start in their own process group, wait until ready, stop by PID."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # The daemon gets SIGTERM if the test process dies (even by SIGKILL): no servers left behind.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


# The watchdog: a tiny process that learns each tied daemon's process group on its stdin and, when
# that pipe closes (this process ended, even by SIGKILL), stops every group still listed. Needed because
# Dovecot's and Postfix's masters change credentials at start, which clears PR_SET_PDEATHSIG.
_WATCHDOG = """
import os, signal, sys, time
groups = set()
for line in sys.stdin:
    (groups.add if line[0] == "+" else groups.discard)(int(line[1:]))
def signal_all(sig):
    for g in list(groups):
        try:
            os.killpg(g, sig)
        except OSError:
            groups.discard(g)
signal_all(signal.SIGTERM)
deadline = time.monotonic() + 3
while groups and time.monotonic() < deadline:
    time.sleep(0.05)
    signal_all(0)
signal_all(signal.SIGKILL)
"""


class _Watchdog:
    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def _send(self, line: str) -> None:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", _WATCHDOG],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # Ctrl-C of the test run does not reach it
                )
            assert self._proc.stdin is not None
            try:
                self._proc.stdin.write(line.encode() + b"\n")
                self._proc.stdin.flush()
            except BrokenPipeError:
                self._proc = None

    def watch(self, pgid: int) -> None:
        self._send(f"+{pgid}")

    def forget(self, pgid: int) -> None:
        if self._proc is not None:
            self._send(f"-{pgid}")


_watchdog = _Watchdog()


class Daemon:
    """One server process (in the foreground, its own session) with its output in a log file."""

    def __init__(self, name: str, pid: int, log_file: Path, popen: subprocess.Popen[bytes] | None = None):
        self.name = name
        self.pid = pid
        self.log_file = log_file
        self._popen = popen

    @classmethod
    def spawn(
        cls,
        name: str,
        argv: Sequence[str],
        log_file: Path,
        *,
        tied: bool = True,
        env: dict[str, str] | None = None,
    ) -> Daemon:
        """Start `argv`; `tied` makes it die with this process (off for the hand-started lab)."""
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("ab") as out:
            popen = subprocess.Popen(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                env=env,
                preexec_fn=_die_with_parent if tied else None,
            )
        if tied:
            _watchdog.watch(popen.pid)
        return cls(name, popen.pid, log_file, popen)

    def alive(self) -> bool:
        if self._popen is not None:
            return self._popen.poll() is None
        return pid_alive(self.pid)

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM the process group, then SIGKILL what is left after `timeout`; reap our child."""
        stop_group(self.pid, timeout)
        _watchdog.forget(self.pid)
        if self._popen is not None:
            try:
                self._popen.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                self._popen.kill()
                self._popen.wait(timeout=1.0)


def pid_alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(entry))
    return members


def stop_group(pgid: int, timeout: float = 5.0) -> None:
    """Stop the process group led by `pgid` (one we started with start_new_session).

    SIGTERM goes to the whole group at once (a master that signals its own children first waits
    for them for a second or more); SIGKILL to whatever is left after `timeout`.
    """
    _killpg(pgid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pgid) and not _group_members(pgid):
            return
        time.sleep(0.02)
    _killpg(pgid, signal.SIGKILL)


def _killpg(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def wait_until(check: Callable[[], bool], timeout: float, what: str, daemon: Daemon | None = None) -> None:
    """Poll `check` until true; raise with the daemon's log tail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        if daemon is not None and not daemon.alive():
            raise RuntimeError(f"{daemon.name} exited while waiting for {what}:\n{daemon.log_tail()}")
        if time.monotonic() > deadline:
            tail = daemon.log_tail() if daemon else ""
            raise RuntimeError(f"timed out waiting for {what}\n{tail}")
        time.sleep(0.02)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    """True when a TCP connection to host:port is accepted."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        try:
            s.connect((host, port))
        except OSError:
            return False
        return True


def free_port(host: str = "127.0.0.1", udp_too: bool = False) -> int:
    """A port the kernel says is free on `host` now (TCP, and UDP when asked)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for _ in range(50):
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.bind((host, 0))
            port = int(s.getsockname()[1])
        if not udp_too:
            return port
        with socket.socket(family, socket.SOCK_DGRAM) as u:
            try:
                u.bind((host, port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port on {host}")
