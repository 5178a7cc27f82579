"""The same server reply, wrapped in each MTA's bounce format, gives the same address, status and reason."""

from __future__ import annotations

import pytest

from assistant.core.explain.bounce import analyze_bounce

REPLIES = [
    (
        "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in local recipient table",
        "5.1.1",
        "userunknown",
    ),
    ("552 5.2.2 <{rcpt}>: Mailbox full", "5.2.2", "mailboxfull"),
    ("552 5.3.4 Message size exceeds fixed limit", "5.3.4", "mesgtoobig"),
    ("554 5.7.1 <{rcpt}>: Relay access denied", "5.7.1", "norelaying"),
    (
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        "5.7.1",
        "blocked",
    ),
    (
        "550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy",
        "5.7.26",
        "authfailure",
    ),
    ("550 5.2.1 The email account that you tried to reach is disabled", "5.2.1", "suspend"),
    ("553 5.1.2 We weren't able to find the recipient domain", "5.1.2", "hostunknown"),
    (
        "550 5.7.25 The IP address sending this message does not have a PTR record setup",
        "5.7.25",
        "requireptr",
    ),
    ("550 5.4.5 Daily user sending limit exceeded", "5.4.5", "speeding"),
    ("550 No such user here", "5.0.911", "userunknown"),
    ("552 Requested mail action aborted: exceeded storage allocation", "5.0.922", "mailboxfull"),
]
RCPT = "recipient@example.org"
SENDER = "sender@example.jp"


def postfix_dsn(reply: str) -> bytes:
    return f"""From: MAILER-DAEMON@mail.example.jp (Mail Delivery System)
To: {SENDER}
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mail.example.jp.

<{RCPT}>: host mx.example.org[192.0.2.9] said: {reply} (in reply to RCPT TO
    command)

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.jp

Final-Recipient: rfc822; {RCPT}
Action: failed
Status: {_status_of(reply)}
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; {reply}

--B--
""".encode()


def exim_text(reply: str) -> bytes:
    return f"""From: Mail Delivery System <Mailer-Daemon@relay.example.jp>
To: {SENDER}
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: {RCPT}

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  {RCPT}
    host mx.example.org [192.0.2.9]
    SMTP error from remote mail server after RCPT TO:<{RCPT}>:
    {reply}

------ This is a copy of the message, including all the headers. ------

From: {SENDER}
To: {RCPT}
""".encode()


def sendmail_text(reply: str) -> bytes:
    return f"""From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>
To: <{SENDER}>
Subject: Returned mail: see transcript for details

   ----- The following addresses had permanent fatal errors -----
<{RCPT}>
    (reason: {reply})

   ----- Transcript of session follows -----
... while talking to mx.example.org.:
>>> RCPT To:<{RCPT}>
<<< {reply}
""".encode()


def qmail_text(reply: str) -> bytes:
    return f"""From: MAILER-DAEMON@mail.example.jp
To: {SENDER}
Subject: failure notice

Hi. This is the qmail-send program at mail.example.jp.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<{RCPT}>:
192.0.2.9 does not like recipient.
Remote host said: {reply}
Giving up on 192.0.2.9.

--- Below this line is a copy of the message.

To: {RCPT}
""".encode()


def pasted_gmail(reply: str) -> bytes:
    return f"""Delivery to the following recipient failed permanently:

     {RCPT}

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the recipient domain
example.org by mx.example.org. [192.0.2.9].

The error that the other server returned was:
{reply}
""".encode()


def _status_of(reply: str) -> str:
    parts = reply.split()
    return parts[1] if len(parts) > 1 and parts[1][:1] in "45" and parts[1].count(".") == 2 else "5.0.0"


FORMATS = {"postfix": postfix_dsn, "exim": exim_text, "sendmail": sendmail_text, "qmail": qmail_text,
           "gmail-pasted": pasted_gmail}  # fmt: skip


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize(("template", "status", "reason"), REPLIES)
def test_format(fmt: str, template: str, status: str, reason: str) -> None:
    reply = template.format(rcpt=RCPT)
    report = analyze_bounce(FORMATS[fmt](reply))
    got = [(r.address, r.status, r.reason) for r in report.recipients]
    if fmt == "postfix" and status.startswith("5.0.9"):
        status = "5.0.0"  # the DSN's own (vague) Status stays when the reply has no enhanced code
    assert got == [(RCPT, status, reason)]
    assert report.recipients[0].reply_code == int(reply[:3])


def test_two_recipients_in_text_formats_keep_their_own_replies() -> None:
    exim = """From: Mail Delivery System <Mailer-Daemon@relay.example.jp>
To: sender@example.jp
Subject: Mail delivery failed: returning message to sender

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  one@example.org
    host mx.example.org [192.0.2.9]
    SMTP error from remote mail server after RCPT TO:<one@example.org>:
    550 5.1.1 <one@example.org>: User unknown
  two@example.net
    host mx.example.net [192.0.2.10]
    SMTP error from remote mail server after end of data:
    552 5.2.2 Mailbox full
"""
    report = analyze_bounce(exim.encode())
    assert [(r.address, r.status, r.reason, r.command, r.remote_mta) for r in report.recipients] == [
        ("one@example.org", "5.1.1", "userunknown", "RCPT", "mx.example.org"),
        ("two@example.net", "5.2.2", "mailboxfull", "DATA", "mx.example.net"),
    ]
    qmail = """From: MAILER-DAEMON@mail.example.jp
To: sender@example.jp
Subject: failure notice

Hi. This is the qmail-send program at mail.example.jp.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<one@example.org>:
Sorry, no mailbox here by that name. (#5.1.1)

<two@example.net>:
Sorry, I couldn't find any host named example.net. (#5.1.2)
"""
    report = analyze_bounce(qmail.encode())
    assert [(r.address, r.status, r.reason, r.hard) for r in report.recipients] == [
        ("one@example.org", "5.1.1", "userunknown", True),
        ("two@example.net", "5.1.2", "hostunknown", True),
    ]


def test_an_address_on_a_sending_services_suppression_list_is_suppressed_whatever_its_code() -> None:
    from assistant.core.explain.reasons import classify

    for text in (
        "550 5.1.1 Amazon SES did not send the message to this address because it is on the suppression list",
        "Not delivering to previously bounced address",
    ):
        assert classify(status="5.1.1", reply=550, text=text) == "suppressed"
    assert classify(status="5.1.1", reply=550, text="550 5.1.1 User unknown") == "userunknown"


def test_a_mailing_lists_own_refusal_names_the_list() -> None:
    notice = (
        b"From: team-owner@lists.example.org\nTo: guest@example.net\n"
        b"Subject: Your message to Team has been rejected\nX-BeenThere: team@lists.example.org\n"
        b"List-Post: <mailto:team@lists.example.org>\nAuto-Submitted: auto-generated\n\n"
        b"Your message has been automatically rejected by the list software.\n"
    )
    report = analyze_bounce(notice)
    assert [r.address for r in report.recipients] == ["team@lists.example.org"]
