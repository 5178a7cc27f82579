"""Verification with the tester against the lab's Dovecot and Postfix, without locking the user out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from assistant.core.discovery import SourceName, VerifyOptions, discover, verify
from assistant.core.discovery.guess import GuessSource
from assistant.core.net import NetConfig
from tests.discovery.web import WebServer
from tests.lab import Lab
from tests.lab.dns import DnsServer

ROOT = Path(__file__).resolve().parents[2]


def test_discovery_with_the_password_verifies_both_directions(net: NetConfig, lab: Lab) -> None:
    result = discover("taro@lab.test", net=net, timeout=10, password=lab.canary, confirmed=True)
    assert result.winner is SourceName.SRV
    v = result.verification
    assert v is not None and v.incoming is not None and v.outgoing is not None
    assert v.incoming.ok and v.outgoing.ok
    assert (v.incoming.candidate.host, v.incoming.candidate.port) == ("mail.lab.test", 993)
    assert v.incoming.username == "taro@lab.test"
    assert [a.code for a in v.incoming.attempts] == ["ok"]
    text = json.dumps(result.as_dict()) + repr(result)
    assert lab.canary not in text


def test_unconfirmed_settings_never_get_the_password(net: NetConfig, lab: Lab) -> None:
    result = discover("taro@lab.test", net=net, timeout=10, password=lab.canary)
    v = result.verification
    assert v is not None and v.incoming is not None
    assert not v.incoming.ok and v.incoming.result is None
    assert {a.code for a in v.incoming.attempts} == {"skipped.needs_confirmation"}


def test_the_other_user_name_form_is_tried(net: NetConfig, lab: Lab) -> None:
    found = discover("taro@lab.test", net=net, timeout=10, sources=[GuessSource()])
    best = found.incoming[0]
    local_first = replace(best, username="taro", alternatives=("taro@lab.test",))
    v = verify([local_first], [], lab.canary, VerifyOptions(net, "taro@lab.test"), timeout=20)
    assert v.incoming is not None and v.incoming.ok
    tried = [(a.username, a.code) for a in v.incoming.attempts]
    assert tried == [("taro", "auth.failed"), ("taro@lab.test", "ok")]


def test_a_wrong_password_costs_at_most_two_refusals_per_server(net: NetConfig, lab: Lab) -> None:
    found = discover("taro@lab.test", net=net, timeout=10, sources=[GuessSource()])
    options = VerifyOptions(net, "taro@lab.test")
    v = verify(found.incoming, found.outgoing, "wrong-" + lab.canary[:4], options, timeout=30)
    for side in (v.incoming, v.outgoing):
        assert side is not None and not side.ok
        refused: dict[str, int] = {}
        for a in side.attempts:
            if a.code == "auth.failed":
                refused[a.candidate.host] = refused.get(a.candidate.host, 0) + 1
        assert refused and max(refused.values()) <= 2, side.attempts


def test_cli_verify_keeps_the_password_out_of_every_output(
    zone: DnsServer, lab: Lab, web: WebServer
) -> None:
    before = len(web.requests)
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "discover", "taro@lab.test", "--verify", "--password-stdin",
         "--confirm", "--json", "--dns-server", f"{zone.host}:{zone.port}", "--ca-file", str(lab.ca_file),
         "--ispdb-url", "https://ispdb.test/v1.1/"],
        input=lab.canary + "\n", capture_output=True, text=True, cwd=ROOT, timeout=90,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["verification"]["incoming"]["ok"] and doc["verification"]["outgoing"]["ok"]
    assert lab.canary not in proc.stdout + proc.stderr
    for _scheme, _host, path, headers in web.requests[before:]:  # discovery endpoints never see it
        assert lab.canary not in path + json.dumps(headers)
        assert "authorization" not in {k.lower() for k in headers}


def test_cli_shows_sources_and_result_in_japanese(zone: DnsServer, lab: Lab) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "discover", "taro@lab.test", "--lang", "ja",
         "--dns-server", f"{zone.host}:{zone.port}", "--ca-file", str(lab.ca_file),
         "--ispdb-url", "https://ispdb.test/v1.1/"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "DNS のサービスレコード (SRV): 見つかりました" in out
    assert "受信メールサーバー" in out and "mail.lab.test:993" in out
    assert "保護されていない DNS" in out
