"""SMTP reply and enhanced status codes: finding them in text, choosing the telling one, their classes."""

from __future__ import annotations

import re

# An enhanced status code not glued to a version number, an IP address or another number.
# The look-behinds stand after the first digit (they look back over it): a pattern that starts with a
# look-behind is tried at every position of the text, one that starts with [245] jumps to the digits.
_ENHANCED_LOOSE = re.compile(r"([245])(?<![\d.vV][245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)")
# "ERROR CODE :550" too
_REPLY = re.compile(r"([245](?<![\w.-][245])(?<![\w.:]:[245])[0-5]\d)(?:[ -]|:(?!\d)|$)")
_STATUS = re.compile(r"[245]\.\d{1,3}\.\d{1,3}")
_HASH_STATUS = re.compile(r"#([245])\.(\d{1,3})\.(\d{1,3})")  # qmail "(#5.1.1)"

# Codes that say little; a more specific code elsewhere in the report replaces them.
_VAGUE = {"4.4.7", "4.7.0"}
# ...but not in a report's Status field: there 4.4.7 is the reporting MTA's own verdict (the queue gave up,
# or the message is still delayed); a code quoted in its diagnostic is only the last attempt's.
_DSN_DEFINITE = {"4.4.7"}


def is_vague(code: str) -> bool:
    if not code:
        return True
    cls, subject, detail = [*code.split("."), "", ""][:3]
    if code in _VAGUE or (subject == "0" and detail == "0"):
        return True
    return cls in "45" and subject == "5" and detail in {"1", "2", "4", "5"}


def find_enhanced(text: str) -> list[str]:
    """Every enhanced status code in `text`, in order (qmail's "#5.1.1" form included)."""
    found = [".".join(m.groups()) for m in _HASH_STATUS.finditer(text)] if "#" in text else []
    for m in _ENHANCED_LOOSE.finditer(text):
        code = ".".join(m.groups())
        if int(m.group(2)) > 7:
            continue
        found.append(code)
    return found


def find_reply(text: str) -> int | None:
    """The first SMTP reply code that starts a reply in `text` (e.g. "550" in "host said: 550 5.1.1 ...")."""
    for m in _REPLY.finditer(text):
        value = int(m.group(1))
        if 400 <= value <= 559 or 200 <= value <= 259:
            return value
    return None


def failing_replies(lines: list[str]) -> list[str]:
    """In a session transcript (success replies too), the failure replies, the last failure first.

    "220 ready", "250 2.1.0 Ok" never explain a failure; lines whose digits only look like a code (an IP
    address, a time stamp) go as well. Text without a success reply is left as it is.
    """
    codes = [find_reply(ln) for ln in lines]
    if not any(c and c < 400 for c in codes) or not any(c and c >= 400 for c in codes):
        return lines
    kept = [
        (ln, c) for ln, c in zip(lines, codes, strict=True)
        if (c and c >= 400) or (not c and any(e[0] in "45" for e in find_enhanced(ln)))
    ]  # fmt: skip
    last = next((c for _, c in reversed(kept) if c), None)
    return [ln for ln, c in kept if c == last] + [ln for ln, c in kept if c != last]


def choose_status(dsn_status: str, text: str, reply: int | None) -> str:
    """The most telling enhanced code: the DSN's unless it is vague or contradicts the reply class."""
    every = find_enhanced(text)
    in_text = [c for c in every if not (reply and c[0] != str(reply)[0])]
    specific = next((c for c in in_text if not is_vague(c)), "")
    if specific.endswith(".0") and reply:
        # "5.1.0 - Unknown address error 550-'5.1.1 ...'": the reply's own code beats a reporter's "other"
        own = _reply_code(text, reply)
        if own and own[0] == specific[0] and not is_vague(own):
            specific = own
    dsn = dsn_status if _valid(dsn_status) else ""
    if dsn and reply and dsn[0] != str(reply)[0] and in_text:
        dsn = ""  # the DSN's class contradicts the server's own reply; trust the reply text
    if dsn and (not is_vague(dsn) or dsn in _DSN_DEFINITE):
        return dsn
    if specific:
        return specific
    if dsn:
        return dsn
    if in_text:
        return in_text[0]
    # Exchange writes "#550 4.4.7 QUEUE.Expired": a failure code of the other class says more than none
    if reply and reply < 400:
        return ""
    return next((c for c in every if c[0] in "45"), "")


def _reply_code(text: str, reply: int) -> str:
    """The enhanced code written right after the reply code ("550 5.1.1", "550-'5.1.1", "550 #5.1.1")."""
    at = text.find(str(reply))
    if at < 0:
        return ""
    m = _OWN_CODE.match(text, at + 3)
    return ".".join(m.groups()) if m else ""


_OWN_CODE = re.compile(r"[ -]['\"#]?([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)")


def _valid(code: str) -> bool:
    return bool(code) and bool(_STATUS.fullmatch(code))


def normalise_status(value: str) -> str:
    """'5.1.1 (Bad destination)' or 'smtp; 5.1.1' -> '5.1.1'; anything else -> ''."""
    m = _ENHANCED_LOOSE.search(value or "")
    return ".".join(m.groups()) if m else ""


def temporary(status: str, reply: int | None, text: str = "") -> bool:
    if status:
        return status.startswith("4")
    if reply:
        return 400 <= reply < 500
    low = text.lower()
    return " temporar" in low or " persistent" in low
