"""Every command-line message exists in Japanese and English, with the same placeholders."""

from __future__ import annotations

import json
import re
import string

from assistant.core.messages import message_ids, resources_dir, tr

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_and_same_placeholders() -> None:
    files = sorted(resources_dir().glob("*.json"))
    assert files, "no message catalogs found"
    for path in files:
        for key, texts in json.loads(path.read_text(encoding="utf-8")).items():
            if key.startswith("_"):
                continue
            assert texts.get("en", "").strip(), f"{path.name}:{key} has no English"
            assert texts.get("ja", "").strip(), f"{path.name}:{key} has no Japanese"
            assert _fields(texts["en"]) == _fields(texts["ja"]), f"{path.name}:{key} placeholders differ"
            words = re.sub(r"\{[^}]*\}", "", texts["en"])  # placeholders are not words to translate
            # Terms Japanese users read as they are (SSL/TLS, STARTTLS) may stay identical.
            if JAPANESE.search(words) is None and re.search(r"[a-z]{3}", words):
                assert JAPANESE.search(texts["ja"]), f"{path.name}:{key} Japanese text looks untranslated"


def test_lookup_fills_placeholders() -> None:
    key = next(k for k in message_ids() if _fields(tr(k, "en").replace("{{", "").replace("}}", "")) == set())
    assert tr(key, "ja")
    assert tr(key, "en")
