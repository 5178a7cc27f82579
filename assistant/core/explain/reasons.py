"""Bounce reasons (the common taxonomy) from status code, reply code, server text and SMTP phase."""

from __future__ import annotations

from assistant.core.explain.patterns import Pattern, compile_any

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

_SESSION_START = {"CONN", "EHLO", "HELO", "STARTTLS"}
_BEFORE_DATA = _SESSION_START | {"MAIL", "RCPT"}


_rx = compile_any

TEXT: dict[str, Pattern] = {
    "mailboxfull": _rx(
        r"mail ?box (?:is |was )?(?:full|over ?quota|size limit exceeded)",
        r"over ?quota",
        r"quota (?:exceeded|full)",
        r"exceed(?:ed|s)? (?:the |its |his |her |their )?(?:mailbox |storage |disk )?quota",
        r"too much mail data",
        r"mail ?(?:box|folder|drop) (?:has )?(?:exceeded|reached) (?:the |its )?"
        r"(?:size|storage|quota|maximum)",
        r"(?:inbox|mailbox|account) (?:is )?(?:full|out of storage)",
        r"out of (?:mailbox )?storage",
        r"insufficient (?:mailbox )?(?:space|storage) (?:in|for) (?:the )?(?:mailbox|user)",
        r"not enough (?:space|storage) (?:in|on) (?:the )?mailbox",
        r"user has (?:exhausted|exceeded)",
        r"disk quota",
        r"mail ?(?:folder|drop) (?:is )?full",
        r"(?:mailbox|account|inbox)(?:'s)? (?:storage )?(?:is )?"
        r"(?:full|over (?:the )?(?:quota|limit|storage))",
        r"exceeded storage allocation",
        r"over (?:the )?(?:allowed )?quota",
        r"mailbox (?:size )?limit exceeded",
        r"容量(?:超過|オーバー|が不足)",
        r"メールボックスが(?:いっぱい|一杯|満杯)",
    ),
    "mesgtoobig": _rx(
        r"message (?:is )?too (?:big|large)",
        r"message size (?:exceeds|limit|too)",
        r"size limit",
        r"max(?:imum)? (?:allowed )?message size",
        r"message (?:length|size) exceeds",
        r"exceeds? (?:the )?(?:maximum|max|fixed maximum) (?:allowed )?(?:message )?size",
        r"message (?:file )?too (?:big|large)",
        r"larger than (?:the )?(?:maximum|allowed|permitted)",
        r"mail (?:size|data) (?:too large|exceeded)",
        r"size exceeds",
        r"too big for",
        r"exceeded (?:the )?(?:maximum )?(?:message )?size",
        r"サイズ(?:が|の)?(?:大きすぎ|制限|超過)",
    ),
    "exceedlimit": _rx(
        r"message header size exceeds",
        r"exceeds? (?:the )?(?:per[- ])?(?:recipient|"
        r"mailbox) (?:size )?limit",
    ),
    "suspend": _rx(
        r"(?:account|mailbox|user|address|recipient) (?:has been |is |was )?(?:temporarily )?"
        r"(?:suspended|disabled|deactivated|inactive|frozen|locked|closed|expired)",
        r"(?:mailbox|account|user) (?:is )?(?:not active|no longer active)",
        r"inactive (?:user|account|mailbox|e-?mail)",
        r"disabled (?:user|mailbox|account)",
        r"inactivity",
        r"this mailbox is disabled",
        r"account (?:is )?on hold",
    ),
    "hasmoved": _rx(
        r"user not local",
        r"has been replaced by",
        r"mailbox has moved",
        r"address has (?:been )?(?:moved|changed)",
        r"no longer (?:on (?:this )?server|at this (?:address|domain))",
    ),
    "norelaying": _rx(
        r"relay(?:ing)? (?:access )?(?:is )?(?:denied|not permitted|prohibited|not allowed|refused|"
        r"rejected)",
        r"unable to relay",
        r"(?:we do )?not relay",
        r"not (?:permitted|allowed|authorized) to relay",
        r"no relaying",
        r"relay not (?:permitted|allowed)",
        r"open relay",
        r"not a gateway",
        r"rcpt ?hosts",
        r"relaying (?:mail )?(?:to .* )?(?:denied|not allowed)",
        r"第三者中継",
    ),
    "authfailure": _rx(
        r"\bspf\b",
        r"\bdkim\b",
        r"\bdmarc\b",
        r"sender policy framework",
        r"domainkeys?",
        r"not (?:pass|authenticated by) (?:sender )?(?:domain )?authentication",
        r"送信ドメイン認証",
        r"does not meet the required authentication level",
    ),
    "userunknown": _rx(
        r"user(?:name)? (?:is )?unknown",
        r"unknown (?:user|local[- ]?part|recipient|mailbox|address|alias)",
        r"no such (?:user|mailbox|recipient|account|address|person)",
        r"user (?:not found|doesn'?t exist|does not exist)",
        r"(?:mailbox|recipient|address|account|user|addressee) (?:does not|doesn'?t|did not) exist",
        r"(?:mailbox|recipient|addressee|user|account) (?:not found|unknown|not exist)",
        r"invalid (?:recipient|mailbox|address|user)",
        r"bad destination mailbox",
        r"no mailbox (?:here|by that name)",
        r"not (?:a )?(?:valid|known) (?:mailbox|recipient|user|address)",
        r"address (?:unknown|not found|invalid)",
        r"recipient (?:address )?rejected: (?:user|unknown|undeliverable|undefined|does not exist|account)",
        r"recipnotfound",
        r"doesn'?t have an? \S+ account",
        r"account that you tried to reach does not exist",
        r"no (?:such )?account",
        r"is not a (?:valid|known) user",
        r"unknown or illegal alias",
        r"user (?:id )?(?:is )?not (?:found|exist|registered)",
        r"(?:mailbox|user) unavailable",
        r"deliverable address",
        r"not listed in (?:the )?(?:domino )?(?:directory|public name)",
        r"no such local user",
        r"user not known",
        r"unknown e-?mail address",
        r"invalid e-?mail address",
        r"(?:is|was) not (?:a )?(?:registered|valid) (?:user|recipient|mailbox|address)",
        r"bad (?:recipient|address|mailbox)\b",
        r"destination address(?:es)? (?:were|was) unknown",
        r"not our customer",
        r"nonexistent (?:user|mailbox|recipient|address)",
        r"address is not valid",
        r"no account by that name",
        r"mailbox name not allowed",
        r"宛先(?:不明|が見つかりません)",
        r"存在しません",
    ),
    "filtered": _rx(
        r"user reject",
        r"refused due to recipient preferences",
        r"resolver\.rst\.notauthorized",
        r"(?:recipient|user|addressee)s? (?:has|have) (?:blocked|rejected|refused)",
        r"rejected by (?:the )?recipient",
        r"blocked by (?:the )?recipient",
        r"recipient (?:is )?not accepting (?:mail|messages) from",
        r"not authorized to (?:send|deliver|e-?mail) (?:to|this)",
        r"refuses? to receive mail",
        r"is not accepting any mail",
        r"this account is protected by",
        r"has restricted (?:sms )?e-?mail",
        r"受信拒否",
    ),
    "requireptr": _rx(
        r"cannot find your (?:reverse )?hostname",
        r"reverse (?:dns|lookup|hostname|name)",
        r"\bptr\b",
        r"\brdns\b",
        r"reverse[- ]?dns",
        r"no (?:host ?name|dns) (?:for|found for) (?:your )?(?:ip|address)",
        r"client host rejected: cannot find",
        r"unresolvable (?:client|ip|address)",
    ),
    "notcompliantrfc": _rx(
        r"not (?:rfc ?\d{3,4} )?(?:rfc ?)?(?:5322|2822|822)[- ]compliant",
        r"rfc ?(?:5322|2822|822) (?:compliant|violation)",
        r"rfcmessagenoncompliant",
        r"multiple (?:from|to|subject|date|message-id|sender|cc) headers",
        r"missing (?:required )?(?:header|message-id|date|from)",
        r"duplicate header",
        r"not compliant with rfc",
    ),
    "badreputation": _rx(
        r"poor (?:e-?mail )?reputation",
        r"(?:low|bad|poor) (?:ip |domain |sender )?reputation",
        r"reputation (?:is )?(?:too )?low",
        r"due to (?:ip|domain|sender) reputation",
        r"unexpected volume or user complaints",
    ),
    "contenterror": _rx(
        r"improper use of 8-?bit",
        r"header (?:is )?(?:too long|malformed|error|syntax)",
        r"too many received",
        r"malformed (?:header|message|mime)",
        r"invalid (?:mime|header|character)",
        r"illegal (?:character|header)",
        r"8-?bit (?:data|characters?) (?:in|not)",
    ),
    "rejected": _rx(
        r"sender (?:address )?(?:rejected|refused|denied|blocked|not allowed|unknown|invalid|"
        r"verify failed)",
        r"sender verif",
        r"domain of sender address .* does not exist",
        r"empty envelope senders? not allowed",
        r"invalid sender",
        r"bad sender",
        r"sender domain (?:must|does not|not found|is)",
        r"(?:mail from|envelope[- ]sender|from address|return[- ]path)"
        r".{0,40}(?:rejected|refused|not allowed|invalid)",
        r"send ?as ?denied",
        r"not (?:permitted|allowed) to send as",
        r"permissions? to send as",
        r"address .* (?:is )?(?:blacklisted|blocked) as sender",
    ),
    "hostunknown": _rx(
        r"host (?:or domain name )?(?:is )?unknown",
        r"unknown (?:host|domain)",
        r"no such (?:domain|host)",
        r"domain (?:name )?(?:not found|does not exist|doesn'?t exist|is not found|unknown)",
        r"name or service not known",
        r"unrouteable (?:mail )?(?:address|domain)",
        r"host not found",
        r"no mx (?:record|host)",
        r"nxdomain",
        r"recipient domain (?:not found|does not exist|unknown)",
        r"domain (?:part )?(?:of .* )?(?:is )?(?:invalid|not valid)",
        r"all relevant mx records point to non-?existent hosts",
        r"(?:couldn'?t|could not|can'?t|cannot) find any host named",
        r"domain (?:is )?(?:not|no longer) (?:registered|existing)",
        r"no (?:mail|mx) (?:servers?|hosts?|records?) (?:for|found)",
        r"ドメイン(?:名)?(?:が|の)?(?:存在しません|誤り|見つかりません)",
    ),
    "spamdetected": _rx(
        r"\bspam\b",
        r"unsolicited",
        r"junk ?mail",
        r"message content (?:rejected|refused|not accepted)",
        r"content (?:was )?(?:rejected|refused)",
        r"bulk mail",
        r"classified as (?:spam|junk)",
        r"suspicious (?:content|link|url|message)",
        r"greylist",
        r"spam ?(?:assassin|score|content|filter)",
        r"rejected as spam",
        r"scored as spam",
        r"迷惑メール",
    ),
    "speeding": _rx(
        r"rate limit",
        r"too (?:fast|quickly)",
        r"try again slower",
        r"sending rate",
        r"receiving mail at a rate",
        r"(?:daily|hourly|sending|relay|user sending) (?:\w+ )?(?:limit|quota) (?:exceeded|reached)",
        r"exceeded (?:the )?(?:daily|hourly|sending) ",
        r"too many (?:messages|mails|emails)",
        r"throttl",
        r"message rate",
        r"submission quota",
    ),
    "toomanyconn": _rx(
        r"too many (?:concurrent |simultaneous )?(?:connections|sessions)",
        r"connection rate limit",
        r"too many recipients",
        r"max(?:imum)? (?:number of )?connections",
        r"max message per connection",
        r"connection limit",
    ),
    "blocked": _rx(
        r"blocked using",
        r"spamhaus",
        r"spamcop",
        r"\bsorbs\b",
        r"barracuda",
        r"black ?list",
        r"block ?list",
        r"deny ?list",
        r"\bdnsbl\b",
        r"\brbl\b",
        r"dynamic (?:ip|address|pool)",
        r"dial-?up",
        r"residential",
        r"helo command rejected",
        r"connection refused by",
        r"client host (?:\[?[\w.:]+\]? )?(?:rejected|blocked)",
        r"banned sending ip",
        r"\bs3150\b",
        r"ip (?:address )?(?:\[?[\d.:a-f]+\]? )?(?:is )?(?:blocked|listed|banned|rejected)",
        r"(?:is|are|been) listed (?:on|in|at|by)",
        r"your (?:ip|host|server|network)",
        r"not allowed to connect",
        r"access denied",
        r"traffic not accepted",
        r"blocked (?:by|due|because)",
        r"\[bl\d+\]",
        r"has been blocked",
        r"refused to accept",
    ),
    "virusdetected": _rx(
        r"virus",
        r"malware",
        r"infected",
        r"trojan",
        r"(?:potentially )?executable (?:attachment|content|file)",
        r"malicious",
    ),
    "policyviolation": _rx(
        r"policy (?:reasons|violation|restrictions?)",
        r"denied by policy",
        r"local policy",
        r"illegal attachment",
        r"attachment .{0,40}(?:not allowed|prohibited|blocked|forbidden)",
        r"prohibited (?:file|attachment)",
        r"closed (?:mailing )?list",
        r"content policy",
        r"transport rule",
        r"mail ?flow rule",
        r"security issue",
        r"message not accepted for policy",
        r"\[ph\d+\]",
        r"organization'?s policy",
        r"prohibited (?:content|file|extension|attachment)",
    ),
    "systemerror": _rx(
        r"system (?:error|failure|problem)",
        r"local configuration error",
        r"loops back to myself",
        r"service (?:is )?(?:currently |temporarily )?(?:unavailable|not available)",
        r"internal (?:server )?error",
        r"temporary (?:local |server |system )?(?:problem|failure|error)",
        r"server (?:error|failure|busy)",
        r"misconfigur",
        r"local error",
        r"resources? temporarily unavailable",
        r"configuration error",
    ),
    "networkerror": _rx(
        r"host name lookup failure",
        r"no route to host",
        r"(?:mail )?forwarding loop",
        r"too many hops",
        r"routing loop",
        r"loop detected",
        r"network (?:is )?unreachable",
        r"dns (?:lookup|query|resolution)",
        r"temporary failure in name resolution",
        r"name ?server (?:failure|error)",
        r"unable to resolve",
        r"max(?:imum)? hop",
        r"host not found, try again",
        r"mail loops",
        r"loops? back",
    ),
    "systemfull": _rx(
        r"mail system full",
        r"insufficient system storage",
        r"disk (?:is )?full",
        r"system (?:storage|disk) (?:is )?(?:full|exceeded)",
        r"no space left",
        r"out of disk",
    ),
    "notaccept": _rx(
        r"does not accept (?:mail|e-?mail)",
        r"null ?mx",
        r"accepts no mail",
        r"not accepting (?:mail|connections)",
        r"does not receive (?:mail|e-?mail)",
        r"no smtp service",
    ),
    "expired": _rx(
        r"connection timed out",
        r"(?:delivery|message) (?:time )?expired",
        r"retry time(?:out)? (?:not reached|exceeded)",
        r"could not be delivered (?:with)?in",
        r"gave up",
        r"too long (?:in|on) (?:the )?queue",
        r"queue (?:time|lifetime)",
        r"timed out",
        r"in the queue too long",
        r"cannot send message for",
        r"have been failing for a long time",
        r"(?:could not be|was not) delivered within",
        r"retry timeout",
        r"has not been delivered .* for",
        r"unable to deliver .* within",
    ),
    "failedstarttls": _rx(
        r"starttls",
        r"tls (?:is )?required",
        r"requires? (?:a )?secure connection",
        r"encryption required",
        r"tls negotiation failed",
        r"mta-sts",
        r"must use tls",
    ),
    "securityerror": _rx(
        r"authentication (?:failure|failed|required|credentials|unsuccessful)",
        r"unauthenticated senders?",
        r"not authenticated",
        r"must (?:be )?authenticated?",
        r"smtp auth",
        r"authentication is required",
    ),
    "suppressed": _rx(r"suppression list", r"\bsuppressed\b", r"on (?:the|our|an?) .{0,30}suppression"),
    "mailererror": _rx(
        r"x-unix;",
        r"command died with status",
        r"procmail",
        r"pipe to \|",
        r"mail\.local",
        r"command output:",
        r"exit status \d",
        r"unknown mailer error",
    ),
}

