"""A small MIME reader for bounces: headers, the part tree, decoded bodies; far cheaper than the stdlib."""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from functools import cached_property

_PARAM = re.compile(r';\s*([\w*.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)')
MAX_DEPTH = 8
MAX_PARTS = 120


class Part:
    """One MIME entity: its headers (names lower-cased, values unfolded) and its body."""

    __slots__ = ("__dict__", "body", "depth", "headers")

    def __init__(self, data: bytes, depth: int = 0) -> None:
        self.depth = depth
        self.headers, self.body = _split_head(data)

    # ---- headers ----------------------------------------------------------------------------------

    def get(self, name: str, default: str | None = None) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else default

    def get_all(self, name: str) -> list[str]:
        return list(self.headers.get(name.lower(), ()))

    def keys(self) -> list[str]:
        return list(self.headers)

    @cached_property
    def _content_type(self) -> tuple[str, dict[str, str]]:
        raw = self.get("content-type") or ""
        main, _, rest = raw.partition(";")
        ctype = main.strip().lower()
        if "/" not in ctype:
            ctype = "text/plain"
        params = {}
        for name, value in _PARAM.findall(";" + rest) if "=" in rest else ():
            if value.startswith('"'):
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            params[name.lower().rstrip("*")] = value
        return ctype, params

    def get_content_type(self) -> str:
        return self._content_type[0]

    def param(self, name: str) -> str:
        return self._content_type[1].get(name, "")

    def get_content_charset(self) -> str | None:
        return self.param("charset").lower() or None

    # ---- body -------------------------------------------------------------------------------------

    def is_multipart(self) -> bool:
        return self.get_content_type().startswith("multipart/") and bool(self.param("boundary"))

    @cached_property
    def parts(self) -> list[Part]:
        """The children of a multipart (empty for leaves, and beyond MAX_DEPTH)."""
        if not self.is_multipart() or self.depth >= MAX_DEPTH:
            return []
        return [Part(chunk, self.depth + 1) for chunk in _split_multipart(self.body, self.param("boundary"))]

    @cached_property
    def message(self) -> Part | None:
        """The enclosed message of a message/rfc822 (or message/global) part."""
        if self.depth >= MAX_DEPTH:
            return None
        return Part(self.decoded(), self.depth + 1)

    def decoded(self) -> bytes:
        """The body with its transfer encoding (base64, quoted-printable) undone; never raises."""
        cte = (self.get("content-transfer-encoding") or "").strip().lower()
        body = self.body
        try:
            if cte == "base64":
                return base64.b64decode(b"".join(body.split()) + b"==", validate=False)
            if cte == "quoted-printable":
                return quopri.decodestring(body)
        except (ValueError, binascii.Error):
            return body
        return body


def _split_head(data: bytes) -> tuple[dict[str, list[str]], bytes]:
    if data.startswith((b"\r\n", b"\n")):  # no headers at all
        return {}, data.lstrip(b"\r\n")
    head, body = _head_and_body(data)
    headers: dict[str, list[str]] = {}
    name = ""
    values: list[str] = []
    # split at LF only: str.splitlines() would also break at \x85 and \x1c-\x1e, bytes of raw UTF-8 text
    for line in head.decode("latin-1").split("\n"):
        line = line.removesuffix("\r")
        if name and line[:1] in (" ", "\t"):
            values[-1] = values[-1] + " " + line.strip()
            continue
        key, sep, value = line.partition(":")
        if not sep or not key:
            name = ""
            continue
        name = key.strip()
        if " " in name or key.startswith("From "):
            name = ""
            continue
        name = name.lower()
        values = headers.get(name) or headers.setdefault(name, [])
        values.append(value.strip())
    return headers, body


def _head_and_body(data: bytes) -> tuple[bytes, bytes]:
    """Split at the first blank line (LF or CRLF line ends, even mixed)."""
    lf, crlf = data.find(b"\n\n"), data.find(b"\n\r\n")
    if lf < 0 and crlf < 0:
        return data, b""
    at, end = (lf, lf + 2) if crlf < 0 or 0 <= lf < crlf else (crlf, crlf + 3)
    start = at - 1 if at > 0 and data[at - 1] == 13 else at  # 13: the CR of a CRLF
    return data[:start], data[end:]


def _split_multipart(body: bytes, boundary: str) -> list[bytes]:
    marker = b"--" + boundary.encode("latin-1", "replace")
    raw = body.split(marker)
    # keep only splits at a line start followed by "--", blanks or a line end (not a longer boundary)
    pieces: list[bytes] = [raw[0]]
    for piece in raw[1:]:
        at_line_start = pieces[-1].endswith(b"\n") or (len(pieces) == 1 and pieces[0] == b"")
        if at_line_start and piece[:1] in (b"-", b"\r", b"\n", b" ", b"\t", b""):
            pieces.append(piece)
        else:
            pieces[-1] += marker + piece
    out: list[bytes] = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):  # the closing delimiter: the rest is epilogue
            break
        # the delimiter line ends at the first line break; the part starts after it
        nl = piece.find(b"\n")
        if nl < 0:
            continue
        chunk = piece[nl + 1 :]
        if chunk.endswith(b"\r\n"):
            chunk = chunk[:-2]
        elif chunk.endswith(b"\n"):
            chunk = chunk[:-1]
        out.append(chunk)
        if len(out) >= MAX_PARTS:
            break
    return out


def header_text(value: str) -> str:
    """Header bytes were read as Latin-1; raw 8-bit headers (UTF-8, Shift_JIS) are re-read properly."""
    if value.isascii():
        return value
    from assistant.core.explain.bounce.message import decode_bytes

    return decode_bytes(value.encode("latin-1", "replace"))
