"""Connection-check benchmark: each protocol and security mode across a real delayed link, in round trips.

Run as root with the project's Python: `.venv/bin/python tests/bench/check.py [--delay 0.025] [--runs 3]`.
The lab runs in a server network namespace and the checks in a client namespace (tests/lab/latency.py).
For each endpoint it prints the best time, the time in RTTs, the per-stage RTTs and time/floor; the last
line is the worst ratio.

Floors, in RTT (every step that needs the server's answer before the next can start):
imaps   DNS, TCP, TLS 1.3, greeting, AUTHENTICATE, EXAMINE+LOGOUT                                  = 6
imap    DNS, TCP, greeting, STARTTLS, TLS, CAPABILITY, AUTHENTICATE, EXAMINE+LOGOUT                = 8
pop3s   DNS, TCP, TLS, greeting, CAPA, AUTH, STAT+QUIT                                             = 7
pop3    DNS, TCP, greeting, CAPA, STLS, TLS, CAPA, AUTH, STAT+QUIT                                 = 9
smtps   DNS, TCP, TLS, greeting, EHLO, AUTH, MAIL+RCPT+RSET+QUIT                                   = 7
submission DNS, TCP, greeting, EHLO, STARTTLS, TLS, EHLO, AUTH, MAIL+RCPT+RSET+QUIT                 = 9
(Postfix writes its TLS 1.3 session tickets and its next reply with Nagle on, which costs one more RTT
after each handshake whatever the client does; the client acknowledges at once to keep it to one.)
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.core.check import ServerResult, check_server  # noqa: E402
from assistant.core.model import StageStatus  # noqa: E402
from assistant.core.net import Deadline  # noqa: E402
from tests.lab import Lab  # noqa: E402
from tests.lab.latency import DelayedLink  # noqa: E402

FLOORS = {"imaps": 6, "imap": 8, "pop3s": 7, "pop3": 9, "smtps": 7, "submission": 9}


def tcp_rtt(ip: str, port: int, samples: int = 9) -> float:
    """Median TCP handshake time to a lab port: one round trip through the relay."""
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        with socket.create_connection((ip, port), timeout=5):
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.025, help="one-way delay in seconds (default 0.025)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    link = DelayedLink(delay=args.delay).start()
    worst = 0.0
    try:
        with link.in_server():
            lab = Lab.start(prefix=link.server_prefix, dns_host=link.server_prefix + "53")
        try:
            taro = lab.accounts["taro"]
            ep = lab.endpoint("imaps")
            rtt = link.run_in_client(tcp_rtt, ep.ip, ep.port)
            print(f"RTT {rtt * 1000:.1f} ms")

            def runs(name: str) -> list[ServerResult]:
                return [
                    check_server(lab.settings(name), taro.password, address=taro.address,
                                 net=lab.net_config(), deadline=Deadline(15))
                    for _ in range(args.runs)
                ]  # fmt: skip

            for name, floor in FLOORS.items():
                best = min(link.run_in_client(runs, name), key=lambda r: r.elapsed_ms)
                if not best.ok:
                    print(f"{name}: check failed: {best.failure}")
                    return 1
                in_rtt = best.elapsed_ms / 1000 / rtt
                worst = max(worst, in_rtt / floor)
                stages = " ".join(
                    f"{s.stage.value}={s.elapsed_ms / 1000 / rtt:.1f}"
                    for s in best.stages
                    if s.status is StageStatus.PASSED
                )
                print(f"{name:<11} {best.elapsed_ms:6.0f} ms {in_rtt:4.1f} RTT floor {floor}  ratio "
                      f"{in_rtt / floor:.2f}  {stages}")  # fmt: skip
        finally:
            lab.stop()
    finally:
        link.stop()
    print(f"check time/floor {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
