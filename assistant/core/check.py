"""Checking an account's servers stage by stage: one server, or incoming and outgoing at once."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import idna

from assistant.core.failures import FailureCode
from assistant.core.model import (
    CertificateInfo,
    EventCallback,
    Evidence,
    Protocol,
    ServerSettings,
    Stage,
    StageEvent,
    StageStatus,
)
from assistant.core.net import CancelToken, CheckFailure, Deadline, NetConfig
from assistant.core.pins import Pins
from assistant.core.probe.imap import ImapDialect
from assistant.core.probe.pop3 import Pop3Dialect
from assistant.core.probe.session import CredentialProvider, Dialect, PasswordProvider, probe_server
from assistant.core.probe.smtp import SmtpDialect
from assistant.core.probe.stages import SERVER_STAGES, StageRecord, StageRunner
from assistant.core.transcript import Transcript

if TYPE_CHECKING:
    from assistant.core.sendtest import SendTestResult

DEFAULT_TIMEOUT = 15.0
DIALECTS: dict[Protocol, type[Dialect]] = {
    Protocol.IMAP: ImapDialect,
    Protocol.POP3: Pop3Dialect,
    Protocol.SMTP: SmtpDialect,
}


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, tuples -> plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, str):
        return str(value)  # StrEnum -> its value
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


@dataclass
class ServerResult:
    settings: ServerSettings
    role: str
    ok: bool
    stages: list[StageRecord]
    failure: Evidence | None
    transcript: Transcript
    certificate: CertificateInfo | None = None
    capabilities: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # message_count, auth_mechanism, ip, ...
    elapsed_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "settings": to_jsonable(self.settings),
            "ok": self.ok,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "stages": [s.to_dict() for s in self.stages],
            "failure": to_jsonable(self.failure),
            "certificate": to_jsonable(self.certificate),
            "capabilities": list(self.capabilities),
            "facts": to_jsonable(self.facts),
            "transcript": self.transcript.to_list(),
        }


@dataclass
class AccountResult:
    address: str
    incoming: ServerResult | None
    outgoing: ServerResult | None
    send_test: SendTestResult | None = None
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        results = [r for r in (self.incoming, self.outgoing) if r is not None]
        return bool(results) and all(r.ok for r in results) and (self.send_test is None or self.send_test.ok)

    @property
    def failures(self) -> list[Evidence]:
        found = [r.failure for r in (self.incoming, self.outgoing) if r is not None and r.failure is not None]
        if self.send_test is not None and self.send_test.failure is not None:
            found.append(self.send_test.failure)
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "address": self.address,
            "ok": self.ok,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "incoming": self.incoming.to_dict() if self.incoming else None,
            "outgoing": self.outgoing.to_dict() if self.outgoing else None,
            "send_test": self.send_test.to_dict() if self.send_test else None,
        }


def check_server(
    settings: ServerSettings,
    password: str | CredentialProvider,
    *,
    address: str,
    net: NetConfig | None = None,
    on_event: EventCallback | None = None,
    cancel: CancelToken | None = None,
    deadline: Deadline | None = None,
    pins: Pins | None = None,
    allow_insecure: bool = False,
    role: str | None = None,
    dialect: Dialect | None = None,
) -> ServerResult:
    """Run every stage against one server. Never raises; never outlives the deadline by more than ~100 ms.

    `password` is the user's password, or a CredentialProvider (the seam for OAuth2 tokens)."""
    provider = PasswordProvider(password) if isinstance(password, str) else password
    deadline = deadline or Deadline(DEFAULT_TIMEOUT)
    role = role or ("incoming" if settings.protocol.incoming else "outgoing")
    settings = _ascii_host(settings)
    credentials = provider.credentials(settings, address)
    transcript = Transcript(start=deadline.start, secrets=[credentials.password])
    runner = StageRunner(settings, role, deadline, cancel, transcript, on_event)
    start_ms = deadline.elapsed_ms()
    if dialect is None:
        dialect = DIALECTS[settings.protocol](settings, address)
    dialect.settings = settings  # with the host as A-labels
    problem = _invalid(settings)
    if problem:
        failure: Evidence | None = runner.evidence(
            Stage.RESOLVE, CheckFailure(FailureCode.INPUT_INVALID, problem)
        )
        runner.records.append(
            StageRecord(Stage.RESOLVE, StageStatus.FAILED, 0.0, FailureCode.INPUT_INVALID.value)
        )
        runner.emit(StageEvent(role, Stage.RESOLVE, StageStatus.FAILED, 0.0, problem, failure))
        runner.skip_rest(Stage.RESOLVE, SERVER_STAGES)
    else:
        outcome = probe_server(
            dialect, credentials, runner, net=net or NetConfig(), pins=pins, allow_insecure=allow_insecure
        )
        failure = outcome.failure
    return ServerResult(
        settings=settings,
        role=role,
        ok=failure is None,
        stages=list(runner.records),
        failure=failure,
        transcript=transcript,
        certificate=runner.certificate,
        capabilities=list(dialect.capabilities),
        facts={k: transcript.redact(v) if isinstance(v, str) else v for k, v in dialect.facts.items()},
        elapsed_ms=deadline.elapsed_ms() - start_ms,
    )


def _ascii_host(settings: ServerSettings) -> ServerSettings:
    """IDNA A-labels for DNS and TLS (メール.example.jp -> xn--...); unchanged if it cannot be encoded."""
    host = settings.host.strip().rstrip(".")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError:
            return settings
    return dataclasses.replace(settings, host=host) if host != settings.host else settings


def _invalid(settings: ServerSettings) -> str:
    if not settings.host or any(c.isspace() for c in settings.host):
        return "host name is empty or contains spaces"
    if not 0 < settings.port < 65536:
        return f"port {settings.port} is out of range"
    return ""


def check_account(
    address: str,
    incoming: ServerSettings | None,
    outgoing: ServerSettings | None,
    password: str,
    *,
    net: NetConfig | None = None,
    on_event: EventCallback | None = None,
    cancel: CancelToken | None = None,
    deadline: Deadline | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    pins: Pins | None = None,
    allow_insecure: bool = False,
    send_test: bool = False,
) -> AccountResult:
    """Check incoming and outgoing concurrently under one deadline and one cancel token; then the
    optional send test if both passed."""
    deadline = deadline or Deadline(timeout)
    cancel = cancel or CancelToken()
    results: dict[str, ServerResult] = {}

    def run(role: str, settings: ServerSettings) -> None:
        results[role] = check_server(
            settings,
            password,
            address=address,
            net=net,
            on_event=on_event,
            cancel=cancel,
            deadline=deadline,
            pins=pins,
            allow_insecure=allow_insecure,
            role=role,
        )

    threads = [
        threading.Thread(target=run, args=(role, settings), name=f"check-{role}", daemon=True)
        for role, settings in (("incoming", incoming), ("outgoing", outgoing))
        if settings is not None
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = AccountResult(address, results.get("incoming"), results.get("outgoing"))
    if send_test and incoming is not None and outgoing is not None and result.ok:
        from assistant.core.sendtest import send_test as run_send_test

        result.send_test = run_send_test(
            address,
            incoming,
            outgoing,
            password,
            net=net,
            on_event=on_event,
            cancel=cancel,
            deadline=deadline,
            pins=pins,
            allow_insecure=allow_insecure,
        )
    result.elapsed_ms = deadline.elapsed_ms()
    return result
