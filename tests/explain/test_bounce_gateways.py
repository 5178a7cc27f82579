"""Less common MTAs, gateways, ESP notices and lists: their wordings and report shapes (blind corpus w3)."""

from __future__ import annotations

import pytest

from assistant.core.explain.bounce import analyze_bounce
from assistant.core.explain.reasons import classify
from assistant.core.explain.status import choose_status

# (status, reply, text, command, reason): several wordings per rule
WORDINGS = [
    # no route, no DNS, no mail servers, a domain nobody registered
    ("", None, "No route found to domain shop.example from server HUB01/ORG.", "", "hostunknown"),
    ("", None, "There are no DNS entries for the hostname shop.example.", "", "hostunknown"),
    ("", 550, "550 No mail servers appear to exists for the recipients address.", "", "hostunknown"),
    ("", None, "Unable to find any mail servers for the domain shop.example", "", "hostunknown"),
    ("", None, "the domain name (shop.example) does not appear to be registered.", "", "hostunknown"),
    ("", None, "The domain shop.example does not appear to exist", "", "hostunknown"),
    # a directory that does not list the user (Domino in Japanese), an X.400 name nobody knows
    ("", None, "ユーザー bo (bo@example.co.jp) は Domino ディレクトリに登録されていません", "",
     "userunknown"),
    ("", None, "bo@example.co.jp は Domino ディレクトリには見つかりません", "", "userunknown"),
    ("", None, "Reason: Unable to transfer (1) Diagnostic: Unrecognized ORName (0)", "", "userunknown"),
    ("", None, "diagnostic: unrecognised-OR-name", "", "userunknown"),
    ("", None, "Utilisateur bo@example.fr non répertorié dans l'annuaire Domino", "", "userunknown"),
    ("", None, "El usuario bo no se encuentra en el Directorio de Domino", "", "userunknown"),
    # an account switched off, whatever adverb goes with it
    ("5.2.1", None, "Mailaddress is administrativly disabled. (#5.2.1)", "", "suspend"),
    ("", None, "The user(s) account is disabled.", "", "suspend"),
    ("", 550, "550 mailbox is permanently deactivated", "RCPT", "suspend"),
    # X.400's delivery time limit
    ("", None, "Reason: Unable to transfer Diagnostic: Maximum time expired", "", "expired"),
    ("", None, "diagnostic: maximum-time-expired", "", "expired"),
    # a gateway's scanner
    ("", None, "Messaging Security Suite detected a security risk in the message.", "", "virusdetected"),
    ("", None, "The message contains a security risk and was quarantined", "", "virusdetected"),
    # a gateway's spam filter on the message: listed URLs in it, "message filtered"
    (
        "5.7.1",
        554,
        "554 5.7.1 This message has been blocked because it contains FortiGuard - AntiSpam blocking URL(s).",
        "DATA",
        "spamdetected",
    ),
    ("5.7.1", 554, "554 5.7.1 Message contains blacklisted URLs", "", "spamdetected"),
    ("5.7.1", 553, "553 Message filtered. Refer to the troubleshooting page (#5.7.1)", "", "spamdetected"),
    ("5.7.1", 550, "550 5.7.1 Message was filtered and rejected", "", "spamdetected"),
    # the sending IP on a list is a client block, even under the word "reputation"
    (
        "5.7.1",
        550,
        "550 5.7.1 Mail rejected by Email Reputation Services: 192.0.2.3 is listed.",
        "",
        "blocked",
    ),
    ("5.7.1", 554, "554 5.7.1 Rejected by reputation filter: 192.0.2.3 has been blacklisted", "", "blocked"),
    ("", 550, "550 Service unavailable; [192.0.2.3] is currently listed", "RCPT", "blocked"),
    ("5.7.1", 550, "550 5.7.1 Rejected due to poor sender reputation", "", "badreputation"),
    # ...and so is a server that refuses the client's access
    (
        "5.7.1",
        550,
        "550-'#5.7.1 Your access to submit messages to this e-mail system has been rejected.'",
        "",
        "blocked",
    ),
    ("5.7.1", 550, "550 5.7.1 Your access to this mail system has been denied", "", "blocked"),
    # a list open to its members only; an attachment a company does not allow
    ("", None, "You are not a member of this mailing list <staff@ml.example.jp>.", "", "policyviolation"),
    (
        "",
        None,
        "Your mail has been rejected because this list accepts posts from members only.",
        "",
        "policyviolation",
    ),
    ("", None, "This list allows messages from list members only", "", "policyviolation"),
    ("", None, "あなたはこのメーリングリストのメンバーではありません", "", "policyviolation"),
    ("", None, "このリストはメンバー以外からの投稿を受け付けていません", "", "policyviolation"),
    ("", None, "メンバーのみが投稿できます", "", "policyviolation"),
    ("", None, "an attachment type that is not permitted by company policy", "", "policyviolation"),
    # an address that takes no mail
    (
        "",
        None,
        "Your message was sent to reply@example.com, which doesn't accept incoming email.",
        "",
        "notaccept",
    ),
    ("", None, "replies to this address aren't monitored", "", "notaccept"),
    # size
    ("", None, "Message exceeds the maximum permitted size of 25 MB", "", "mesgtoobig"),
    # the sending service's own list
    ("", 605, "Delivery status: 605 Not delivering to previously bounced address", "", "suppressed"),
    ("", None, "Severity: permanent   Reason: suppress-bounce", "", "suppressed"),
    ("", None, "Reason: suppress-unsubscribe", "", "suppressed"),
]  # fmt: skip


