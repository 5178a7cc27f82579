"""The race: every source starts at once, the highest-priority answer wins, the rest are cancelled."""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
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


@dataclass
class _Run:
    source: Source
    cancel: CancelToken
    state: SourceState = SourceState.RUNNING
    finding: Finding | None = None
    detail: str = ""
    origin: str = ""
    elapsed_ms: float = 0.0


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
    chosen = list(sources) if sources is not None else default_sources(offline=offline)
    fetcher = fetcher or HttpFetcher(net)
    database = database or bundled()
    events: queue.Queue[_Run] = queue.Queue()
    runs = [_Run(s, CancelToken()) for s in chosen]

    def emit(name: SourceName, state: SourceState, detail: str = "") -> None:
        if on_progress is not None:
            on_progress(ProgressEvent(name, state, deadline.elapsed_ms(), detail))

    def work(run: _Run) -> None:
        ctx = SourceContext(addr, net, deadline, run.cancel, fetcher, database, ispdb_url)
        try:
            found = run.source.find(ctx)
            run.finding = found if found is not None and not found.empty else None
            run.state = SourceState.FOUND if run.finding else SourceState.NOT_FOUND
            run.origin = found.origin if found else ""
            if run.finding is None and (deadline.expired or run.cancel.cancelled):
                run.state, run.detail = SourceState.FAILED, "timeout" if deadline.expired else "cancelled"
        except SourceError as exc:
            run.state, run.detail, run.origin = SourceState.FAILED, str(exc), exc.origin
        except Exception as exc:  # a bug in one source must not take discovery down
            run.state, run.detail = SourceState.FAILED, f"internal: {type(exc).__name__}"
        run.elapsed_ms = deadline.elapsed_ms()
        events.put(run)

    if offline and sources is None:
        for name in SourceName:
            if name is not SourceName.BUNDLED:
                emit(name, SourceState.SKIPPED, "offline")
    for run in runs:
        emit(run.source.name, SourceState.RUNNING)
        threading.Thread(target=work, args=(run,), name=f"discovery-{run.source.name}", daemon=True).start()

    verification: VerificationRun | None = None
    if password is not None:
        options = VerifyOptions(net, addr.ascii, confirmed, username, pins, allow_insecure, on_event)
        verification = VerificationRun(password, options, timeout=timeout + verify_timeout, cancel=cancel)
    started: set[bool] = set()
    finished: set[int] = set()
    incoming_from: _Run | None = None
    outgoing_from: _Run | None = None
    while True:
        settled_in, incoming_from = _decide(runs, finished, incoming=True)
        settled_out, outgoing_from = _decide(runs, finished, incoming=False)
        if verification is not None:  # verify a direction the moment its answer is settled
            sides = ((True, settled_in, incoming_from), (False, settled_out, outgoing_from))
            for incoming, settled, winner in sides:
                if settled and incoming not in started:
                    started.add(incoming)
                    verification.start("incoming" if incoming else "outgoing",
                                       _ranked(runs, finished, winner, incoming=incoming))
        if settled_in and settled_out:
            break
        if (cancel is not None and cancel.cancelled) or deadline.expired:
            incoming_from = incoming_from or _best_so_far(runs, finished, incoming=True)
            outgoing_from = outgoing_from or _best_so_far(runs, finished, incoming=False)
            break
        try:
            run = events.get(timeout=deadline.poll(0.1))
        except queue.Empty:
            continue
        finished.add(id(run))
        emit(run.source.name, run.state, run.detail)

    user_cancelled = cancel is not None and cancel.cancelled
    for run in runs:
        if id(run) not in finished:
            run.cancel.cancel()
            run.state = SourceState.CANCELLED
            run.detail = "user" if user_cancelled else ("timeout" if deadline.expired else "answer settled")
            run.elapsed_ms = deadline.elapsed_ms()
            emit(run.source.name, SourceState.CANCELLED, run.detail)
    result = _result(addr, runs, finished, incoming_from, outgoing_from, deadline)
    if verification is None:
        return result
    for incoming, role in ((True, "incoming"), (False, "outgoing")):
        if incoming not in started and not user_cancelled:  # ended by the deadline: verify what we have
            verification.start(role, result.incoming if incoming else result.outgoing)
    return replace(result, verification=verification.wait())


def _decide(runs: list[_Run], finished: set[int], *, incoming: bool) -> tuple[bool, _Run | None]:
    """(settled, winner) for one direction: the first source in priority order that found something for
    it, once every source above it has ended."""
    for run in runs:
        if id(run) not in finished:
            return False, None
        if run.finding is not None and (run.finding.incoming if incoming else run.finding.outgoing):
            return True, run
    return True, None


def _best_so_far(runs: list[_Run], finished: set[int], *, incoming: bool) -> _Run | None:
    for run in runs:
        if id(run) in finished and run.finding is not None:
            if run.finding.incoming if incoming else run.finding.outgoing:
                return run
    return None


def _ranked(runs: list[_Run], finished: set[int], winner: _Run | None, *, incoming: bool) -> list[Candidate]:
    """The winner's candidates, then what other finished sources found that it did not list."""

    def side(r: _Run) -> list[Candidate]:
        if r.finding is None:
            return []
        return r.finding.incoming if incoming else r.finding.outgoing

    out = list(side(winner)) if winner is not None else []
    for r in runs:
        if r is not winner and id(r) in finished:
            out = merge(out, side(r))
    return out


def _result(
    addr: EmailAddress,
    runs: list[_Run],
    finished: set[int],
    incoming_from: _Run | None,
    outgoing_from: _Run | None,
    deadline: Deadline,
) -> DiscoveryResult:
    incoming = _ranked(runs, finished, incoming_from, incoming=True)
    outgoing = _ranked(runs, finished, outgoing_from, incoming=False)
    winner = incoming_from or outgoing_from
    notes: list[ProviderNote] = []
    for side in (incoming_from, outgoing_from):
        if side is not None and side.finding is not None:
            notes.extend(n for n in side.finding.notes if n.id not in {m.id for m in notes})
    if any(c.port == 25 for c in outgoing[:1]) and all(n.id != OP25B_NOTE.id for n in notes):
        notes.append(OP25B_NOTE)
    outcomes = [
        SourceOutcome(r.source.name, r.state, r.elapsed_ms, r.detail, r.origin) for r in runs
    ]
    return DiscoveryResult(
        address=addr.ascii,
        address_display=addr.display,
        incoming=incoming,
        outgoing=outgoing,
        notes=notes,
        outcomes=outcomes,
        provider=winner.finding.provider if winner and winner.finding else "",
        winner=winner.source.name if winner else None,
        elapsed_ms=deadline.elapsed_ms(),
    )

