"""The race: every source starts at once, the highest-priority answer wins, the rest are cancelled."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.core.address import EmailAddress, parse_address
from assistant.core.discovery.autoconfig import AutoconfigSource
from assistant.core.discovery.bundled import BundledSource
from assistant.core.discovery.candidates import Finding, merge
from assistant.core.discovery.guess import GuessSource
from assistant.core.discovery.http import HttpFetcher
from assistant.core.discovery.model import (
    Candidate,
    DiscoveryResult,
    ProgressCallback,
    ProgressEvent,
    ProviderNote,
    SourceName,
    SourceOutcome,
    SourceState,
)
from assistant.core.discovery.mx import MxSource
from assistant.core.discovery.online import IspdbSource
from assistant.core.discovery.providers import ProviderDatabase, bundled
from assistant.core.discovery.source import DEFAULT_ISPDB_URL, Source, SourceContext, SourceError
from assistant.core.discovery.srv import SrvSource
from assistant.core.discovery.verify import VerificationRun, VerifyOptions
from assistant.core.model import EventCallback
from assistant.core.net import CancelToken, Deadline, NetConfig
from assistant.core.pins import Pins

DEFAULT_TIMEOUT = 12.0
OP25B_NOTE = ProviderNote("provider.op25b")


def prepare() -> None:
    """Load what the first discovery would otherwise load on its critical path (the provider database,
    the Public Suffix List, the DNS record classes): about 0.2 s, best done once in the background."""
    import dns.rdtypes.ANY.MX
    import dns.rdtypes.IN.SRV  # noqa: F401

    from assistant.core.discovery.candidates import registrable_domain

    bundled()
    registrable_domain("mail.example.co.jp")


def default_sources(*, offline: bool = False) -> list[Source]:
    """Highest priority first; offline keeps only the bundled database."""
    if offline:
        return [BundledSource()]
    return [
        BundledSource(),
        AutoconfigSource(https=True),
        IspdbSource(),
        MxSource(),
        AutoconfigSource(https=False),
        SrvSource(),
        GuessSource(),
    ]


@dataclass(frozen=True, eq=False)
class _Run:
    """One source in the race, and how it ended (a new value replaces it when it does)."""

    source: Source
    cancel: CancelToken
    state: SourceState = SourceState.RUNNING
    finding: Finding | None = None
    detail: str = ""
    origin: str = ""
    elapsed_ms: float = 0.0
    ended: bool = False

    def side(self, incoming: bool) -> list[Candidate]:
        if self.finding is None:
            return []
        return self.finding.incoming if incoming else self.finding.outgoing


class _Race:
    """Runs the sources in threads and decides, per direction, when the answer is settled."""

    def __init__(
        self, sources: list[Source], context: Callable[[CancelToken], SourceContext], deadline: Deadline,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.runs = [_Run(s, CancelToken()) for s in sources]
        self._context = context
        self._deadline = deadline
        self._on_progress = on_progress
        self._ended: queue.Queue[tuple[_Run, _Run]] = queue.Queue()  # (run, its outcome)
        self.winners: dict[bool, _Run | None] = {True: None, False: None}  # incoming? -> source

    def emit(self, name: SourceName, state: SourceState, detail: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(ProgressEvent(name, state, self._deadline.elapsed_ms(), detail))

    def start(self) -> None:
        for run in self.runs:
            self.emit(run.source.name, SourceState.RUNNING)
            threading.Thread(target=self._work, args=(run,), name=f"discovery-{run.source.name}",
                             daemon=True).start()

    def _work(self, run: _Run) -> None:
        """In the source's thread: find, then hand the outcome to the race thread (which alone writes it)."""
        deadline = self._deadline
        finding: Finding | None = None
        detail = origin = ""
        try:
            found = run.source.find(self._context(run.cancel))
            finding = found if found is not None and not found.empty else None
            state = SourceState.FOUND if finding else SourceState.NOT_FOUND
            origin = found.origin if found else ""
            if finding is None and (deadline.expired or run.cancel.cancelled):
                state, detail = SourceState.FAILED, "timeout" if deadline.expired else "cancelled"
        except SourceError as exc:
            state, detail, origin = SourceState.FAILED, str(exc), exc.origin
        except Exception as exc:  # a bug in one source must not take discovery down
            state, detail = SourceState.FAILED, f"internal: {type(exc).__name__}"
        self._ended.put((run, replace(run, state=state, finding=finding, detail=detail, origin=origin,
                                      elapsed_ms=deadline.elapsed_ms(), ended=True)))

    def run(self, cancel: CancelToken | None, on_settled: Callable[[bool, list[Candidate]], None]) -> None:
        """Wait for sources to end until both directions are settled (or cancel / the deadline), calling
        on_settled(incoming, candidates) once per direction as soon as it is; then cancel the rest."""
        announced: set[bool] = set()
        while True:
            settled = {incoming: self._decide(incoming) for incoming in (True, False)}
            for incoming, done in settled.items():
                if done and incoming not in announced:
                    announced.add(incoming)
                    on_settled(incoming, self.ranked(incoming))
            if all(settled.values()):
                break
            if (cancel is not None and cancel.cancelled) or self._deadline.expired:
                for incoming in (True, False):  # what the best finished source had
                    self.winners[incoming] = self.winners[incoming] or next(
                        (r for r in self.runs if r.ended and r.side(incoming)), None
                    )
                break
            try:
                run, outcome = self._ended.get(timeout=self._deadline.poll(0.1))
            except queue.Empty:
                continue
            self.runs[self.runs.index(run)] = outcome
            self.emit(outcome.source.name, outcome.state, outcome.detail)
        why = "user" if cancel is not None and cancel.cancelled else (
            "timeout" if self._deadline.expired else "answer settled")
        now = self._deadline.elapsed_ms()
        for i, run in enumerate(self.runs):
            if not run.ended:
                run.cancel.cancel()
                self.runs[i] = replace(run, state=SourceState.CANCELLED, detail=why, elapsed_ms=now)
                self.emit(run.source.name, SourceState.CANCELLED, why)

    def _decide(self, incoming: bool) -> bool:
        """Settled: the first source in priority order that found something for this direction has
        answered, and every source above it has ended (or none is left that could answer)."""
        for run in self.runs:
            if not run.ended:
                return False
            if run.side(incoming):
                self.winners[incoming] = run
                return True
        return True

    def ranked(self, incoming: bool) -> list[Candidate]:
        """The winner's candidates, then what other finished sources found that it did not list."""
        winner = self.winners[incoming]
        out = list(winner.side(incoming)) if winner is not None else []
        for run in self.runs:
            if run is not winner and run.ended:
                out = merge(out, run.side(incoming))
        return out

    def result(self, addr: EmailAddress) -> DiscoveryResult:
        incoming, outgoing = self.ranked(True), self.ranked(False)
        sides = [r for r in (self.winners[True], self.winners[False]) if r is not None and r.finding]
        notes: list[ProviderNote] = []
        for run in sides:
            assert run.finding is not None
            notes.extend(n for n in run.finding.notes if n.id not in {m.id for m in notes})
        if any(c.port == 25 for c in outgoing[:1]) and all(n.id != OP25B_NOTE.id for n in notes):
            notes.append(OP25B_NOTE)
        winner = sides[0] if sides else None
        return DiscoveryResult(
            address=addr.ascii,
            address_display=addr.display,
            incoming=incoming,
            outgoing=outgoing,
            notes=notes,
            outcomes=[SourceOutcome(r.source.name, r.state, r.elapsed_ms, r.detail, r.origin)
                      for r in self.runs],
            provider=winner.finding.provider if winner and winner.finding else "",
            winner=winner.source.name if winner else None,
            elapsed_ms=self._deadline.elapsed_ms(),
        )


