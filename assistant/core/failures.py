"""The one list of failure codes the connection tester can report (explanations map every one)."""

from __future__ import annotations

import enum


class FailureCode(enum.StrEnum):
    # resolve
    DNS_NXDOMAIN = "dns.nxdomain"  # the host name does not exist
    DNS_NO_ADDRESS = "dns.no_address"  # the name exists but has no A/AAAA record
    DNS_TIMEOUT = "dns.timeout"  # the resolver did not answer in time
    DNS_FAILURE = "dns.failure"  # SERVFAIL / REFUSED / no usable resolver
    # connect
    TCP_REFUSED = "tcp.refused"  # RST: nothing listens on that port
    TCP_TIMEOUT = "tcp.timeout"  # SYNs dropped: firewall, OP25B, wrong host
    TCP_UNREACHABLE = "tcp.unreachable"  # no route to host / network unreachable
    # tls
    TLS_PLAIN_PORT = "tls.plain_port"  # we spoke TLS, the port speaks plain text
    TLS_EXPECTS_TLS = "tls.expects_tls"  # we spoke plain text, the port expects TLS
    TLS_CERT_HOSTNAME = "tls.cert_hostname"  # certificate is for another name
    TLS_CERT_UNTRUSTED = "tls.cert_untrusted"  # unknown issuer / self-signed
    TLS_CERT_EXPIRED = "tls.cert_expired"  # past notAfter (or before notBefore)
    TLS_PIN_MISMATCH = "tls.pin_mismatch"  # a pinned certificate was replaced
    TLS_PROTOCOL_VERSION = "tls.protocol_version"  # no common TLS version (server too old)
    TLS_HANDSHAKE = "tls.handshake"  # any other handshake failure
    # greeting / session
    GREETING_REJECTED = "greeting.rejected"  # 421/554 banner, IMAP BYE, POP3 -ERR at connect
    GREETING_UNEXPECTED = "greeting.unexpected"  # the port speaks another protocol
    SERVER_TIMEOUT = "server.timeout"  # server stopped answering mid-conversation
    SERVER_CLOSED = "server.closed"  # server closed the connection mid-conversation
    SERVER_UNAVAILABLE = "server.unavailable"  # 421 / [UNAVAILABLE] / [SYS/TEMP]: try later
    # starttls
    STARTTLS_NOT_OFFERED = "starttls.not_offered"  # configured STARTTLS, server does not offer it
    STARTTLS_FAILED = "starttls.failed"  # server refused the STARTTLS command
    # login
    AUTH_FAILED = "auth.failed"  # user name or password refused
    AUTH_MECHANISM_UNSUPPORTED = "auth.mechanism_unsupported"  # no mechanism we can use
    AUTH_NOT_OFFERED = "auth.not_offered"  # SMTP server advertises no AUTH at all
    AUTH_TLS_REQUIRED = "auth.tls_required"  # server refuses login without encryption
    AUTH_INSECURE_BLOCKED = "auth.insecure_blocked"  # we refused to send a password in clear
    AUTH_DISABLED = "auth.disabled"  # account disabled / contact admin
    AUTH_IN_USE = "auth.in_use"  # POP3 mailbox locked by another session
    AUTH_TEMPORARY = "auth.temporary"  # 454 / [UNAVAILABLE]: auth backend down
    AUTH_OAUTH_REQUIRED = "auth.oauth_required"  # settings say OAuth2 (not yet supported)
    # action
    IMAP_SELECT_FAILED = "imap.select_failed"
    POP3_STAT_FAILED = "pop3.stat_failed"
    SMTP_SENDER_REJECTED = "smtp.sender_rejected"  # MAIL FROM refused
    SMTP_RECIPIENT_REJECTED = "smtp.recipient_rejected"  # RCPT TO refused (not a relay denial)
    SMTP_RELAY_DENIED = "smtp.relay_denied"  # RCPT TO refused as relaying (e.g. 554 5.7.1)
    SMTP_AUTH_REQUIRED = "smtp.auth_required"  # 530 at MAIL FROM: login needed first
    SMTP_MESSAGE_REJECTED = "smtp.message_rejected"  # DATA refused (content, size, policy)
    SMTP_TEMPORARY = "smtp.temporary"  # 4xx at MAIL/RCPT/DATA: greylisting, limits
    # send test
    SENDTEST_NOT_RECEIVED = "sendtest.not_received"  # sent, but never seen in the mailbox
    # the whole check
    CHECK_DEADLINE = "check.deadline"  # the overall deadline ran out
    CHECK_CANCELLED = "check.cancelled"  # the user cancelled
    PROTOCOL_ERROR = "protocol.error"  # a reply we could not understand
    INPUT_INVALID = "input.invalid"  # the settings themselves are unusable
