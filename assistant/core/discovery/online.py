"""Source 3: an online ISP database (Thunderbird's by default; the base URL is configurable)."""

from __future__ import annotations

from assistant.core.discovery.autoconfig import fetch_config
from assistant.core.discovery.candidates import Finding, from_config
from assistant.core.discovery.model import SourceName
from assistant.core.discovery.source import SourceContext


def ispdb_url(base: str, domain: str) -> str:
    return base.rstrip("/") + "/" + domain


class IspdbSource:
    name = SourceName.ISPDB

    def find(self, ctx: SourceContext) -> Finding | None:
        url = ispdb_url(ctx.ispdb_url, ctx.address.domain)
        https = url.startswith("https://")
        found = fetch_config(ctx, url, require_https=https)
        if found is None:
            return None
        final_url, config = found
        return from_config(config, ctx.address, source=self.name, https=https, origin=final_url)
