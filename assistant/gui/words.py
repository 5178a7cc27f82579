"""Plain words for the mail-world values the GUI shows (protocols, security, stages, sources)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.core.model import Protocol, Security, ServerSettings, Stage


def protocol_name(protocol: Protocol) -> str:
    return {Protocol.IMAP: "IMAP", Protocol.POP3: "POP", Protocol.SMTP: "SMTP"}[protocol]


def security_name(security: Security) -> str:
    if security is Security.SSL:
        return "SSL/TLS"
    if security is Security.STARTTLS:
        return "STARTTLS"
    return QCoreApplication.translate("Words", "none (not encrypted)")


def server_line(settings: ServerSettings) -> str:
    """ "Incoming: IMAP — mail.example.jp, port 993, SSL/TLS" """
    if settings.protocol.incoming:
        return QCoreApplication.translate(
            "Words", "Incoming: {protocol} — {host}, port {port}, {security}"
        ).format(
            protocol=protocol_name(settings.protocol),
            host=settings.host,
            port=settings.port,
            security=security_name(settings.security),
        )
    return QCoreApplication.translate(
        "Words", "Outgoing: {protocol} — {host}, port {port}, {security}"
    ).format(
        protocol=protocol_name(settings.protocol),
        host=settings.host,
        port=settings.port,
        security=security_name(settings.security),
    )


def user_line(settings: ServerSettings) -> str:
    return QCoreApplication.translate("Words", "User name: {user}").format(
        user=settings.username or QCoreApplication.translate("Words", "(none)")
    )


# The rows a person sees while a server is tested; each groups one or more core stages.
STAGE_ROWS: list[tuple[str, tuple[Stage, ...]]] = [
    ("dns", (Stage.RESOLVE,)),
    ("connect", (Stage.CONNECT,)),
    ("tls", (Stage.TLS, Stage.STARTTLS)),
    ("greeting", (Stage.GREETING, Stage.CAPABILITIES)),
    ("login", (Stage.LOGIN,)),
    ("action", (Stage.ACTION,)),
]
SENDTEST_ROWS: list[tuple[str, tuple[Stage, ...]]] = [
    ("submit", (Stage.SUBMIT,)),
    ("receive", (Stage.RECEIVE,)),
]


def stage_row_name(row: str, incoming: bool = True) -> str:
    names = {
        "dns": QCoreApplication.translate("Words", "Find the server (DNS)"),
        "connect": QCoreApplication.translate("Words", "Connect"),
        "tls": QCoreApplication.translate("Words", "Encryption"),
        "greeting": QCoreApplication.translate("Words", "Server greeting"),
        "login": QCoreApplication.translate("Words", "Log in"),
        "action": QCoreApplication.translate("Words", "Open the inbox")
        if incoming
        else QCoreApplication.translate("Words", "Accept a message (nothing is sent)"),
        "submit": QCoreApplication.translate("Words", "Send the test message"),
        "receive": QCoreApplication.translate("Words", "Find it in the inbox"),
    }
    return names[row]


def source_name(source: str) -> str:
    names = {
        "bundled": QCoreApplication.translate("Words", "Built-in provider list"),
        "autoconfig": QCoreApplication.translate("Words", "Your provider's setup file"),
        "ispdb": QCoreApplication.translate("Words", "Online provider database"),
        "mx": QCoreApplication.translate("Words", "Your mail server's provider"),
        "autoconfig-http": QCoreApplication.translate("Words", "Setup file without encryption (HTTP)"),
        "srv": QCoreApplication.translate("Words", "DNS service records"),
        "guess": QCoreApplication.translate("Words", "Trying common server names"),
    }
    return names.get(source, source)


def source_state(state: str) -> str:
    names = {
        "waiting": QCoreApplication.translate("Words", "Waiting"),
        "running": QCoreApplication.translate("Words", "Looking…"),
        "found": QCoreApplication.translate("Words", "Found"),
        "not_found": QCoreApplication.translate("Words", "Nothing there"),
        "failed": QCoreApplication.translate("Words", "No answer"),
        "cancelled": QCoreApplication.translate("Words", "Not needed"),
        "skipped": QCoreApplication.translate("Words", "Skipped"),
    }
    return names.get(state, state)
