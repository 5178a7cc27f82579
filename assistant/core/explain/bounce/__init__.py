"""The bounce analyzer: a returned-mail message (or pasted text) in, one finding per recipient out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.core.explain import Explanation, explain_code
from assistant.core.explain.bounce import message as mail
from assistant.core.explain.bounce import report as reports
from assistant.core.explain.bounce import ses
from assistant.core.explain.bounce import text as prose
from assistant.core.explain.bounce.message import BounceInputError
from assistant.core.explain.bounce.mime import Part
from assistant.core.explain.bounce.original import cut_original
from assistant.core.explain.bounce.recipient import BounceRecipient, as_filtered, make_recipient
from assistant.core.explain.patterns import Pattern
from assistant.core.explain.phrases_world import WORLD_DELAY, WORLD_FAILURE

__all__ = [
    "BounceInputError",
    "BounceRecipient",
    "BounceReport",
    "analyze_bounce",
    "analyze_text",
    "explain_recipient",
]


@dataclass(frozen=True)
class BounceReport:
    """The analysis of one message: its kind and its recipients."""

    kind: str  # "dsn", "text", "auto-reply", "feedback", "not-bounce"
    recipients: tuple[BounceRecipient, ...] = ()
    subject: str = ""
    sender: str = ""
    forwarded: bool = False  # the bounce was found inside a forwarded message

    @property
    def is_bounce(self) -> bool:
        return self.kind != "not-bounce"


_BOUNCE_SUBJECT = Pattern(
    r"unzustellbar|non remis|non recapitabile|no se puede entregar|onbestelbaar|niet bezorgd|"
    r"undeliver|returned mail|delivery (?:status|failure|failed|notification|report|problem|incomplete)|"
    r"failure notice|mail delivery (?:failed|failure|system|error)|non[- ]?delivery|"
    r"could ?n[o']t (?:be )?deliver|rejected your (?:mail|message)|"
    r"(?:soft|hard)[- ]?bounce|\[bounce\]|bounce (?:notification|notice|alert|message)|"
    r"(?:message|mail|e-?mail) (?:has )?bounced|"
    r"delivery has failed|mail system error|could not send message|returned to sender|delayed mail|"
    r"delivery delayed|warning: message|message (?:not delivered|rejected|blocked)|"
    r"(?:your )?message to .{1,80} (?:has been|was) (?:rejected|refused|held)|"
    r"配信(?:不能|エラー|失敗|できません)|不達|エラーメール|送信エラー|配送(?:エラー|失敗)|"
    r"届きませんでした|"
    r"宛先不明|送信できませんでした|" + WORLD_FAILURE
)
_BOUNCE_BODY = Pattern(
    r"could ?n[o']t be delivered|undeliverable|delivery (?:has )?failed|permanent fatal error|"
    r"remote host said|"
    r"wasn'?t able to deliver|delivery to the following recipient|mail delivery failed|"
    r"message could not be|"
    r"returned to sender|smtp error from remote|unable to deliver|wasn'?t delivered|final-recipient:|"
    r"diagnostic-code:|not yet been delivered|has been delayed|could ?n[o']t deliver|delivery failure|"
    r"(?:was|were) not delivered|(?:soft|hard)[- ]bounced|previously bounced|received as a bounce|"
    r"your (?:mail|message|e-?mail) (?:has been|was) (?:rejected|refused|blocked|returned)|"
    r"(?:event|type|state): ?(?:hard|soft)?[- ]?bounce|event: ?dropped|delivery status: ?[45]\d\d|"
    r"the following addresses? (?:had|failed)|does not like recipient|your message (?:was|"
    r"could not be) (?:not )?"
    r"(?:delivered|rejected)|address not found|message not delivered|配信できませんでした|届きませんでした|"
    r"送信できませんでした|配送できませんでした|宛先(?:が見つかりません|不明)|"
    r"response from the remote server|リモート ?サーバーから次の応答|"
    r"(?:メッセージ|メール)はブロックされました|"
    r"(?:配送|配信|送信|受信)を(?:停止|中止|拒否)しました|(?:配送|配信)されていません|"
    r"(?:宛先|相手|受信者)(?:に|には|へ|へは)(?:届いていません|届きません)",
)
# The same in other languages: said at the top of a notice, so read in its first part only
_WORLD_BODY = Pattern(WORLD_FAILURE + "|" + WORLD_DELAY)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|tr|wg|転送)\s*[:：]", re.IGNORECASE)
_AUTO_SUBJECT = re.compile(
    r"^(?:re:\s*)?(?:auto(?:matic)?[ -]?(?:reply|response|answer)|out of (?:the )?office|autoreply|"
    r"vacation|away from|on leave|不在|自動(?:応答|返信)|\(auto\))|(?:^|\s)(?:auto|自動応答|自動返信):",
    re.IGNORECASE,
)


_MAIL_HEADERS = ("From", "Subject", "Date", "Received", "Message-ID", "Return-Path", "To")


def analyze_bounce(data: bytes) -> BounceReport:
    """Analyze a whole message (.eml bytes) or text pasted from a mail client.

    Raises BounceInputError when the input is empty, binary, or neither mail nor bounce text.
    """
    mail.check_input(data)
    if mail.has_headers(data):
        msg = mail.parse(data)
        report = _analyze_message(msg, depth=0)
        if report.is_bounce or any(msg.get(name) for name in _MAIL_HEADERS):
            return report
        # "type: bounce" / "Event: Bounce" first: pasted fields of a sending service's log, not a header
    return analyze_text(mail.decode_bytes(data))


def analyze_text(text: str, *, exclude: frozenset[str] = frozenset()) -> BounceReport:
    """Analyze bounce text without headers (copied from a mail client's window).

    `exclude`: lower-case addresses that are not recipients (the sender's own, when known).
    """
    note = ses.notification(text)
    if note is not None:
        kind, found_ses = ses.recipients(note)
        if found_ses:
            return BounceReport(kind, tuple(found_ses))
    if "final-recipient:" in text.lower():
        recipients = reports.dsn_recipients(
            mail.parse_fields(reports.fields_start(text)), text, exclude=set()
        )
        if recipients:
            return BounceReport("dsn", tuple(recipients))
    found = _text_recipients(text, exclude=set(exclude), reporting="", action=_default_action(text))
    if found:
        return BounceReport("text", tuple(found))
    if _says_failure(text):
        diag = prose.diagnostic_lines(text)
        address = prose.first_address(diag, set(exclude)) or prose.first_address(
            cut_original(text), set(exclude)
        )
        return BounceReport("text", (make_recipient(address, _default_action(text), "", diag),))
    raise BounceInputError("bounce.input.not_email")


def explain_recipient(recipient: BounceRecipient, *, lang: str) -> Explanation:
    """The plain-language explanation of one recipient's finding, in `lang`."""
    values = {
        "address": recipient.address,
        "status": recipient.status,
        "reply_code": recipient.reply_code or "",
        "diagnostic": recipient.diagnostic[:300],
        "remote_mta": recipient.remote_mta,
        "reporting_mta": recipient.reporting_mta,
        "domain": recipient.address.rpartition("@")[2],
    }
    return explain_code(recipient.explanation_id or f"bounce.{recipient.reason}", lang=lang, values=values)


# ---- whole messages -----------------------------------------------------------------------------------


def _analyze_message(msg: Part, depth: int) -> BounceReport:
    subject = mail.header(msg, "Subject")
    sender = reports.addresses(msg, "From")
    sender_addr = sender[0] if sender else ""
    exclude = {
        a.lower() for a in (*reports.addresses(msg, "To"), *reports.addresses(msg, "Cc"), sender_addr) if a
    }
    texts, report_parts, attached = mail.body_texts(msg)
    body = "\n".join(texts)
    feedback = [p for p in report_parts if p.get_content_type() == "message/feedback-report"]
    if feedback:
        return BounceReport(
            "feedback", tuple(reports.feedback_recipients(feedback, attached, body)), subject, sender_addr
        )
    note = ses.notification(body) if not report_parts else None
    if note is not None:
        kind, found_ses = ses.recipients(note)
        if found_ses:
            return BounceReport(kind, tuple(found_ses), subject, sender_addr)
    dsn_parts = [p for p in report_parts if p.get_content_type() != "message/feedback-report"]
    bounce_like = bool(dsn_parts) or _bounce_like(msg, subject, sender_addr, body)
    if not bounce_like:
        if _auto_reply(msg, subject):
            r = make_recipient(sender_addr, "auto-reply", "", cut_original(body)[:300], reason="vacation")
            return BounceReport("auto-reply", (r,), subject, sender_addr)
        if depth < 3:
            for inner in reports.messages(attached):
                report = _analyze_message(inner, depth + 1)
                if report.is_bounce and report.kind != "auto-reply":
                    return _forwarded(report)
        return BounceReport("not-bounce", (), subject, sender_addr)

    def reporting_of() -> str:  # read from the text only when the report does not name it
        return prose.reporting_mta(body) or reports.domain_of(sender_addr)

    if dsn_parts:
        blocks: list[dict[str, str]] = []
        for part in dsn_parts:
            blocks.extend(mail.report_fields(part))
        recipients = reports.dsn_recipients(blocks, body, exclude, reporting=reporting_of)
        if recipients:
            return _done(msg, "dsn", recipients, subject, sender_addr, depth)
    reporting = reporting_of()
    own = cut_original(body[:60000])
    if "final-recipient:" in own.lower():  # report fields written into a text part
        recipients = reports.dsn_recipients(
            mail.parse_fields(reports.fields_start(own)), body, exclude, reporting=reporting
        )
        if recipients:
            return _done(msg, "dsn", recipients, subject, sender_addr, depth)
    action = "delayed" if prose.looks_delayed(subject + "\n" + body[:4000]) else "failed"  # reads 4000
    found = _text_recipients(body, exclude=exclude, reporting=reporting, action=action, own=own)
    failed_header = [a for a in reports.addresses(msg, "X-Failed-Recipients") if a]
    if found and failed_header:
        own_low = own.lower()
        if not any(a.lower() in own_low for a in failed_header):
            failed_header = []  # the header names nobody the report itself talks about: the report wins
    if failed_header:
        by_address = {r.address.lower(): r for r in found}
        diag = prose.diagnostic_lines(body, own)
        found = [
            by_address.get(a.lower()) or make_recipient(a, action, "", diag, reporting=reporting)
            for a in failed_header
        ]
    if not found and depth < 3:
        for inner in reports.messages(attached):
            if _bounce_like(inner, mail.header(inner, "Subject"), "", ""):
                report = _analyze_message(inner, depth + 1)
                if report.recipients:
                    return _forwarded(report)
    if not found and (_FORWARD_SUBJECT.match(subject) or not prose.is_service_address(sender_addr)):
        quoted = _quoted_bounce(body[len(own) :], exclude)
        if quoted is not None:
            return quoted
    if not found:
        diag = prose.diagnostic_lines(body, own)
        address = (
            prose.first_address(diag, exclude)
            or reports.original_recipient(attached, msg)
            or prose.original_to(body, exclude)
            or prose.first_address(own, exclude)  # a summary of the refused message ("To: a@b")
            or _list_address(msg)  # a mailing list's own notice: the list that refused the post
        )
        found = [make_recipient(address, action, "", diag, reporting=reporting)]
    found = [_with_subject(r, subject) for r in found]
    return _done(msg, "text", found, subject, sender_addr, depth)


def _list_address(msg: Part) -> str:
    """The posting address of the mailing list that sent this notice: Mailman's X-BeenThere, or List-Post
    (RFC 2369, "<mailto:list@host>")."""
    for name in ("X-BeenThere", "List-Post"):
        m = prose.ADDRESS.search(msg.get(name) or "")
        if m:
            return m.group(0)
    return ""


def _done(
    msg: Part, kind: str, found: list[BounceRecipient], subject: str, sender: str, depth: int
) -> BounceReport:
    if (msg.get("X-SPASIGN") or "").strip().upper() == "NG":  # KDDI's mark for mail its filter refused
        found = [as_filtered(r) for r in found]
    forwarded = depth > 0 or bool(_FORWARD_SUBJECT.match(subject))
    return BounceReport(kind, tuple(found), subject, sender, forwarded=forwarded)


def _with_subject(r: BounceRecipient, subject: str) -> BounceRecipient:
    """Old MTAs put the reason only in the subject ("Returned mail: User unknown"): the fallback."""
    if r.reason not in ("onhold", "undefined") or ":" not in subject:
        return r
    said = subject.split(":", 1)[1].strip()
    better = make_recipient(r.address, r.action, "", f"{r.diagnostic} ({said})".strip(), command=r.command,
                            remote=r.remote_mta, reporting=r.reporting_mta)  # fmt: skip
    return better if better.reason not in ("onhold", "undefined") else r


def _quoted_bounce(rest: str, exclude: set[str]) -> BounceReport | None:
    """A bounce a person forwarded inline, below the "-----Original Message-----" line of their note."""
    below = rest.partition("\n")[2]
    if not _says_failure(cut_original(below[:20000])):
        return None
    try:
        report = analyze_text(below, exclude=frozenset(exclude))
    except BounceInputError:
        return None
    if not any(r.address for r in report.recipients):
        return None
    return _forwarded(report)


def _forwarded(report: BounceReport) -> BounceReport:
    return BounceReport(report.kind, report.recipients, report.subject, report.sender, forwarded=True)


def _bounce_like(msg: Part, subject: str, sender: str, body: str) -> bool:
    if prose.is_service_address(sender) or msg.get("X-Failed-Recipients"):
        return True
    display = (msg.get("From") or "").lower()
    if "mail delivery" in display or "mailer-daemon" in display or "postmaster" in display:
        return True
    ctype = msg.get_content_type()
    if ctype == "multipart/report":
        return True
    if _BOUNCE_SUBJECT.occurs(subject):
        return True
    return bool(body) and _says_failure(cut_original(body[:20000]))


def _says_failure(text: str) -> bool:
    return _BOUNCE_BODY.occurs(text) or _WORLD_BODY.occurs(text[:3000])


def _auto_reply(msg: Part, subject: str) -> bool:
    auto = (msg.get("Auto-Submitted") or "").lower()
    if auto.startswith("auto-replied"):
        return True
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Vacation"):
        if msg.get(name):
            return True
    if (msg.get("Precedence") or "").strip().lower() == "auto_reply":
        return True
    return bool(_AUTO_SUBJECT.search(subject))


# ---- text bounces -------------------------------------------------------------------------------------


def _text_recipients(
    body: str, *, exclude: set[str], reporting: str, action: str, own: str | None = None
) -> list[BounceRecipient]:
    """`own` is cut_original(body[:60000]) when the caller has it."""
    out = []
    hits = prose.recipients(body, exclude=exclude, own=own)
    for hit in hits:
        diag = hit.diagnostic or prose.diagnostic_lines(body, own)
        r = make_recipient(
            hit.address, action, "", diag, command=hit.command, remote=hit.remote_mta, reporting=reporting
        )
        if len(hits) == 1 and r.reason in ("onhold", "undefined") and not prose.has_reply(diag):
            # the reply may stand elsewhere ("Error message below: 550 ...", then the message details)
            lines = prose.diagnostic_lines(body, own)
            if prose.has_reply(lines):
                r = make_recipient(hit.address, action, "", f"{lines} {diag}", command=hit.command,
                                   remote=hit.remote_mta, reporting=reporting)  # fmt: skip
            elif lines and lines not in diag:
                # or the reason stands above the address ("The user(s) account is disabled.", then it)
                wider = make_recipient(hit.address, action, "", f"{diag} {lines}", command=hit.command,
                                       remote=hit.remote_mta, reporting=reporting)  # fmt: skip
                if wider.reason not in ("onhold", "undefined"):
                    r = wider
        out.append(r)
    return out


def _default_action(text: str) -> str:
    return "delayed" if prose.looks_delayed(text) else "failed"
