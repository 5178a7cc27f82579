"""One recipient's finding in a bounce: status, reply, reason, hard or soft, and the carrier filter rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.core.explain.reasons import classify, is_hard, pseudo_status
from assistant.core.explain.status import choose_status, find_reply

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


_CARRIERS = frozenset(CARRIER_DOMAINS)
_CARRIER_SUFFIXES = tuple(f".{d}" for d in CARRIER_DOMAINS)


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


def make_recipient(
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
    given = reason
    reason = classify(status=status, reply=reply, text=text_for_rules, command=command, action=action)
    if given == "suppressed":  # the sending service's own list (its report says so), whatever the old code
        reason = given
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
    """The domain is a carrier's or below one (any suffix at a label boundary)."""
    domain = address.rpartition("@")[2].lower()
    return domain in _CARRIERS or domain.endswith(_CARRIER_SUFFIXES)


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


def as_filtered(r: BounceRecipient) -> BounceRecipient:
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
