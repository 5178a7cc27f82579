"""Recipients in human-readable bounce text (Postfix, Exim, Sendmail, qmail, Exchange, carriers...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.core.explain.bounce.original import cut_original
from assistant.core.explain.patterns import Pattern
from assistant.core.explain.phrases_world import WORLD_DELAY, WORLD_HINT, WORLD_RECIPIENT_WORDS
from assistant.core.explain.status import failing_replies

ADDRESS = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+=!#$&'*/?^`{|}~-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
_SERVICE_LOCAL = re.compile(
    r"^(?:mailer[-_]?daemon|postmaster|mail[-_]?daemon|maildaemon|bounces?|no-?reply)$", re.I
)

# (?<![\d.])[245]\d\d(?:[ -]|$)|[245]\.\d{1,3}\.\d{1,3}, written to start with the digit (the look-behind
# moved after it): a pattern that starts with a look-behind is tried at every position, this one jumps.
_REPLY_LINE = re.compile(r"[245](?:(?<![\d.][245])\d\d(?:[ -]|$)|\.\d{1,3}\.\d{1,3})")
_DIAGNOSTIC_HINT = Pattern(
    r"said:|remote (?:host|server|mail server|system)|smtp error|reason:|<<<|diagnostic|returned '|"
    r"error|unknown|rejected|refused|denied|not found|does not exist|full|quota|too (?:large|big)|"
    r"unrouteable|timed? ?out|expired|blocked|spam|giving up|retry|delay|mailbox|disabled|suspended|"
    r"not deliver|undeliverable|failed|failure|permanent|temporar|exceed|not accept|no such|invalid|"
    r"not listed|because|not (?:a )?(?:valid|known)|permission|virus|threat|security risk|no route|"
    r"registered|monitored|"
    r"存在しません|存在しない|お届けできません|宛先不明|受信拒否|容量|エラー|理由|原因|詳細|見つかりません|"
    r"できません|拒否|禁止|超え|停止|検出|判定|(?:" + WORLD_HINT + ")"
)
# What may stand before an address: quotes ("'<a@b>'"), an address type ("[SMTP:a@b]", "rfc822;a@b")
_ADDRESS_OPEN = r"['\"]?<?(?:\[?smtp:|rfc822;\s*)?"
# "Recipient:" in Japanese reports
_RECIPIENT_WORDS = (
    "宛先",
    "宛て先",
    "あて先",
    "送信先",
    "配信先",
    "配送先",
    "受信者",
    *WORLD_RECIPIENT_WORDS,
)
_RECIPIENT_LABEL = "(?:" + "|".join(_RECIPIENT_WORDS) + ")"
_DELIVERED_TO = re.compile(
    r"(?:(?:wasn'?t|was not|could ?n[o']t be|has not been|cannot be|can't be|not be) delivered to|"
    r"delivery to|"
    r"unable to deliver (?:your message )?to|failed to deliver to|could not deliver (?:mail )?to|"
    r"your message to|"
    r"recipient(?: address)?:|delivery has failed to these recipients|"
    r"(?:message|mail|e-?mail|reply) (?:you )?(?:was )?sent to|"
    + _RECIPIENT_LABEL
    + r"[^:：\s]{0,8})\s*[:：]?\s*"
    + _ADDRESS_OPEN
    + "("
    + ADDRESS.pattern
    + ")>?",
    re.IGNORECASE,
)

# (word, pattern, how far before the word the match may start, fixed answer): a pattern runs only where
# its word is, so the many texts without it cost one substring search.
_COMMANDS: tuple[tuple[str, re.Pattern[str], int, str], ...] = tuple(
    (word, re.compile(rx, re.IGNORECASE), back, fixed)
    for word, rx, back, fixed in (
        ("in reply to ",
         r"in reply to (?:the )?(rcpt to|mail from|end of data|data|helo|ehlo|starttls|banner)", 0, ""),
        ("after ",
         r"after (rcpt to|mail from|end of data|data|initial connection|helo|ehlo|sending data)", 0, ""),
        (">>>", r">>> ?(rcpt|mail|data|ehlo|helo|\.)", 0, ""),
        (" command", r"(?:for|to) (?:the )?(rcpt to|mail from|data|end of data) command", 30, ""),
        ("does not like ", r"does not like (recipient|sender)", 0, ""),
        ("failed after i sent", r"failed after i sent", 0, "DATA"),
        ("[rcpt_to]", r"\[rcpt_to\]", 0, "RCPT"),
        ("[mail_from]", r"\[mail_from\]", 0, "MAIL"),
        ("[data]", r"\[data\]", 0, "DATA"),
        ("[end_of_data]", r"\[end_of_data\]", 0, "DATA"),
        ("during ", r"during (?:the )?(rcpt|mail from|data|end of data|connect)", 0, ""),
        ("while sending ", r"while sending (?:the )?(rcpt|mail from|data|end of data)", 0, ""),
    )
)  # fmt: skip
_COMMAND_NAMES = {
    "rcpt to": "RCPT",
    "rcpt": "RCPT",
    "rcpt_to": "RCPT",
    "recipient": "RCPT",
    "mail from": "MAIL",
    "mail": "MAIL",
    "mail_from": "MAIL",
    "sender": "MAIL",
    "end of data": "DATA",
    "data": "DATA",
    "end_of_data": "DATA",
    ".": "DATA",
    "message": "DATA",
    "sending data": "DATA",
    "helo": "HELO",
    "ehlo": "EHLO",
    "starttls": "STARTTLS",
    "banner": "CONN",
    "initial connection": "CONN",
    "connect": "CONN",
}

_HOST = r"([A-Za-z0-9][\w.-]*\.[A-Za-z]{2,})"
_REMOTE: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (word, re.compile(rx, re.IGNORECASE), back)
    for word, rx, back in (
        ("host ", r"host " + _HOST + r"\.?\s*\[", 0),
        ("talking to ", r"talking to " + _HOST + r"\.?:", 0),
        ("remote ", r"remote (?:server|host|mta)(?: at| is)? \[?" + _HOST, 0),
        (" #", r"<" + _HOST + r" #\d\.\d", 80),
        (" does not like", r"(\d{1,3}(?:\.\d{1,3}){3}) does not like", 16),
        ("host ", r"host " + _HOST + r" said", 0),
        ("host:", r"host:\s*" + _HOST, 0),
        (" by ", r" by " + _HOST + r"\.? \[[\d.:a-fA-F]+\]", 0),
        ("]:", _HOST + r" \[[\d.:a-fA-F]+\]:", 120),
    )
)  # fmt: skip
_REPORTING = (
    re.compile(r"this is the mail system at host ([\w.-]+)", re.I),
    re.compile(r"this is the qmail-send program at ([\w.-]+)", re.I),
    re.compile(r"generating server:\s*([\w.-]+)", re.I),
    re.compile(r"reporting-mta:\s*(?:dns;\s*)?([\w.-]+)", re.I),
    re.compile(r"mail(?:er)? delivery (?:subsystem|system|software) at ([\w.-]+\.[a-z]{2,})", re.I),
)
_DELAYED = Pattern(
    r"warning message only|not yet been delivered|has been delayed|delivery (?:is )?delayed|"
    r"will (?:continue to )?"
    r"(?:try|retry)|still (?:being )?(?:retried|trying)|delivery temporarily suspended|temporary failure|"
    r"delivery delayed|配信が遅れて|配送が遅れて|配信遅延|配送遅延|再送の必要はありません",
)
_WORLD_DELAYED = Pattern(WORLD_DELAY)  # said at the top of a notice: read in its first lines only
_DELIVERED_WORDS = ("deliver", "recipient", "your message to", "sent to", *_RECIPIENT_WORDS)
_DELIVERED_WORDS_ASCII = tuple(w for w in _DELIVERED_WORDS if w.isascii())
# What the client sent in a session transcript: Sendmail's ">>>", MDaemon's "-->" (after a time stamp)
_TRANSCRIPT_OUT = re.compile(r"^[^<>\n]{0,48}?(?:>>>|-->)")
_TRANSCRIPT_RCPT = re.compile(r"^\s*>>>\s*RCPT TO:", re.IGNORECASE)
_LEADING_ADDRESS = re.compile(
    r"^(?:rcpt[ _]?to:|recipient:|rfc ?822(?: address)?:|"
    + _RECIPIENT_LABEL
    + r"[^:：\s]{0,8}\s*[:：])?\s*"
    + _ADDRESS_OPEN
    + "("
    + ADDRESS.pattern
    + r")>?",
    re.I,
)
# The same two patterns for lower-cased ASCII lines, without IGNORECASE (several times faster): their
# literals are lower-case, their letter classes hold both cases; a match has the same span in the line.
_LEADING_ADDRESS_LOWER = re.compile(_LEADING_ADDRESS.pattern)
_DELIVERED_TO_LOWER = re.compile(_DELIVERED_TO.pattern)


@dataclass
class TextRecipient:
    address: str
    diagnostic: str = ""
    command: str = ""
    remote_mta: str = ""


_REPORTING_WORDS = ("mail system at host", "qmail-send", "generating server", "reporting-mta", "delivery ")


def reporting_mta(text: str) -> str:
    low = text[:20000].lower()
    for word, rx in zip(_REPORTING_WORDS, _REPORTING, strict=True):
        at = low.find(word)
        while at >= 0:  # the regex runs only where its words are
            m = rx.search(text, max(0, at - 12), at + 200)
            if m:
                return m.group(1).rstrip(".")
            at = low.find(word, at + 1)
    return ""


def looks_delayed(text: str) -> bool:
    return _DELAYED.occurs(text[:4000]) or _WORLD_DELAYED.occurs(text[:1000])


def command_of(text: str) -> str:
    """The SMTP command the failure answered (RCPT, DATA, MAIL...), from the report's wording."""
    low = text.lower()
    for word, rx, back, fixed in _COMMANDS:
        if word not in low:  # most texts have few of the words: skip the call
            continue
        found = ""
        for m in _near(text, low, word, rx, back):
            found = fixed or _COMMAND_NAMES.get(m.group(1).lower(), "")
        if found:
            return found
    return ""


