"""Amazon SES bounce and complaint notifications: the JSON that SNS mails (or posts) to the sender."""

from __future__ import annotations

import json
from email.utils import parseaddr
from typing import Any

from assistant.core.explain.bounce.recipient import BounceRecipient, make_recipient

# bounceSubType values that mean SES itself did not send: the address is on a suppression list.
_SUPPRESSED = frozenset({"suppressed", "onaccountsuppressionlist"})


def notification(text: str) -> dict[str, Any] | None:
    """The SES notification in `text` (a bounce or complaint), or None when there is none."""
    if '"notificationType"' not in text and '"eventType"' not in text:
        return None
    start = text.find("{")
    if start < 0:
        return None
    try:
        found, _ = json.JSONDecoder().raw_decode(text[start:])
    except ValueError:
        return None
    if isinstance(found, dict) and isinstance(found.get("Message"), str):  # an SNS envelope around it
        try:
            found = json.loads(found["Message"])
        except ValueError:
            return None
    if not isinstance(found, dict):
        return None
    kind = found.get("notificationType") or found.get("eventType")
    return found if kind in ("Bounce", "Complaint") else None


def recipients(note: dict[str, Any]) -> tuple[str, list[BounceRecipient]]:
    """("dsn" or "feedback", the recipients) of an SES notification."""
    if (note.get("notificationType") or note.get("eventType")) == "Complaint":
        complaint = _dict(note.get("complaint"))
        kind = str(complaint.get("complaintFeedbackType") or "abuse")
        return "feedback", [
            make_recipient(_address(r), "feedback", "", f"feedback-type: {kind}", reason="feedback")
            for r in _list(complaint.get("complainedRecipients"))
        ]
    bounce = _dict(note.get("bounce"))
    suppressed = str(bounce.get("bounceSubType", "")).lower() in _SUPPRESSED
    transient = str(bounce.get("bounceType", "")).lower() == "transient"
    reporting = str(bounce.get("reportingMTA") or "").split(";")[-1].strip()
    out = []
    for r in _list(bounce.get("bouncedRecipients")):
        action = str(r.get("action") or ("delayed" if transient else "failed"))
        status = str(r.get("status") or "")
        diagnostic = str(r.get("diagnosticCode") or "")
        reason = "suppressed" if suppressed else ""
        out.append(
            make_recipient(_address(r), action, status, diagnostic, reporting=reporting, reason=reason)
        )
    return "dsn", out


def _address(entry: dict[str, Any]) -> str:
    return parseaddr(str(entry.get("emailAddress") or ""))[1]


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