def discover(
    address: str | EmailAddress,
    *,
    net: NetConfig,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    offline: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    ispdb_url: str = DEFAULT_ISPDB_URL,
    sources: Sequence[Source] | None = None,
    fetcher: HttpFetcher | None = None,
    database: ProviderDatabase | None = None,
    password: str | None = None,
    on_event: EventCallback | None = None,
    confirmed: bool = False,
    username: str | None = None,
    pins: Pins | None = None,
    allow_insecure: bool = False,
    verify_timeout: float = 20.0,
) -> DiscoveryResult:
    """Find ranked settings for `address` (raises InvalidAddress for bad input, nothing else).

    With `password`, each direction is verified with the tester as soon as its answer is settled
    (candidates that need confirmation only when `confirmed`). `on_progress` runs on the thread that
    called discover(); `on_event` (the tester's stage events) on verification threads."""
    addr = address if isinstance(address, EmailAddress) else parse_address(address)
    deadline = Deadline(timeout)
    http, db = fetcher or HttpFetcher(net), database or bundled()

    def context(token: CancelToken) -> SourceContext:
        return SourceContext(addr, net, deadline, token, http, db, ispdb_url)

    chosen = list(sources) if sources is not None else default_sources(offline=offline)
    race = _Race(chosen, context, deadline, on_progress)
    if offline and sources is None:
        for name in SourceName:
            if name is not SourceName.BUNDLED:
                race.emit(name, SourceState.SKIPPED, "offline")
    verification: VerificationRun | None = None
    if password is not None:
        options = VerifyOptions(net, addr.ascii, confirmed, username, pins, allow_insecure, on_event)
        verification = VerificationRun(password, options, timeout=timeout + verify_timeout, cancel=cancel)
    started: set[bool] = set()

    def settled(incoming: bool, candidates: list[Candidate]) -> None:
        if verification is not None:  # verify a direction the moment its answer is settled
            started.add(incoming)
            verification.start("incoming" if incoming else "outgoing", candidates)

    race.start()
    race.run(cancel, settled)
    result = race.result(addr)
    if verification is None:
        return result
    if not (cancel is not None and cancel.cancelled):
        for incoming in (True, False):
            if incoming not in started:  # ended by the deadline: verify what we have
                verification.start("incoming" if incoming else "outgoing", race.ranked(incoming))
    return replace(result, verification=verification.wait())
