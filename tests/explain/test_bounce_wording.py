"""Wordings and report shapes found by blind corpora: size limits, policies, transcripts, forwarded notes."""

from __future__ import annotations

import pytest

from assistant.core.explain.bounce import analyze_bounce
from assistant.core.explain.reasons import classify
from assistant.core.explain.status import choose_status

# (status, reply, text, command, reason): several wordings per rule, English and Japanese
WORDINGS = [
    # a domain with neither MX nor A/AAAA records, or one the resolver says does not exist
    ("", None, "No MX or A records for shop.example", "", "hostunknown"),
    ("", None, "no MX or AAAA record found for shop.example", "", "hostunknown"),
    ("", 550, "550 No MX nor A records for domain shop.example", "RCPT", "hostunknown"),
    (
        "5.4.310",
        550,
        "550 5.4.310 DNS domain shop.example does not exist [Message=InfoDomainNonexistent]",
        "",
        "hostunknown",
    ),
    ("", None, "宛先ドメインの MX・Aレコードが見つかりません", "", "hostunknown"),
    ("", None, "MXレコードもAレコードも存在しません", "", "hostunknown"),
    # a gateway's per-recipient verdict after the message: its spam block
    (
        "5.0.0",
        550,
        "550 permanent failure for one or more recipients (a@example.net:blocked)",
        "DATA",
        "spamdetected",
    ),
    (
        "",
        550,
        "550 permanent failure for one or more recipients (b@example.org:spam)",
        "DATA",
        "spamdetected",
    ),
    # the recipient organisation's rules
    (
        "5.7.1",
        550,
        "550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy",
        "DATA",
        "policyviolation",
    ),
    ("5.7.1", 550, "550 5.7.1 Delivery not allowed by company policy", "DATA", "policyviolation"),
    ("", 550, "550 Rejected by header based Anti-Spoofing policy: a@example.org", "DATA", "policyviolation"),
    ("5.7.1", 554, "554 5.7.1 Message blocked by the administrator's policy", "DATA", "policyviolation"),
    # encrypted archives refused (PPAP)
    ("", None, "Encrypted ZIP attachments are not accepted", "", "policyviolation"),
    ("", 552, "552 Password-protected archive refused", "DATA", "policyviolation"),
    ("", None, "パスワード付きZIPファイルの受信を禁止しております", "", "policyviolation"),
    ("", None, "添付ファイル: spec.zip (暗号化ZIP)", "", "policyviolation"),
    ("", None, "暗号化された添付ファイルは受け付けておりません", "", "policyviolation"),
    # a client block with only a URL as its reason
    ("5.7.1", 554, "554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", "CONN", "blocked"),
    ("5.7.1", 550, "550 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", "RCPT", "blocked"),
    # the greeting refused us: nobody but the client is known yet
    ("5.7.1", 554, "554 5.7.1 Go away", "CONN", "blocked"),
    ("", 554, "554 mx.example.com", "CONN", "blocked"),
    # Japanese size-limit wording
    ("", None, "メールサイズ: 24MB 制限サイズ: 10MB", "", "mesgtoobig"),
    ("", None, "メールのサイズが制限を超えているため配送できませんでした", "", "mesgtoobig"),
    ("", None, "メッセージのサイズは上限を超えています", "", "mesgtoobig"),
    ("", None, "添付ファイルのサイズが大きすぎます", "", "mesgtoobig"),
    ("", None, "最大サイズを超えたメールは受信できません", "", "mesgtoobig"),
    # ...but a mailbox's size limit is its quota
    ("", None, "メールボックスのサイズが上限に達しています", "", "mailboxfull"),
]


@pytest.mark.parametrize(("status", "reply", "text", "command", "reason"), WORDINGS)
def test_wording(status: str, reply: int | None, text: str, command: str, reason: str) -> None:
    assert classify(status=status, reply=reply, text=text, command=command) == reason


def test_a_refused_connection_without_a_reply_is_not_a_client_block() -> None:
    got = classify(status="4.0.0", text="Connection refused", command="CONN", action="delayed")
    assert got == "expired"


def test_a_reports_definite_status_beats_a_code_quoted_in_its_diagnostic() -> None:
    text = '451 4.4.0 Primary target IP address responded with: "421 4.4.2 timeout exceeded."'
    assert choose_status("4.4.7", text, 451) == "4.4.7"
    assert choose_status("4.0.0", text, 451) == "4.4.0"  # a generic Status yields
    assert choose_status("5.0.0", "550 5.1.1 no such user", 550) == "5.1.1"


def _mail(headers: str, body: str) -> bytes:
    return (headers.strip() + "\n\n" + body).encode()


TRANSCRIPT_HEAD = """
From: MDaemon@mail.example.org
To: ai@example.org
Subject: Permanent Delivery Failure
"""


