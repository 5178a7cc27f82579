"""Plain words for the mail-world values the GUI shows (protocols, security, stages, sources)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.core.model import Protocol, Security, ServerSettings, Stage


def _t(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def protocol_name(protocol: Protocol) -> str:
    return {Protocol.IMAP: "IMAP", Protocol.POP3: "POP", Protocol.SMTP: "SMTP"}[protocol]


def security_name(security: Security) -> str:
    if security is Security.SSL:
        return "SSL/TLS"
    if security is Security.STARTTLS:
        return "STARTTLS"
    return _t("none (not encrypted)")


def server_line(settings: ServerSettings) -> str:
    """ "Incoming: IMAP — mail.example.jp, port 993, SSL/TLS" """
    if settings.protocol.incoming:
        return _t("Incoming: {protocol} — {host}, port {port}, {security}").format(
            protocol=protocol_name(settings.protocol),
            host=settings.host,
            port=settings.port,
            security=security_name(settings.security),
        )
    return _t("Outgoing: {protocol} — {host}, port {port}, {security}").format(
        protocol=protocol_name(settings.protocol),
        host=settings.host,
        port=settings.port,
        security=security_name(settings.security),
    )


def user_line(settings: ServerSettings) -> str:
    return _t("User name: {user}").format(user=settings.username or _t("(none)"))


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
        "dns": _t("Find the server (DNS)"),
        "connect": _t("Connect"),
        "tls": _t("Encryption"),
        "greeting": _t("Server greeting"),
        "login": _t("Log in"),
        "action": _t("Open the inbox") if incoming else _t("Accept a message (nothing is sent)"),
        "submit": _t("Send the test message"),
        "receive": _t("Find it in the inbox"),
    }
    return names[row]


def source_name(source: str) -> str:
    names = {
        "bundled": _t("Built-in provider list"),
        "autoconfig": _t("Your provider's setup file"),
        "ispdb": _t("Online provider database"),
        "mx": _t("Your mail server's provider"),
        "autoconfig-http": _t("Setup file without encryption (HTTP)"),
        "srv": _t("DNS service records"),
        "guess": _t("Trying common server names"),
    }
    return names.get(source, source)


def source_state(state: str) -> str:
    names = {
        "waiting": _t("Waiting"),
        "running": _t("Looking…"),
        "found": _t("Found"),
        "not_found": _t("Nothing there"),
        "failed": _t("No answer"),
        "cancelled": _t("Not needed"),
        "skipped": _t("Skipped"),
    }
    return names.get(state, state)
