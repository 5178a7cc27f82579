"""Machine-readable reports in a bounce: RFC 3464 delivery-status and RFC 5965 feedback fields."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.core.explain.bounce import message as mail
from assistant.core.explain.bounce import text as prose
from assistant.core.explain.bounce.mime import Part
from assistant.core.explain.bounce.original import cut_original
from assistant.core.explain.bounce.recipient import BounceRecipient, make_recipient
from assistant.core.explain.status import find_reply, normalise_status

_X_UNIX = re.compile(r"^x-unix;", re.IGNORECASE)


def dsn_recipients(
    blocks: list[dict[str, str]],
    body: str,
    exclude: set[str],
    *,
    reporting: str | Callable[[], str] = "",
) -> list[BounceRecipient]:
    """One finding per recipient block of a delivery-status report; the human text fills the gaps.

    `reporting` (or what it returns, asked only when the report names no Reporting-MTA) is the fallback.
    """
    per_message: dict[str, str] = {}
    recipient_blocks: list[dict[str, str]] = []
    for block in blocks:
        if block.get("final-recipient") or block.get("original-recipient"):
            recipient_blocks.append(block)
        elif not recipient_blocks:
            per_message.update(block)
    reporting_mta = _field_host(per_message.get("reporting-mta", "")) or (
        reporting() if callable(reporting) else reporting
    )
    prose_view = _ProseView(body, exclude, several=len(recipient_blocks) > 1)
    out: list[BounceRecipient] = []
    for block in recipient_blocks:
        address = _recipient_address(block)
        if not prose.ADDRESS.fullmatch(address):  # an X.400 name, a local one: the text gives the address
            address = prose_view.internet_address(address, only=len(recipient_blocks) == 1) or address
        action = (block.get("action") or "failed").split()[0].lower() if block.get("action") else "failed"
        diag_field = block.get("diagnostic-code", "")
        diag_type, _, diag = diag_field.partition(";") if ";" in diag_field[:12] else ("", "", diag_field)
        diag = " ".join(diag.split()) or prose_view.diagnostic(address)
        remote = (
            _field_host(block.get("remote-mta", "")) or prose.remote_of(diag) or prose_view.remote(address)
        )
        command = prose.command_of(diag) or prose_view.command(address)
        out.append(
            make_recipient(
                address,
                action,
                normalise_status(block.get("status", "")),
                diag,
                command=command,
                remote=remote,
                reporting=reporting_mta,
                unix=bool(_X_UNIX.match(diag_type.strip() + ";")) if diag_type else False,
            )
        )
    return out


class _ProseView:
    """What the human-readable part says about a recipient, read only when the report lacks it.

    With one recipient the whole text is about them (a cheap search); with several, each block is found.
    """

    def __init__(self, body: str, exclude: set[str], *, several: bool) -> None:
        self.body, self.exclude, self.several = body, exclude, several
        self._own: str | None = None
        self._hits: dict[str, prose.TextRecipient] | None = None

    def _text(self) -> str:
        if self._own is None:
            self._own = cut_original(self.body[:60000])
        return self._own

    def _all(self) -> dict[str, prose.TextRecipient]:
        if self._hits is None:
            self._hits = {r.address.lower(): r for r in prose.recipients(self.body, exclude=self.exclude)}
        return self._hits

    def _hit(self, address: str) -> prose.TextRecipient | None:
        return self._all().get(address.lower())

    def internet_address(self, name: str, *, only: bool) -> str:
        """The text's address for a report's non-Internet one: the only one the text names (`only`: the
        report has one recipient), else the one with the same local part ("bo@ims-ms-daemon")."""
        if not self.body:
            return ""
        hits = [r.address for r in self._all().values()]
        if only and len(hits) == 1:
            return hits[0]
        local = name.partition("@")[0].lower() if "@" in name else ""
        same = [a for a in hits if a.partition("@")[0].lower() == local] if local else []
        return same[0] if len(same) == 1 else ""

    def command(self, address: str) -> str:
        if not self.body:
            return ""
        if not self.several:
            return prose.command_of(self._text())
        hit = self._hit(address)
        return hit.command if hit else ""

    def remote(self, address: str) -> str:
        if not self.body:
            return ""
        if not self.several:
            return prose.remote_of(self._text())
        hit = self._hit(address)
        return hit.remote_mta if hit else ""

    def diagnostic(self, address: str) -> str:
        if not self.body:
            return ""
        hit = self._hit(address)
        own = hit.diagnostic if hit and hit.diagnostic else ""
        if own and (self.several or find_reply(own)):
            return own
        lines = prose.diagnostic_lines(self.body)
        if not own:
            return lines
        # the lines under the address hold no reply (a localised Exchange notice quotes it in its prose)
        return f"{lines} {own}" if lines and find_reply(lines) else own


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
    # an address holds no white space and always an "@": only such words need the (slow) scan
    find = prose.ADDRESS.findall
    return [a for v in values for word in str(v).split() if "@" in word for a in find(word)]


def _recipient_address(block: dict[str, str]) -> str:
    """The recipient of a report block: Final-Recipient, unless it is no Internet address (Oracle's
    "LOCAL;user@ims-ms-daemon", an X.400 O/R name) and Original-Recipient or the text gives one."""
    final = _field_address(block.get("final-recipient", ""))
    if final and prose.ADDRESS.fullmatch(final):
        return final
    original = _field_address(block.get("original-recipient", ""))
    if original and prose.ADDRESS.fullmatch(original):
        return original
    for name in ("x-rfc822-address", "x-supplementary-info", "diagnostic-code"):  # rarely needed
        m = prose.ADDRESS.search(block.get(name, ""))
        if m:
            return m.group(0)
    return final or original


_UTF8_XTEXT = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")


def _unescape_utf8_xtext(text: str) -> str:
    """RFC 6533's utf-8-addr-xtext: a non-ASCII character written as \\x{HHHH} in a plain DSN."""
    return _UTF8_XTEXT.sub(lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) < 0x110000 else "", text)


def _field_address(value: str) -> str:
    _, _, rest = value.partition(";") if ";" in value else ("", "", value)
    if "\\x{" in rest:
        rest = _unescape_utf8_xtext(rest)
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
