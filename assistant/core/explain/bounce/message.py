"""Reading a bounce: bytes to a message, text decoded (ISO-2022-JP, Shift_JIS...), junk refused early."""

from __future__ import annotations

import email.errors
import email.header
import re

from assistant.core.explain.bounce.mime import Part, header_text

# Charset labels as mail in Japan writes them, mapped to Python codecs that are supersets of what is meant.
_CODECS = {
    "iso-2022-jp": "iso2022_jp_2", "iso2022-jp": "iso2022_jp_2", "iso-2022-jp-2": "iso2022_jp_2",
    "iso-2022-jp-3": "iso2022_jp_3", "iso-2022-jp-ms": "iso2022_jp_2", "csiso2022jp": "iso2022_jp_2",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "cp932": "cp932", "x-ms-cp932": "cp932", "euc-jp": "euc_jis_2004",
    "x-euc-jp": "euc_jis_2004", "us-ascii": "utf-8", "ascii": "utf-8", "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "unknown-8bit": "utf-8", "x-unknown": "utf-8",
    # labels whose senders write their supersets (Windows code pages): decode with the superset
    "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030", "euc-kr": "cp949", "ks_c_5601": "cp949",
    "ksc5601": "cp949", "big5": "cp950", "x-x-big5": "cp950",
}  # fmt: skip


class BounceInputError(ValueError):
    """The input cannot be read as mail at all; `code` is a message id ("bounce.input.empty", ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_NOT_CONTROL = bytes(
    b
    for b in range(256)
    if b not in set(range(0, 9)) | {11, 12} | set(range(14, 27)) | set(range(28, 32)) | {127}
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:", re.MULTILINE)


def check_input(data: bytes) -> None:
    """Refuse what is plainly not text: nothing at all, or binary data."""
    if not data or not data.strip():
        raise BounceInputError("bounce.input.empty")
    head = data[:8192]
    if b"\x00" in head or len(head.translate(None, _NOT_CONTROL)) > max(8, len(head) // 50):
        raise BounceInputError("bounce.input.binary")


def has_headers(data: bytes) -> bool:
    """True when the data starts like an e-mail (a header block), not like text pasted from a mail client."""
    start = data.lstrip()[:2048]
    first = start.split(b"\n", 1)[0]
    return bool(_HEADER_LINE.match(first)) or start.startswith(b"From ")


def parse(data: bytes) -> Part:
    return Part(data)


def codec(charset: str | None) -> str:
    label = (charset or "").strip().strip('"').lower()
    return _CODECS.get(label, label or "utf-8")


def decode_bytes(raw: bytes, charset: str | None = None) -> str:
    """Text from bytes in a declared or guessed charset; never raises."""
    if b"\x1b$" in raw or b"\x1b(" in raw:  # ISO-2022-JP escapes, whatever the label says
        charset = "iso-2022-jp"
    for name in (codec(charset), "utf-8", "cp932", "euc_jis_2004"):
        try:
            return raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def header(msg: Part, name: str) -> str:
    """A header decoded from RFC 2047 words (=?ISO-2022-JP?B?...?=) into plain text; '' when absent."""
    value = msg.get(name)
    if value is None:
        return ""
    text = header_text(value)
    if "=?" not in text:
        return " ".join(text.split())
    try:
        parts = email.header.decode_header(text)
    except (ValueError, LookupError, AssertionError, email.errors.HeaderParseError):
        return " ".join(text.split())
    out: list[str] = []
    for chunk, charset in parts:
        out.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    return " ".join("".join(out).split())


def part_text(part: Part) -> str:
    """The decoded text of one leaf part (quoted-printable/base64 undone, charset applied)."""
    return decode_bytes(part.decoded(), part.get_content_charset())


_TAG = re.compile(r"<(?:br|p|div|tr|li)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"(?is)<(script|style)\b.*?</\1>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": " ", "&quot;": '"', "&#39;": "'"}


def html_text(html: str) -> str:
    """Rough text of an HTML part, for bounces that come only as HTML."""
    text = _ANY_TAG.sub("", _TAG.sub("\n", _SCRIPT.sub("", html)))
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def body_texts(msg: Part) -> tuple[list[str], list[Part], list[Part]]:
    """(human-readable texts, machine-readable report parts, attached messages) of a message, in order.

    Report parts are message/delivery-status and message/feedback-report; attached messages are the
    message/rfc822 parts (the returned original, or a forwarded bounce), their `.message` parsed on demand.
    """
    texts: list[str] = []
    html: list[str] = []
    reports: list[Part] = []
    attached: list[Part] = []
    stack: list[Part] = [msg]
    seen = 0
    while stack and seen < 4 * 120:
        part = stack.pop(0)
        seen += 1
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status", "message/feedback-report"):
            reports.append(part)
            continue
        if ctype in ("message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"):
            attached.append(part)  # read (part.message) only when someone needs it
            continue
        if ctype.startswith("multipart/"):
            stack[0:0] = part.parts
            continue
        disposition = (part.get("content-disposition") or "").lower()
        if part is not msg and disposition.startswith("attachment"):
            continue
        if ctype == "text/plain" or (part is msg and ctype.startswith("text/") and ctype != "text/html"):
            texts.append(part_text(part))
        elif ctype == "text/html":
            html.append(part_text(part))
    if not texts and html:
        texts = [html_text(h) for h in html]
    return texts, reports, attached


def report_fields(part: Part) -> list[dict[str, str]]:
    """The field blocks of a message/delivery-status or message/feedback-report part (lower-case names)."""
    return parse_fields(decode_bytes(part.decoded()))


def parse_fields(text: str) -> list[dict[str, str]]:
    """RFC 822-style field blocks separated by blank lines (continuation lines joined)."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if not line.strip():
            if current:
                blocks.append(current)
                current, last = {}, ""
            continue
        if line[0] in " \t" and last:
            current[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if sep and name.strip() and " " not in name.strip():
            last = name.strip().lower()
            current[last] = value.strip()
    if current:
        blocks.append(current)
    return blocks
