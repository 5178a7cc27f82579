"""Discovery benchmark: address -> verified settings across a real delayed link, against the protocol floor.

Run as root with the project's Python: `.venv/bin/python tests/bench/discovery.py [--delay 0.025] [--runs 5]`.
The lab runs in a server network namespace, discovery in a client namespace; every packet between them waits
`delay` seconds each way (tests/lab/latency.py). The provider publishes its autoconfig file over HTTPS; the
password is verified on IMAPS and SMTPS. The last line is `discovery time/floor R` (target: at most 1.5).

Floor, in round trips (RTT): the autoconfig file needs DNS 1 + TCP 1 + TLS 1.3 1 + HTTP GET 1 = 4; then, in
parallel, IMAPS needs DNS 1 + TCP 1 + TLS 1 + greeting 1 + LOGIN 1 = 5 and SMTPS DNS 1 + TCP 1 + TLS 1 +
greeting 1 + EHLO 1 + AUTH 1 = 6; the host names are unknown until the file arrives, so 4 + 6 = 10 RTT.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.core.discovery import ProgressEvent, SourceName, SourceState, discover, prepare  # noqa: E402
from assistant.core.discovery.guess import GuessSource  # noqa: E402
from assistant.core.discovery.ispdb import parse_config  # noqa: E402
from assistant.core.discovery.providers import ProviderDatabase  # noqa: E402
from assistant.core.net import NetConfig  # noqa: E402
from tests.discovery.conftest import config_xml  # noqa: E402
from tests.discovery.web import Reply, WebServer  # noqa: E402
from tests.lab import Lab  # noqa: E402
from tests.lab.dns import DnsServer  # noqa: E402
from tests.lab.latency import DelayedLink  # noqa: E402

FLOOR_RTT = 4 + max(5, 6)
GUESS_FLOOR_RTT = 4  # DNS 1 + TCP 1 + greeting 1 + CAPABILITY 1 for the plain-text port that answers
CONFIG = "/mail/config-v1.1.xml"


def tcp_rtt(ip: str, port: int, samples: int = 9) -> float:
    """Median time of a TCP handshake to a lab port: one round trip through the relay."""
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        with socket.create_connection((ip, port), timeout=5):
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def known_provider(address: str, net: NetConfig, password: str, isp: str) -> tuple[float, bool]:
    """The same servers, known to the bundled database: no network before verification starts."""
    config = parse_config(config_xml("lab.test", [
        ("in", "imap", "mail.lab.test", 993, "SSL", "%EMAILADDRESS%"),
        ("out", "smtp", "mail.lab.test", 465, "SSL", "%EMAILADDRESS%"),
    ]))
    t = time.perf_counter()
    result = discover(address, net=net, password=password, timeout=15, ispdb_url=isp,
                      database=ProviderDatabase([config]))
    total = time.perf_counter() - t
    v = result.verification
    return total, bool(v and v.incoming and v.outgoing and v.incoming.ok and v.outgoing.ok)


def one_run(address: str, net: NetConfig, password: str, isp: str) -> tuple[float, float, bool]:
    settled: list[float] = []

    def progress(event: ProgressEvent) -> None:
        if event.state is SourceState.FOUND and event.source is SourceName.AUTOCONFIG:
            settled.append(time.perf_counter())

    t = time.perf_counter()
    result = discover(address, net=net, password=password, timeout=15, ispdb_url=isp, on_progress=progress)
    total = time.perf_counter() - t
    v = result.verification
    ok = bool(v and v.incoming and v.outgoing and v.incoming.ok and v.outgoing.ok
              and result.winner is SourceName.AUTOCONFIG)
    return total, (settled[0] - t) if settled else float("nan"), ok


def guess_verdict(address: str, net: NetConfig) -> tuple[float, str]:
    t = time.perf_counter()
    result = discover(address, net=net, timeout=15, sources=[GuessSource()])
    elapsed = time.perf_counter() - t
    best = result.incoming[0] if result.incoming else None
    return elapsed, f"{best.host}:{best.port} {best.security.value}" if best else "nothing"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.025, help="one-way delay in seconds (default 0.025)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    link = DelayedLink(delay=args.delay).start()
    lab: Lab | None = None
    zone: DnsServer | None = None
    web: WebServer | None = None
    try:
        prefix = link.server_prefix
        with link.in_server():
            lab = Lab.start(prefix=prefix, dns_host=prefix + "53")
            subprocess.run(["ip", "addr", "add", f"{prefix}54/32", "dev", "lo"], check=True)
            records = [
                *lab.records,
                ("autoconfig.lab.test", "A", prefix + "80"),
                ("imap.dropguess.test", "A", lab.host("drop")),  # drops every packet
                ("mail.dropguess.test", "A", lab.host("notls")),  # answers in plain text
            ]
            zone = DnsServer(records, host=prefix + "54").start()
            certs = lab.ca.issue(["autoconfig.lab.test", "ispdb.lab.test"], name="bench-web")
            web = WebServer(Path(certs.cert_file), Path(certs.key_file), ip=prefix + "80")
        web.route(f"https://autoconfig.lab.test{CONFIG}", Reply(body=config_xml("lab.test", [
            ("in", "imap", "mail.lab.test", 993, "SSL", "%EMAILADDRESS%"),
            ("out", "smtp", "mail.lab.test", 465, "SSL", "%EMAILADDRESS%"),
        ])))
        net = NetConfig(dns_server=zone.host, dns_port=zone.port, extra_ca_file=str(lab.ca_file))
        address, password = lab.accounts["taro"].address, lab.accounts["taro"].password
        isp = "https://ispdb.lab.test/v1.1/"

        rtt = link.run_in_client(tcp_rtt, lab.host("mail"), 993)
        link.run_in_client(prepare)  # the once-per-process loading, as the GUI does at start-up
        link.run_in_client(one_run, address, net, password, isp)  # warm-up: first TLS contexts, imports
        print(f"delay {args.delay * 1000:.0f} ms each way; measured RTT {rtt * 1000:.1f} ms (TCP handshake)")
        totals = []
        for i in range(args.runs):
            total, settled, ok = link.run_in_client(one_run, address, net, password, isp)
            if not ok:
                print(f"run {i + 1}: discovery or verification FAILED", file=sys.stderr)
                return 1
            totals.append(total)
            print(f"run {i + 1}: settled {settled / rtt:.1f} RTT, verified {total / rtt:.1f} RTT "
                  f"({total * 1000:.0f} ms)")
        median = statistics.median(totals)
        print(f"discovery + verification: median {median * 1000:.0f} ms = {median / rtt:.1f} RTT; "
              f"floor {FLOOR_RTT} RTT (autoconfig 4, then IMAPS 5 / SMTPS 6 in parallel)")

        known = [link.run_in_client(known_provider, address, net, password, isp) for _ in range(3)]
        k_time = statistics.median(t for t, _ in known)
        print(f"bundled database knows the provider: {k_time * 1000:.0f} ms = {k_time / rtt:.1f} RTT "
              f"(floor 6 RTT: SMTPS alone; verified: {all(ok for _, ok in known)})")

        verdicts = [link.run_in_client(guess_verdict, "taro@dropguess.test", net) for _ in range(3)]
        v_time = statistics.median(t for t, _ in verdicts)
        print(f"guess verdict with imap.dropguess.test dropping packets: {v_time * 1000:.0f} ms = "
              f"{v_time / rtt:.1f} RTT (floor {GUESS_FLOOR_RTT} RTT; found {verdicts[0][1]})")
        print(f"discovery time/floor {median / rtt / FLOOR_RTT:.2f}")
        return 0
    finally:
        if web is not None:
            web.stop()
        if zone is not None:
            zone.stop()
        if lab is not None:
            lab.stop()
        link.stop()


if __name__ == "__main__":
    raise SystemExit(main())
