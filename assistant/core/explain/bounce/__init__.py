"""The bounce analyzer: a returned-mail message (or pasted text) in, one finding per recipient out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.core.explain.bounce import message as mail
from assistant.core.explain.bounce import text as prose
from assistant.core.explain.bounce.message import BounceInputError
from assistant.core.explain.bounce.mime import Part
from assistant.core.explain.patterns import Pattern
from assistant.core.explain.reasons import classify, is_hard, pseudo_status
from assistant.core.explain.status import choose_status, find_reply, normalise_status

__all__ = [
    "BounceInputError",
    "BounceRecipient",
    "BounceReport",
    "analyze_bounce",
    "analyze_text",
    "explain_recipient",
]

# Mobile carriers whose gateways answer "user unknown" for mail their users' filters refuse.
CARRIER_DOMAINS = (
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "au.com",
    "softbank.ne.jp",
    "i.softbank.jp",
    "vodafone.ne.jp",
    "disney.ne.jp",
    "ymobile.ne.jp",
    "ymobile1.ne.jp",
    "pdx.ne.jp",
    "willcom.com",
    "emnet.ne.jp",
    "uqmobile.jp",
    "rakumail.jp",
)


@dataclass(frozen=True)
class BounceRecipient:
    """What a bounce says about one recipient."""

    address: str
    action: str  # failed / delayed / delivered / relayed / expanded / auto-reply / feedback
    status: str  # enhanced status code, e.g. "5.1.1" ("" for auto-replies and feedback)
    reply_code: int | None
    diagnostic: str  # the remote server's words (or the reporting system's)
    reason: str  # from assistant.core.explain.reasons.REASONS
    hard: bool  # the address itself is bad: do not send to it again unchanged
    reporting_mta: str = ""
    remote_mta: str = ""
    command: str = ""  # the SMTP command that was refused, when known (RCPT, DATA...)
    explanation_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "address": self.address,
            "status": self.status,
            "reply_code": self.reply_code,
            "reason": self.reason,
            "hard": self.hard,
            "diagnostic": self.diagnostic,
            "action": self.action,
            "reporting_mta": self.reporting_mta,
            "remote_mta": self.remote_mta,
            "command": self.command,
        }


@dataclass(frozen=True)
class BounceReport:
    """The analysis of one message: its kind and its recipients."""

    kind: str  # "dsn", "text", "auto-reply", "feedback", "not-bounce"
    recipients: tuple[BounceRecipient, ...] = ()
    subject: str = ""
    sender: str = ""
    forwarded: bool = False  # the bounce was found inside a forwarded message
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_bounce(self) -> bool:
        return self.kind != "not-bounce"


_BOUNCE_SUBJECT = Pattern(
    r"undeliver|returned mail|delivery (?:status|failure|failed|notification|report|problem|incomplete)|"
    r"failure notice|mail delivery (?:failed|failure|system|error)|non[- ]?delivery|"
    r"could not (?:be )?deliver|"
    r"delivery has failed|mail system error|could not send message|returned to sender|delayed mail|"
    r"delivery delayed|warning: message|message (?:not delivered|rejected|blocked)|"
    r"配信(?:不能|エラー|失敗|できません)|不達|エラーメール|送信エラー|配送(?:エラー|失敗)|"
    r"届きませんでした|"
    r"宛先不明|送信できませんでした",
)
_BOUNCE_BODY = Pattern(
    r"could ?n[o']t be delivered|undeliverable|delivery (?:has )?failed|permanent fatal error|"
    r"remote host said|"
    r"wasn'?t able to deliver|delivery to the following recipient|mail delivery failed|"
    r"message could not be|"
    r"returned to sender|smtp error from remote|unable to deliver|wasn'?t delivered|final-recipient:|"
    r"diagnostic-code:|not yet been delivered|has been delayed|could not deliver|delivery failure|"
    r"the following addresses? (?:had|failed)|does not like recipient|your message (?:was|"
    r"could not be) (?:not )?"
    r"(?:delivered|rejected)|address not found|message not delivered|配信できませんでした|届きませんでした|"
    r"送信できませんでした|配送できませんでした|宛先(?:が見つかりません|不明)",
)
_AUTO_SUBJECT = re.compile(
    r"^(?:re:\s*)?(?:auto(?:matic)?[ -]?(?:reply|response|answer)|out of (?:the )?office|autoreply|"
    r"vacation|away from|on leave|不在|自動(?:応答|返信)|\(auto\))|(?:^|\s)(?:auto|自動応答|自動返信):",
    re.IGNORECASE,
)
_X_UNIX = re.compile(r"^x-unix;", re.IGNORECASE)


def analyze_bounce(data: bytes) -> BounceReport:
    """Analyze a whole message (.eml bytes) or text pasted from a mail client.

    Raises BounceInputError when the input is empty, binary, or neither mail nor bounce text.
    """
    mail.check_input(data)
    if mail.has_headers(data):
        return _analyze_message(mail.parse(data), depth=0)
    return analyze_text(mail.decode_bytes(data))


def analyze_text(text: str) -> BounceReport:
    """Analyze bounce text without headers (copied from a mail client's window)."""
    if "final-recipient:" in text.lower():
        recipients = _dsn_recipients(mail.parse_fields(_from_fields(text)), text, exclude=set())
        if recipients:
            return BounceReport("dsn", tuple(recipients))
    found = _text_recipients(text, exclude=set(), reporting="", action=_default_action(text))
    if found:
        return BounceReport("text", tuple(found))
    if _BOUNCE_BODY.search(text):
        diag = prose.diagnostic_lines(text)
        return BounceReport("text", (_recipient("", _default_action(text), "", diag),))
    raise BounceInputError("bounce.input.not_email")


def explain_recipient(recipient: BounceRecipient, *, lang: str) -> Any:
    """The plain-language explanation (an assistant.core.explain.Explanation) of one recipient's finding."""
    from assistant.core.explain import explain_code

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
    sender = _addresses(msg, "From")
    sender_addr = sender[0] if sender else ""
    exclude = {a.lower() for a in (*_addresses(msg, "To"), *_addresses(msg, "Cc"), sender_addr) if a}
    texts, reports, attached = mail.body_texts(msg)
    body = "\n".join(texts)
    feedback = [p for p in reports if p.get_content_type() == "message/feedback-report"]
    if feedback:
        return BounceReport(
            "feedback", tuple(_feedback_recipients(feedback, attached, body)), subject, sender_addr
        )
    dsn_parts = [p for p in reports if p.get_content_type() != "message/feedback-report"]
    bounce_like = bool(dsn_parts) or _bounce_like(msg, subject, sender_addr, body)
    if not bounce_like:
        if _auto_reply(msg, subject):
            r = _recipient(sender_addr, "auto-reply", "", prose.cut_original(body)[:300], reason="vacation")
            return BounceReport("auto-reply", (r,), subject, sender_addr)
        if depth < 3:
            for inner in _messages(attached):
                report = _analyze_message(inner, depth + 1)
                if report.is_bounce and report.kind != "auto-reply":
                    return _forwarded(report)
        return BounceReport("not-bounce", (), subject, sender_addr)
    reporting = prose.reporting_mta(body) or _domain(sender_addr)
    if dsn_parts:
        blocks: list[dict[str, str]] = []
        for part in dsn_parts:
            blocks.extend(mail.report_fields(part))
        recipients = _dsn_recipients(blocks, body, exclude, reporting=reporting)
        if recipients:
            return BounceReport("dsn", tuple(recipients), subject, sender_addr, forwarded=depth > 0)
    own = prose.cut_original(body[:60000])
    if "final-recipient:" in own.lower():  # report fields written into a text part
        recipients = _dsn_recipients(mail.parse_fields(_from_fields(own)), body, exclude, reporting=reporting)
        if recipients:
            return BounceReport("dsn", tuple(recipients), subject, sender_addr, forwarded=depth > 0)
    action = "delayed" if prose.looks_delayed(subject + "\n" + body) else "failed"
    found = _text_recipients(body, exclude=exclude, reporting=reporting, action=action)
    failed_header = [a for a in _addresses(msg, "X-Failed-Recipients") if a]
    if failed_header:
        by_address = {r.address.lower(): r for r in found}
        diag = prose.diagnostic_lines(body)
        found = [
            by_address.get(a.lower()) or _recipient(a, action, "", diag, reporting=reporting)
            for a in failed_header
        ]
    if not found and depth < 3:
        for inner in _messages(attached):
            if _bounce_like(inner, mail.header(inner, "Subject"), "", ""):
                report = _analyze_message(inner, depth + 1)
                if report.recipients:
                    return _forwarded(report)
    if not found:
        address = _original_recipient(attached, msg)
        found = [_recipient(address, action, "", prose.diagnostic_lines(body), reporting=reporting)]
    carrier_filtered = (msg.get("X-SPASIGN") or "").strip().upper() == "NG"
    if carrier_filtered:
        found = [_as_filtered(r) for r in found]
    return BounceReport("text", tuple(found), subject, sender_addr, forwarded=depth > 0)


def _forwarded(report: BounceReport) -> BounceReport:
    return BounceReport(report.kind, report.recipients, report.subject, report.sender, True, report.notes)


def _bounce_like(msg: Part, subject: str, sender: str, body: str) -> bool:
    if prose.is_service_address(sender) or msg.get("X-Failed-Recipients"):
        return True
    display = (msg.get("From") or "").lower()
    if "mail delivery" in display or "mailer-daemon" in display or "postmaster" in display:
        return True
    ctype = msg.get_content_type()
    if ctype == "multipart/report":
        return True
    if _BOUNCE_SUBJECT.search(subject):
        return True
    return bool(body) and bool(_BOUNCE_BODY.search(prose.cut_original(body[:20000])))


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


# ---- RFC 3464 delivery-status notifications -----------------------------------------------------------


def _dsn_recipients(
    blocks: list[dict[str, str]], body: str, exclude: set[str], *, reporting: str = ""
) -> list[BounceRecipient]:
    per_message: dict[str, str] = {}
    out: list[BounceRecipient] = []
    texts = {r.address.lower(): r for r in prose.recipients(body, exclude=exclude)} if body else {}
    body_diag = ""
    for block in blocks:
        final = block.get("final-recipient") or block.get("original-recipient") or ""
        if not final:
            per_message.update(block)
            continue
        address = _field_address(final) or _field_address(block.get("original-recipient", ""))
        reporting_mta = _field_host(per_message.get("reporting-mta", "")) or reporting
        action = (block.get("action") or "failed").split()[0].lower() if block.get("action") else "failed"
        diag_field = block.get("diagnostic-code", "")
        diag_type, _, diag = diag_field.partition(";") if ";" in diag_field[:12] else ("", "", diag_field)
        text_hit = texts.get(address.lower())
        command = text_hit.command if text_hit else ""
        if not diag.strip():
            if text_hit and text_hit.diagnostic:
                diag = text_hit.diagnostic
            else:
                body_diag = body_diag or prose.diagnostic_lines(body)
                diag = body_diag
        remote = _field_host(block.get("remote-mta", "")) or (text_hit.remote_mta if text_hit else "")
        if not command:
            command = prose.command_of(diag) or prose.command_of(block.get("x-postfix-command", ""))
        out.append(
            _recipient(
                address,
                action,
                normalise_status(block.get("status", "")),
                " ".join(diag.split()),
                command=command,
                remote=remote or prose.remote_of(diag),
                reporting=reporting_mta,
                unix=bool(_X_UNIX.match(diag_type.strip() + ";")) if diag_type else False,
            )
        )
    return out


def _from_fields(text: str) -> str:
    """Pasted text that includes DSN fields: from the first field line on, blank lines kept."""
    low = text.lower()
    start = min(i for i in (low.find("reporting-mta:"), low.find("final-recipient:")) if i >= 0)
    return text[start:]


# ---- text bounces -------------------------------------------------------------------------------------


def _text_recipients(body: str, *, exclude: set[str], reporting: str, action: str) -> list[BounceRecipient]:
    out = []
    for hit in prose.recipients(body, exclude=exclude):
        diag = hit.diagnostic or prose.diagnostic_lines(body)
        out.append(
            _recipient(
                hit.address, action, "", diag, command=hit.command, remote=hit.remote_mta, reporting=reporting
            )
        )
    return out


def _default_action(text: str) -> str:
    return "delayed" if prose.looks_delayed(text) else "failed"


# ---- abuse feedback (RFC 5965) --------------------------------------------------------------------------


def _feedback_recipients(parts: list[Part], attached: list[Part], body: str) -> list[BounceRecipient]:
    out = []
    for part in parts:
        fields: dict[str, str] = {}
        for block in mail.report_fields(part):
            fields.update(block)
        address = _field_address(fields.get("original-rcpt-to", "")) or _field_address(
            fields.get("removal-recipient", "")
        )
        if not address:
            address = _original_recipient(attached, None)
        kind = fields.get("feedback-type", "abuse")
        out.append(
            _recipient(
                address,
                "feedback",
                "",
                f"feedback-type: {kind}",
                reporting=_field_host(fields.get("reporting-mta", "")),
                reason="feedback",
            )
        )
    return out


# ---- one recipient --------------------------------------------------------------------------------------


def _recipient(
    address: str,
    action: str,
    dsn_status: str,
    diagnostic: str,
    *,
    command: str = "",
    remote: str = "",
    reporting: str = "",
    reason: str = "",
    unix: bool = False,
) -> BounceRecipient:
    diagnostic = " ".join(diagnostic.split())[:2000]
    reply = find_reply(diagnostic[:400])
    if reason in ("vacation", "feedback"):
        return BounceRecipient(
            address,
            action,
            "",
            None,
            diagnostic,
            reason,
            False,
            reporting,
            remote,
            command,
            f"bounce.{reason}",
        )
    status = choose_status(dsn_status, diagnostic, reply)
    text_for_rules = ("x-unix; " if unix else "") + diagnostic
    reason = classify(status=status, reply=reply, text=text_for_rules, command=command, action=action)
    explanation_id = f"bounce.{reason}"
    if _carrier(address):
        reason, explanation_id = _carrier_reason(reason, status, diagnostic, command)
    temporary = (
        status.startswith("4") or action == "delayed" or (not status and reply is not None and reply < 500)
    )
    if not status and reason not in ("delivered",):
        status = pseudo_status(reason, temporary)
    if reason == "delivered" and not status:
        status = "2.0.0"
    return BounceRecipient(
        address,
        action,
        status,
        reply,
        diagnostic,
        reason,
        is_hard(reason, temporary),
        reporting,
        remote,
        command,
        explanation_id,
    )


def _carrier(address: str) -> bool:
    domain = address.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in CARRIER_DOMAINS)


