"""The explanation catalog: every entry complete in both languages, every failure code explained."""

import json
import re

import pytest

from assistant.core.explain import catalog, explain, explain_code
from assistant.core.failures import FailureCode
from assistant.core.model import Evidence, Stage
from assistant.core.resources import resource_path

IDS = catalog.catalog_ids()
ADDRESS_CODES = (
    "address.empty address.space address.no_at address.multiple_at address.empty_local address.too_long "
    "address.bad_local address.empty_domain address.ip_literal address.bad_domain address.domain_no_dot"
).split()
PROVIDER_NOTES = (
    "provider.app_password provider.oauth_only provider.imap_password provider.enable_imap "
    "provider.host_on_notice provider.op25b provider.username_account_id"
).split()
KNOWN_PLACEHOLDERS = {
    "host",
    "port",
    "code",
    "enhanced",
    "response_code",
    "text",
    "protocol",
    "security",
    "ssl_port",
    "starttls_port",
    "cert_names",
    "cert_issuer",
    "cert_expiry",
    "cert_start",
    "cert_host",
    "alt_port",
    "provider",
    "example",
    "url",
    "address",
    "status",
    "reply_code",
    "diagnostic",
    "remote_mta",
    "reporting_mta",
    "domain",
}
JA_CHARS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_catalog_is_not_empty_and_has_who_labels() -> None:
    assert len(IDS) > 100
    for who in catalog.WHO:
        for lang in catalog.LANGUAGES:
            assert catalog.who_text(who, lang) not in ("", who)


@pytest.mark.parametrize("explanation_id", IDS)
def test_entry_is_complete_in_both_languages(explanation_id: str) -> None:
    entry = catalog.entry(explanation_id)
    assert entry is not None
    assert entry.who in catalog.WHO
    assert isinstance(entry.retry, bool)
    for lang in catalog.LANGUAGES:
        texts = entry.texts[lang]
        for name in catalog.TEXT_FIELDS:
            assert isinstance(texts.get(name), str) and texts[name].strip(), f"{explanation_id} {lang} {name}"
        assert "\n" not in texts["title"], f"{explanation_id} {lang}: the title is one line"
        for name in catalog.LIST_FIELDS:
            items = texts.get(name)
            assert (
                isinstance(items, list) and items and all(isinstance(i, str) and i.strip() for i in items)
            ), f"{explanation_id} {lang} {name}"
        # the same number of steps in both languages: one is a translation of the other
    assert len(entry.texts["ja"]["steps"]) == len(entry.texts["en"]["steps"]), explanation_id
    assert len(entry.texts["ja"]["causes"]) == len(entry.texts["en"]["causes"]), explanation_id


@pytest.mark.parametrize("explanation_id", IDS)
def test_japanese_is_japanese_and_polite(explanation_id: str) -> None:
    texts = catalog.entry(explanation_id).texts["ja"]  # type: ignore[union-attr]
    assert JA_CHARS.search(texts["title"]) and JA_CHARS.search(texts["what"])
    assert texts["what"].endswith(("。", "」")), explanation_id
    assert re.search(r"(です|ます|ません|でした|ました)", texts["what"]), (
        f"{explanation_id}: です・ます in what"
    )
    for step in texts["steps"]:
        assert step.endswith("。"), f"{explanation_id}: {step}"
        assert re.search(r"(ください|ません|ます|です)", step), (
            f"{explanation_id}: a step asks politely: {step}"
        )
    for name in ("title", "what"):
        assert "である" not in texts[name] and "だ。" not in texts[name]


@pytest.mark.parametrize("explanation_id", IDS)
def test_placeholders_are_known_and_formatting_never_fails(explanation_id: str) -> None:
    entry = catalog.entry(explanation_id)
    assert entry is not None
    for lang in catalog.LANGUAGES:
        texts = entry.texts[lang]
        for text in [texts[n] for n in catalog.TEXT_FIELDS] + texts["causes"] + texts["steps"]:
            assert catalog.placeholders(text) <= KNOWN_PLACEHOLDERS, f"{explanation_id}: {text}"
        x = explain_code(explanation_id, lang=lang)  # no values at all: still readable text
        assert "{" not in x.title + x.what + "".join(x.steps)
        assert x.suggested_fix is None or not any("{" in str(v) for v in x.suggested_fix.values())


def test_en_entries_have_no_japanese() -> None:
    for explanation_id in IDS:
        texts = catalog.entry(explanation_id).texts["en"]  # type: ignore[union-attr]
        assert not JA_CHARS.search(texts["title"]), explanation_id


def test_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(resource_path("explanations").glob("*.json")):
        for key in json.loads(path.read_text(encoding="utf-8")):
            if key.startswith("_"):
                continue
            assert key not in seen, f"{key} in {seen.get(key)} and {path.name}"
            seen[key] = path.name


@pytest.mark.parametrize("code", [c.value for c in FailureCode])
def test_every_failure_code_reaches_a_specific_explanation(code: str) -> None:
    """Re-read failures.py: a code added by the tester without a catalog entry fails here."""
    x = explain(Evidence(stage=Stage.ACTION, code=code), lang="en")
    assert x.id != "generic.failure"
    assert x.id == code or x.id.startswith(code.split(".")[0]) or code in x.details


@pytest.mark.parametrize("code", ADDRESS_CODES + PROVIDER_NOTES)
def test_address_codes_and_provider_notes_have_entries(code: str) -> None:
    assert code in IDS
    x = explain(Evidence(stage=Stage.RESOLVE, code=code, text="taro＠example"), lang="ja")
    assert x.id == code


def test_discovery_notes_all_have_entries() -> None:
    notes: set[str] = set()
    for path in resource_path("providers").glob("*.json"):
        notes |= set(re.findall(r'"(provider\.[a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    assert notes - set(IDS) == set()


def test_formatting_survives_hostile_values() -> None:
    hostile = {"host": "{text}", "text": "{0} {host!r} {:>999999999}", "port": None, "code": "}{"}
    for explanation_id in IDS:
        for lang in catalog.LANGUAGES:
            x = explain_code(explanation_id, lang=lang, values=hostile)
            assert x.title


def test_broken_template_is_returned_as_written() -> None:
    assert catalog.fill("port {port!z} and {", {"port": 25}, "en") == "port {port!z} and {"
    assert catalog.fill("{missing} on {port}", {"port": 25}, "en") == "(unknown) on 25"
    assert catalog.fill("{missing}", {}, "ja") == "（不明）"
