"""A private authoritative DNS server (dnsmasq) on loopback: the records you give, NXDOMAIN for the rest."""

#     records = [("mail.example.test", "A", "127.0.0.5"), ("example.test", "MX", "10 mail.example.test"),
#                ("null.test", "MX", "0 ."), ("_imaps._tcp.example.test", "SRV", "0 1 993 mail.example.test"),
#                ("example.test", "TXT", "v=spf1 -all"), ("www.example.test", "CNAME", "mail.example.test")]
#     with DnsServer(records, root=tmp_path) as dns:
#         resolver.nameservers, resolver.port = [dns.host], dns.port
#
# dnsmasq never reads resolv.conf or /etc/hosts and never forwards: every name it does not know is NXDOMAIN,
# and a name that has only other types answers NOERROR with no data.

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import dns.exception
import dns.message
import dns.name
import dns.query
import dns.rdata
import dns.rdataclass
import dns.rdatatype

from tests.lab.process import Daemon, free_port, wait_until

Record = tuple[str, str, str]  # (name, type, value in zone-file syntax)


def _name(name: str) -> str:
    return name.rstrip(".").lower()


def config_lines(records: Iterable[Record]) -> list[str]:
    """dnsmasq options serving `records` exactly.

    A/AAAA/CNAME/MX/SRV/TXT use dnsmasq's own options (so the name exists for every type: NOERROR with
    no data for the types it lacks); anything else goes in as a raw RR built by dnspython.
    """
    addresses: dict[str, list[str]] = {}
    lines = []
    for name, rtype, value in records:
        rtype = rtype.upper()
        owner = _name(name)
        if rtype in ("A", "AAAA"):
            addresses.setdefault(owner, []).append(value)
        elif rtype == "CNAME":
            lines.append(f"cname={owner},{_name(value)}")
        elif rtype == "MX":
            pref, target = value.split()
            lines.append(f"mx-host={owner},{_name(target) or '.'},{int(pref)}")
        elif rtype == "SRV":
            prio, weight, port, target = value.split()
            lines.append(f"srv-host={owner},{_name(target) or '.'},{int(port)},{int(prio)},{int(weight)}")
        elif rtype == "TXT":
            if '"' in value:
                raise ValueError(f"TXT value with a double quote is not supported: {value!r}")
            chunks = [value[i : i + 255] for i in range(0, len(value), 255)] or [""]
            lines.append(f"txt-record={owner}," + ",".join(f'"{c}"' for c in chunks))
        else:
            rdtype = dns.rdatatype.from_text(rtype)
            rdata = dns.rdata.from_text(dns.rdataclass.IN, rdtype, value, origin=dns.name.root)
            wire = rdata.to_wire(origin=dns.name.root)
            lines.append(f"dns-rr={owner},{int(rdtype)},{wire.hex()}")
    for owner, addrs in addresses.items():
        lines.append(f"host-record={owner},{','.join(addrs)}")
    return lines


class DnsServer:
    """One dnsmasq instance on `host`:<free port>; start() / stop(), or use as a context manager."""

    def __init__(
        self,
        records: Iterable[Record],
        *,
        root: Path | None = None,
        host: str = "127.0.0.1",
        port: int | None = None,
        tied: bool = True,
    ) -> None:
        self.records = list(records)
        self.host = host
        self.port = port or 0
        self._fixed_port = port is not None
        self.root = root
        self._tied = tied
        self.daemon: Daemon | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def start(self, timeout: float = 5.0) -> DnsServer:
        if self.root is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="lab-dns-")
            self.root = Path(self._tmp.name)
        self.root.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            if not self._fixed_port:
                self.port = free_port(self.host, udp_too=True)
            conf = self.root / "dnsmasq.conf"
            conf.write_text("\n".join(self._options()) + "\n")
            self.daemon = Daemon.spawn(
                "dnsmasq",
                ["dnsmasq", "--keep-in-foreground", f"--conf-file={conf}"],
                self.root / "dnsmasq.log",
                tied=self._tied,
            )
            try:
                wait_until(self._answers, timeout, f"dnsmasq on {self.host}:{self.port}", self.daemon)
                return self
            except RuntimeError:
                log = self.daemon.log_tail()
                self.daemon.stop()
                if self._fixed_port or "in use" not in log:
                    raise
        raise RuntimeError("dnsmasq: no free port found")

    def _options(self) -> list[str]:
        assert self.root is not None
        return [
            "no-resolv",
            "no-hosts",
            "no-poll",
            "no-negcache",
            f"port={self.port}",
            f"listen-address={self.host}",
            "bind-interfaces",
            "user=root",
            "group=root",
            "pid-file=",
            f"log-facility={self.root / 'dnsmasq-queries.log'}",
            "log-queries",
            # Match every domain with no upstream server: unknown names are NXDOMAIN, never forwarded.
            "server=/#/",
            *config_lines(self.records),
        ]

    def _answers(self) -> bool:
        query = dns.message.make_query("ready.check.invalid", "A")
        try:
            dns.query.udp(query, self.host, port=self.port, timeout=0.05)
        except (TimeoutError, OSError, dns.exception.Timeout):
            return False
        return True

    def stop(self) -> None:
        if self.daemon is not None:
            self.daemon.stop()
            self.daemon = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> DnsServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
