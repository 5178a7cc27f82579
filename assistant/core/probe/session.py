"""One server check, protocol-neutral: resolve, connect, TLS, then the dialect's stages in order."""

from __future__ import annotations

import socket
import time
import typing
from dataclasses import dataclass, field
from typing import Any

from assistant.core.failures import FailureCode
from assistant.core.model import Auth, Evidence, Security, ServerSettings, Stage
from assistant.core.net import CheckFailure, Deadline, NetConfig, connect, resolve
from assistant.core.pins import Pins
from assistant.core.probe.stages import SERVER_STAGES, StageRunner, Stopped
from assistant.core.probe.wire import Silent, Wire
from assistant.core.tls import handshake
from assistant.core.transcript import Transcript

IMPLICIT_TLS_PORTS = frozenset({465, 993, 995})
GREETING_SILENCE = 4.0  # a mail server that has said nothing for this long is probably waiting for TLS
PROBE_WAIT = 1.5


@dataclass(frozen=True)
class Credentials:
    """What login sends for one server."""

    username: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(username={self.username!r}, password=<redacted>)"


class CredentialProvider(typing.Protocol):
    """Where credentials come from: the password the user typed today; an OAuth2 token source later
    (settings.auth is Auth.OAUTH2 then, and login sends XOAUTH2/OAUTHBEARER with what it hands out)."""

    def credentials(self, settings: ServerSettings, address: str) -> Credentials: ...


@dataclass(frozen=True)
class PasswordProvider:
    """The password the user typed, with the login name from the settings (or the address)."""

    password: str = field(repr=False)

    def credentials(self, settings: ServerSettings, address: str) -> Credentials:
        return Credentials(settings.username or address, self.password)


class Dialect:
    """What a protocol module implements; each method runs inside one stage and returns its detail."""

    def __init__(self, settings: ServerSettings, address: str) -> None:
        self.settings = settings
        self.address = address
        self.capabilities: list[str] = []
        self.facts: dict[str, Any] = {}
        self.logout_sent = False

    def greeting(self, wire: Wire) -> str:
        raise NotImplementedError

    def read_capabilities(self, wire: Wire) -> str:
        raise NotImplementedError

    def starttls(self, wire: Wire) -> str:
        """Ask for the upgrade (after checking it is offered) and read the go-ahead."""
        raise NotImplementedError

    def cleartext_login_refused(self) -> str:
        """A reason when the server's capabilities already say it won't take a password in clear."""
        return ""

    def no_login_reason(self) -> str:
        """Why login is skipped (the action then shows what the server does without it); "" = log in."""
        return ""

    def login(self, wire: Wire, credentials: Credentials) -> str:
        raise NotImplementedError

    def action(self, wire: Wire) -> str:
        raise NotImplementedError

    def logout(self, wire: Wire) -> str:
        raise NotImplementedError

    def quit_line(self) -> str:
        raise NotImplementedError


@dataclass
class ProbeOutcome:
    failure: Evidence | None
    runner: StageRunner
    dialect: Dialect
    facts: dict[str, Any] = field(default_factory=dict)


def probe_server(
    dialect: Dialect,
    credentials: Credentials,
    runner: StageRunner,
    *,
    net: NetConfig,
    pins: Pins | None,
    allow_insecure: bool,
) -> ProbeOutcome:
    """Run every stage for one server; never raises."""
    settings, deadline, cancel = dialect.settings, runner.deadline, runner.cancel
    transcript = runner.transcript
    state: dict[str, Any] = {}
    wire: Wire | None = None
    current = Stage.RESOLVE
    try:

        def do_resolve() -> str:
            state["addresses"] = resolve(settings.host, net, deadline, cancel)
            return " ".join(ip for _, ip in state["addresses"])

        runner.run(Stage.RESOLVE, do_resolve)

        def do_connect() -> str:
            nonlocal wire
            sock, ip = connect(state["addresses"], settings.port, net, deadline, cancel)
            state["ip"] = dialect.facts["ip"] = ip
            transcript.note(f"connected to {ip} port {settings.port}")
            wire = Wire(sock, transcript=transcript, deadline=deadline, cancel=cancel)
            return ip

        current = Stage.CONNECT
        runner.run(Stage.CONNECT, do_connect)
        assert wire is not None
        live: Wire = wire

        def reconnect() -> socket.socket:
            return connect(
                [a for a in state["addresses"] if a[1] == state["ip"]], settings.port, net, deadline, cancel
            )[0]

        def do_tls(refetch: Any) -> str:
            session = handshake(
                live.detach_for_tls(),
                settings.host,
                settings.port,
                net=net,
                deadline=deadline,
                cancel=cancel,
                pins=pins,
                refetch=refetch,
            )
            live.upgrade(session.sock)
            runner.certificate = session.certificate
            transcript.note(f"TLS {session.summary}, certificate sha256 {session.certificate.sha256}")
            return session.summary

        current = Stage.TLS
        if settings.security is Security.SSL:
            runner.run(Stage.TLS, lambda: do_tls(reconnect))
        else:
            runner.skip(Stage.TLS, settings.security.value)

        current = Stage.GREETING

        def do_greeting() -> str:
            nonlocal wire, live
            try:
                return _greeting(dialect, live, settings, deadline)
            except _LateGreeting:
                # our probe lines would be read as commands by now: use a fresh connection, no probe
                transcript.note("the greeting came late, after the probe: connecting again")
                live.close()
                wire = live = Wire(reconnect(), transcript=transcript, deadline=deadline, cancel=cancel)
                return dialect.greeting(live)

        runner.run(Stage.GREETING, do_greeting)
        current = Stage.CAPABILITIES
        runner.run(Stage.CAPABILITIES, lambda: dialect.read_capabilities(live))

        current = Stage.STARTTLS
        if settings.security is Security.STARTTLS:

            def refetch_starttls() -> socket.socket:
                scratch = Wire(
                    reconnect(), transcript=Transcript(secrets=()), deadline=deadline, cancel=cancel
                )
                again = type(dialect)(settings, dialect.address)
                try:
                    again.greeting(scratch)
                    again.read_capabilities(scratch)
                    again.starttls(scratch)
                    return scratch.detach_for_tls()
                except BaseException:
                    scratch.close()
                    raise

            def do_starttls() -> str:
                dialect.starttls(live)
                summary = do_tls(refetch_starttls)
                dialect.read_capabilities(live)  # RFC 3207/2595: forget what was said in clear
                return summary

            runner.run(Stage.STARTTLS, do_starttls)
        else:
            runner.skip(Stage.STARTTLS, settings.security.value)

        current = Stage.LOGIN
        if settings.auth is Auth.PASSWORD and dialect.no_login_reason():
            runner.skip(Stage.LOGIN, dialect.no_login_reason())
        else:
            runner.run(Stage.LOGIN, lambda: _login(dialect, live, credentials, settings, allow_insecure))
        current = Stage.ACTION
        runner.run(Stage.ACTION, lambda: dialect.action(live))
        current = Stage.LOGOUT
        runner.run(Stage.LOGOUT, lambda: dialect.logout(live))
        return ProbeOutcome(None, runner, dialect)
    except Stopped as stopped:
        runner.skip_rest(current, SERVER_STAGES)
        if wire is not None and not dialect.logout_sent and stopped.evidence.code in _POLITE_QUIT:
            try:
                wire.send(dialect.quit_line())
            except CheckFailure:
                pass
        return ProbeOutcome(stopped.evidence, runner, dialect)
    finally:
        if wire is not None:
            wire.close()


