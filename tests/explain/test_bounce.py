"""The bounce analyzer on hand-written fixtures in each vendor's format, Japanese encodings, hostile input."""

import json
from pathlib import Path

import pytest

from assistant.core.explain import catalog
from assistant.core.explain.bounce import BounceInputError, analyze_bounce, analyze_text, explain_recipient
from assistant.core.explain.reasons import REASONS

HERE = Path(__file__).parent / "bounces"
EXPECTED = {
    k: v for k, v in json.loads((HERE / "expected.json").read_text(encoding="utf-8")).items() if k[0] != "_"
}


def test_every_fixture_has_an_expectation() -> None:
    files = {p.name for p in HERE.iterdir() if p.suffix in (".eml", ".txt")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name: str) -> None:
    report = analyze_bounce((HERE / name).read_bytes())
    want = EXPECTED[name]
    assert report.kind == want["kind"]
    got = [[r.address, r.status, r.reason, r.hard] for r in report.recipients]
    assert got == want["recipients"]
    for r in report.recipients:
        assert r.reason in REASONS
        for lang in ("ja", "en"):
            x = explain_recipient(r, lang=lang)
            assert x.id.startswith("bounce.") and x.title and x.steps
            assert "{" not in x.what


def test_every_reason_has_an_explanation() -> None:
    for reason in REASONS:
        assert f"bounce.{reason}" in catalog.catalog_ids()
    assert "bounce.filtered.carrier" in catalog.catalog_ids()


def test_carrier_user_unknown_after_data_is_the_recipients_filter() -> None:
    """A carrier's "user unknown" after DATA is its user's filter; at RCPT it is a bad address."""
    filtered = analyze_bounce((HERE / "docomo-filtered-after-data.eml").read_bytes()).recipients[0]
    assert (filtered.reason, filtered.hard, filtered.explanation_id) == (
        "filtered",
        False,
        "bounce.filtered.carrier",
    )
    unknown = analyze_bounce((HERE / "docomo-userunknown-rcpt.eml").read_bytes()).recipients[0]
    assert (unknown.reason, unknown.hard) == ("userunknown", True)
    ja = explain_recipient(filtered, lang="ja")
    assert "受信" in ja.title or "フィルター" in ja.title


def test_remote_and_reporting_hosts_and_command() -> None:
    r = analyze_bounce((HERE / "postfix-userunknown.eml").read_bytes()).recipients[0]
    assert (r.reporting_mta, r.remote_mta, r.command, r.reply_code) == (
        "mail.example.jp",
        "mx1.example.net",
        "RCPT",
        550,
    )
    assert "User unknown in virtual mailbox table" in r.diagnostic


def test_forwarded_bounce_is_marked() -> None:
    assert analyze_bounce((HERE / "forwarded-attached.eml").read_bytes()).forwarded
    inline = analyze_bounce((HERE / "forwarded-inline.eml").read_bytes())
    assert [r.address for r in inline.recipients] == ["kimura@example.net"]  # not the forwarder's addresses


def test_delayed_dsn_is_soft_and_temporary() -> None:
    r = analyze_bounce((HERE / "yahoo-deferred.eml").read_bytes()).recipients[0]
    assert r.action == "delayed" and not r.hard and r.status.startswith("4")


def test_japanese_subject_and_text_are_decoded() -> None:
    report = analyze_bounce((HERE / "iso2022jp-userunknown.eml").read_bytes())
    assert report.subject == "配信エラーのお知らせ"
    sjis = analyze_bounce((HERE / "shiftjis-mailboxfull.eml").read_bytes())
    assert sjis.subject == "メール配信失敗" and "容量" in sjis.recipients[0].diagnostic


def test_pasted_text_without_headers() -> None:
    text = (
        "Hi. This is the qmail-send program at mx.example.com.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
        "<someone@example.org>:\nRemote host said: 552 5.2.2 Mailbox quota exceeded\n"
    )
    r = analyze_text(text).recipients[0]
    assert (r.address, r.status, r.reason) == ("someone@example.org", "5.2.2", "mailboxfull")


def test_pasted_dsn_fields() -> None:
    text = (
        "Final-Recipient: rfc822; x@example.com\nAction: failed\nStatus: 5.1.2\n"
        "Diagnostic-Code: smtp; 550 no such domain\n"
    )
    r = analyze_text(text).recipients[0]
    assert (r.address, r.status, r.reason, r.hard) == ("x@example.com", "5.1.2", "hostunknown", True)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "bounce.input.empty"),
        (b"   \n\n\t", "bounce.input.empty"),
        (bytes(range(256)) * 40, "bounce.input.binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bounce.input.binary"),
        (b"just some words that are not mail at all\n", "bounce.input.not_email"),
    ],
)
def test_bad_input_is_refused_with_a_code(data: bytes, code: str) -> None:
    with pytest.raises(BounceInputError) as info:
        analyze_bounce(data)
    assert info.value.code == code


@pytest.mark.parametrize(
    "data",
    [
        b'From: a@b.example\nContent-Type: multipart/report; boundary="x"\n\n'
        b"--x\nContent-Type: message/delivery-status\n\n"
        b"Final-Recipient: rfc822;\nStatus: 9.9.9\nAction:\n\n--x",
        b"From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail\n"
        b"Content-Type: text/plain; charset=no-such-charset\n"
        b"Content-Transfer-Encoding: base64\n\n!!!not base64!!!\n",
        b'From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; boundary=""\n\n' + b"--\n" * 5000,
        b"Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= =?bogus?Q?x?=\nFrom: postmaster@x.example\n\n"
        + b"<a@x.example>: "
        + b"550 " * 20000,
        b"From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n" + b"<" * 100000 + b"@" * 100000,
        b"From: MAILER-DAEMON@x.example\nContent-Type: message/rfc822\n\n" * 200,
        ("From: MAILER-DAEMON@x.example\nSubject: 配信エラー\n\n宛先不明です".encode("utf-16")),
        b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(500)),
        b"From: postmaster@x.example\nContent-Type: multipart/report; boundary=b\n\n"
        + b"--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.example\n\n" * 3000,
        b"Subject: =?UTF-8?B?broken-base64?=\nFrom: MAILER-DAEMON@x.example\n\n550 5.1.1 <a@b.example>\n",
        b"From: MAILER-DAEMON@x.example\nContent-Type: message/delivery-status\n"
        b"Content-Transfer-Encoding: base64\n\n%%%%not base64 at all%%%%\n",
    ],
)
def test_hostile_input_never_raises_anything_but_input_errors(data: bytes) -> None:
    try:
        report = analyze_bounce(data)
    except BounceInputError:
        return
    for r in report.recipients:
        assert r.reason in REASONS


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_crlf_and_mbox_forms_give_the_same_answer(name: str) -> None:
    data = (HERE / name).read_bytes()
    want = [(r.address, r.status, r.reason) for r in analyze_bounce(data).recipients]
    crlf = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert [(r.address, r.status, r.reason) for r in analyze_bounce(crlf).recipients] == want
    if not name.endswith(".txt"):
        mbox = b"From MAILER-DAEMON Mon Mar  3 10:00:05 2025\n" + data
        assert [(r.address, r.status, r.reason) for r in analyze_bounce(mbox).recipients] == want
