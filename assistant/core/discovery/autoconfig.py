"""Source 2: the provider's own autoconfig file; the http variants are a separate, untrusted source."""

from __future__ import annotations

import functools

from assistant.core.discovery.candidates import Finding, from_config
from assistant.core.discovery.http import FetchError
from assistant.core.discovery.ispdb import ConfigError, ProviderConfig, parse_config
from assistant.core.discovery.model import SourceName
from assistant.core.discovery.source import CONFIG_PATH, SourceContext, SourceError, first_by_priority


def fetch_config(ctx: SourceContext, url: str, *, require_https: bool) -> tuple[str, ProviderConfig] | None:
    """GET and parse one config URL: (final URL, config), or None for "not there" (404, 410, no such
    host); raises SourceError."""
    try:
        response = ctx.fetcher.get(url, deadline=ctx.deadline, cancel=ctx.cancel)
    except FetchError as exc:
        if exc.code == "http.dns":
            return None  # no such host: the usual answer, not a failure
        raise SourceError(exc.code, exc.detail, url) from None
    if require_https and not response.https:
        raise SourceError("http.downgrade", response.url, url)
    if response.status in (404, 410):
        return None
    if response.status != 200:
        raise SourceError("http.status", str(response.status), url)
    try:
        return response.url, parse_config(response.body)
    except ConfigError as exc:
        raise SourceError(exc.code, exc.detail, response.url) from None


def autoconfig_urls(domain: str, scheme: str) -> list[str]:
    # No ?emailaddress=: the address is not sent to anyone (it would travel in clear over http).
    return [f"{scheme}://autoconfig.{domain}{CONFIG_PATH}", f"{scheme}://{domain}/.well-known/autoconfig{CONFIG_PATH}"]


class AutoconfigSource:
    """autoconfig.<domain> and /.well-known/ at once; the first URL wins if both answer."""

    def __init__(self, *, https: bool = True) -> None:
        self.https = https
        self.name = SourceName.AUTOCONFIG if https else SourceName.AUTOCONFIG_HTTP

    def find(self, ctx: SourceContext) -> Finding | None:
        urls = autoconfig_urls(ctx.address.domain, "https" if self.https else "http")

        tasks = [functools.partial(fetch_config, ctx, u, require_https=self.https) for u in urls]
        found, errors = first_by_priority(tasks, ctx.deadline, ctx.cancel)
        if found is None:
            if errors and all(isinstance(e, SourceError) for e in errors):
                first = errors[0]
                assert isinstance(first, SourceError)
                raise first
            return None
        url, config = found
        return from_config(config, ctx.address, source=self.name, https=self.https, origin=url)