_VACATION = _rx(
    r"out of (?:the )?office",
    r"on vacation",
    r"away from (?:the )?office",
    r"auto(?:matic)?[- ]?reply",
    r"不在",
    r"自動(?:応答|返信)",
)

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
    low = _Seen(text)
    if status.startswith("2") or action == "delivered":
        return "delivered"
    for reason in _FIRST_ORDER:
        if _BY_STATUS.get(status) == reason and _status_fits(reason, command):
            return reason
        if _text_fits(reason, low, command):
            return reason
    named = _BY_STATUS.get(status)
    if named:
        return named
    for reason in _SECOND_ORDER:
        if _text_fits(reason, low, command):
            return reason
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


def _status_fits(reason: str, command: str) -> bool:
    if reason == "filtered":
        return command not in _BEFORE_DATA
    return True


class _Seen:
    """One text, lower-cased once, with each reason's answer remembered."""

    __slots__ = ("cache", "low")

    def __init__(self, text: str) -> None:
        self.low = text.lower()
        self.cache: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.low)

    def has(self, reason: str) -> bool:
        found = self.cache.get(reason)
        if found is None:
            pattern = _VACATION if reason == "vacation" else TEXT[reason]
            found = self.cache[reason] = pattern.search(self.low, self.low) is not None
        return found


def _text_fits(reason: str, text: _Seen, command: str) -> bool:
    """Whether the reason's phrases occur in `text` in this SMTP phase."""
    if not text:
        return False
    if reason == "userunknown":
        if command in ("DATA", "MAIL") or command in _SESSION_START:
            return False  # after DATA it is the recipient's filter (see filtered); at MAIL it is the sender
        return bool(text.has("userunknown")) and not _masked_userunknown(text)
    if reason == "filtered":
        if command in _BEFORE_DATA:
            return False
        if text.has("filtered"):
            return True
        return command == "DATA" and bool(text.has("userunknown"))
    if reason in {"spamdetected", "virusdetected"} and command in _BEFORE_DATA - {"RCPT"}:
        return False
    if reason == "hostunknown" and text.has("networkerror"):
        return False
    if reason == "norelaying" and command in _SESSION_START:
        return False
    return text.has(reason)


def _masked_userunknown(text: _Seen) -> bool:
    """Texts that say "user unknown" in passing but are about something else."""
    return any(
        text.has(other) for other in ("norelaying", "mailboxfull", "hasmoved", "rejected", "notaccept")
    )
