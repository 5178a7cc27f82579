"""Source 1: the provider database shipped with the app (offline, instant, curated)."""

from __future__ import annotations

from assistant.core.discovery.candidates import Finding, from_config
from assistant.core.discovery.model import SourceName
from assistant.core.discovery.providers import DATABASE
from assistant.core.discovery.source import SourceContext


class BundledSource:
    name = SourceName.BUNDLED

    def find(self, ctx: SourceContext) -> Finding | None:
        config = ctx.database.lookup(ctx.address.domain)
        if config is None:
            return None
        origin = f"resources/providers/{DATABASE}#{config.id}"
        return from_config(config, ctx.address, source=self.name, https=True, origin=origin)