@pytest.mark.parametrize(("status", "reply", "text", "command", "reason"), WORDINGS)
def test_wording(status: str, reply: int | None, text: str, command: str, reason: str) -> None:
    assert classify(status=status, reply=reply, text=text, command=command) == reason


def test_the_reply_s_own_code_beats_a_reporters_other_code() -> None:
    text = "5.1.0 - Unknown address error 550-'5.1.1 <bo@example.net>: Recipient address rejected'"
    assert choose_status("", text, 550) == "5.1.1"
    text = "5.2.0 - Other mailbox problem 552-'5.2.2 <bo@example.net>: mailbox full'"
    assert choose_status("", text, 552) == "5.2.2"
    # the reporter's own reply code goes with its own code
    text = '451 4.4.0 Primary target IP address responded with: "421 4.4.2 timeout exceeded."'
    assert choose_status("", text, 451) == "4.4.0"


def _mail(headers: str, body: str) -> bytes:
    return (headers.strip() + "\n\n" + body).encode()


HEAD = "From: MAILER-DAEMON@gw.example.org\nTo: ai@example.org\nSubject: Undeliverable mail\n"


@pytest.mark.parametrize(
    "body",
    [
        # the address quoted, then the remote reply below it
        "Failed to deliver to '<bo@example.net>'\nmodule reports:\n mx.example.net: 550 5.1.1 "
        "<bo@example.net>: "
        "User unknown\n\nFailed to deliver to '<cy@example.net>'\nmodule reports:\n mx.example.net: "
        "552 5.2.2 "
        "<cy@example.net>: Mailbox full\n",
        # an address type in brackets
        "The following recipient(s) could not be reached:\n\n\tRecipient: [SMTP:bo@example.net]\n\tReason: "
        "Remote SMTP Server Returned: 550 5.1.1 <bo@example.net>... User unknown\n\n\tRecipient: "
        "[SMTP:cy@example.net]\n\tReason: Remote SMTP Server Returned: 552 5.2.2 "
        "<cy@example.net>... Mailbox full\n",
        # "rfc822;" before the address
        "Delivery failed for these recipients:\n\nRecipient: rfc822;bo@example.net\n  550 5.1.1 "
        "User unknown\n\n"
        "Recipient: rfc822;cy@example.net\n  552 5.2.2 Mailbox full\n",
    ],
)
def test_each_of_two_recipients_keeps_its_own_reply_whatever_wraps_the_address(body: str) -> None:
    found = {r.address: (r.status, r.reason) for r in analyze_bounce(_mail(HEAD, body)).recipients}
    assert found == {"bo@example.net": ("5.1.1", "userunknown"), "cy@example.net": ("5.2.2", "mailboxfull")}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "Your message\n\n  Subject: plan\n\nwas not delivered to:\n\n  bo@far.example\n\nbecause:\n\n"
            "  No route found to domain far.example from server HUB01/ORG.\n",
            "hostunknown",
        ),
        (
            "送信したメッセージは、次の宛先に配信されませんでした:\n\n  bo@example.co.jp\n\n理由:\n\n"
            "  ユーザー bo (bo@example.co.jp) は Domino ディレクトリに登録されていません\n",
            "userunknown",
        ),
        (
            "Failed recipient(s):\nbo@far.example\n\nError message:\n"
            "There are no DNS entries for the hostname far.example.\n",
            "hostunknown",
        ),
    ],
)
def test_a_label_paragraph_introduces_the_reason_below_it(body: str, reason: str) -> None:
    (r,) = analyze_bounce(_mail(HEAD + "Content-Type: text/plain; charset=utf-8\n", body)).recipients
    assert (r.reason, r.status[:5]) == (reason, "5.0.9")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "This Message was undeliverable due to the following reason:\n\nThe user(s) account is "
            "disabled.\n\n"
            "<bo@example.net>\n\nPlease reply to <Postmaster@gw.example.org>\nif you feel this message to be "
            "in error.\n",
            "suspend",
        ),
        (
            "The message you sent to bo@example.net was not delivered.\n\nThe scanner detected a "
            "security risk "
            'in the message.\n\n  Rule: Virus Scan Rule\n  Threat: TROJ_TEST in "a.zip/a.js"\n',
            "virusdetected",
        ),
    ],
)
def test_one_recipient_whose_reason_stands_away_from_its_address(body: str, reason: str) -> None:
    (r,) = analyze_bounce(_mail(HEAD, body)).recipients
    assert (r.address, r.reason) == ("bo@example.net", reason)