_POLITE_QUIT = {
    code.value
    for code in FailureCode
    if code.value.split(".")[0] in {"auth", "smtp", "imap", "pop3", "starttls", "sendtest"}
}


def _greeting(dialect: Dialect, wire: Wire, settings: ServerSettings, deadline: Deadline) -> str:
    if settings.security is not Security.SSL:
        silence = min(GREETING_SILENCE, deadline.remaining() * 0.4)
        try:
            wire.fill(silence_until=time.monotonic() + silence)
        except Silent:
            _probe_for_tls(wire, settings, deadline)
    return dialect.greeting(wire)


def _probe_for_tls(wire: Wire, settings: ServerSettings, deadline: Deadline) -> None:
    """Silence so far. A TLS server answers a non-TLS line with an alert (0x15 0x03) or hangs up."""
    wire.transcript.note("no greeting yet: sending a probe line to see whether the port expects TLS")
    wire.send_raw(b"\r\n\r\n\r\n")
    until = time.monotonic() + min(PROBE_WAIT, deadline.remaining())
    try:
        wire.fill(silence_until=until)
    except Silent:
        if settings.port in IMPLICIT_TLS_PORTS:
            raise CheckFailure(
                FailureCode.TLS_EXPECTS_TLS,
                "no greeting on a port normally used for TLS",
                extra={"hint": "port"},
            ) from None
        _wait_out(wire, settings)
        return
    except CheckFailure as failure:
        if failure.code is FailureCode.SERVER_CLOSED:
            raise CheckFailure(
                FailureCode.TLS_EXPECTS_TLS,
                "no greeting; closed after a plain-text probe",
                extra={"hint": "closed"},
            ) from None
        raise
    data = wire.peek_raw()
    if data[:2] == b"\x15\x03":
        wire.transcript.note("TLS alert record: " + data[:7].hex(" "))
        raise CheckFailure(
            FailureCode.TLS_EXPECTS_TLS,
            "the server answered with a TLS alert",
            extra={"hint": "alert", "bytes": data[:7].hex()},
        )
    raise _LateGreeting()


def _wait_out(wire: Wire, settings: ServerSettings) -> None:
    try:
        wire.fill()
    except CheckFailure as failure:
        if failure.code is FailureCode.SERVER_TIMEOUT:
            raise CheckFailure(FailureCode.SERVER_TIMEOUT, "no greeting before the deadline") from None
        raise
    raise _LateGreeting()


class _LateGreeting(Exception):
    """A plain-text greeting came after our probe: the server is just slow; start over without a probe."""


def _login(
    dialect: Dialect, wire: Wire, credentials: Credentials, settings: ServerSettings, allow_insecure: bool
) -> str:
    if settings.auth is Auth.OAUTH2:
        raise CheckFailure(FailureCode.AUTH_OAUTH_REQUIRED, "OAuth2 sign-in is not supported yet")
    if not wire.secure:
        if settings.security is not Security.NONE or not allow_insecure:
            raise CheckFailure(FailureCode.AUTH_INSECURE_BLOCKED, "refused to send the password without TLS")
        reason = dialect.cleartext_login_refused()
        if reason:
            raise CheckFailure(FailureCode.AUTH_TLS_REQUIRED, reason)
    return dialect.login(wire, credentials)
