"""Source 4: the mail exchanger names the provider (MX minus first label, then PSL base); HTTPS only."""

from __future__ import annotations

import functools

from assistant.core.discovery.autoconfig import fetch_config
from assistant.core.discovery.candidates import Finding, from_config, registrable_domain
from assistant.core.discovery.model import SourceName
from assistant.core.discovery.online import ispdb_url
from assistant.core.discovery.records import DnsLookupError, mx
from assistant.core.discovery.source import CONFIG_PATH, SourceContext, SourceError, first_by_priority


def mx_domains(mx_host: str, address_domain: str) -> list[str]:
    """mx1.mail.example.co.jp -> [mail.example.co.jp, example.co.jp]: no public suffix, not the address's."""
    base = registrable_domain(mx_host)
    tried = (mx_host.split(".", 1)[-1], base)
    return list(dict.fromkeys(d for d in tried if d.endswith(base) and "." in d and d != address_domain))


class MxSource:
    name = SourceName.MX

    def find(self, ctx: SourceContext) -> Finding | None:
        try:
            records = mx(ctx.address.domain, ctx.net, ctx.deadline)
        except DnsLookupError as exc:
            raise SourceError(exc.code, str(exc)) from None
        if not records:
            return None
        host = records[0].host
        domains = mx_domains(host, ctx.address.domain)
        for d in domains:  # the bundled database first: instant, and it knows the hosting companies
            config = ctx.database.lookup(d, via_mx=True)
            if config is not None:
                origin = f"MX {host} -> bundled {config.id}"
                return from_config(config, ctx.address, source=self.name, https=True, origin=origin,
                                   mx_host=host, dns=True)

        urls: list[str] = []
        for d in domains:
            urls.append(f"https://autoconfig.{d}{CONFIG_PATH}")
            if ctx.ispdb_url.startswith("https://"):
                urls.append(ispdb_url(ctx.ispdb_url, d))
        tasks = [functools.partial(fetch_config, ctx, u, require_https=True) for u in urls]
        found, _errors = first_by_priority(tasks, ctx.deadline, ctx.cancel)
        if found is None:
            return None
        url, config = found
        return from_config(config, ctx.address, source=self.name, https=True, origin=f"MX {host} -> {url}",
                           mx_host=host, dns=True)
