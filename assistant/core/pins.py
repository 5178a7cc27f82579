"""Certificate pins: SHA-256 fingerprints the user accepted explicitly, per (host, port)."""

from __future__ import annotations

import re
from collections.abc import Mapping

Pins = Mapping[tuple[str, int], str]
"""(host, port) -> SHA-256 of the DER certificate, hex (colons and case are ignored)."""

_HEX = re.compile(r"^[0-9a-f]{64}$")


def normalize_fingerprint(text: str) -> str:
    """'AB:CD:...' or 'abcd...' -> 'abcd...'; ValueError if it is not a SHA-256 fingerprint."""
    value = re.sub(r"[\s:]", "", text).lower()
    if not _HEX.match(value):
        raise ValueError("not a SHA-256 fingerprint")
    return value


def pin_for(pins: Pins | None, host: str, port: int) -> str | None:
    if not pins:
        return None
    for (pin_host, pin_port), value in pins.items():
        if pin_port == port and pin_host.rstrip(".").lower() == host.rstrip(".").lower():
            return normalize_fingerprint(value)
    return None
