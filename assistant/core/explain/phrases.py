"""The phrases servers use for each bounce reason, as screened patterns (see patterns.py).

The per-reason phrases live in two modules by what they are about: the recipient and the receiving system
(phrases_recipient.py), the sender, the message and the sending client (phrases_sender.py)."""

from __future__ import annotations

from assistant.core.explain.patterns import Pattern, compile_any
from assistant.core.explain.phrases_recipient import RECIPIENT_TEXT
from assistant.core.explain.phrases_sender import BLOCKLIST_NAMES, IP_LISTED, SENDER_TEXT
from assistant.core.explain.phrases_world import WORLD_TEXT

_rx = compile_any


TEXT: dict[str, Pattern] = {**RECIPIENT_TEXT, **SENDER_TEXT}
# The same reasons' phrases in other languages, one pattern per reason (see phrases_world.py)
WORLD: dict[str, Pattern] = {reason: compile_any(*phrases) for reason, phrases in WORLD_TEXT.items()}
# Whether a text can hold any of them at all: not ASCII, or one of these words is in it (lower-case)
WORLD_ASCII_WORDS: tuple[str, ...] = tuple(
    sorted({w for p in WORLD.values() for w in (p.triggers or ()) if w.isascii()})
)

# Blocklists by name: a client block for sure, whatever else the text says about the message.
BLOCKLIST = _rx(
    *BLOCKLIST_NAMES,
    r"banned sending ip",
    r"\bs3150\b",
    r"\[bl\d+\]",
    r"ブラックリスト",
    r"ブロックリスト",
    r"dynamic(?:ally)?[- ](?:assigned |allocated )?(?:ip|address|pool)",
    IP_LISTED,
)
# Links in the message on a list (URIBL/SURBL): the content is judged, not the sending client
URL_LISTED = _rx(
    r"(?:black ?listed|block ?listed|listed|blocking|malicious|spam) ur[li]s?",
    r"ur[li]s? (?:is |are )?(?:black ?|block ?)?listed",
    r"\b(?:uribl|surbl)\b",
)
# The server refuses the sending client (its HELO name, its IP), not the recipient's domain.
CLIENT_REJECTED = _rx(r"(?:helo|ehlo) command rejected", r"client host rejected", r"invalid (?:helo|ehlo)")
# The volume of mail from the sending IP, not this message, is what the server objects to.
IP_VOLUME = _rx(
    r"unusual rate of (?:unsolicited )?(?:mail|messages)",
    r"originating from your ip",
    r"ipアドレスからの",
)

# A sending service that did not even try: the address is on its suppression list (from an earlier bounce
# or complaint), whatever status code it puts on the notice (SES: 550 5.1.1).
SUPPRESSION_LIST = _rx(
    r"suppression list",
    r"previously (?:bounced|unsubscribed|complained)",
    r"\bsuppress-(?:bounce|complaint|unsubscribe|list)",
)
# Greylisting: a "come back later" for an unknown sender triple, a verdict on nothing yet (before DATA).
GREYLIST = _rx(r"gr[ae]y-?list", r"postgrey")
# Postfix's wording for restrictions applied at RCPT TO.
RCPT_STAGE = _rx(r"recipient address rejected")
# The destination's MX points back at the sending host: its own (or the sender's) configuration is wrong.
SELF_LOOP = _rx(
    r"loops? back to (?:myself|itself|me)\b",
    r"mx (?:list|records?) (?:for \S+ )?points? (?:back )?to (?:myself|this host|the local host)",
    r"lowest numbered mx record points to local host",
    r"remote host address is the local host",
)
# The name server answered that the domain does not exist (NXDOMAIN): however the lookup is described, the
# recipient's domain is unknown.
NO_SUCH_DOMAIN = _rx(r"nxdomain", r"non-?existent domain", r"infodomainnonexistent")
# Waiting for the remote server ran out of time (a connection or a reply that never came).
TIMEOUT = _rx(r"timed? ?out", r"timeout")
# Exchange's directory lookup found no such recipient: an address miss whenever the server says it.
DIRECTORY_MISS = _rx(
    r"resolver\.adr\.(?:ex)?recip(?:ient)?notfound",
    r"not found by smtp address lookup",
)

VACATION = _rx(
    r"out of (?:the )?office",
    r"on vacation",
    r"away from (?:the )?office",
    r"auto(?:matic)?[- ]?reply",
    r"不在",
    r"自動(?:応答|返信)",
)
