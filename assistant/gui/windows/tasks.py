"""The main window's calls into the core (checks, the send test, bounces, the keyring), as worker tasks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.core.model import Evidence, Protocol, ServerSettings, Stage
from assistant.core.store import Account, Settings

Report = Callable[[object], None]


def pins_of(settings: Settings) -> dict[tuple[str, int], str]:
    """The store's "host:port" pins as the (host, port) keys the core takes."""
    pins: dict[tuple[str, int], str] = {}
    for key, sha in settings.pins.items():
        host, _, port = key.rpartition(":")
        if port.isdigit():
            pins[(host.strip("[]"), int(port))] = sha
    return pins


@dataclass(frozen=True)
class ServerRun:
    """One server's (or the send test's) part of a run, as the window shows it."""

    role: str  # "incoming" / "outgoing" / "send-test"
    settings: ServerSettings | None
    ok: bool
    evidence: Evidence | None = None
    transcript: str = ""  # redacted by the core where it was recorded
    certificate: Any = None


@dataclass(frozen=True)
class RunOutcome:
    servers: list[ServerRun] = field(default_factory=list)
    round_trip_ms: float | None = None  # the send test's, when it ran and passed
    related: list[Any] = field(default_factory=list)  # explain.Attempt: other ports tried on the same host

    @property
    def ok(self) -> bool:
        return bool(self.servers) and all(s.ok for s in self.servers)

    def failed(self) -> list[ServerRun]:
        return [s for s in self.servers if not s.ok]


def _transcript(result: Any) -> str:
    transcript = getattr(result, "transcript", None)
    return transcript.render() if transcript is not None else ""


def server_run(role: str, result: Any) -> ServerRun:
    """A ServerResult from assistant.core.check, reduced to what the window needs."""
    evidence = result.failure
    certificate = (
        evidence.certificate if evidence is not None and evidence.certificate else result.certificate
    )
    return ServerRun(role, result.settings, bool(result.ok), evidence, _transcript(result), certificate)


def send_run(result: Any) -> ServerRun:
    """A SendTestResult: its SMTP and mailbox transcripts together."""
    parts = [_transcript(r) for r in (result.submit, result.receive) if r is not None]
    return ServerRun("send-test", None, bool(result.ok), result.failure, "\n".join(p for p in parts if p))


def account_check_task(
    account: Account, password: str, *, net: Any, pins: dict[tuple[str, int], str]
) -> Callable[[Report, Any], RunOutcome]:
    """ "Test now": the incoming and the outgoing server at once."""

    def task(report: Report, cancel: Any) -> RunOutcome:
        from assistant.core.check import check_account

        result = check_account(
            account.address,
            account.incoming,
            account.outgoing,
            password,
            net=net,
            on_event=report,
            cancel=cancel,
            pins=dict(pins),
        )
        runs = [
            server_run(role, r)
            for role, r in (("incoming", result.incoming), ("outgoing", result.outgoing))
            if r is not None
        ]
        return RunOutcome(runs)

    return task


def sending_check_task(
    account: Account, password: str, *, net: Any, pins: dict[tuple[str, int], str]
) -> Callable[[Report, Any], RunOutcome]:
    """ "Why can't I send?": the outgoing server, then (if it works) a real test message to oneself."""

    def task(report: Report, cancel: Any) -> RunOutcome:
        from assistant.core.check import check_server

        result = check_server(
            account.outgoing,
            password,
            address=account.address,
            net=net,
            on_event=report,
            cancel=cancel,
            pins=dict(pins),
            role="outgoing",
        )
        outgoing = server_run("outgoing", result)
        if cancel.cancelled:
            return RunOutcome([outgoing])
        if not outgoing.ok:
            unreachable = outgoing.evidence is not None and outgoing.evidence.stage is Stage.CONNECT
            related = other_submission_ports(account.outgoing, net, cancel) if unreachable else []
            return RunOutcome([outgoing], related=related)
        from assistant.core.sendtest import send_test

        sent = send_test(
            account.address,
            account.incoming,
            account.outgoing,
            password,
            net=net,
            on_event=report,
            cancel=cancel,
            pins=dict(pins),
        )
        return RunOutcome([outgoing, send_run(sent)], round_trip_ms=sent.round_trip_ms if sent.ok else None)

    return task


SUBMISSION_PORTS = (587, 465, 25)


def other_submission_ports(settings: ServerSettings, net: Any, cancel: Any) -> list[Any]:
    """Can we reach the outgoing server on its other usual ports? Tells port blocking (OP25B, a
    firewall) from a server that is down. A TCP connect only: no login, nothing sent."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.core.explain import Attempt
    from assistant.core.net import CheckFailure, Deadline, connect, resolve

    try:
        addresses = resolve(settings.host, net, Deadline(5.0), cancel)
    except CheckFailure:
        return []

    def attempt(port: int) -> Any:
        try:
            sock, _ = connect(addresses, port, net, Deadline(4.0), cancel)
        except CheckFailure as exc:
            return Attempt(settings.host, port, False, exc.code.value, Protocol.SMTP)
        sock.close()
        return Attempt(settings.host, port, True, "", Protocol.SMTP)

    ports = [p for p in SUBMISSION_PORTS if p != settings.port]
    with ThreadPoolExecutor(max_workers=len(ports)) as pool:
        return list(pool.map(attempt, ports))


@dataclass(frozen=True)
class KeyringOutcome:
    """What a keyring call gave: a value, or the state + detail that stopped it."""

    value: Any = None
    state: str = "ok"  # secrets.KeyringState value
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def keyring_task(call: Callable[[Any], Any]) -> Callable[[Report, Any], KeyringOutcome]:
    """Run one PasswordStore call (a callable holding no Qt object, given the job's cancel token, so
    quitting does not wait for an unlock prompt); a KeyringUnavailable becomes an outcome, not a failure."""

    def task(report: Report, cancel: Any) -> KeyringOutcome:
        from assistant.core.secrets import KeyringUnavailable

        try:
            return KeyringOutcome(call(cancel))
        except KeyringUnavailable as exc:
            return KeyringOutcome(None, exc.state.value, exc.detail)

    return task


def bounce_task(data: bytes, lang: str) -> Callable[[Report, Any], Any]:
    """Analyze a bounce message and word every recipient's explanation."""

    def task(report: Report, cancel: Any) -> Any:
        from assistant.gui.windows.bounce_model import analyzed

        return analyzed(data, lang)

    return task


def explain_server(server: ServerRun, outcome: RunOutcome, lang: str) -> Any:
    """The catalog's explanation of one failed server, with the run's other failures as context."""
    from assistant.core.explain import explain

    assert server.evidence is not None
    related: list[Any] = [s.evidence for s in outcome.servers if s.evidence is not None and s is not server]
    return explain(server.evidence, lang=lang, related=[*related, *outcome.related])
