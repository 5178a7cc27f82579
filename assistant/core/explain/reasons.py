"""Bounce reasons (the common taxonomy) from status code, reply code, server text and SMTP phase."""

from __future__ import annotations

from assistant.core.explain.phrases import (
    BLOCKLIST,
    CLIENT_REJECTED,
    DIRECTORY_MISS,
    GREYLIST,
    IP_VOLUME,
    NO_SUCH_DOMAIN,
    RCPT_STAGE,
    SELF_LOOP,
    SUPPRESSION_LIST,
    TEXT,
    TIMEOUT,
    URL_LISTED,
    VACATION,
    WORLD,
    WORLD_ASCII_WORDS,
)

REASONS = (
    "userunknown", "hostunknown", "hasmoved", "mailboxfull", "mesgtoobig", "exceedlimit", "filtered",
    "rejected", "blocked", "spamdetected", "virusdetected", "policyviolation", "securityerror", "authfailure",
    "requireptr", "badreputation", "norelaying", "notaccept", "notcompliantrfc", "failedstarttls",
    "systemerror", "systemfull", "networkerror", "expired", "toomanyconn", "speeding", "suspend",
    "syntaxerror", "contenterror", "mailererror", "onhold", "vacation", "feedback", "suppressed",
    "delivered", "undefined",
)  # fmt: skip

HARD = frozenset({"userunknown", "hostunknown", "hasmoved", "notaccept"})

# The status code a report gets when the server gave none (5.0.9xx; 4.0.9xx when temporary).
PSEUDO_STATUS = {
    "undefined": "900", "onhold": "901", "syntaxerror": "902", "suppressed": "903", "norelaying": "909",
    "filtered": "910", "userunknown": "911", "hostunknown": "912", "hasmoved": "916", "rejected": "918",
    "suspend": "921", "mailboxfull": "922", "exceedlimit": "923", "authfailure": "926", "systemerror": "930",
    "systemfull": "931", "notaccept": "932", "mesgtoobig": "934", "mailererror": "939", "networkerror": "944",
    "toomanyconn": "945", "speeding": "946", "expired": "947", "contenterror": "960", "securityerror": "970",
    "blocked": "971", "policyviolation": "972", "requireptr": "973", "notcompliantrfc": "974",
    "badreputation": "975", "failedstarttls": "976", "spamdetected": "980", "virusdetected": "981",
}  # fmt: skip


def pseudo_status(reason: str, temporary: bool) -> str:
    number = PSEUDO_STATUS.get(reason)
    if not number:
        return ""
    return f"{'4' if temporary else '5'}.0.{number}"


def is_hard(reason: str, temporary: bool) -> bool:
    """A hard bounce: the address itself is bad (not: the message, the sender, or a passing condition)."""
    if reason == "notaccept":
        return not temporary
    return reason in HARD and not temporary


# Status codes that name a reason on their own (RFC 3463 / RFC 5248 / RFC 7372 meanings).
_BY_STATUS: dict[str, str] = {}
for _reason, _codes in {
    "userunknown": "5.1.0 5.1.1 5.1.3 4.1.1",
    "hostunknown": "5.1.2 5.4.4",
    "hasmoved": "4.1.6 5.1.6 5.7.17 5.7.18",
    "notaccept": "4.3.2 5.3.2 5.1.10 5.7.27",
    "mailboxfull": "4.2.2 5.2.2",
    "exceedlimit": "4.2.3 5.2.3",
    "mesgtoobig": "5.3.4 4.3.4 4.7.16 5.7.16",
    "filtered": "4.2.4 5.1.4 5.2.0 5.2.1 5.2.4",
    "suspend": "5.7.13 4.7.13",
    "authfailure": "4.7.24 4.7.26 5.7.20 5.7.21 5.7.22 5.7.23 5.7.24 5.7.26 4.7.23",
    "requireptr": "4.7.25 5.7.25",
    "spamdetected": "5.7.28",
    "blocked": "4.7.1 4.7.2",
    "rejected": "4.1.7 4.1.8 5.1.7 5.1.8",
    "expired": "4.4.1 4.4.7 5.4.7",
    "networkerror": "4.4.2 4.4.4 4.4.6 4.4.8 5.4.0 5.4.6",
    "toomanyconn": "5.5.3 4.5.3",
    "syntaxerror": "5.5.2 5.5.6 4.5.2",
    "systemerror": "4.1.9 4.3.0 4.3.3 4.3.5 4.4.3 4.5.5 5.1.9 5.3.0 5.3.3 5.3.5 5.4.3 5.5.4 5.5.5",
    "systemfull": "4.3.1 4.4.5 5.3.1",
    "securityerror": (
        "4.7.5 4.7.6 4.7.7 4.7.12 4.7.15 5.7.0 5.7.1 5.7.2 5.7.3 5.7.4 5.7.5 5.7.6 5.7.7 5.7.8 5.7.9 "
        "5.7.10 5.7.11 5.7.14 5.7.15 5.7.19"
    ),
    "failedstarttls": "5.7.30 4.7.30",
}.items():
    for _code in _codes.split():
        _BY_STATUS[_code] = _reason

