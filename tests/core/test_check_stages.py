"""Every stage passes against the lab's healthy servers, for IMAP, POP3 and SMTP over SSL and STARTTLS."""

from __future__ import annotations

import hashlib
import json
import ssl

import pytest

from assistant.core.check import check_server
from assistant.core.model import Security, Stage, StageEvent, StageStatus
from assistant.core.net import Deadline
from assistant.core.probe.stages import SERVER_STAGES
from tests.lab import Lab

HEALTHY = ["imap", "imaps", "pop3", "pop3s", "submission", "smtps"]


@pytest.mark.parametrize("name", HEALTHY)
def test_every_stage_passes_in_order_with_timings(lab: Lab, name: str) -> None:
    taro = lab.accounts["taro"]
    events: list[StageEvent] = []
    result = check_server(
        lab.settings(name),
        taro.password,
        address=taro.address,
        net=lab.net_config(),
        on_event=events.append,
        deadline=Deadline(10),
    )
    assert result.ok, result.failure
    assert result.failure is None
    assert [r.stage for r in result.stages] == list(SERVER_STAGES)
    implicit = result.settings.security is Security.SSL
    skipped = {Stage.STARTTLS} if implicit else {Stage.TLS}
    for record in result.stages:
        expected = StageStatus.SKIPPED if record.stage in skipped else StageStatus.PASSED
        assert record.status is expected, record
        assert record.elapsed_ms >= 0
    starts = [r.started_ms for r in result.stages]
    assert starts == sorted(starts)
    assert sum(r.elapsed_ms for r in result.stages) <= result.elapsed_ms + 1

    # Events: each run stage starts and then passes, in order, through the callback.
    ran = [(e.stage, e.status) for e in events if e.status is not StageStatus.SKIPPED]
    expected_events = []
    for stage in SERVER_STAGES:
        if stage not in skipped:
            expected_events += [(stage, StageStatus.STARTED), (stage, StageStatus.PASSED)]
    assert ran == expected_events
    assert {e.role for e in events} == {"incoming" if result.settings.protocol.incoming else "outgoing"}

    cert = result.certificate
    assert cert is not None and cert.verified and not cert.pinned
    assert cert.tls_version in ("TLSv1.2", "TLSv1.3")
    assert cert.cipher
    assert "DNS:mail.lab.test" in cert.sans
    assert "mail.lab.test" in cert.subject
    assert cert.not_before < cert.not_after
    ep = lab.endpoint(name)
    if implicit:  # the fingerprint is the SHA-256 of the DER certificate the server sends
        pem = ssl.get_server_certificate((ep.ip, ep.port))
        assert cert.sha256 == hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()

    if result.settings.protocol.incoming:
        assert isinstance(result.facts["message_count"], int)
    assert result.capabilities
    assert result.facts["auth_mechanism"]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["ok"] is True
    assert data["stages"][0]["status"] == "passed"
    assert data["certificate"]["sha256"] == cert.sha256


def test_starttls_forgets_what_was_said_in_clear(lab: Lab) -> None:
    """After STARTTLS the capabilities are asked again (RFC 3207 §4.2, RFC 2595 §3.1)."""
    taro = lab.accounts["taro"]
    result = check_server(
        lab.settings("submission"), taro.password, address=taro.address, net=lab.net_config()
    )
    assert result.ok
    sent = [line.text for line in result.transcript.lines if line.direction == "C"]
    assert sent[:3] == [sent[0], "STARTTLS", sent[0]] and sent[0].startswith("EHLO ")
    assert any(c.startswith("AUTH") for c in result.capabilities)  # the answer after TLS, not before
    assert "STARTTLS" not in result.capabilities


def test_smtp_action_is_pipelined_and_sends_no_message(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    result = check_server(lab.settings("smtps"), taro.password, address=taro.address, net=lab.net_config())
    assert result.ok
    sent = [line.text for line in result.transcript.lines if line.direction == "C"]
    tail = sent[-4:]
    assert tail == [f"MAIL FROM:<{taro.address}>", f"RCPT TO:<{taro.address}>", "RSET", "QUIT"]
    assert "DATA" not in sent
    # one write for the whole envelope: the four commands carry (almost) the same timestamp
    stamps = [line.ms for line in result.transcript.lines if line.direction == "C"][-4:]
    assert stamps[-1] - stamps[0] < 5


def test_imap_capabilities_come_from_the_greeting_without_a_round_trip(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    result = check_server(lab.settings("imaps"), taro.password, address=taro.address, net=lab.net_config())
    assert result.ok
    sent = [line.text.split()[1] for line in result.transcript.lines if line.direction == "C"]
    assert sent == ["AUTHENTICATE", "EXAMINE", "LOGOUT"]
