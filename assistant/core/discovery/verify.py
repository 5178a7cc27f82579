"""Verification: log in to the best candidates with the tester, trying user-name forms without a lockout."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.core.check import ServerResult, check_server
from assistant.core.discovery.model import Candidate
from assistant.core.failures import FailureCode
from assistant.core.model import Auth, EventCallback
from assistant.core.net import CancelToken, Deadline, NetConfig
from assistant.core.pins import Pins

MAX_FAILED_LOGINS = 2  # per server host: many providers lock an account (or an IP) after about three
MAX_CANDIDATES = 3  # per direction
_STOP = {FailureCode.AUTH_DISABLED.value, FailureCode.CHECK_CANCELLED.value, FailureCode.CHECK_DEADLINE.value}


@dataclass(frozen=True)
class Attempt:
    """One login we made (or chose not to make, code "skipped.*")."""

    candidate: Candidate
    username: str
    code: str  # "ok", a FailureCode value, or "skipped.needs_confirmation" / "skipped.oauth" / ...
    elapsed_ms: float = 0.0

    def as_dict(self) -> dict[str, object]:
        c = self.candidate
        return {"protocol": c.protocol.value, "host": c.host, "port": c.port, "security": c.security.value,
                "username": self.username, "result": self.code, "elapsed_ms": round(self.elapsed_ms, 1)}


@dataclass(frozen=True)
class VerifiedServer:
    """The outcome for one direction: the candidate and user name that worked, or the last failure."""

    role: str
    ok: bool
    candidate: Candidate | None
    username: str
    result: ServerResult | None  # the tester's full result of the deciding attempt
    attempts: tuple[Attempt, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "role": self.role,
            "ok": self.ok,
            "candidate": self.candidate.as_dict() if self.candidate else None,
            "username": self.username,
            "failure": self.result.failure.code if self.result and self.result.failure else None,
            "attempts": [a.as_dict() for a in self.attempts],
        }


@dataclass
class Verification:
    incoming: VerifiedServer | None = None
    outgoing: VerifiedServer | None = None
    threads: list[threading.Thread] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "incoming": self.incoming.as_dict() if self.incoming else None,
            "outgoing": self.outgoing.as_dict() if self.outgoing else None,
        }


@dataclass(frozen=True)
class VerifyOptions:
    net: NetConfig
    address: str
    confirmed: bool = False  # the user accepted candidates that need confirmation
    username: str | None = None  # a login name the user typed (e.g. docomo's d ACCOUNT ID)
    pins: Pins | None = None
    allow_insecure: bool = False
    on_event: EventCallback | None = None


def verify_direction(
    role: str,
    candidates: Sequence[Candidate],
    password: str,
    options: VerifyOptions,
    *,
    deadline: Deadline,
    cancel: CancelToken | None = None,
) -> VerifiedServer:
    """Try candidates best first, and for each its user-name forms, with at most MAX_FAILED_LOGINS
    refused logins per host. Connection problems move on to the next candidate."""
    attempts: list[Attempt] = []
    failed: dict[str, int] = {}
    last: ServerResult | None = None
    last_candidate: Candidate | None = None
    tried = 0
    for c in candidates:
        if tried >= MAX_CANDIDATES or deadline.expired or (cancel is not None and cancel.cancelled):
            break
        names = _usernames(c, options.username)
        skip = _skip_reason(c, names, options)
        if skip:
            attempts.append(Attempt(c, c.username, skip))
            continue
        tried += 1
        for name in names:
            if failed.get(c.host, 0) >= MAX_FAILED_LOGINS:
                attempts.append(Attempt(c, name, "skipped.lockout_guard"))
                break
            start = deadline.elapsed_ms()
            result = check_server(
                c.settings(name), password, address=options.address, net=options.net,
                on_event=options.on_event, cancel=cancel, deadline=deadline, pins=options.pins,
                allow_insecure=options.allow_insecure, role=role,
            )
            code = "ok" if result.ok else (result.failure.code if result.failure else "unknown")
            attempts.append(Attempt(c, name, code, deadline.elapsed_ms() - start))
            last, last_candidate = result, c
            if result.ok:
                return VerifiedServer(role, True, c, name, result, tuple(attempts))
            if code in _STOP:
                return VerifiedServer(role, False, c, name, result, tuple(attempts))
            if code != FailureCode.AUTH_FAILED.value:
                break  # the login was not refused: another user name will not help on this server
            failed[c.host] = failed.get(c.host, 0) + 1
    return VerifiedServer(role, False, last_candidate, "", last, tuple(attempts))


def _usernames(c: Candidate, typed: str | None) -> list[str]:
    if typed:
        return [typed]
    return [n for n in dict.fromkeys((c.username, *c.alternatives)) if n]


def _skip_reason(c: Candidate, names: list[str], options: VerifyOptions) -> str:
    if c.provenance.needs_confirmation and not options.confirmed:
        return "skipped.needs_confirmation"
    if c.auth is Auth.OAUTH2:
        return "skipped.oauth"
    if not names:
        return "skipped.username_required"
    return ""


def verify(
    incoming: Sequence[Candidate],
    outgoing: Sequence[Candidate],
    password: str,
    options: VerifyOptions,
    *,
    timeout: float = 20.0,
    cancel: CancelToken | None = None,
) -> Verification:
    """Verify incoming and outgoing at the same time; returns when both are decided."""
    v = VerificationRun(password, options, timeout=timeout, cancel=cancel)
    v.start("incoming", incoming)
    v.start("outgoing", outgoing)
    return v.wait()


class VerificationRun:
    """A handle to verify each direction as soon as its candidates are settled."""

    def __init__(
        self, password: str, options: VerifyOptions, *, timeout: float, cancel: CancelToken | None
    ) -> None:
        self._password = password
        self._options = options
        self._deadline = Deadline(timeout)
        self._cancel = cancel
        self.result = Verification()

    def start(self, role: str, candidates: Sequence[Candidate]) -> None:
        if not candidates:
            return

        def run() -> None:
            outcome = verify_direction(role, list(candidates), self._password, self._options,
                                       deadline=self._deadline, cancel=self._cancel)
            setattr(self.result, role, outcome)

        thread = threading.Thread(target=run, name=f"verify-{role}", daemon=True)
        self.result.threads.append(thread)
        thread.start()

    def wait(self) -> Verification:
        for t in self.result.threads:
            while t.is_alive() and not self._deadline.expired:
                t.join(self._deadline.poll(0.1))
        return self.result