def remote_of(text: str) -> str:
    """The remote server the report names (host mx.example.com[192.0.2.1], while talking to ...)."""
    low = text.lower()
    for word, rx, back in _REMOTE:
        if word not in low:
            continue
        for m in _near(text, low, word, rx, back):
            return m.group(1).rstrip(".")
    return ""


def _near(text: str, low: str, word: str, rx: re.Pattern[str], back: int) -> list[re.Match[str]]:
    """Matches of `rx` that start at most `back` characters before an occurrence of `word`."""
    out: list[re.Match[str]] = []
    at = low.find(word)
    end = -1
    while at >= 0:
        if at > end:
            m = rx.search(text, max(0, at - back), at + len(word) + 260)
            if m and m.start() <= at:
                out.append(m)
                end = m.end()
        at = low.find(word, at + 1)
    return out


def is_service_address(address: str) -> bool:
    return bool(_SERVICE_LOCAL.match(address.split("@", 1)[0]))


def recipients(
    text: str, *, exclude: set[str], limit: int = 60000, own: str | None = None
) -> list[TextRecipient]:
    """Recipients named in bounce text, each with the diagnostic that follows it.

    `own` is cut_original(text[:limit]) when the caller has already cut it.
    """
    text = own if own is not None else cut_original(text[:limit])
    lines = text.splitlines()
    anchors: list[tuple[int, str, str]] = []  # (line index, address, rest of the line)
    for i, line in enumerate(lines):
        hit = _anchor(line, exclude) if "@" in line else None  # (_anchor refuses such lines too)
        if hit:
            anchors.append((i, *hit))
    found: dict[str, TextRecipient] = {}
    for n, (i, address, rest) in enumerate(anchors):
        end = anchors[n + 1][0] if n + 1 < len(anchors) else min(len(lines), i + 40)
        block = _diagnostic_block(lines[i + 1 : end])
        diag = " ".join(p for p in (rest, block) if p)
        _merge(found, address, diag)
        if _TRANSCRIPT_RCPT.match(lines[i]):
            found[address.lower()].command = found[address.lower()].command or "RCPT"
    return list(found.values())


