"""Build resources/providers/providers.json from the ISPDB snapshot and our hand-written entries."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from assistant.core.discovery.ispdb import ConfigError, ProviderConfig, parse_config
from assistant.core.discovery.providers import DATABASE, provider_from_json, provider_to_json
from assistant.core.resources import resource_path

DEFAULT_ISPDB = resource_path("providers", "ispdb")  # the MPL-2.0 snapshot, copied unchanged
NOTICE = (
    "Built from Thunderbird's ISPDB (thunderbird/autoconfig, ispdb/, see SOURCE.md), "
    "Mozilla Public License 2.0 (see LICENSE beside this file), plus hand-written entries from local.json."
)


def build(ispdb: Path, out_dir: Path) -> dict[str, Any]:
    """Parse every ISPDB file, apply local.json, write providers.json; returns the written document."""
    providers: list[ProviderConfig] = []
    for path in sorted(ispdb.glob("*.xml")):
        try:
            config = parse_config(path.read_bytes())
        except ConfigError as exc:
            raise SystemExit(f"{path.name}: {exc}") from None
        providers.append(config)
    local = json.loads((out_dir / "local.json").read_text(encoding="utf-8"))["providers"]
    for entry in local:
        if entry.get("annotate"):
            providers = [_annotate(p, entry) if _overlaps(p, entry) else p for p in providers]
            continue
        replacement = provider_from_json(entry)
        # A hand-written provider replaces the ISPDB's claim on the same domains.
        cleaned = []
        for p in providers:
            rest = tuple(d for d in p.domains if d not in replacement.domains)
            if rest != p.domains:
                p = ProviderConfig(**{**p.__dict__, "domains": rest})
            if p.domains:
                cleaned.append(p)
        providers = [*cleaned, replacement]
    document = {
        "_license": NOTICE,
        "providers": [provider_to_json(p) for p in providers],
    }
    text = "{\n" + f'"_license": {json.dumps(NOTICE)},\n"providers": [\n'
    lines = (json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in document["providers"])
    text += ",\n".join(lines)
    text += "\n]\n}\n"
    (out_dir / DATABASE).write_text(text, encoding="utf-8")
    for name in ("LICENSE", "SOURCE.md"):
        if (ispdb / name).exists():
            shutil.copyfile(ispdb / name, out_dir / f"ISPDB-{name}")
    return document


def _overlaps(p: ProviderConfig, entry: dict[str, Any]) -> bool:
    return bool(set(p.domains) & set(entry["domains"]))


def _annotate(p: ProviderConfig, entry: dict[str, Any]) -> ProviderConfig:
    extra = provider_from_json({"id": p.id, **{k: v for k, v in entry.items() if k != "id"}})
    return ProviderConfig(
        **{
            **p.__dict__,
            "notes": p.notes + extra.notes,
            "docs": p.docs + extra.docs,
            "unverified": p.unverified or extra.unverified,
            "also_try": p.also_try + extra.also_try,
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ispdb", type=Path, default=DEFAULT_ISPDB, help="folder of ISPDB *.xml files")
    parser.add_argument("--out", type=Path, default=resource_path("providers"))
    args = parser.parse_args(argv)
    document = build(args.ispdb, args.out)
    count = len(document["providers"])
    print(f"{args.out / DATABASE}: {count} providers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
