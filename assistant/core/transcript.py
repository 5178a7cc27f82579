"""What was said on the wire, with timestamps, and with secrets redacted where they enter."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass

REDACTED = "<redacted>"

CLIENT, SERVER, NOTE = "C", "S", "*"


@dataclass(frozen=True)
class TranscriptLine:
    ms: float  # monotonic milliseconds since the check started
    direction: str  # "C" we sent, "S" the server sent, "*" our own note (connect, TLS)
    text: str


def secret_forms(secret: str) -> list[str]:
    """The ways a password can show up on the wire: as typed, IMAP-quoted, and base64 at any alignment."""
    if not secret:
        return []
    forms = {secret, secret.replace("\\", "\\\\").replace('"', '\\"')}
    raw = secret.encode("utf-8")
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + raw).decode("ascii")
        skip = (offset * 8 + 5) // 6  # characters that also carry bits of the bytes before
        end = ((offset + len(raw)) * 8) // 6  # characters that carry only the secret's own bits
        fragment = encoded[skip:end]
        if len(fragment) >= 4:
            forms.add(fragment)
    return sorted(forms, key=len, reverse=True)


class Transcript:
    """Lines in order; every line passes through redact() before it is stored."""

    def __init__(self, *, start: float | None = None, secrets: Iterable[str] = ()) -> None:
        self._start = time.monotonic() if start is None else start
        self._lock = threading.Lock()
        self._lines: list[TranscriptLine] = []
        self._forms: list[str] = []
        for secret in secrets:
            self.add_secret(secret)

    def add_secret(self, secret: str) -> None:
        with self._lock:
            self._forms = sorted(set(self._forms) | set(secret_forms(secret)), key=len, reverse=True)

    def redact(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return text

    def _add(self, direction: str, text: str) -> None:
        line = TranscriptLine(
            round((time.monotonic() - self._start) * 1000.0, 1), direction, self.redact(text)
        )
        with self._lock:
            self._lines.append(line)

    def sent(self, text: str) -> None:
        """A command we sent. Callers pass the already-masked form for AUTH/LOGIN/PASS lines."""
        self._add(CLIENT, text)

    def received(self, text: str) -> None:
        self._add(SERVER, text)

    def note(self, text: str) -> None:
        self._add(NOTE, text)

    @property
    def lines(self) -> list[TranscriptLine]:
        with self._lock:
            return list(self._lines)

    def to_list(self) -> list[dict[str, object]]:
        return [asdict(line) for line in self.lines]

    def render(self) -> str:
        return "\n".join(f"{line.ms:9.1f} {line.direction}: {line.text}" for line in self.lines)
