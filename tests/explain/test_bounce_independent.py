"""An independent set of hand-written bounces (not derived from the fixtures): every expectation holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.core.explain.bounce import analyze_bounce

FOLDER = Path(__file__).parent / "bounces_independent"
EXPECTED: dict[str, list[dict[str, object]]] = json.loads(
    (FOLDER / "expected.json").read_text(encoding="utf-8")
)


def test_every_file_has_expectations() -> None:
    files = {p.name for p in FOLDER.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_independent_bounce(name: str) -> None:
    report = analyze_bounce((FOLDER / name).read_bytes())
    found = {r.address.lower(): r for r in report.recipients}
    for want in EXPECTED[name]:
        address = str(want["address"])
        assert address.lower() in found, f"{name}: {address} not reported (found {sorted(found)})"
        r = found[address.lower()]
        got = {"reason": r.reason, "status": r.status, "reply_code": r.reply_code, "hard": r.hard}
        expected = {k: want[k] for k in ("reason", "status", "reply_code", "hard")}
        if want["status"] is None:  # auto-replies and feedback reports carry no status
            got.pop("status")
            expected.pop("status")
        assert got == expected, f"{name}: {r.diagnostic[:200]}"


def test_a_failure_never_takes_a_success_code_from_its_text() -> None:
    text = (
        "From: MAILER-DAEMON@relay.example.jp\nTo: a@example.jp\nSubject: Returned mail: see transcript\n\n"
        "   ----- Transcript of session follows -----\n... while talking to mx.d.example.:\n"
        ">>> RCPT To:<c@d.example>\n<<< 550 Mailbox unavailable (previous reply: 250 2.1.5 ok)\n"
    )
    (r,) = analyze_bounce(text.encode()).recipients
    assert (r.address, r.reply_code, r.reason, r.status) == ("c@d.example", 550, "userunknown", "5.0.911")
