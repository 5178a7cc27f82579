"""Bounce reasons from (status, reply, text, command), for the replies the reference quotes per provider."""

from __future__ import annotations

import pytest

from assistant.core.explain.reasons import REASONS, classify, is_hard, pseudo_status

CASES = [
    # Microsoft's directory-based edge blocking: the recipient does not exist in the tenant
    (
        "5.4.1",
        550,
        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
        "RCPT",
        "userunknown",
    ),
    # (status, reply, text, command, reason)
    (
        "5.1.1",
        550,
        "550 5.1.1 The email account that you tried to reach does not exist.",
        "RCPT",
        "userunknown",
    ),
    (
        "5.1.1",
        550,
        "<a@x.example>: Recipient address rejected: User unknown in local recipient table",
        "",
        "userunknown",
    ),
    ("", 550, "550 Unknown user a@docomo.ne.jp", "RCPT", "userunknown"),
    ("", 550, "550 Unknown user a@docomo.ne.jp", "DATA", "filtered"),
    ("5.2.0", 550, "550 Unknown user", "", "filtered"),
    (
        "",
        554,
        "554 delivery error: dd This user doesn't have a yahoo.com account (a@yahoo.com)",
        "",
        "userunknown",
    ),
    (
        "5.1.10",
        550,
        "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        "",
        "userunknown",
    ),
    ("5.1.2", 553, "553 5.1.2 We weren't able to find the recipient domain.", "", "hostunknown"),
    (
        "",
        None,
        "Host or domain name not found. Name service error for name=x.invalid type=A: Host not found",
        "",
        "hostunknown",
    ),
    (
        "",
        None,
        "Host or domain name not found. Name service error for name=x type=MX: Host not found, try again",
        "",
        "networkerror",
    ),
    ("", None, "Unrouteable address", "", "hostunknown"),
    ("5.1.6", 550, "550 5.1.6 recipient no longer on server", "", "hasmoved"),
    ("5.2.2", 552, "552 5.2.2 The email account that you tried to reach is over quota.", "", "mailboxfull"),
    ("4.2.2", 452, "452 4.2.2 The email account that you tried to reach is over quota", "", "mailboxfull"),
    ("", 552, "552 too much mail data", "", "mailboxfull"),
    ("5.3.4", 552, "552 5.3.4 Message size exceeds fixed limit", "DATA", "mesgtoobig"),
    ("5.2.3", 552, "552 5.2.3 Message exceeds maximum size for this mailbox", "", "exceedlimit"),
    ("5.2.1", 550, "550 5.2.1 The email account that you tried to reach is disabled.", "", "suspend"),
    (
        "",
        554,
        "554 Sorry, your message cannot be delivered. This mailbox is disabled (554.30).",
        "",
        "suspend",
    ),
    ("5.7.1", 554, "554 5.7.1 <a@x.example>: Relay access denied", "RCPT", "norelaying"),
    (
        "5.7.26",
        550,
        "Unauthenticated email from x.example is not accepted due to domain's DMARC policy",
        "",
        "authfailure",
    ),
    ("5.7.23", 550, "550 5.7.23 SPF validation failed", "", "authfailure"),
    (
        "",
        550,
        "550 5.7.9 Yahoo requires all senders to authenticate with either SPF or DKIM.",
        "",
        "authfailure",
    ),
    ("5.7.25", 550, "The IP address sending this message does not have a PTR record setup", "", "requireptr"),
    (
        "",
        450,
        "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]",
        "",
        "requireptr",
    ),
    (
        "5.7.1",
        554,
        "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        "RCPT",
        "blocked",
    ),
    ("5.7.1", 550, "550 5.7.1 [CS01] Message rejected due to local policy", "", "policyviolation"),
    ("5.7.606", 550, "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "", "blocked"),
    (
        "4.7.650",
        421,
        "4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation",
        "",
        "badreputation",
    ),
    (
        "4.7.0",
        421,
        "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or"
        " user complaints",
        "",
        "badreputation",
    ),
    (
        "5.7.1",
        550,
        "550-5.7.1 Our system has detected that this message is likely unsolicited mail",
        "DATA",
        "spamdetected",
    ),
    ("5.7.1", 554, "554 5.7.1 Message rejected: virus found in attachment", "DATA", "virusdetected"),
    ("5.6.0", 554, "554 5.6.0 Message headers are not RFC 5322 compliant", "", "notcompliantrfc"),
    ("", 550, "550 Messages with multiple From headers are not accepted", "", "notcompliantrfc"),
    ("5.1.8", 553, "553 5.1.8 <a@x.invalid>: Sender address rejected: Domain not found", "MAIL", "rejected"),
    ("5.4.5", 550, "550 5.4.5 Daily user sending limit exceeded.", "", "speeding"),
    (
        "4.2.1",
        450,
        "450 4.2.1 The user you are trying to contact is receiving mail too quickly",
        "",
        "speeding",
    ),
    ("", 421, "421 Too many concurrent SMTP connections from this IP address", "", "toomanyconn"),
    ("5.5.3", 550, "550 5.5.3 Too many recipients", "", "toomanyconn"),
    ("5.4.6", 554, "554 5.4.6 Too many hops", "", "networkerror"),
    ("", None, "mail forwarding loop for a@x.example", "", "networkerror"),
    ("5.3.0", 554, "554 5.3.0 local configuration error", "", "systemerror"),
    ("4.3.1", 452, "452 4.3.1 Insufficient system storage", "", "systemfull"),
    ("5.1.10", 556, "556 5.1.10 Recipient address has null MX", "", "notaccept"),
    ("5.7.27", 550, "550 5.7.27 Sender address has null MX", "", "notaccept"),
    ("4.4.7", None, "retry timeout exceeded", "", "expired"),
    ("", None, "Connection timed out", "", "expired"),
    ("", 530, "530 5.7.0 Must issue a STARTTLS command first", "", "failedstarttls"),
    ("5.7.0", 530, "530 5.7.0 Authentication required", "MAIL", "securityerror"),
    ("", None, "x-unix; command died with status 1", "", "mailererror"),
    ("", None, "Address is on the suppression list of this account", "", "suppressed"),
    ("2.0.0", 250, "250 2.0.0 OK", "", "delivered"),
    ("", None, "", "", "undefined"),
    ("", None, "something entirely different", "", "onhold"),
    ("4.7.1", 451, "451 4.7.1 Greylisting in action, please come back later", "RCPT", "expired"),
    ("4.7.1", 451, "451 4.7.1 Greylisted, please try again in 300 seconds", "DATA", "spamdetected"),
    (
        "4.2.0",
        450,
        "450 4.2.0 <a@b.example>: Recipient address rejected: Greylisted, see postgrey",
        "",
        "expired",
    ),
    ("4.7.1", 451, "451 4.7.1 Please try again later (greylisting in action)", "", "spamdetected"),
    ("5.4.6", None, "mail for b.example loops back to myself", "", "systemerror"),
    ("", None, "lowest numbered MX record points to local host", "", "systemerror"),
    ("5.4.6", None, "mail forwarding loop for a@b.example", "", "networkerror"),
    ("5.7.1", 554, "554 5.7.1 <a@b.example>: Recipient address rejected: Access denied", "RCPT", "filtered"),
    (
        "5.7.1",
        554,
        "554 5.7.1 <c.example[192.0.2.1]>: Client host rejected: Access denied",
        "RCPT",
        "blocked",
    ),
    (
        "5.4.1",
        550,
        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
        "RCPT",
        "userunknown",
    ),
    ("", 554, "554 mx.b.example ESMTP not accepting messages", "CONN", "notaccept"),
    (
        "",
        None,
        "Domain a.example has exceeded the max emails per hour (150/150 (100%)) allowed.",
        "",
        "speeding",
    ),
    ("", None, "You have reached your limit of 500 messages per day", "", "speeding"),
    ("", None, "local delivery failed", "", "mailererror"),
    ("", None, "Child process of virtual_pipe transport returned 255", "", "mailererror"),
    (
        "5.7.0",
        554,
        "554 5.7.0 Reject, id=1-01 - BANNED: P=p003,L1=a.zip,L2=a.pdf.exe",
        "DATA",
        "policyviolation",
    ),
    ("5.7.1", 550, "550 5.7.1 Message rejected due to content restrictions", "RCPT", "policyviolation"),
    (
        "5.1.10",
        550,
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@b.example not found by SMTP address lookup",
        "DATA",
        "userunknown",
    ),
    (
        "",
        None,
        "The account or domain may not exist, they may be blacklisted, or missing the proper dns entries",
        "",
        "hostunknown",
    ),
    ("5.7.99", 550, "computer says no", "", "securityerror"),
    ("5.6.99", 554, "odd", "", "contenterror"),
    # Exchange's own detail codes: a transport rule, a domain DNS says does not exist, its 5.1.10 miss
    ("5.7.906", 550, "Delivery not authorized, message refused by transport rule", "", "policyviolation"),
    ("5.7.999", 550, "computer says no", "", "policyviolation"),
    ("5.4.310", None, "", "", "hostunknown"),
    ("5.7.607", 550, "5.7.607 Access denied", "", "blocked"),
    ("5.1.10", None, "", "", "userunknown"),
    (
        "5.1.10",
        556,
        "556 5.1.10 Recipient address rejected: Domain a.example does not accept mail (nullMX)",
        "",
        "notaccept",
    ),
    # NXDOMAIN is the domain's absence, however the lookup is described
    ("", None, "수신자 도메인을 찾을 수 없습니다. (DNS lookup failed: NXDOMAIN)", "", "hostunknown"),
    (
        "4.4.3",
        451,
        "Host or domain name not found. Name service error: Host not found, try again",
        "",
        "networkerror",
    ),
    # a content verdict beats the "rejected by recipients" that follows it
    ("", 550, "550 Mail content denied. Mail is rejected by recipients", "", "spamdetected"),
    ("", 550, "550 Mail is rejected by recipients", "", "filtered"),
]


@pytest.mark.parametrize(("status", "reply", "text", "command", "reason"), CASES)
def test_reason(status: str, reply: int | None, text: str, command: str, reason: str) -> None:
    assert classify(status=status, reply=reply, text=text, command=command) == reason


def test_hard_and_pseudo_status() -> None:
    assert is_hard("userunknown", False) and not is_hard("userunknown", True)
    assert is_hard("notaccept", False) and not is_hard("mailboxfull", False)
    assert pseudo_status("userunknown", False) == "5.0.911" and pseudo_status("expired", True) == "4.0.947"
    assert pseudo_status("vacation", False) == ""
    assert {r for _, _, _, _, r in CASES} <= set(REASONS)


@pytest.mark.parametrize(
    ("action", "status", "text", "reason"),
    [
        (
            "failed",
            "4.4.2",
            "conversation with mx.b.example[192.0.2.1] timed out while receiving the initial server greeting",
            "expired",
        ),
        ("failed", "4.4.1", "connect to mx.b.example[192.0.2.1]:25: Connection timed out", "expired"),
        (
            "delayed",
            "4.4.2",
            "conversation with mx.b.example timed out while sending end of data",
            "networkerror",
        ),
        ("failed", "4.4.2", "lost connection with mx.b.example while sending RCPT TO", "networkerror"),
    ],
)
def test_reason_after_retries(action: str, status: str, text: str, reason: str) -> None:
    """A temporary connection problem on a final failure: timeouts mean the queue ran out of time."""
    assert classify(status=status, text=text, action=action) == reason
