"""Short user-facing strings for the command line, in Japanese and English, read from resources/messages."""

from __future__ import annotations

import json
import locale
import os
from functools import cache
from pathlib import Path
from typing import Any

from assistant.core.resources import resource_path

LANGUAGES = ("ja", "en")


def system_language() -> str:
    """'ja' when the user's locale is Japanese, otherwise 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ja" if loc.lower().startswith("ja") else "en"


@cache
def _catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(resource_path("messages").glob("*.json")):
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        for key, texts in data.items():
            if key.startswith("_"):
                continue
            if key in merged:
                raise ValueError(f"message id {key!r} defined twice (second time in {path.name})")
            merged[key] = {lang: str(texts[lang]) for lang in LANGUAGES}
    return merged


def message_ids() -> list[str]:
    return sorted(_catalog())


def tr(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, with {placeholders} filled in."""
    entry = _catalog()[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def resources_dir() -> Path:
    return resource_path("messages")
