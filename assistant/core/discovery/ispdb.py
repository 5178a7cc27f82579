"""The ISPDB / autoconfig clientConfig v1.1 format: hostile-input-safe parsing into server templates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # types only: parsing goes through defusedxml
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from assistant.core.address import EmailAddress
from assistant.core.discovery.model import ProviderNote
from assistant.core.model import Auth, Protocol, Security

MAX_CONFIG_BYTES = 1_000_000  # the largest ISPDB file is ~10 kB; anything near 1 MB is not a config
MAX_SERVERS = 20  # per direction; more is not a mail provider's config

PLACEHOLDERS = ("%EMAILADDRESS%", "%EMAILLOCALPART%", "%EMAILDOMAIN%", "%MXHOST%")  # the last: ours only
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})+$")
_SOCKET_TYPES = {
    "ssl": Security.SSL,
    "tls": Security.SSL,
    "starttls": Security.STARTTLS,
    "plain": Security.NONE,
}
_PASSWORD_AUTHS = {"password-cleartext", "password-encrypted", "plain", "secure"}
_PROTOCOLS = {"imap": Protocol.IMAP, "pop3": Protocol.POP3, "smtp": Protocol.SMTP}


class ConfigError(ValueError):
    """The document is not a usable config; `code` says why (e.g. "xml.too_large")."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class ServerTemplate:
    """One <incomingServer>/<outgoingServer>, placeholders not yet filled in."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    username: str | None  # None: the source does not say
    auths: tuple[str, ...] = ("password-cleartext",)

    @property
    def auth(self) -> Auth:
        if any(a in _PASSWORD_AUTHS for a in self.auths):
            return Auth.PASSWORD
        return Auth.OAUTH2

    @property
    def oauth_available(self) -> bool:
        return "oauth2" in self.auths

    def host_for(self, address: EmailAddress, mx_host: str = "") -> str | None:
        """The host name with placeholders filled in, or None when the result is not a host name."""
        host = fill(self.host, address).replace("%MXHOST%", mx_host).lower().rstrip(".")
        return host if _HOST.match(host) else None

    def username_for(self, address: EmailAddress) -> str | None:
        if self.username is None:
            return None
        name = fill(self.username, address)
        if "%" in name or not name or len(name) > 256 or any(ord(c) < 32 for c in name):
            return None  # a broken placeholder ("%EMAILADDRESS") or junk: fall back to the usual forms
        return name


@dataclass(frozen=True)
class ProviderConfig:
    """A provider's settings as one source published them."""

    id: str
    name: str
    domains: tuple[str, ...]
    incoming: tuple[ServerTemplate, ...]
    outgoing: tuple[ServerTemplate, ...]
    docs: tuple[str, ...] = ()
    notes: tuple[ProviderNote, ...] = ()
    unverified: bool = False  # the facts are marked unverified: every candidate needs confirmation
    secondary: bool = False  # from secondary sources restating the provider's manual
    mx_only: bool = False  # a hosting company: match only through the MX of the address's domain
    also_try: tuple[str, ...] = ()  # further user-name templates worth a login attempt
    dropped: tuple[str, ...] = field(default=(), compare=False)  # why server sections were left out


def fill(template: str, address: EmailAddress) -> str:
    return (
        template.replace("%EMAILADDRESS%", address.ascii)
        .replace("%EMAILLOCALPART%", address.local)
        .replace("%EMAILDOMAIN%", address.domain)
    )


def valid_host_template(host: str) -> bool:
    probe = host.lower()
    for placeholder in PLACEHOLDERS:
        probe = probe.replace(placeholder.lower(), "x" if placeholder.endswith("PART%") else "x.x")
    return bool(_HOST.match(probe.rstrip(".")))


def parse_config(data: bytes, *, max_bytes: int = MAX_CONFIG_BYTES) -> ProviderConfig:
    """Parse a clientConfig document; raise ConfigError if nothing usable is in it."""
    if len(data) > max_bytes:
        raise ConfigError("xml.too_large", f"{len(data)} bytes")
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ConfigError("xml.forbidden", type(exc).__name__) from exc
    except (ET.ParseError, ValueError) as exc:
        raise ConfigError("xml.malformed", str(exc)[:120]) from exc
    if _local(root.tag) != "clientConfig":
        raise ConfigError("xml.not_client_config", _local(root.tag)[:40])
    provider = _child(root, "emailProvider")
    if provider is None:
        raise ConfigError("xml.no_provider")
    dropped: list[str] = []
    incoming = _servers(provider, "incomingServer", dropped)
    outgoing = _servers(provider, "outgoingServer", dropped)
    if not incoming and not outgoing:
        raise ConfigError("xml.no_servers", "; ".join(dropped)[:200])
    domains = tuple(
        d for d in (_text(e).lower().rstrip(".") for e in _children(provider, "domain")) if _HOST.match(d)
    )
    docs = tuple(
        url
        for e in _children(provider, "documentation")
        if (url := e.get("url", "")).startswith(("https://", "http://")) and len(url) < 500
    )
    name = _text(_child(provider, "displayName")) or provider.get("id", "")
    return ProviderConfig(
        id=provider.get("id", "")[:100],
        name=name[:100],
        domains=domains,
        incoming=tuple(incoming),
        outgoing=tuple(outgoing),
        docs=docs,
        dropped=tuple(dropped),
    )


def _servers(provider: ET.Element, tag: str, dropped: list[str]) -> list[ServerTemplate]:
    found: list[ServerTemplate] = []
    for element in _children(provider, tag):
        if len(found) >= MAX_SERVERS:
            dropped.append(f"{tag}: too many")
            break
        try:
            found.append(_server(element, outgoing=tag == "outgoingServer"))
        except ConfigError as exc:  # one bad section drops only itself
            dropped.append(f"{tag} {element.get('type', '?')[:10]}: {exc.code}")
    return found


def _server(element: ET.Element, *, outgoing: bool) -> ServerTemplate:
    protocol = _PROTOCOLS.get(element.get("type", "").lower())
    if protocol is None or protocol.incoming == outgoing:
        raise ConfigError("server.unsupported_type")
    host = _text(_child(element, "hostname"))
    if not valid_host_template(host):
        raise ConfigError("server.bad_host")
    port_text = _text(_child(element, "port"))
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError("server.bad_port")
    security = _SOCKET_TYPES.get(_text(_child(element, "socketType")).lower())
    if security is None:
        raise ConfigError("server.bad_socket_type")
    auths = tuple(_text(e).lower() for e in _children(element, "authentication")) or ("password-cleartext",)
    if not any(a in _PASSWORD_AUTHS or a == "oauth2" for a in auths):
        raise ConfigError("server.unsupported_auth")  # e.g. "none" or "client-IP-address" only
    user = _child(element, "username")
    username = _text(user) if user is not None and _text(user) else None
    return ServerTemplate(protocol, host.rstrip("."), int(port_text), security, username, auths)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(parent: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in parent if _local(c.tag) == name]


def _child(parent: ET.Element, name: str) -> ET.Element | None:
    found = _children(parent, name)
    return found[0] if found else None


def _text(element: ET.Element | None) -> str:
    if element is None or element.text is None:
        return ""
    return element.text.strip()[:300]