# Microsoft Exchange's own detail codes (three digits, outside the IANA registry), by range.
_EXCHANGE_DETAIL: tuple[tuple[str, int, int, str], ...] = (
    ("4.4", 310, 310, "hostunknown"),  # DNS domain does not exist (InfoDomainNonexistent)
    ("5.4", 310, 310, "hostunknown"),
    ("5.7", 501, 503, "rejected"),  # the sending account is banned for spam
    ("5.7", 509, 509, "authfailure"),  # the sending domain fails DMARC
    ("5.7", 510, 511, "blocked"),
    ("5.7", 513, 513, "blocked"),
    ("5.7", 606, 649, "blocked"),  # banned sending IP
    ("5.7", 705, 705, "blocked"),
    ("5.7", 708, 708, "blocked"),
    ("5.7", 750, 750, "rejected"),  # unregistered sending domain
    ("5.7", 900, 999, "policyviolation"),  # a mail-flow (transport) rule refused the message
)


def _named(status: str, low: _Seen) -> str | None:
    """The reason a status code names: the registry's, Exchange's detail codes, and 5.1.10 read in context."""
    if status[2:] == "1.10":
        # RFC 7505 null MX, but Exchange's "recipient not found" far more often: the text says which
        return "notaccept" if low.has("notaccept") else "userunknown"
    named = _BY_STATUS.get(status)
    head, _, detail = status.rpartition(".")
    if named or len(detail) < 3:
        return named
    number = int(detail)
    for prefix, first, last, reason in _EXCHANGE_DETAIL:
        if head == prefix and first <= number <= last:
            return reason
    return None


# Checked in this order; the first reason whose status or text matches wins.
_FIRST_ORDER = (
    "mailboxfull", "mesgtoobig", "exceedlimit", "suspend", "hasmoved", "norelaying", "authfailure",
    "userunknown", "filtered", "requireptr", "notcompliantrfc", "badreputation", "contenterror", "rejected",
    "hostunknown", "spamdetected", "speeding", "toomanyconn", "blocked",
)  # fmt: skip
# Text alone, when neither the first pass nor the status code decided.
_SECOND_ORDER = (
    "mailboxfull", "authfailure", "badreputation", "speeding", "spamdetected", "virusdetected",
    "policyviolation", "norelaying", "systemerror", "networkerror", "suspend", "contenterror", "systemfull",
    "notaccept", "expired", "failedstarttls", "securityerror", "suppressed", "mailererror",
)  # fmt: skip

# Reasons a status code names only vaguely: the text may still say something better.
_VAGUE_REASONS = frozenset({"securityerror", "systemerror", "networkerror", "expired", "onhold", "undefined"})
_SIZE = frozenset({"mailboxfull", "exceedlimit", "mesgtoobig"})
# Reasons whose phrases are generic ("timed out", "loops back to myself"): a status code says more.
_GENERIC_TEXT = frozenset({"expired", "systemerror"})

_SESSION_START = {"CONN", "EHLO", "HELO", "STARTTLS"}
_BEFORE_DATA = _SESSION_START | {"MAIL", "RCPT"}


# Reply codes whose first digit says "syntax / command" (RFC 5321 §4.2.1).
_SYNTAX_REPLIES = set(range(500, 508)) | set(range(401, 408))


