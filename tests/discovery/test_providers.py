"""The bundled provider database and `discover --offline --json` for well-known and Japanese addresses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.discovery.build_db import build
from assistant.core.discovery.providers import ProviderDatabase
from assistant.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
PROVIDERS = resource_path("providers")


def discover_json(address: str, *extra: str) -> tuple[int, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "discover", address, "--offline", "--json", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=60, env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert proc.stderr == "" or proc.returncode == 2, proc.stderr
    return proc.returncode, json.loads(proc.stdout) if proc.stdout.strip() else {}


def servers(doc: dict, side: str) -> list[tuple[str, str, int, str, str]]:
    return [(c["protocol"], c["host"], c["port"], c["security"], c["username"]) for c in doc[side]]


def test_the_committed_database_is_what_the_build_script_makes(tmp_path: Path) -> None:
    (tmp_path / "local.json").write_bytes((PROVIDERS / "local.json").read_bytes())
    build(PROVIDERS / "ispdb", tmp_path)
    assert (tmp_path / "providers.json").read_bytes() == (PROVIDERS / "providers.json").read_bytes()
    assert (tmp_path / "ISPDB-LICENSE").read_bytes() == (PROVIDERS / "ispdb" / "LICENSE").read_bytes()
    assert "Mozilla Public License 2.0" in json.loads((PROVIDERS / "providers.json").read_text())["_license"]


def test_hand_written_entries_carry_their_source() -> None:
    local = json.loads((PROVIDERS / "local.json").read_text(encoding="utf-8"))["providers"]
    for entry in local:
        assert entry.get("reference"), entry["id"]
        if entry.get("incoming") or entry.get("outgoing"):
            # settings we wrote ourselves: a provider page, or openly marked unverified
            assert entry.get("docs") or entry.get("unverified"), entry["id"]
        for note in entry.get("notes", []):
            assert note["id"].startswith("provider.")
            assert note.get("url") or note.get("unverified"), (entry["id"], note["id"])


def test_wildcard_and_hosting_entries() -> None:
    db = ProviderDatabase.load()
    assert db.lookup("ab.auone-net.jp") is not None
    assert db.lookup("auone-net.jp") is None
    assert db.lookup("xserver.jp") is None  # a hosting company: only through a customer's MX
    assert db.lookup("xserver.jp", via_mx=True) is not None


WELL_KNOWN = {
    "taro@gmail.com": (
        [("imap", "imap.gmail.com", 993, "ssl", "taro@gmail.com"),
         ("pop3", "pop.gmail.com", 995, "ssl", "taro@gmail.com")],
        [("smtp", "smtp.gmail.com", 465, "ssl", "taro@gmail.com")],
        "provider.app_password",
    ),
    "taro@outlook.com": (
        [("imap", "outlook.office365.com", 993, "ssl", "taro@outlook.com"),
         ("pop3", "outlook.office365.com", 995, "ssl", "taro@outlook.com")],
        [("smtp", "smtp-mail.outlook.com", 587, "starttls", "taro@outlook.com")],
        "provider.oauth_only",
    ),
    "taro@yahoo.co.jp": (
        [("pop3", "pop.mail.yahoo.co.jp", 995, "ssl", "taro")],
        [("smtp", "smtp.mail.yahoo.co.jp", 465, "ssl", "taro")],
        "provider.enable_imap",
    ),
    "taro@icloud.com": (
        [("imap", "imap.mail.me.com", 993, "ssl", "taro")],
        [("smtp", "smtp.mail.me.com", 587, "starttls", "taro@icloud.com")],
        "provider.app_password",
    ),
    "taro@docomo.ne.jp": (
        [("imap", "imap.spmode.ne.jp", 993, "ssl", "")],
        [("smtp", "smtp.spmode.ne.jp", 465, "ssl", "")],
        "provider.imap_password",
    ),
    "taro@i.softbank.jp": (
        [("imap", "imap.softbank.jp", 993, "ssl", "taro")],
        [("smtp", "smtp.softbank.jp", 465, "ssl", "taro")],
        None,
    ),
    "taro@ocn.ne.jp": (
        [("pop3", "pop.ocn.ne.jp", 995, "ssl", "taro@ocn.ne.jp")],
        [("smtp", "smtp.ocn.ne.jp", 465, "ssl", "taro@ocn.ne.jp")],
        "provider.op25b",
    ),
    "taro@biglobe.ne.jp": (
        [("pop3", "mail.biglobe.ne.jp", 995, "ssl", "taro@biglobe.ne.jp")],
        [("smtp", "mail.biglobe.ne.jp", 465, "ssl", "taro@biglobe.ne.jp")],
        None,
    ),
    "taro@ybb.ne.jp": (
        [("pop3", "ybbpop.mail.yahoo.co.jp", 995, "ssl", "taro")],
        [("smtp", "ybbsmtp.mail.yahoo.co.jp", 465, "ssl", "taro")],
        None,
    ),
}


@pytest.mark.parametrize("address", sorted(WELL_KNOWN))
def test_offline_json_gives_the_documented_settings(address: str) -> None:
    incoming, outgoing, note = WELL_KNOWN[address]
    code, doc = discover_json(address)
    assert code == 0
    assert doc["address"] == address
    assert servers(doc, "incoming")[: len(incoming)] == incoming
    assert servers(doc, "outgoing")[: len(outgoing)] == outgoing
    for c in doc["incoming"] + doc["outgoing"]:
        assert c["provenance"]["source"] == "bundled" and c["provenance"]["https"] is True
        assert c["auth"] in ("password", "oauth2")
    if note:
        assert note in [n["id"] for n in doc["notes"]]


def test_outlook_is_oauth_only_and_gmail_offers_oauth() -> None:
    _, doc = discover_json("taro@hotmail.com")
    assert {c["auth"] for c in doc["incoming"] + doc["outgoing"]} == {"oauth2"}
    _, doc = discover_json("taro@gmail.com")
    assert all(c["auth"] == "password" and c["oauth_available"] for c in doc["incoming"])


@pytest.mark.parametrize("address", ["taro@ezweb.ne.jp", "taro@au.com"])
def test_au_settings_are_offered_but_marked_unverified(address: str) -> None:
    code, doc = discover_json(address)
    assert code == 0
    assert servers(doc, "incoming") == [("imap", "imap.au.com", 993, "ssl", "")]
    for c in doc["incoming"] + doc["outgoing"]:
        assert c["provenance"]["needs_confirmation"] and "unverified_data" in c["provenance"]["why"]
        assert c["provenance"]["confidence"] == "low"


def test_nifty_plain_text_settings_carry_their_risk() -> None:
    code, doc = discover_json("taro@nifty.com")
    assert code == 0
    assert servers(doc, "incoming") == [("pop3", "pop.nifty.com", 110, "none", "taro")]
    why = doc["incoming"][0]["provenance"]["why"]
    assert "plaintext" in why and "unverified_data" in why


def test_au_one_net_outgoing_from_the_sub_domain() -> None:
    code, doc = discover_json("taro@ab.auone-net.jp")
    assert code == 0
    assert servers(doc, "outgoing") == [("smtp", "msa.ab.auone-net.jp", 465, "ssl", "taro@ab.auone-net.jp")]
    assert doc["incoming"] == []


@pytest.mark.parametrize("address", ["taro@so-net.ne.jp", "taro@softbank.ne.jp", "taro@example.test"])
def test_providers_without_documented_settings_are_not_invented(address: str) -> None:
    code, doc = discover_json(address)
    assert code == 1
    assert doc["incoming"] == [] and doc["outgoing"] == []


def test_full_width_at_and_trailing_dot_are_normalised() -> None:
    code, doc = discover_json("ＴＡＲＯ＠ＧＭＡＩＬ．ＣＯＭ.")
    assert code == 0
    assert doc["address"] == "TARO@gmail.com"


@pytest.mark.parametrize(
    ("text", "needle"),
    [("taro", "@"), ("taro@@gmail.com", "@"), ("taro @gmail.com", "space"), ("taro@[127.0.0.1]", "IP"),
     ("taro@localhost", "dot"), ("", "nothing")],
)
def test_bad_addresses_are_one_line_with_exit_2(text: str, needle: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "discover", text, "--offline", "--lang", "en"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in proc.stderr


def test_bad_options_are_exit_2() -> None:
    for extra in (["--timeout", "abc"], ["--ispdb-url", "ftp://x"], ["--dns-server", "not an ip"]):
        proc = subprocess.run(
            [sys.executable, "-m", "assistant", "discover", "taro@gmail.com", *extra],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )
        assert proc.returncode == 2, extra
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
