"""A line-oriented connection that never blocks past the deadline and notices cancellation within 100 ms."""

from __future__ import annotations

import re
import select
import socket
import ssl
import time

from assistant.core.failures import FailureCode
from assistant.core.net import CancelToken, CheckFailure, Deadline, quick_ack
from assistant.core.transcript import Transcript

MAX_LINE = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # no terminal escapes from a server reach a screen


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


class Silent(Exception):
    """Nothing at all arrived before the caller's silence limit (used to spot a TLS-only port)."""


class Wire:
    """Send lines, read lines, upgrade to TLS; every wait is bounded by the one deadline of the check."""

    def __init__(
        self,
        sock: socket.socket,
        *,
        transcript: Transcript,
        deadline: Deadline,
        cancel: CancelToken | None,
    ) -> None:
        sock.setblocking(False)
        self.sock = sock
        self.transcript = transcript
        self.deadline = deadline
        self.cancel = cancel
        self.secure = isinstance(sock, ssl.SSLSocket)
        self._buffer = bytearray()
        self.closed = False

    # --- sending -------------------------------------------------------------------------------------

    def send(self, *lines: str, shown: tuple[str, ...] | None = None) -> None:
        """Send one or more lines in one write (pipelined); `shown` is what the transcript records."""
        for text in shown if shown is not None else lines:
            self.transcript.sent(text)
        self.send_raw("".join(line + "\r\n" for line in lines).encode("utf-8"))

    def send_raw(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            self._alive(FailureCode.SERVER_TIMEOUT)
            try:
                sent = self.sock.send(view)
                view = view[sent:]
            except (BlockingIOError, ssl.SSLWantWriteError):
                select.select([], [self.sock], [], self.deadline.poll())
            except ssl.SSLWantReadError:
                select.select([self.sock], [], [], self.deadline.poll())
            except OSError as exc:
                raise CheckFailure(
                    FailureCode.SERVER_CLOSED, "connection lost while sending", type(exc).__name__
                ) from None

    # --- receiving -----------------------------------------------------------------------------------

    def read_line(self, *, silence_until: float | None = None) -> str:
        """The next line without CRLF. Raises Silent if no byte came before `silence_until`."""
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                raw = bytes(self._buffer[: end + 1])
                del self._buffer[: end + 1]
                text = _CONTROL.sub(_escape, raw.decode("utf-8", "replace").rstrip("\r\n"))
                self.transcript.received(text)
                return text
            if len(self._buffer) > MAX_LINE:
                raise CheckFailure(FailureCode.PROTOCOL_ERROR, "line too long")
            self.fill(silence_until=silence_until if not self._buffer else None)

    def read_exact(self, size: int) -> bytes:
        """`size` raw bytes (an IMAP literal); not recorded line by line."""
        while len(self._buffer) < size:
            self.fill()
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def peek_raw(self) -> bytes:
        return bytes(self._buffer)

    def fill(self, *, silence_until: float | None = None) -> None:
        """Wait for more bytes: until the deadline, never longer than POLL between checks of the token."""
        while True:
            self._alive(FailureCode.SERVER_TIMEOUT)
            wait = self.deadline.poll()
            if silence_until is not None:
                left = silence_until - time.monotonic()
                if left <= 0:
                    raise Silent()
                wait = min(wait, left)
            if not (isinstance(self.sock, ssl.SSLSocket) and self.sock.pending()):
                readable, _, _ = select.select([self.sock], [], [], wait)
                if not readable:
                    continue
            try:
                data = self.sock.recv(65536)
                quick_ack(self.sock)
            except (BlockingIOError, ssl.SSLWantReadError):
                continue
            except ssl.SSLWantWriteError:
                select.select([], [self.sock], [], self.deadline.poll())
                continue
            except ssl.SSLError as exc:
                raise CheckFailure(
                    FailureCode.SERVER_CLOSED,
                    "TLS error while reading",
                    type(exc).__name__,
                    extra={"ssl_reason": str(exc.reason or "")},
                ) from None
            except OSError as exc:
                raise CheckFailure(
                    FailureCode.SERVER_CLOSED, "connection reset", type(exc).__name__
                ) from None
            if not data:
                raise CheckFailure(FailureCode.SERVER_CLOSED, "the server closed the connection")
            self._buffer.extend(data)
            return

    def _alive(self, timeout_code: FailureCode) -> None:
        if self.cancel is not None and self.cancel.cancelled:
            raise CheckFailure(FailureCode.CHECK_CANCELLED)
        if self.deadline.expired:
            detail = "no complete reply before the deadline"
            if self._buffer:
                detail += f" ({len(self._buffer)} bytes of a partial reply)"
            raise CheckFailure(timeout_code, detail)

    # --- TLS and closing -----------------------------------------------------------------------------

    def upgrade(self, tls_sock: ssl.SSLSocket) -> None:
        """Continue over TLS; anything the server sent before the handshake is dropped (RFC 3207 §4.2)."""
        self._buffer.clear()
        self.sock = tls_sock
        tls_sock.setblocking(False)
        self.secure = True

    def detach_for_tls(self) -> socket.socket:
        """The plain socket, for a TLS handshake. Refuses if the server sent bytes ahead (injection)."""
        if self._buffer:
            raise CheckFailure(FailureCode.STARTTLS_FAILED, "server sent data before the TLS handshake")
        return self.sock

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.sock.close()
        except OSError:
            pass