def classify(
    *,
    status: str = "",
    reply: int | None = None,
    text: str = "",
    command: str = "",
    action: str = "",
) -> str:
    """The bounce reason for one recipient (see the reason vocabulary in REASONS)."""
    command = command.upper()
    if status.startswith("2") or action == "delivered":
        return "delivered"
    low = _Seen(text)
    named = _named(status, low)
    reason = _classify(low, named, status, reply, command, action)
    if low.world or reason == named or not low.low or any(low.cache.values()) or not low.foreign():
        return reason
    # ASCII text in which no English phrase was found, nor a status that names the reason: it may be in
    # another language written without accents
    low.world, low.cache = True, {}
    return _classify(low, _named(status, low), status, reply, command, action)


def _classify(
    low: _Seen, named: str | None, status: str, reply: int | None, command: str, action: str
) -> str:
    text = low.low
    early = _passing_condition(named, status, low, command, action)
    if early:
        return early
    for reason in _FIRST_ORDER:
        if reason == "blocked" and named == "expired":
            continue  # the queue gave up: a refused or timed-out connection on the way is not a client block
        if named == reason and _status_fits(reason, command):
            if reason == "filtered" and low.has("speeding"):
                continue  # X.2.x "receiving mail at a rate that prevents...": a rate limit, not a filter
            if not (reason == "userunknown" and "sender" in low.low and low.has("rejected")):
                return reason  # (a 5.1.1 whose text says "sender verify failed" is about the sender)
        if _text_fits(reason, low, command, status):
            if reason in _SIZE and named in _SIZE:
                return named  # full mailbox, per-mailbox limit, too big: the code tells them apart better
            return reason
    if named and named not in _VAGUE_REASONS:
        return named
    for reason in _SECOND_ORDER:
        if named and reason in _GENERIC_TEXT:
            continue  # a generic phrase ("timed out") does not overrule a code that names a reason (4.4.2)
        if reason in _GENERIC_TEXT and status[1:3] == ".7":
            continue  # "Service unavailable. ..." before a security/policy code (X.7.x) is not a system error
        if _text_fits(reason, low, command, status):
            return reason
    if command == "MAIL" and (not named or named == "securityerror"):
        return "rejected"  # refused at MAIL FROM and nothing else said: the sender address is the problem
    if command == "CONN" and reply and reply >= 500 and (not named or named == "securityerror"):
        return "blocked"  # the greeting refused us, before any sender or recipient: only the client is known
    if named:
        return named
    if status[:3] in {"4.6", "5.6"}:
        return "contenterror"
    if status[:3] in {"4.7", "5.7"}:
        return "securityerror"
    if status[:3] in {"4.1", "5.1"}:
        return "userunknown" if command == "RCPT" else "onhold"
    if status[:3] in {"4.2", "5.2"}:
        return "filtered"
    if status[:3] in {"4.3", "5.3"}:
        return "systemerror"
    if status[:3] in {"4.4", "5.4"}:
        return "networkerror"
    if reply in _SYNTAX_REPLIES:
        return "syntaxerror"
    if action in {"delayed", "expired"}:
        return "expired"
    if command in {"EHLO", "HELO"}:
        return "blocked"
    if text and low.has("vacation"):
        return "vacation"
    if text.strip():
        return "onhold"
    return "undefined"


def _passing_condition(named: str | None, status: str, low: _Seen, command: str, action: str) -> str:
    """Greylisting before DATA, an MX pointing back at us, a queue that gave up on timeouts: decided first."""
    if not low:
        return ""
    if low.has("suppression"):
        return "suppressed"  # the sending service never tried this address: its code says why it once failed
    if low.has("greylist") and command != "DATA":
        if command in _BEFORE_DATA or low.has("rcptstage"):
            return "expired"  # "come back later" at RCPT: no verdict on the message; the queue waits
    if named in (None, "networkerror", "systemerror") and low.has("selfloop"):
        return "systemerror"  # "mail for X loops back to myself": an MX/configuration error, not the network
    if action == "failed" and status[:4] == "4.4." and named == "networkerror" and low.has("timeout"):
        return "expired"  # a temporary connection problem on a final failure: retries ran out on timeouts
    return ""


def _status_fits(reason: str, command: str) -> bool:
    if reason == "filtered":
        return command not in _BEFORE_DATA
    return True