_BARE_UNKNOWN = re.compile(r"\b550\s*:\s*user unknown", re.IGNORECASE)


def _carrier_reason(reason: str, status: str, diagnostic: str, command: str) -> tuple[str, str]:
    """A carrier's "user unknown" after the message was sent is its user's filter, not a wrong address."""
    if reason == "filtered":
        return "filtered", "bounce.filtered.carrier"
    if reason == "userunknown" and (
        command == "DATA" or status == "5.2.0" or _BARE_UNKNOWN.search(diagnostic)
    ):
        return "filtered", "bounce.filtered.carrier"
    return reason, f"bounce.{reason}"


def _as_filtered(r: BounceRecipient) -> BounceRecipient:
    if r.reason not in ("userunknown", "onhold", "undefined", "filtered", "rejected"):
        return r
    status = r.status if not r.status.startswith(("5.0.9", "4.0.9")) else "5.0.910"
    return BounceRecipient(
        r.address,
        r.action,
        status,
        r.reply_code,
        r.diagnostic,
        "filtered",
        False,
        r.reporting_mta,
        r.remote_mta,
        r.command,
        "bounce.filtered.carrier",
    )


# ---- small field readers --------------------------------------------------------------------------------


def _addresses(msg: Part, name: str) -> list[str]:
    """The addresses in a header (a plain scan: quoted display names with @ in them are rare in bounces)."""
    values = msg.get_all(name)
    if not values:
        return []
    return prose.ADDRESS.findall(" ".join(str(v) for v in values))


def _field_address(value: str) -> str:
    _, _, rest = value.partition(";") if ";" in value else ("", "", value)
    m = prose.ADDRESS.search(rest)
    return m.group(0) if m else rest.strip().strip("<>")


def _field_host(value: str) -> str:
    _, _, rest = value.partition(";") if ";" in value else ("", "", value)
    return rest.strip().split()[0].strip("[]").rstrip(".") if rest.strip() else ""


def _domain(address: str) -> str:
    return address.rpartition("@")[2]


def _messages(parts: list[Part]) -> list[Part]:
    """The messages enclosed in message/rfc822 parts."""
    return [p.message for p in parts if p.message is not None]


def _original_recipient(attached: list[Part], msg: Part | None) -> str:
    for inner in _messages(attached):
        to = _addresses(inner, "To")
        if to:
            return to[0]
    return ""
