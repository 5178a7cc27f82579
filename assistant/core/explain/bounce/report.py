"""Machine-readable reports in a bounce: RFC 3464 delivery-status and RFC 5965 feedback fields."""

from __future__ import annotations

import re

from assistant.core.explain.bounce import message as mail
from assistant.core.explain.bounce import text as prose
from assistant.core.explain.bounce.mime import Part
from assistant.core.explain.bounce.recipient import BounceRecipient, make_recipient
from assistant.core.explain.status import normalise_status

_X_UNIX = re.compile(r"^x-unix;", re.IGNORECASE)


def dsn_recipients(
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
            make_recipient(
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


def fields_start(text: str) -> str:
    """Pasted text that includes DSN fields: from the first field line on, blank lines kept."""
    low = text.lower()
    start = min(i for i in (low.find("reporting-mta:"), low.find("final-recipient:")) if i >= 0)
    return text[start:]


def feedback_recipients(parts: list[Part], attached: list[Part], body: str) -> list[BounceRecipient]:
    out = []
    for part in parts:
        fields: dict[str, str] = {}
        for block in mail.report_fields(part):
            fields.update(block)
        address = _field_address(fields.get("original-rcpt-to", "")) or _field_address(
            fields.get("removal-recipient", "")
        )
        if not address:
            address = original_recipient(attached, None)
        kind = fields.get("feedback-type", "abuse")
        out.append(
            make_recipient(
                address,
                "feedback",
                "",
                f"feedback-type: {kind}",
                reporting=_field_host(fields.get("reporting-mta", "")),
                reason="feedback",
            )
        )
    return out


def addresses(msg: Part, name: str) -> list[str]:
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


def domain_of(address: str) -> str:
    return address.rpartition("@")[2]


def messages(parts: list[Part]) -> list[Part]:
    """The messages enclosed in message/rfc822 parts."""
    return [p.message for p in parts if p.message is not None]


def original_recipient(attached: list[Part], msg: Part | None) -> str:
    for inner in messages(attached):
        to = addresses(inner, "To")
        if to:
            return to[0]
    return ""
