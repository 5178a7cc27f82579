"""The send test end to end: submit over SMTP, find it over IMAP or POP3, time it, delete it."""

from __future__ import annotations

import email
import secrets
import time
from email.header import decode_header, make_header
from email.policy import default

import pytest

from assistant.core.check import check_account
from assistant.core.model import Stage, StageEvent, StageStatus
from assistant.core.net import Deadline
from assistant.core.sendtest import build_message, send_test
from tests.lab import Lab


def maildir_has(lab: Lab, message_id: str, account: str = "taro") -> bool:
    root = lab.maildir(account)
    return any(
        message_id.encode() in path.read_bytes() for sub in ("new", "cur") for path in (root / sub).glob("*")
    )


@pytest.mark.parametrize(
    ("incoming", "outgoing", "deleted"),
    [("imaps", "submission", "expunged"), ("imap", "smtps", "expunged"), ("pop3s", "smtps", "deleted")],
)
def test_round_trip_and_cleanup(lab: Lab, incoming: str, outgoing: str, deleted: str) -> None:
    taro = lab.accounts["taro"]
    events: list[StageEvent] = []
    t0 = time.monotonic()
    result = send_test(
        taro.address,
        lab.settings(incoming),
        lab.settings(outgoing),
        taro.password,
        net=lab.net_config(),
        on_event=events.append,
        deadline=Deadline(15),
    )
    elapsed_ms = (time.monotonic() - t0) * 1000
    assert result.ok, (result.failure, result.receive and result.receive.transcript.render())
    assert result.round_trip_ms is not None and 0 < result.round_trip_ms < elapsed_ms
    assert result.deleted == deleted
    assert not maildir_has(lab, result.message_id)
    assert [(e.stage, e.status) for e in events] == [
        (Stage.SUBMIT, StageStatus.STARTED),
        (Stage.SUBMIT, StageStatus.PASSED),
        (Stage.RECEIVE, StageStatus.STARTED),
        (Stage.RECEIVE, StageStatus.PASSED),
    ]
    assert {e.role for e in events} == {"send-test"}
    sent = [line.text for line in result.submit.transcript.lines if line.direction == "C"]
    assert "DATA" in sent and "." in sent
    data = result.to_dict()
    assert data["ok"] is True and data["message_id"] == result.message_id
    if incoming.startswith("imap"):  # the first search that finds the message ends the polling
        hits = [line.text for line in result.receive.transcript.lines if line.text.startswith("* SEARCH ")]
        assert len(hits) == 1, result.receive.transcript.render()


def test_the_message_is_clearly_labelled() -> None:
    raw = build_message("taro@lab.test", "<abc.mail-setup-assistant@lab.test>")
    msg = email.message_from_bytes(raw, policy=default)
    subject = str(make_header(decode_header(str(msg["Subject"]))))
    assert (
        "Mail Setup Assistant test message" in subject and "メール設定アシスタントのテストメール" in subject
    )
    assert msg["From"] == msg["To"] == "taro@lab.test"
    assert msg["Message-ID"] == "<abc.mail-setup-assistant@lab.test>"
    assert msg["Date"]
    body = msg.get_content()
    assert "delete" in body and "削除" in body


def test_account_check_with_send_test(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    result = check_account(
        taro.address,
        lab.settings("imaps"),
        lab.settings("smtps"),
        taro.password,
        net=lab.net_config(),
        deadline=Deadline(15),
        send_test=True,
    )
    assert result.ok
    assert result.send_test is not None and result.send_test.ok
    assert result.to_dict()["send_test"]["round_trip_ms"] > 0


def test_a_refused_submission_stops_the_receiver_at_once(lab: Lab) -> None:
    taro, hanako = lab.accounts["taro"], lab.accounts["hanako"]
    t0 = time.monotonic()
    result = send_test(
        hanako.address,  # not taro's to send as: 553 5.7.1 not owned by user
        lab.settings("imaps"),
        lab.settings("submission"),
        taro.password,
        net=lab.net_config(),
        deadline=Deadline(15),
    )
    assert not result.ok and result.failure is not None
    assert (result.failure.stage, result.failure.code) == (Stage.SUBMIT, "smtp.sender_rejected")
    assert time.monotonic() - t0 < 3


def test_message_that_never_arrives() -> None:
    """Delivered to taro's mailbox, looked for in hanako's (same password on this lab): never found."""
    lab = Lab.start(password="Sendtest-" + secrets.token_hex(8))
    try:
        taro = lab.accounts["taro"]
        t0 = time.monotonic()
        result = send_test(
            taro.address,
            lab.settings("imaps", account="hanako"),
            lab.settings("submission"),
            taro.password,
            net=lab.net_config(),
            deadline=Deadline(3),
        )
        assert time.monotonic() - t0 < 3.5
        assert not result.ok and result.failure is not None
        assert (result.failure.stage, result.failure.code) == (Stage.RECEIVE, "sendtest.not_received")
        assert maildir_has(lab, result.message_id, "taro")
    finally:
        lab.cleanup()
