"""The rules that pick an explanation id for a failure: the most specific matching rule wins."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.explain.context import Context
from assistant.core.explain.reasons import classify
from assistant.core.model import Protocol

# How much each kind of criterion says about a failure; a rule's score is the sum of what it tests.
W_CODE, W_PROTOCOL, W_PORT, W_REPLY, W_SUBJECT, W_ENHANCED, W_RESPONSE, W_PROVIDER, W_TEXT, W_WHEN = (
    1, 1, 2, 2, 3, 6, 5, 7, 8, 8,
)  # fmt: skip
W_NOTE = 6  # a provider note from discovery: beats a generic response code, not the provider known by name
W_CLASSIFIED = 5  # an SMTP refusal classified by its reason (below explicit text and enhanced-code rules)

GENERIC = "generic.failure"


@dataclass(frozen=True)
class Rule:
    id: str
    codes: tuple[str, ...] = ()
    protocol: Protocol | None = None
    ports: tuple[int, ...] = ()
    replies: tuple[int, ...] = ()
    enhanced: tuple[str, ...] = ()  # "5.7.9" exact, or "5.7." / ".7." (either class) for a subject
    response: tuple[str, ...] = ()
    text: re.Pattern[str] | None = None
    providers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # any of these provider notes (from discovery)
    when: Callable[[Context], bool] | None = None

    def score(self, ctx: Context) -> int | None:
        """The rule's specificity if every criterion it names holds for `ctx`, else None."""
        total = 0
        if self.codes:
            if ctx.code not in self.codes:
                return None
            total += W_CODE
        if self.protocol is not None:
            if ctx.protocol is not self.protocol:
                return None
            total += W_PROTOCOL
        if self.ports:
            if ctx.port not in self.ports:
                return None
            total += W_PORT
        if self.replies:
            if ctx.reply not in self.replies:
                return None
            total += W_REPLY
        if self.enhanced:
            weight = _enhanced_weight(self.enhanced, ctx.enhanced)
            if weight is None:
                return None
            total += weight
        if self.response:
            if ctx.response not in self.response:
                return None
            total += W_RESPONSE
        if self.providers:
            if ctx.provider not in self.providers:
                return None
            total += W_PROVIDER
        if self.notes:
            if ctx.notes.isdisjoint(self.notes):
                return None
            total += W_NOTE
        if self.text is not None:
            if not self.text.search(ctx.text):
                return None
            total += W_TEXT
        if self.when is not None:
            if not self.when(ctx):
                return None
            total += W_WHEN
        return total


def _enhanced_weight(patterns: tuple[str, ...], code: str) -> int | None:
    if not code:
        return None
    for p in patterns:
        if p == code:
            return W_ENHANCED
        if p.endswith(".") and (code.startswith(p) or (p.startswith(".") and code[1:].startswith(p))):
            return W_SUBJECT
    return None