def has_reply(text: str) -> bool:
    """Whether `text` holds an SMTP reply or enhanced status code."""
    return bool(_REPLY_LINE.search(text))


def diagnostic_lines(text: str, own: str | None = None) -> str:
    """The lines of a bounce text with a reply code or a failure phrase (for bounces naming nobody).

    `own` is cut_original(text[:60000]) when the caller has already cut it.
    """
    text = own if own is not None else cut_original(text[:60000])
    lines = text.splitlines()
    out = [ln.strip() for ln in lines if _REPLY_LINE.search(ln) and not _TRANSCRIPT_OUT.match(ln)]
    if len(out) > 1:
        out = failing_replies(out)
    if not out:
        for i, ln in enumerate(lines):
            if _DIAGNOSTIC_HINT.occurs(ln):
                line = ln.strip()
                after = lines[i + 1].strip() if i + 1 < len(lines) else ""
                if after and not line.endswith((".", "!", "?", ":", "。", "：")):
                    line = f"{line} {after}"  # a sentence wrapped onto the next line
                out.append(line)
                if len(out) == 6:
                    break
    return _clean(" ".join(out))


def first_address(text: str, exclude: set[str]) -> str:
    """The first address in `text` that is neither ours nor a mail system's."""
    for m in ADDRESS.finditer(text):
        address = m.group(0)
        if address.lower() not in exclude and not is_service_address(address):
            return address
    return ""