DSN_HEAD = """
From: postmaster@msg.example.jp
To: ai@example.org
Subject: Delivery Notification: Delivery has failed
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"
"""


def _dsn(text: str, fields: str) -> bytes:
    return _mail(
        DSN_HEAD,
        f"--b\nContent-Type: text/plain\n\n{text}\n--b\nContent-Type: message/delivery-status\n\n"
        f"Reporting-MTA: dns; msg.example.jp\n\n{fields}\n--b--\n",
    )


def test_a_final_recipient_that_is_no_internet_address_yields_to_the_original() -> None:
    fields = (
        "Original-recipient: rfc822;bo@example.jp\nFinal-recipient: LOCAL;bo@ims-ms-daemon\nAction: failed\n"
        "Status: 5.2.2 (Over quota)\n\nOriginal-recipient: rfc822;cy@example.jp\n"
        "Final-recipient: X400;c=JP;admd= ;prmd=EX;o=TOKYO;s=Cy;\nAction: failed\nStatus: 5.1.1\n"
    )
    found = {r.address: r.reason for r in analyze_bounce(_dsn("Your message failed.", fields)).recipients}
    assert found == {"bo@example.jp": "mailboxfull", "cy@example.jp": "userunknown"}


def test_an_x400_final_recipient_alone_takes_the_address_the_text_gives() -> None:
    text = (
        "Your message was not delivered to the following recipient:\n\n"
        "  Recipient: c=JP;admd= ;prmd=EX;o=TOKYO;s=Cy;\n  RFC 822 address: cy@gw.example.jp\n"
        "  Diagnostic: Unrecognized ORName (0)\n"
    )
    fields = "Final-Recipient: X400;c=JP;admd= ;prmd=EX;o=TOKYO;s=Cy;\nAction: failed\nStatus: 5.1.1\n"
    (r,) = analyze_bounce(_dsn(text, fields)).recipients
    assert (r.address, r.status, r.reason) == ("cy@gw.example.jp", "5.1.1", "userunknown")


@pytest.mark.parametrize(
    ("text", "address", "reason"),
    [
        (
            "Hi, our sending service's activity feed shows this, what does it mean?\n\nEvent: Bounce\n"
            "Email: bo@example.net\nReason: 550 5.1.1 The email account that you tried to reach "
            "does not exist.\n"
            "Status: 5.1.1\n",
            "bo@example.net",
            "userunknown",
        ),
        (
            "Log entry copied from the dashboard:\n\n  failed  permanent  bo@example.net\n"
            "  Delivery status: 605 Not delivering to previously bounced address\n  Reason: "
            "suppress-bounce\n",
            "bo@example.net",
            "suppressed",
        ),
        (
            "type: bounce\nrcpt_to: bo@example.net\n"
            "raw_reason: 554 5.7.1 Client host [192.0.2.9] blocked using zen.spamhaus.org\n",
            "bo@example.net",
            "blocked",
        ),
    ],
)
def test_a_pasted_sending_service_notice_is_analysed(text: str, address: str, reason: str) -> None:
    (r,) = analyze_bounce(text.encode()).recipients
    assert (r.address, r.reason) == (address, reason)