def _t(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


def _op25b(ctx: Context) -> bool:
    return bool(ctx.others_answered((587, 465)))


def _all_ports_silent(ctx: Context) -> bool:
    failed = ctx.others_failed()
    return (
        bool(failed) and not any(a.ok for a in ctx.related) and all(a.code == "tcp.timeout" for a in failed)
    )


def _other_port_answers(ctx: Context) -> bool:
    host = ctx.evidence.host.lower()
    return any(a.ok and a.port != ctx.port and a.host.lower() == host for a in ctx.related)


SMTP_ACTION = ("smtp.sender_rejected", "smtp.recipient_rejected", "smtp.relay_denied",
               "smtp.message_rejected", "smtp.temporary", "greeting.rejected", "protocol.error")  # fmt: skip
LOGIN = ("auth.failed", "auth.temporary", "auth.disabled", "auth.tls_required", "auth.mechanism_unsupported",
         "protocol.error", "server.unavailable", "server.closed", "greeting.rejected", "starttls.failed",
         "smtp.auth_required", "smtp.sender_rejected", "smtp.message_rejected", "auth.in_use")  # fmt: skip
# Codes of a refused login itself: 534/5.7.9 mean "mechanism too weak" only as a reply to AUTH (at MAIL
# or after DATA, 5.7.9 is a provider's policy refusal, e.g. Yahoo's "not accepted for policy reasons").
AUTH_REPLY = tuple(c for c in LOGIN if c not in ("smtp.sender_rejected", "smtp.message_rejected"))
TLS_CERT = ("tls.cert_hostname", "tls.cert_untrusted", "tls.cert_expired", "tls.handshake")
HOSTING = ("xserver", "sakura", "onamae")

RULES: tuple[Rule, ...] = (
    # connection: OP25B and other port blocking
    Rule(
        "connect.op25b",
        codes=("tcp.timeout", "tcp.refused"),
        protocol=Protocol.SMTP,
        ports=(25,),
        when=_op25b,
    ),
    Rule("connect.port25_blocked", codes=("tcp.timeout",), protocol=Protocol.SMTP, ports=(25,)),
    Rule("connect.firewall", codes=("tcp.timeout",), when=_all_ports_silent),
    Rule("connect.wrong_port", codes=("tcp.refused", "tcp.timeout"), when=_other_port_answers),
    Rule("connect.au_host", codes=("tcp.refused", "tcp.timeout"), providers=("au",)),
    # TLS and certificates
    Rule("tls.cert_hostname.hosting", codes=("tls.cert_hostname",), providers=HOSTING),
    Rule(
        "tls.cert_not_yet_valid", codes=("tls.cert_expired", "tls.cert_untrusted"), text=_t(r"not yet valid")
    ),
    Rule(
        "tls.cert_strict",
        codes=("tls.cert_untrusted", "tls.handshake"),
        text=_t(
            r"authority key identifier", r"basic constraints", r"x509_strict", r"ca cert does not include"
        ),
    ),
    Rule("tls.cert_self_signed", codes=("tls.cert_untrusted",), text=_t(r"self[- ]signed")),
    Rule(
        "tls.old_cipher",
        codes=("tls.handshake", "tls.protocol_version"),
        text=_t(
            r"dh_key_too_small",
            r"dh key too small",
            r"no_shared_cipher",
            r"no shared cipher",
            r"handshake_failure",
            r"handshake failure",
            r"insufficient security",
        ),
    ),
    Rule(
        "tls.legacy_renegotiation",
        codes=("tls.handshake",),
        text=_t(r"legacy_renegotiation", r"legacy renegotiation"),
    ),
    Rule(
        "tls.softbank",
        codes=("tls.handshake", "tls.protocol_version", "server.closed"),
        providers=("softbank",),
    ),
    Rule(  # the provider's own known trouble says more than the generic handshake wording
        "tls.softbank",
        codes=("tls.handshake", "tls.protocol_version"),
        providers=("softbank",),
        text=_t(r"handshake", r"cipher", r"protocol version", r"insufficient security"),
    ),
    # greeting
    Rule(
        "greeting.blocked",
        codes=("greeting.rejected", "server.closed"),
        text=_t(
            r"spamhaus",
            r"blocked",
            r"block ?list",
            r"black ?list",
            r"dnsbl",
            r"dynamic",
            r"listed",
            r"reputation",
            r"not allowed to connect",
            r"access denied",
        ),
    ),
    Rule(
        "server.unavailable", codes=("greeting.rejected", "smtp.temporary", "protocol.error"), replies=(421,)
    ),
    # Google
    Rule("auth.app_password.google", codes=LOGIN, enhanced=("5.7.9",), providers=("google",)),
    Rule(
        "auth.app_password.google",
        codes=LOGIN,
        text=_t(r"application-specific password required", r"invalidsecondfactor"),
    ),
    Rule("auth.web_login.google", codes=LOGIN, enhanced=("5.7.14",)),
    Rule(
        "auth.web_login.google",
        codes=LOGIN,
        text=_t(
            r"log ?in (?:via|with|through) your web browser",
            r"web login required",
            r"webloginrequired",
            r"continue your sign-in",
        ),
    ),
    Rule("auth.web_login.google", codes=LOGIN, response=("WEBALERT",)),
    Rule("auth.failed.google", codes=("auth.failed",), providers=("google",)),
    Rule(
        "auth.failed.google",
        codes=("auth.failed",),
        text=_t(r"badcredentials", r"\bgsmtp\b"),
    ),
    Rule(
        "auth.too_many_attempts",
        codes=LOGIN,
        text=_t(r"too many (?:login|authentication|failed) (?:attempts|failures)", r"too many login"),
    ),
    # Microsoft
    Rule(
        "auth.smtp_auth_disabled.microsoft",
        codes=LOGIN,
        text=_t(r"smtpclientauthentication is disabled", r"smtp_auth_disabled"),
    ),
    Rule(
        "auth.basic_disabled.microsoft",
        codes=LOGIN,
        text=_t(r"basic authentication is (?:disabled|not supported)", r"basicauthblocked"),
    ),
    Rule("auth.failed.microsoft", codes=("auth.failed",), providers=("microsoft",)),
    Rule("auth.failed.microsoft", codes=("auth.failed",), enhanced=("5.7.3",)),
    Rule(
        "auth.failed.microsoft",
        codes=("auth.failed",),
        text=_t(r"logon failure: unknown user name or bad password"),
    ),
    Rule("smtp.sender_not_owner", enhanced=("5.7.60",)),
    Rule(
        "smtp.sender_not_owner",
        text=_t(r"sendasdenied", r"send as this sender", r"permissions to send as", r"not owned by"),
    ),
    Rule("smtp.auth_required", enhanced=("5.7.57",)),
    Rule(  # Postfix's reject_*_sender_login_mismatch and friends: the sender is fine, the login is missing
        "smtp.auth_required",
        codes=tuple(c for c in SMTP_ACTION if c != "smtp.relay_denied"),  # relay refusals have their own
        text=_t(
            r"not logged in",
            r"(?:smtp )?auth(?:entication)? (?:is )?required",
            r"must (?:be )?(?:authenticated|log ?in)",
            r"authenticate first",
            r"認証(?:が|を)?(?:必要|行って)",
        ),
    ),
    # other providers whose third-party logins need something special
    Rule("auth.failed.yahoo", codes=("auth.failed",), providers=("yahoo",)),
    Rule("auth.failed.icloud", codes=("auth.failed",), providers=("icloud",)),
    Rule("auth.failed.docomo", codes=("auth.failed",), providers=("docomo",)),
    Rule("auth.failed.yahoo_jp", codes=("auth.failed",), providers=("yahoo_jp",)),
    Rule(
        "auth.failed.softbank", codes=("auth.failed", "auth.mechanism_unsupported"), providers=("softbank",)
    ),
    # what discovery's provider notes say about refused logins, for providers we do not know by name
    Rule("auth.failed.app_password", codes=("auth.failed",), notes=("provider.app_password",)),
    Rule(
        "auth.failed.oauth_only",
        codes=("auth.failed", "auth.mechanism_unsupported"),
        notes=("provider.oauth_only",),
    ),
    Rule("auth.failed.docomo", codes=("auth.failed",), notes=("provider.imap_password",)),
    Rule("auth.failed.enable_access", codes=("auth.failed",), notes=("provider.enable_imap",)),
    Rule("auth.failed.account_id", codes=("auth.failed",), notes=("provider.username_account_id",)),
    # SMTP AUTH replies (RFC 4954)
    Rule("auth.mechanism_too_weak", codes=AUTH_REPLY, replies=(534,)),
    Rule("auth.mechanism_too_weak", codes=AUTH_REPLY, enhanced=("5.7.9",)),
    Rule("auth.tls_required", codes=LOGIN, replies=(538, 523, 524)),
    Rule("auth.tls_required", codes=LOGIN, enhanced=("5.7.10", "5.7.11")),
    Rule("smtp.starttls_first", replies=(530,), text=_t(r"starttls", r"\btls\b", r"encrypt")),
    Rule("smtp.auth_required", replies=(530,)),
    Rule("auth.mechanism_unsupported", codes=LOGIN, replies=(504,), enhanced=("5.7.4",)),
    Rule("auth.disabled", codes=LOGIN, replies=(525,)),
    Rule("auth.disabled", codes=LOGIN, enhanced=("5.7.13",)),
    Rule("auth.failed", codes=("auth.failed", "protocol.error"), replies=(535,)),
    Rule("auth.temporary", codes=("auth.temporary", "auth.failed", "protocol.error"), replies=(454,)),
    Rule("auth.password_expired", codes=LOGIN, enhanced=("5.7.12",)),
    # IMAP (RFC 5530) and POP3 (RFC 2449, RFC 3206) response codes
    Rule("auth.failed", codes=("auth.failed", "protocol.error"), response=("AUTHENTICATIONFAILED", "AUTH")),
    Rule("auth.authorization_failed", response=("AUTHORIZATIONFAILED",)),
    Rule("auth.password_expired", response=("EXPIRED",)),
    Rule("auth.tls_required", response=("PRIVACYREQUIRED",)),
    Rule(
        "auth.tls_required",
        codes=LOGIN,
        text=_t(
            r"logindisabled",
            r"plaintext authentication disallowed",
            r"cleartext logins? (?:are )?(?:not permitted|disabled)",
        ),
    ),
    Rule("auth.contact_admin", response=("CONTACTADMIN",)),
    Rule("auth.temporary", codes=("auth.temporary", "auth.failed"), response=("UNAVAILABLE",)),
    Rule("auth.temporary", codes=("auth.temporary",), response=("SYS/TEMP",)),
    Rule("server.unavailable", response=("UNAVAILABLE", "SYS/TEMP")),
    Rule("server.error", response=("SYS/PERM", "SERVERBUG", "CORRUPTION")),
    Rule("auth.in_use", response=("IN-USE", "INUSE")),
    Rule("pop3.login_delay", response=("LOGIN-DELAY",)),
    Rule(  # RFC 2449's code in the text outranks a provider's generic "login refused"
        "pop3.login_delay",
        codes=("auth.failed", "auth.temporary", "protocol.error"),
        text=_t(
            r"\[login-delay\]", r"minimum time between mail checks", r"checking (?:mail|too) (?:too )?often"
        ),
    ),
    Rule(  # Dovecot's mail_max_userip_connections, Courier's MAXPERIP, Gmail's "Too many simultaneous"
        "auth.too_many_connections",
        codes=("auth.failed", "auth.temporary", "auth.in_use"),  # at login; a greeting's limit is per address
        text=_t(
            r"maximum number of (?:\w+ )?connections",
            r"too many (?:simultaneous |concurrent |open )?connections",
            r"connection limit",
            r"maxperip",
            r"同時接続数",
        ),
    ),
    Rule("imap.overquota", response=("OVERQUOTA",)),
    Rule("server.alert", response=("ALERT",)),
    Rule("imap.select_failed", codes=("imap.select_failed",), response=("NONEXISTENT", "NOPERM")),
    # SMTP temporary refusals
    Rule(
        "smtp.greylisted", replies=(450, 451), text=_t(r"greylist", r"graylist", r"try again (?:in|after) \d")
    ),
    Rule("smtp.too_many_recipients", replies=(452, 451, 552), text=_t(r"too many recipients")),
    Rule("smtp.system_storage", replies=(452,), enhanced=("4.3.1",)),
    Rule("smtp.system_storage", replies=(452,), text=_t(r"insufficient (?:system )?storage")),
    Rule("smtp.rate_limited", enhanced=("5.4.5", "4.7.28", "5.7.28", "4.2.1")),
)


# For SMTP refusals: the bounce reason of the reply decides the explanation (and how the refusal reads).
REASON_IDS = {
    "userunknown": "smtp.recipient_unknown", "hasmoved": "smtp.recipient_unknown",
    "hostunknown": "smtp.recipient_domain", "notaccept": "smtp.recipient_domain",
    "mailboxfull": "smtp.mailbox_full",
    "mesgtoobig": "smtp.message_too_big", "exceedlimit": "smtp.message_too_big",
    "filtered": "smtp.recipient_filtered", "suspend": "smtp.recipient_disabled",
    "rejected": "smtp.sender_rejected", "norelaying": "smtp.relay_denied",
    "blocked": "smtp.blocked", "badreputation": "smtp.blocked", "requireptr": "smtp.blocked",
    "spamdetected": "smtp.spam", "virusdetected": "smtp.virus", "policyviolation": "smtp.policy",
    "securityerror": "smtp.policy", "authfailure": "smtp.sender_auth",
    "contenterror": "smtp.content", "notcompliantrfc": "smtp.content",
    "failedstarttls": "smtp.starttls_first", "systemerror": "smtp.server_problem",
    "systemfull": "smtp.system_storage", "networkerror": "smtp.server_problem",
    "speeding": "smtp.rate_limited", "toomanyconn": "smtp.rate_limited", "syntaxerror": "protocol.error",
    "expired": "smtp.temporary",
}  # fmt: skip


_ABOUT_THE_CLIENT = {"blocked", "badreputation", "requireptr", "speeding", "toomanyconn"}


def classified_id(ctx: Context) -> str | None:
    """The explanation for an SMTP refusal from its bounce reason, if the reply says enough."""
    if ctx.code not in SMTP_ACTION or ctx.protocol not in (Protocol.SMTP, None):
        return None
    if not (ctx.text or ctx.enhanced):
        return None  # a bare basic code (e.g. 550) is too ambiguous to classify
    reason = classify(status=ctx.enhanced, reply=ctx.reply, text=ctx.text, command=ctx.command)
    if ctx.code == "greeting.rejected" and reason not in _ABOUT_THE_CLIENT:
        return None  # a refusal at connect time is about us or the server, never about a recipient
    if reason == "toomanyconn" and "recipient" in ctx.text.lower():
        return "smtp.too_many_recipients"
    if reason == "toomanyconn" and ctx.code == "greeting.rejected":
        return "server.unavailable"  # too many connections at once: busy for now, not a sending quota
    if reason == "securityerror" and ctx.code in ("smtp.relay_denied", "greeting.rejected", "protocol.error"):
        return None  # "some security reason" says less than the tester's own finding
    return REASON_IDS.get(reason)


def choose(ctx: Context, known: Callable[[str], bool]) -> str:
    """The id of the most specific explanation for `ctx` that exists in the catalog."""
    best_id, best_score = "", -1
    for rule in RULES:
        score = rule.score(ctx)
        if score is not None and score > best_score and known(rule.id):
            best_id, best_score = rule.id, score
    classified = classified_id(ctx)
    if classified and W_CLASSIFIED + W_CODE > best_score and known(classified):
        best_id, best_score = classified, W_CLASSIFIED + W_CODE
    if best_id:
        return best_id
    if known(ctx.code):
        return ctx.code
    return GENERIC
