"""Source 7: guess common host names and ports; probe each at once (greeting + capabilities, no login)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from assistant.core.discovery.candidates import Finding, provenance, simple
from assistant.core.discovery.model import Candidate, SourceName
from assistant.core.discovery.source import SourceContext
from assistant.core.model import Protocol, Security, ServerSettings
from assistant.core.net import Address, CancelToken, CheckFailure, connect, resolve
from assistant.core.probe.imap import ImapDialect
from assistant.core.probe.pop3 import Pop3Dialect
from assistant.core.probe.session import Dialect
from assistant.core.probe.smtp import SmtpDialect
from assistant.core.probe.wire import Wire
from assistant.core.tls import handshake
from assistant.core.transcript import Transcript

# Best first. Plain (no STARTTLS offered) is found on the STARTTLS ports and ranks after every TLS answer.
PLAN: dict[Protocol, tuple[tuple[str, ...], tuple[tuple[int, Security], ...]]] = {
    Protocol.IMAP: (("imap.", "mail.", ""), ((993, Security.SSL), (143, Security.STARTTLS))),
    Protocol.POP3: (("pop.", "pop3.", "mail.", ""), ((995, Security.SSL), (110, Security.STARTTLS))),
    Protocol.SMTP: (
        ("smtp.", "mail.", ""),
        ((465, Security.SSL), (587, Security.STARTTLS), (25, Security.STARTTLS)),
    ),
}
_DIALECTS: dict[Protocol, type[Dialect]] = {Protocol.IMAP: ImapDialect, Protocol.POP3: Pop3Dialect,
                                            Protocol.SMTP: SmtpDialect}
_STARTTLS_WORD = {Protocol.IMAP: "STARTTLS", Protocol.POP3: "STLS", Protocol.SMTP: "STARTTLS"}
# A better-ranked probe with no TCP connection after twice the time the answering probe needed to connect
# is dropping packets (a firewall, OP25B): do not wait for its timeout. One that did connect is alive but
# slow, and gets longer.
CONNECT_GRACE = 2.0
ANSWER_GRACE = 3.0
GRACE_MIN = 0.15


@dataclass
class Probe:
    rank: int
    protocol: Protocol
    host: str
    port: int
    security: Security
    state: str = "pending"  # pending -> connected -> ok / failed
    found: Security | None = None
    connected_at: float = 0.0
    elapsed: float = 0.0
    detail: str = ""


def plan(domain: str) -> list[Probe]:
    probes: list[Probe] = []
    for protocol, (prefixes, ports) in PLAN.items():
        for port, security in ports:
            for prefix in prefixes:
                probes.append(Probe(len(probes), protocol, prefix + domain, port, security))
    return probes


def probe_one(
    p: Probe,
    addresses: list[Address],
    ctx: SourceContext,
    cancel: CancelToken,
    changed: threading.Condition,
    start: float,
) -> None:
    """Greeting and capabilities, never a login; STARTTLS ports without STARTTLS are recorded as plain."""
    deadline = ctx.deadline
    settings = ServerSettings(p.protocol, p.host, p.port, p.security)
    dialect = _DIALECTS[p.protocol](settings, ctx.address.ascii)
    wire: Wire | None = None
    try:
        sock, _ip = connect(addresses, p.port, ctx.net, deadline, cancel)
        with changed:
            p.state, p.connected_at = "connected", time.monotonic() - start
            changed.notify_all()
        if p.security is Security.SSL:
            sock = handshake(sock, p.host, p.port, net=ctx.net, deadline=deadline, cancel=cancel).sock
        wire = Wire(sock, transcript=Transcript(secrets=()), deadline=deadline, cancel=cancel)
        dialect.greeting(wire)
        dialect.read_capabilities(wire)
        words = {c.split()[0].upper() for c in dialect.capabilities if c.split()}
        found = p.security
        if p.security is Security.STARTTLS and _STARTTLS_WORD[p.protocol] not in words:
            found = Security.NONE
        with changed:
            p.state, p.found, p.elapsed = "ok", found, time.monotonic() - start
            changed.notify_all()
    except CheckFailure as exc:
        with changed:
            p.state, p.detail, p.elapsed = "failed", exc.code.value, time.monotonic() - start
            changed.notify_all()
    finally:
        if wire is not None:
            wire.close()


class GuessSource:
    name = SourceName.GUESS

    def find(self, ctx: SourceContext) -> Finding | None:
        start = time.monotonic()
        probes = plan(ctx.address.domain)
        changed = threading.Condition()
        cancel = CancelToken()  # ours, to stop the probes we no longer need
        hosts = sorted({p.host for p in probes})

        def run_host(host: str) -> None:
            mine = [p for p in probes if p.host == host]
            try:
                addresses = resolve(host, ctx.net, ctx.deadline, cancel)
            except CheckFailure as exc:
                with changed:
                    for p in mine:
                        p.state, p.detail = "failed", exc.code.value
                    changed.notify_all()
                return
            for p in mine:
                threading.Thread(target=probe_one, args=(p, addresses, ctx, cancel, changed, start),
                                 name=f"guess-{p.host}-{p.port}", daemon=True).start()

        for host in hosts:
            threading.Thread(target=run_host, args=(host,), name=f"guess-{host}", daemon=True).start()
        try:
            with changed:
                while not self._settled(probes, start):
                    if ctx.cancel.cancelled or ctx.deadline.expired:
                        break
                    changed.wait(ctx.deadline.poll(0.05))
        finally:
            cancel.cancel()
        winners = [p for p in probes if p.state == "ok"]
        if not winners:
            return None
        return self._finding(ctx, winners)

    @staticmethod
    def _settled(probes: list[Probe], start: float) -> bool:
        """Each direction has its best answer: every better probe failed, or stayed silent too long."""
        now = time.monotonic() - start
        for incoming in (True, False):
            group = [p for p in probes if p.protocol.incoming == incoming]
            ok = [p for p in group if p.state == "ok"]
            if not ok:
                if any(p.state in ("pending", "connected") for p in group):
                    return False
                continue
            best = min(ok, key=lambda p: (p.found is Security.NONE, p.rank))
            silent = max(GRACE_MIN, best.connected_at * CONNECT_GRACE)
            slow = max(1.0, best.elapsed * ANSWER_GRACE)
            for p in group:
                if p.state in ("ok", "failed") or not (best.found is Security.NONE or p.rank < best.rank):
                    continue
                if now < (slow if p.state == "connected" else silent):
                    return False  # a better answer may still come
        return True

    def _finding(self, ctx: SourceContext, winners: list[Probe]) -> Finding:
        def candidate(p: Probe) -> Candidate:
            security = p.found or p.security
            prov = provenance(ctx.address, p.host, source=self.name, https=False, security=security,
                              origin=f"probe {p.host}:{p.port}")
            return simple(ctx.address, p.protocol, p.host, p.port, security, prov)

        ordered = sorted(winners, key=lambda p: (p.found is Security.NONE, p.rank))
        return Finding(
            incoming=[candidate(p) for p in ordered if p.protocol.incoming],
            outgoing=[candidate(p) for p in ordered if not p.protocol.incoming],
            origin="probes",
        )

