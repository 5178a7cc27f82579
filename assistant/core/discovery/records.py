"""MX and SRV lookups through the configured resolver (unauthenticated DNS: results need confirmation)."""

from __future__ import annotations

from dataclasses import dataclass

import dns.exception
import dns.resolver

from assistant.core.net import Deadline, NetConfig


class DnsLookupError(Exception):
    """A DNS lookup failed (not: the name has no such record, which is an empty answer)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class MxRecord:
    preference: int
    host: str


@dataclass(frozen=True)
class SrvRecord:
    priority: int
    weight: int
    port: int
    target: str


def _resolver(net: NetConfig, deadline: Deadline) -> dns.resolver.Resolver:
    if net.dns_server:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [net.dns_server]
        resolver.port = net.dns_port
    else:
        resolver = dns.resolver.Resolver()
    resolver.timeout = max(0.05, min(2.0, deadline.remaining()))
    resolver.lifetime = max(0.05, deadline.remaining())
    return resolver


def _query(name: str, rdtype: str, net: NetConfig, deadline: Deadline) -> dns.resolver.Answer | None:
    try:
        return _resolver(net, deadline).resolve(name, rdtype, search=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return None
    except dns.exception.Timeout:
        raise DnsLookupError("dns.timeout", f"{rdtype} {name}") from None
    except dns.exception.DNSException as exc:
        raise DnsLookupError("dns.failure", f"{rdtype} {name}: {type(exc).__name__}") from None


def mx(domain: str, net: NetConfig, deadline: Deadline) -> list[MxRecord]:
    """MX records, most preferred first; a null MX ("0 .") gives an empty list."""
    answer = _query(domain, "MX", net, deadline)
    if answer is None:
        return []
    records = [MxRecord(int(r.preference), str(r.exchange).rstrip(".").lower()) for r in answer]
    return sorted((r for r in records if r.host), key=lambda r: r.preference)


def srv(name: str, net: NetConfig, deadline: Deadline) -> list[SrvRecord]:
    """SRV records by priority, then weight (highest first); a "." target means "no service here"."""
    answer = _query(name, "SRV", net, deadline)
    if answer is None:
        return []
    records = [SrvRecord(int(r.priority), int(r.weight), int(r.port), str(r.target).rstrip(".").lower())
               for r in answer]
    return sorted((r for r in records if r.target), key=lambda r: (r.priority, -r.weight))
