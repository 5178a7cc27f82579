"""Source 6: RFC 6186 / RFC 8314 SRV records; DNS without DNSSEC, so every result needs confirmation."""

from __future__ import annotations

import functools

from assistant.core.discovery.candidates import Finding, provenance, simple
from assistant.core.discovery.ispdb import valid_host_template
from assistant.core.discovery.model import Candidate, SourceName
from assistant.core.discovery.records import DnsLookupError, SrvRecord, srv
from assistant.core.discovery.source import SourceContext, SourceError, run_all
from assistant.core.model import Protocol, Security

SERVICES = (  # RFC 8314 §5.1 prefers the implicit-TLS services
    ("_submissions._tcp", Protocol.SMTP, Security.SSL),
    ("_submission._tcp", Protocol.SMTP, Security.STARTTLS),
    ("_imaps._tcp", Protocol.IMAP, Security.SSL),
    ("_imap._tcp", Protocol.IMAP, Security.STARTTLS),
    ("_pop3s._tcp", Protocol.POP3, Security.SSL),
    ("_pop3._tcp", Protocol.POP3, Security.STARTTLS),
)


class SrvSource:
    name = SourceName.SRV

    def find(self, ctx: SourceContext) -> Finding | None:
        domain = ctx.address.domain

        def lookup(label: str) -> list[SrvRecord]:
            return srv(f"{label}.{domain}", ctx.net, ctx.deadline)

        tasks = [functools.partial(lookup, label) for label, _p, _s in SERVICES]
        results = run_all(tasks, ctx.deadline, ctx.cancel)
        errors = [r for r in results if isinstance(r, Exception)]
        answers = [r if isinstance(r, list) else [] for r in results]
        ranked: list[tuple[int, int, Candidate]] = []
        for (label, protocol, security), records in zip(SERVICES, answers, strict=True):
            for r in records:
                if not (valid_host_template(r.target) and 0 < r.port < 65536) or "%" in r.target:
                    continue
                prov = provenance(ctx.address, r.target, source=self.name, https=False, dns=True,
                                  origin=f"SRV {label}.{domain}", security=security)
                cand = simple(ctx.address, protocol, r.target, r.port, security, prov)
                ranked.append((r.priority, 0 if security is Security.SSL else 1, cand))
        if not ranked:
            if errors and isinstance(errors[0], DnsLookupError):
                raise SourceError(errors[0].code, str(errors[0]))
            return None
        ordered = [c for _p, _s, c in sorted(ranked, key=lambda x: (x[0], x[1]))]
        return Finding(
            incoming=[c for c in ordered if c.protocol.incoming],
            outgoing=[c for c in ordered if not c.protocol.incoming],
            origin=f"SRV {domain}",
        )