@pytest.mark.parametrize(
    ("last", "status", "reply", "reason"),
    [
        ("<-- 550 5.1.1 <bo@example.net>: no such user", "5.1.1", 550, "userunknown"),
        ("<-- 452 4.2.2 <bo@example.net>: mailbox full", "4.2.2", 452, "mailboxfull"),
        ("<-- 554 5.2.1 <bo@example.net>: account is disabled", "5.2.1", 554, "suspend"),
    ],
)
def test_a_session_transcript_gives_its_failure_reply_not_the_greeting(
    last: str, status: str, reply: int, reason: str
) -> None:
    body = (
        "Your message was not delivered.\n\n--- Session Transcript ---\n"
        " Mon 2026-11-23 10:00:00.100: Connecting to [192.0.2.41:25]\n"
        " Mon 2026-11-23 10:00:00.200: <-- 220 mx.example.net ESMTP\n"
        " Mon 2026-11-23 10:00:00.201: --> EHLO mail.example.org\n"
        " Mon 2026-11-23 10:00:00.250: <-- 250-mx.example.net\n"
        " Mon 2026-11-23 10:00:00.250: <-- 250 ENHANCEDSTATUSCODES\n"
        " Mon 2026-11-23 10:00:00.251: --> MAIL From:<ai@example.org>\n"
        " Mon 2026-11-23 10:00:00.300: <-- 250 2.1.0 Ok\n"
        " Mon 2026-11-23 10:00:00.301: --> RCPT To:<bo@example.net>\n"
        f" Mon 2026-11-23 10:00:00.350: {last}\n"
        " Mon 2026-11-23 10:00:00.351: --> QUIT\n--- End Transcript ---\n"
    )
    (r,) = analyze_bounce(_mail(TRANSCRIPT_HEAD, body)).recipients
    assert (r.address, r.status, r.reply_code, r.reason) == ("bo@example.net", status, reply, reason)


def test_a_failed_recipients_header_naming_nobody_in_the_report_yields_to_the_report() -> None:
    headers = """
From: Mail Delivery System <Mailer-Daemon@mail.example.org>
To: ai@example.org
X-Failed-Recipients: someone-else@example.edu
Subject: Mail delivery failed: returning message to sender
"""
    body = (
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error. The following address(es) failed:\n\n"
        "  bo@example.net\n    host mx.example.net [192.0.2.9]\n"
        "    SMTP error from remote mail server after RCPT TO:<bo@example.net>:\n"
        "    551 5.1.6 User not local; please try <bo@elsewhere.example>\n"
    )
    (r,) = analyze_bounce(_mail(headers, body)).recipients
    assert (r.address, r.status, r.reason) == ("bo@example.net", "5.1.6", "hasmoved")


@pytest.mark.parametrize(
    ("subject", "note", "bounce", "reason"),
    [
        (
            "FW: Undeliverable: Quote",
            "Could you look at this?\n\n-----Original Message-----\nFrom: Microsoft Outlook\n"
            "Sent: Monday, November 23, 2026 10:00\nTo: Ai <ai@example.org>\nSubject: Undeliverable: Quote\n",
            "Delivery has failed to these recipients or groups:\n\nbo@exampel.example\n\n"
            "Diagnostic information for administrators:\n"
            "Remote Server returned '550 5.4.310 DNS domain exampel.example does not exist'\n",
            "hostunknown",
        ),
        (
            "FW: 配信不能: 見積書",
            "下記のエラーが返ってきました。\n\n-----Original Message-----\n差出人: Microsoft Outlook\n"
            "宛先: 愛 <ai@example.org>\n件名: 配信不能: 見積書\n",
            "次の宛先へのメッセージを配信できませんでした:\n\nbo@example.net\n\n"
            "エラーの詳細\nエラー:    550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\n",
            "userunknown",
        ),
    ],
)
def test_a_bounce_forwarded_inline_below_an_original_message_line(
    subject: str, note: str, bounce: str, reason: str
) -> None:
    headers = f"From: Ai <ai@example.org>\nTo: Help desk <help@example.org>\nSubject: {subject}\n"
    report = analyze_bounce(_mail(headers, note + "\n" + bounce))
    (r,) = report.recipients
    assert (r.address.split("@")[0], r.reason, report.forwarded) == ("bo", reason, True)


@pytest.mark.parametrize(
    ("subject", "body", "reason"),
    [
        (
            "迷惑メール判定通知",
            "下記のメールは迷惑メールと判定されたため、受信を拒否しました。\n\n"
            "  宛先: bo@example.net\n  件名: ご案内\n  判定理由: 迷惑メール送信元として登録されています\n",
            "spamdetected",
        ),
        (
            "【ウイルス検出】お知らせ",
            "送信されたメールからウイルスが検出されたため、メールの配送を停止しました。\n"
            "このメールは宛先には届いていません。\n\n  宛先　: bo@example.net\n  検出名: Trojan.Test\n",
            "virusdetected",
        ),
        (
            "送信エラー（サイズ超過）",
            "お送りいただいたメールはサイズが制限を超えているため、配信されていません。\n\n"
            "  宛先　: bo@example.net\n  メールサイズ: 30MB\n  制限サイズ: 10MB\n",
            "mesgtoobig",
        ),
    ],
)
def test_a_japanese_gateway_notice_from_a_personal_looking_sender(
    subject: str, body: str, reason: str
) -> None:
    headers = f"From: Mail guard <guard@example.net>\nTo: ai@example.org\nSubject: {subject}\n"
    headers += "Content-Type: text/plain; charset=utf-8\n"
    (r,) = analyze_bounce(_mail(headers, body)).recipients
    assert (r.address, r.reason) == ("bo@example.net", reason)
    assert r.status.startswith("5.0.9")  # the notice gives no code: the taxonomy's pseudo code


def test_raw_utf8_headers_are_read_whole() -> None:
    # "配" is E9 85 8D in UTF-8: 0x85 read as Latin-1 is a line break to str.splitlines()
    data = _mail(
        "From: MAILER-DAEMON@mx.example.net\nTo: ai@example.org\nSubject: 配信不能: 見積書\n",
        "<bo@example.net>: host mx.example.net[192.0.2.9] said: 550 5.1.1 no such user\n",
    )
    report = analyze_bounce(data)
    assert report.subject == "配信不能: 見積書"
    assert [(r.address, r.reason) for r in report.recipients] == [("bo@example.net", "userunknown")]
