"""The bundled provider database (resources/providers/providers.json): load it and look a domain up."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from assistant.core.discovery.ispdb import ProviderConfig, ServerTemplate
from assistant.core.discovery.model import ProviderNote
from assistant.core.model import Protocol, Security
from assistant.core.resources import resource_path

DATABASE = "providers.json"


def server_to_json(s: ServerTemplate) -> dict[str, Any]:
    out: dict[str, Any] = {
        "protocol": s.protocol.value,
        "host": s.host,
        "port": s.port,
        "security": s.security.value,
        "username": s.username,
    }
    if s.auths != ("password-cleartext",):
        out["auth"] = list(s.auths)
    return out


def server_from_json(d: dict[str, Any]) -> ServerTemplate:
    return ServerTemplate(
        protocol=Protocol(d["protocol"]),
        host=str(d["host"]),
        port=int(d["port"]),
        security=Security(d["security"]),
        username=d.get("username"),
        auths=tuple(d.get("auth", ("password-cleartext",))),
    )


def note_from_json(d: dict[str, Any]) -> ProviderNote:
    return ProviderNote(
        id=str(d["id"]),
        url=str(d.get("url", "")),
        unverified=bool(d.get("unverified", False)),
        example=str(d.get("example", "")),
    )


def provider_to_json(p: ProviderConfig) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "name": p.name,
        "domains": list(p.domains),
        "incoming": [server_to_json(s) for s in p.incoming],
        "outgoing": [server_to_json(s) for s in p.outgoing],
    }
    if p.docs:
        out["docs"] = list(p.docs)
    if p.notes:
        out["notes"] = [{k: v for k, v in n.as_dict().items() if v} for n in p.notes]
    for flag in ("unverified", "secondary", "mx_only"):
        if getattr(p, flag):
            out[flag] = True
    if p.also_try:
        out["also_try"] = list(p.also_try)
    return out


def provider_from_json(d: dict[str, Any]) -> ProviderConfig:
    return ProviderConfig(
        id=str(d["id"]),
        name=str(d.get("name", d["id"])),
        domains=tuple(d["domains"]),
        incoming=tuple(server_from_json(s) for s in d.get("incoming", ())),
        outgoing=tuple(server_from_json(s) for s in d.get("outgoing", ())),
        docs=tuple(d.get("docs", ())),
        notes=tuple(note_from_json(n) for n in d.get("notes", ())),
        unverified=bool(d.get("unverified", False)),
        secondary=bool(d.get("secondary", False)),
        mx_only=bool(d.get("mx_only", False)),
        also_try=tuple(d.get("also_try", ())),
    )


class ProviderDatabase:
    """Domain -> provider, with `*.example.jp` entries matching every sub-domain."""

    def __init__(self, providers: list[ProviderConfig]) -> None:
        self.providers = providers
        self._exact: dict[str, ProviderConfig] = {}
        self._wild: dict[str, ProviderConfig] = {}
        for p in providers:
            for domain in p.domains:
                table = self._wild if domain.startswith("*.") else self._exact
                table.setdefault(domain.removeprefix("*."), p)

    def lookup(self, domain: str, *, via_mx: bool = False) -> ProviderConfig | None:
        domain = domain.lower().rstrip(".")
        found = self._exact.get(domain)
        if found is None:
            labels = domain.split(".")
            for i in range(1, len(labels) - 1):
                found = self._wild.get(".".join(labels[i:]))
                if found is not None:
                    break
        if found is not None and found.mx_only and not via_mx:
            return None  # hosting companies' own domains are not their customers' mail domains
        return found

    @classmethod
    def load(cls, path: Path | None = None) -> ProviderDatabase:
        data = json.loads((path or resource_path("providers", DATABASE)).read_text(encoding="utf-8"))
        return cls([provider_from_json(p) for p in data["providers"]])


@cache
def bundled() -> ProviderDatabase:
    """The database shipped with the app (read once)."""
    return ProviderDatabase.load()