_TO_LINE = re.compile(r"^to:[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE)


def original_to(text: str, exclude: set[str]) -> str:
    """The To: of an original quoted inline below the bounce text (old MTAs append it as plain text)."""
    rest = text[len(cut_original(text[:60000])) : 120000]
    for m in _TO_LINE.finditer(rest):
        found = first_address(m.group(1), exclude)
        if found:
            return found
    return ""


_ADDRESS_END = re.compile(r"^[\]'\"]*\s*(?:[:.,;]|\.\.\.|\(|\s{2,}|\s+on\s|\s+-\s|$)")


def _anchor(line: str, exclude: set[str]) -> tuple[str, str] | None:
    if "@" not in line:
        return None
    stripped = line.strip().lstrip(">*-•・ \t\u3000")
    if not stripped:
        return None
    low_stripped = stripped.lower()
    ascii_line = line.isascii()
    m = _LEADING_ADDRESS_LOWER.match(low_stripped) if ascii_line else _LEADING_ADDRESS.match(stripped)
    if m and not low_stripped.startswith(("to:", "from:")):
        address = stripped[m.start(1) : m.end(1)]
        rest = stripped[m.end() :]
        # "<a@b>: text", "<a@b>... text", "a@b (a@b)", a@b alone, "a@b  text" (carrier lists)
        if rest and not _ADDRESS_END.match(rest):
            if not _DIAGNOSTIC_HINT.occurs(rest):
                return None
        if address.lower() in exclude or is_service_address(address):
            return None
        return address, rest.strip(" :.;,()[]'\"")
    low = line.lower()
    if not any(w in low for w in (_DELIVERED_WORDS_ASCII if ascii_line else _DELIVERED_WORDS)):
        return None
    m = _DELIVERED_TO_LOWER.search(low) if ascii_line else _DELIVERED_TO.search(line)
    if m:
        address = line[m.start(1) : m.end(1)]
        if address.lower() not in exclude and not is_service_address(address):
            return address, f"{line[: m.start()].strip()} {line[m.end() :]}".strip(" :.;,()>[]'\"")
    return None


def _diagnostic_block(lines: list[str]) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    kept: list[str] = []
    labelled = False  # the paragraph before ends in a colon ("because:", "理由:"): this one is its content
    for i, para in enumerate(p for p in paragraphs if p):
        text = " ".join(ln.strip() for ln in para)
        # the first paragraph when indented or right under the address ("<a@b>:" then the reason)
        first = i == 0 and (para[0][:1] in " \t" or lines[0] is para[0])
        if first or labelled or _REPLY_LINE.search(text) or _DIAGNOSTIC_HINT.occurs(text):
            kept.append(text)
        labelled = text.endswith((":", "："))
    return _clean(" ".join(kept))


def _merge(found: dict[str, TextRecipient], address: str, diag: str) -> None:
    key = address.lower()
    current = found.get(key)
    if current is None:
        found[key] = TextRecipient(address=address, diagnostic=_clean(diag))
    elif diag and _clean(diag) not in current.diagnostic:
        current.diagnostic = _clean(f"{current.diagnostic} {diag}")
    rec = found[key]
    rec.command = rec.command or command_of(rec.diagnostic)
    rec.remote_mta = rec.remote_mta or remote_of(rec.diagnostic)


_NOISE = re.compile(r"<<<\s*|(?:^|(?<=\s))>+(?=\s|$)")  # transcript arrows, quoting of a forwarded text


def _clean(text: str) -> str:
    if _noisy(text):
        text = _NOISE.sub(" ", text)
    return " ".join(text.split())[:2000]


def _noisy(text: str) -> bool:
    """Whether _NOISE can match: "<<<", or a ">" at the start or after a space (not "<a@b>: ...")."""
    if "<<<" in text:
        return True
    at = text.find(">")
    while at >= 0:
        if at == 0 or text[at - 1].isspace():
            return True
        at = text.find(">", at + 1)
    return False
