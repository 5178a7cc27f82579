"""The explanation catalog: resources/explanations/*.json, loaded once, formatted without ever failing."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.resources import resource_path

LANGUAGES = ("ja", "en")
WHO = ("you", "provider", "recipient")
TEXT_FIELDS = ("title", "what", "details")
LIST_FIELDS = ("causes", "steps")

# Shown in place of a placeholder the evidence did not provide.
_MISSING = {"ja": "（不明）", "en": "(unknown)"}


@dataclass(frozen=True)
class Entry:
    """One catalog entry as stored: both languages, plus the language-free facts."""

    id: str
    who: str
    retry: bool
    link: str | None
    suggested_fix: Mapping[str, Any] | None
    texts: Mapping[str, Mapping[str, Any]]  # lang -> {"title", "what", "causes", "steps", "details"}


class _Values(dict[str, Any]):
    def __init__(self, values: Mapping[str, Any], lang: str) -> None:
        super().__init__((k, v) for k, v in values.items() if v is not None and v != "")
        self.missing = _MISSING.get(lang, _MISSING["en"])

    def __missing__(self, key: str) -> str:
        return self.missing


_FORMATTER = string.Formatter()


def fill(text: str, values: Mapping[str, Any], lang: str) -> str:
    """`text` with {placeholders} filled from `values`; unknown or broken placeholders never raise."""
    if "{" not in text:
        return text
    try:
        return text.format_map(_Values(values, lang))
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        # A malformed template: leave the text as written rather than failing the user.
        return text


def entries() -> dict[str, Entry]:
    """Every catalog entry by id (the files are read once per process)."""
    return _load()[0]


@cache
def _load() -> tuple[dict[str, Entry], dict[str, dict[str, str]]]:
    merged: dict[str, Entry] = {}
    who: dict[str, dict[str, str]] = {}
    for path in sorted(resource_path("explanations").glob("*.json")):
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        for key, raw in data.items():
            if key == "_who":
                who.update(raw)
            if key.startswith("_"):
                continue
            if key in merged:
                raise ValueError(f"explanation id {key!r} defined twice (second time in {path.name})")
            merged[key] = Entry(
                id=key,
                who=str(raw.get("who", "you")),
                retry=bool(raw.get("retry", False)),
                link=raw.get("link") or None,
                suggested_fix=raw.get("fix") or None,
                texts={lang: raw[lang] for lang in LANGUAGES if lang in raw},
            )
    return merged, who


def entry(explanation_id: str) -> Entry | None:
    return entries().get(explanation_id)


def catalog_ids() -> list[str]:
    return sorted(entries())


def placeholders(text: str) -> set[str]:
    """The placeholder names a template uses (for tests and the catalog check)."""
    names: set[str] = set()
    for _literal, name, _spec, _conv in _FORMATTER.parse(text):
        if name:
            names.add(name)
    return names


def who_text(who: str, lang: str) -> str:
    """ "Who can fix it" as a sentence, from the catalog's "_who" table."""
    texts = _load()[1].get(who, {})
    return str(texts.get(lang) or texts.get("en") or who)
