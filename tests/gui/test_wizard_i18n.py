"""The wizard's Japanese catalog is complete, current with the code, and keeps placeholders and shortcuts."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET  # only for the type: parsing goes through defusedxml
from pathlib import Path

import defusedxml.ElementTree as defused
import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "wizard_ja.ts"
SOURCES = [
    "assistant/gui/app.py",
    "assistant/gui/words.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "assistant/gui/wizard").glob("*.py")),
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "assistant/gui/widgets").glob("*.py")),
]
# The main window's catalog: the same checks, over its own sources.
MAIN_TS = ROOT / "resources" / "i18n" / "main_ja.ts"
MAIN_SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "assistant/gui/windows").glob("*.py"))
CATALOGS = {"wizard": (TS, SOURCES), "main": (MAIN_TS, MAIN_SOURCES)}


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in defused.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message.find("translation")
    return out


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_every_string_is_translated_and_keeps_placeholders_and_shortcuts(catalog: str) -> None:
    messages = _messages(CATALOGS[catalog][0])
    assert len(messages) > 100
    for (context, source), translation in messages.items():
        assert translation is not None and translation.get("type") is None, (
            f"{context}: {source!r} unfinished"
        )
        text = translation.text or ""
        assert text.strip(), f"{context}: {source!r} has no Japanese"
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source
        assert ("&" in source.replace("&&", "")) == bool(re.search(r"\(&\w\)", text)), source


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_the_catalog_is_current_with_the_code(catalog: str, tmp_path: Path) -> None:
    ts, sources = CATALOGS[catalog]
    fresh = tmp_path / "fresh_ja.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete"], cwd=ROOT, check=True, capture_output=True
    )
    assert set(_messages(fresh)) == set(_messages(ts)), "run pyside6-lupdate and translate the new strings"
