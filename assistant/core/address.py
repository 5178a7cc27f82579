"""E-mail addresses as users type them: normalised (full-width, IDNA, junk) or refused with a code."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import idna


class InvalidAddress(ValueError):
    """The text is not a usable address; `code` names why (the catalog words it for the user)."""

    def __init__(self, code: str, text: str = "") -> None:
        super().__init__(code)
        self.code = code  # e.g. "address.no_at"
        self.text = text


@dataclass(frozen=True)
class EmailAddress:
    local: str  # as typed (after width normalisation); may be non-ASCII (SMTPUTF8)
    domain: str  # ASCII (A-labels), lower case, no trailing dot
    domain_unicode: str  # the same domain for display (U-labels)

    @property
    def ascii(self) -> str:
        return f"{self.local}@{self.domain}"

    @property
    def display(self) -> str:
        return f"{self.local}@{self.domain_unicode}"

    @property
    def needs_smtputf8(self) -> bool:
        return not self.local.isascii()

    def __str__(self) -> str:
        return self.ascii


_SPACES = re.compile(r"\s")
_LOCAL_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>()\[\]\\,;:"]')
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def parse_address(text: str) -> EmailAddress:
    """Normalise what a user typed or pasted into an address, or raise InvalidAddress."""
    raw = unicodedata.normalize("NFKC", text or "").strip()  # full-width ＠ and letters become ASCII
    if raw.lower().startswith("mailto:"):
        raw = raw[7:].strip()
    if "<" in raw and raw.endswith(">"):  # "山田 太郎 <taro@example.jp>"
        raw = raw[raw.rindex("<") + 1 : -1].strip()
    if not raw:
        raise InvalidAddress("address.empty")
    if _SPACES.search(raw):
        raise InvalidAddress("address.space", raw)
    count = raw.count("@")
    if count == 0:
        raise InvalidAddress("address.no_at", raw)
    if count > 1:
        raise InvalidAddress("address.multiple_at", raw)
    local, domain = raw.split("@")
    if not local:
        raise InvalidAddress("address.empty_local", raw)
    if len(local.encode()) > 64:
        raise InvalidAddress("address.too_long", raw)
    if _LOCAL_FORBIDDEN.search(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        raise InvalidAddress("address.bad_local", raw)
    ascii_domain, unicode_domain = normalize_domain(domain)
    return EmailAddress(local=local, domain=ascii_domain, domain_unicode=unicode_domain)


def normalize_domain(domain: str) -> tuple[str, str]:
    """Return (A-label form, U-label form) of a domain, or raise InvalidAddress."""
    d = unicodedata.normalize("NFKC", domain).strip().rstrip(".").lower()
    d = d.replace("。", ".").replace("｡", ".")  # ideographic full stops typed with an IME
    if not d:
        raise InvalidAddress("address.empty_domain", domain)
    if d.startswith("[") or d.replace(".", "").isdigit():
        raise InvalidAddress("address.ip_literal", domain)
    try:
        ascii_domain = idna.encode(d, uts46=True).decode("ascii")
        unicode_domain = idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidAddress("address.bad_domain", domain) from exc
    labels = ascii_domain.split(".")
    if len(labels) < 2:
        raise InvalidAddress("address.domain_no_dot", domain)
    if len(ascii_domain) > 253 or not all(_LABEL.match(label) for label in labels):
        raise InvalidAddress("address.bad_domain", domain)
    if labels[-1].isdigit():
        raise InvalidAddress("address.bad_domain", domain)
    return ascii_domain, unicode_domain
