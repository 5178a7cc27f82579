"""Bounces the lab's real Postfix generates: unknown user, mailbox full, message too large, relay denied."""

from __future__ import annotations

import pytest

from assistant.core.explain.bounce import analyze_bounce, explain_recipient
from tests.lab import Lab


@pytest.mark.parametrize(
    ("kind", "status", "reason", "hard"),
    [
        ("unknown_user", "5.1.1", "userunknown", True),
        ("mailbox_full", "5.2.2", "mailboxfull", False),
        ("too_large", "5.3.4", "mesgtoobig", False),
        ("relay_denied", "5.7.1", "norelaying", False),
    ],
)
def test_real_postfix_bounce(lab: Lab, kind: str, status: str, reason: str, hard: bool) -> None:
    data = lab.make_bounce(kind)
    report = analyze_bounce(data)
    assert report.kind == "dsn"
    assert len(report.recipients) == 1
    r = report.recipients[0]
    assert (r.status, r.reason, r.hard, r.action) == (status, reason, hard, "failed")
    assert r.address.endswith(("@" + lab.domain, "@elsewhere.test"))
    assert r.reply_code is not None and str(r.reply_code)[0] == "5"
    assert r.reporting_mta and r.diagnostic
    for lang in ("ja", "en"):
        assert explain_recipient(r, lang=lang).id == f"bounce.{reason}"