@pytest.mark.parametrize(
    ("headers", "body", "address", "reason"),
    [
        (  # a gateway's summary of the message it held back
            "From: Gateway <guard@gw.example.com.au>\nTo: ai@example.org\nSubject: Message blocked: photos\n",
            "The following message has been blocked by the gateway:\n\n   From:     ai@example.org\n"
            "   To:       bo@example.com.au\n   Subject:  photos\n\n"
            "Reason: Message exceeds the maximum permitted size of 25 MB.\n",
            "bo@example.com.au",
            "mesgtoobig",
        ),
        (  # a sending service's alert, its sample event
            "From: Alerts <alerts@esp.example>\nTo: ai@example.org\nSubject: Bounce alert: "
            "threshold exceeded\n",
            "Your account exceeded the block-bounce threshold.\n\nSample event:\n  type: bounce\n"
            "  rcpt_to: bo@example.net\n  raw_reason: 554 5.7.1 Client host [192.0.2.9] blocked using "
            "b.barracudacentral.org\n",
            "bo@example.net",
            "blocked",
        ),
        (  # a person forwards a sending service's soft-bounce notice
            "From: Ai <ai@example.org>\nTo: help@example.org\nSubject: Fwd: message soft-bounced\n",
            "What is this?\n\n---------- Forwarded message ---------\nFrom: ESP <noreply@esp.example>\n"
            "Subject: message soft-bounced\n\nA message you sent soft-bounced.\n\n  Recipient: "
            "bo@example.net\n"
            "  Diagnosis: smtp;452 4.2.2 The email account that you tried to reach is over quota.\n",
            "bo@example.net",
            "mailboxfull",
        ),
        (  # a list manager passes on a bounce it could not read
            "From: devel-bounces@lists.example.org\nTo: owner@example.org\nSubject: Uncaught bounce "
            "notification\n",
            "The attached message was received as a bounce, but the format was not recognized.\n\n"
            "---------- Bounce text ----------\n<bo@example.net>: host mx.example.net[192.0.2.5] said:\n"
            "    550 5.1.1 <bo@example.net>: Recipient address rejected: User unknown\n",
            "bo@example.net",
            "userunknown",
        ),
        (  # a members-only list refuses a post
            "From: staff-admin@ml.example.jp\nTo: ai@example.org\nSubject: rejected your mail (not member)\n",
            "You are not a member of this mailing list <staff@ml.example.jp>.\n\n"
            "Your mail has been rejected because this list accepts posts from members only.\n",
            "staff@ml.example.jp",
            "policyviolation",
        ),
        (  # a no-reply address of a social network
            "From: Network <messages-noreply@social.example>\nTo: ai@example.org\n"
            "Subject: Your message couldn't be delivered\n",
            "We couldn't deliver your reply because replies to this address aren't monitored.\n"
            "Your message was sent to reply@social.example, which doesn't accept incoming email.\n",
            "reply@social.example",
            "notaccept",
        ),
    ],
)
def test_gateway_list_and_service_notices(headers: str, body: str, address: str, reason: str) -> None:
    (r,) = analyze_bounce(_mail(headers, body)).recipients
    assert (r.address, r.reason) == (address, reason)


def test_local_final_recipients_without_original_ones_take_the_texts_address_of_the_same_user() -> None:
    text = (
        "Your message cannot be delivered to the following recipients:\n\n"
        "  Recipient address: bo@example.jp\n  Reason: Over quota\n\n"
        "  Recipient address: cy@example.jp\n  Reason: Illegal alias\n"
    )
    fields = (
        "Final-recipient: LOCAL;bo@ims-ms-daemon\nAction: failed\nStatus: 5.2.2 (Over quota)\n\n"
        "Final-recipient: LOCAL;cy@ims-ms-daemon\nAction: failed\nStatus: 5.1.1 (Illegal alias)\n"
    )
    found = {r.address: r.reason for r in analyze_bounce(_dsn(text, fields)).recipients}
    assert found == {"bo@example.jp": "mailboxfull", "cy@example.jp": "userunknown"}


@pytest.mark.parametrize(
    ("text", "status", "reason"),
    [
        (
            "Our activity feed:\n\nEvent: Dropped\nEmail: bo@example.net\nReason: Bounced Address\n",
            "5.0.903",
            "suppressed",
        ),
        (
            "Event log:\n  failed  temporary  bo@example.net\n"
            "  Delivery status: 452 4.2.2 The email account that you tried to reach is over quota.\n",
            "4.2.2",
            "mailboxfull",
        ),
        (
            "Bounce details:\n\nType: HardBounce\nEmail: bo@example.net\n"
            "Details: smtp;550 5.1.1 no such user\n",
            "5.1.1",
            "userunknown",
        ),
    ],
)
def test_more_pasted_sending_service_events(text: str, status: str, reason: str) -> None:
    (r,) = analyze_bounce(text.encode()).recipients
    assert (r.address, r.status, r.reason) == ("bo@example.net", status, reason)


def test_a_reason_sentence_wrapped_onto_the_next_line_is_read_whole() -> None:
    body = (
        "This Message was undeliverable due to the following reason:\n\n"
        "One or more of the recipients of your message did not get it because they do not have an\n"
        "email account on this system.\n\n<bo@example.net>\n"
    )
    (r,) = analyze_bounce(_mail(HEAD, body)).recipients
    assert (r.address, r.reason) == ("bo@example.net", "userunknown")