_EXTRA = {
    "vacation": VACATION,
    "blocklist": BLOCKLIST,
    "ipvolume": IP_VOLUME,
    "client": CLIENT_REJECTED,
    "urllisted": URL_LISTED,
    "greylist": GREYLIST,
    "rcptstage": RCPT_STAGE,
    "selfloop": SELF_LOOP,
    "suppression": SUPPRESSION_LIST,
    "timeout": TIMEOUT,
    "directory": DIRECTORY_MISS,
    "nxdomain": NO_SUCH_DOMAIN,
}
_PATTERNS = {**TEXT, **_EXTRA}  # the extras win, as `_EXTRA.get(reason) or TEXT[reason]` did


class _Seen:
    """One text, lower-cased once, with each reason's answer remembered."""

    __slots__ = ("_foreign", "cache", "low", "world")

    def __init__(self, text: str) -> None:
        self.low = text.lower()
        self.cache: dict[str, bool] = {}
        self._foreign: bool | None = None
        # other languages' phrases (phrases_world.py) count from the start in text that is not ASCII
        self.world = not self.low.isascii()

    def __bool__(self) -> bool:
        return bool(self.low)

    def has(self, reason: str) -> bool:
        found = self.cache.get(reason)
        if found is None:
            found = _PATTERNS[reason].search(self.low, self.low) is not None
            if not found and self.world and reason in WORLD:
                found = WORLD[reason].search(self.low, self.low) is not None
            self.cache[reason] = found
        return found

    def foreign(self) -> bool:
        """Whether the text may be in another language (phrases_world.py): checked once, for all reasons."""
        if self._foreign is None:
            low = self.low
            self._foreign = not low.isascii() or any(w in low for w in WORLD_ASCII_WORDS)
        return self._foreign


def _text_fits(reason: str, text: _Seen, command: str, status: str = "") -> bool:
    """Whether the reason's phrases occur in `text` in this SMTP phase."""
    if not text:
        return False
    if reason == "userunknown":
        if status[1:4] == ".2.":
            return False  # the mailbox exists (X.2.x: mailbox status); "unknown user" is a filter's wording
        if command == "DATA" and text.has("directory"):
            return True  # Exchange's address lookup failed: a directory miss, whenever it is reported
        if command in ("DATA", "MAIL") or command in _SESSION_START:
            return False  # after DATA it is the recipient's filter (see filtered); at MAIL it is the sender
        return bool(text.has("userunknown")) and not _masked_userunknown(text)
    if reason == "filtered":
        if command in _SESSION_START or command == "MAIL":
            return False
        if text.has("filtered"):
            # the recipient's own refusal, said in so many words (at RCPT too), unless the content was
            # judged spam ("Mail content denied ... rejected by recipients")
            return not (command != "RCPT" and text.has("spamdetected") and not text.has("greylist"))
        if command == "RCPT":
            return False
        return command == "DATA" and text.has("userunknown") and not text.has("directory")
    if reason in {"spamdetected", "virusdetected"} and command in _BEFORE_DATA - {"RCPT"}:
        return False
    if reason == "norelaying" and command in _SESSION_START:
        return False
    if not text.has(reason):
        return False
    # the reason's words are there; some texts use them about something else (checked only now: rare)
    if reason in {"spamdetected", "speeding"}:
        # "unusual rate of unsolicited mail from your IP", "spam blocked, see spamcop.net": the IP is blocked
        if text.has("ipvolume"):
            return False
        # a blocklist of URLs is a verdict on the message's content, one of IPs on the client
        return reason != "spamdetected" or not text.has("blocklist") or text.has("urllisted")
    if reason == "norelaying":
        return not text.has("blocklist")  # "we do not relay for dynamic IP ranges": the client is blocked
    if reason == "blocked" and not text.has("blocklist"):
        # "this message was blocked because its content...": the message, not the client
        return not (text.has("policyviolation") or text.has("virusdetected"))
    if reason == "badreputation":
        return not text.has("blocklist")  # "rejected by ... Reputation Services: <ip> is listed": an RBL
    if reason == "hostunknown":
        # "Helo command rejected: Host not found" is about our name, not the recipient's domain
        if text.has("client"):
            return False
        return text.has("nxdomain") or not text.has("networkerror")  # "DNS lookup failed: NXDOMAIN"
    return True


def _masked_userunknown(text: _Seen) -> bool:
    """Texts that say "user unknown" in passing but are about something else."""
    return any(
        text.has(other) for other in ("norelaying", "mailboxfull", "hasmoved", "rejected", "notaccept")
    )
