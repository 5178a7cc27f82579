"""Reading a server certificate (DER) into CertificateInfo, even when it failed verification."""

from __future__ import annotations

import hashlib
import ipaddress
from datetime import UTC, datetime

from assistant.core.model import CertificateInfo

_NAMES = {
    "2.5.4.3": "CN",
    "2.5.4.6": "C",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "1.2.840.113549.1.9.1": "emailAddress",
}
_SAN_OID = "2.5.29.17"


class _Der:
    """Just enough of DER to walk an X.509 certificate."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def items(self, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """(tag, content start, content end) of each element between start and end."""
        end = len(self.data) if end is None else end
        out = []
        pos = start
        while pos < end:
            tag = self.data[pos]
            length = self.data[pos + 1]
            pos += 2
            if length & 0x80:
                n = length & 0x7F
                length = int.from_bytes(self.data[pos : pos + n], "big")
                pos += n
            out.append((tag, pos, pos + length))
            pos += length
        return out

    def children(self, item: tuple[int, int, int]) -> list[tuple[int, int, int]]:
        return self.items(item[1], item[2])

    def raw(self, item: tuple[int, int, int]) -> bytes:
        return self.data[item[1] : item[2]]


def _oid(raw: bytes) -> str:
    first = raw[0]
    parts = [first // 40, first % 40] if first < 80 else [2, first - 80]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(map(str, parts))


def _text(tag: int, raw: bytes) -> str:
    if tag == 0x1E:  # BMPString
        return raw.decode("utf-16-be", "replace")
    return raw.decode("utf-8" if tag == 0x0C else "latin-1", "replace")


def _name(der: _Der, item: tuple[int, int, int]) -> str:
    parts = []
    for rdn in der.children(item):
        for atv in der.children(rdn):
            kids = der.children(atv)
            if len(kids) == 2:
                oid = _oid(der.raw(kids[0]))
                parts.append(f"{_NAMES.get(oid, oid)}={_text(kids[1][0], der.raw(kids[1]))}")
    return ", ".join(parts)


def _time(tag: int, raw: bytes) -> str:
    text = raw.decode("ascii", "replace").rstrip("Z")
    fmt = "%y%m%d%H%M%S" if tag == 0x17 else "%Y%m%d%H%M%S"
    try:
        return datetime.strptime(text, fmt).replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
    except ValueError:
        return text


def _sans(der: _Der, extensions: tuple[int, int, int]) -> tuple[str, ...]:
    out: list[str] = []
    for wrapper in der.children(extensions):
        for ext in der.children(wrapper):
            kids = der.children(ext)
            if not kids or _oid(der.raw(kids[0])) != _SAN_OID:
                continue
            for tag, start, end in der.items(kids[-1][1], kids[-1][2]):
                for gtag, gstart, gend in der.items(start, end) if tag == 0x30 else []:
                    value = der.data[gstart:gend]
                    if gtag == 0x82:
                        out.append("DNS:" + value.decode("ascii", "replace"))
                    elif gtag == 0x87 and len(value) in (4, 16):
                        out.append("IP:" + str(ipaddress.ip_address(value)))
    return tuple(out)


def fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def certificate_info(
    der: bytes,
    *,
    verified: bool,
    verify_error: str = "",
    tls_version: str = "",
    cipher: str = "",
    pinned: bool = False,
) -> CertificateInfo:
    """Subject, issuer, SANs and validity of a DER certificate; fields stay empty if it is malformed."""
    subject = issuer = not_before = not_after = ""
    sans: tuple[str, ...] = ()
    try:
        d = _Der(der)
        tbs = d.children(d.items()[0])[0]
        fields = d.children(tbs)
        if fields and fields[0][0] == 0xA0:  # explicit version
            fields = fields[1:]
        issuer = _name(d, fields[2])
        validity = d.children(fields[3])
        not_before = _time(validity[0][0], d.raw(validity[0]))
        not_after = _time(validity[1][0], d.raw(validity[1]))
        subject = _name(d, fields[4])
        for item in fields[5:]:
            if item[0] == 0xA3:
                sans = _sans(d, item)
    except (IndexError, ValueError):
        pass
    return CertificateInfo(
        subject=subject,
        issuer=issuer,
        sans=sans,
        not_before=not_before,
        not_after=not_after,
        sha256=fingerprint(der),
        verified=verified,
        verify_error=verify_error,
        tls_version=tls_version,
        cipher=cipher,
        pinned=pinned,
    )
