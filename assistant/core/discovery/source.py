"""The one interface every discovery source implements, and what a source is handed to do its work."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.core.address import EmailAddress
from assistant.core.discovery.candidates import Finding
from assistant.core.discovery.http import HttpFetcher
from assistant.core.discovery.model import SourceName
from assistant.core.discovery.providers import ProviderDatabase
from assistant.core.net import CancelToken, Deadline, NetConfig

DEFAULT_ISPDB_URL = "https://autoconfig.thunderbird.net/v1.1/"
CONFIG_PATH = "/mail/config-v1.1.xml"


class SourceError(Exception):
    """The source could not answer (network, malformed data); `code` is short and technical."""

    def __init__(self, code: str, detail: str = "", origin: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.origin = origin


@dataclass(frozen=True)
class SourceContext:
    """Everything a source may use; injected so tests point it at the lab (DNS, CA, web servers)."""

    address: EmailAddress
    net: NetConfig
    deadline: Deadline
    cancel: CancelToken
    fetcher: HttpFetcher
    database: ProviderDatabase
    ispdb_url: str = DEFAULT_ISPDB_URL


class Source(Protocol):
    name: SourceName

    def find(self, ctx: SourceContext) -> Finding | None:
        """Candidates, or None when this source has nothing for the address; may raise SourceError."""
        ...


def first_by_priority[T](
    tasks: Sequence[Callable[[], T | None]], deadline: Deadline, cancel: CancelToken
) -> tuple[T | None, list[Exception]]:
    """Run `tasks` at once; return the result of the first (in list order) that gives one, without
    waiting for the ones after it. Errors are collected, not raised."""
    results: list[T | None] = [None] * len(tasks)
    errors: list[Exception | None] = [None] * len(tasks)
    done = [threading.Event() for _ in tasks]

    def run(i: int) -> None:
        try:
            results[i] = tasks[i]()
        except Exception as exc:  # reported to the caller as data
            errors[i] = exc
        finally:
            done[i].set()

    for i in range(len(tasks)):
        threading.Thread(target=run, args=(i,), name=f"discovery-task-{i}", daemon=True).start()
    for i in range(len(tasks)):
        while not done[i].wait(deadline.poll(0.05)):
            if cancel.cancelled or deadline.expired:
                return None, [e for e in errors if e is not None]
        if results[i] is not None:
            return results[i], [e for e in errors[:i] if e is not None]
    return None, [e for e in errors if e is not None]


def run_all[T](
    tasks: Sequence[Callable[[], T]], deadline: Deadline, cancel: CancelToken
) -> list[T | Exception | None]:
    """Run `tasks` at once and collect each result or exception (None: still running at the deadline)."""
    results: list[T | Exception | None] = [None] * len(tasks)

    def run(i: int) -> None:
        try:
            results[i] = tasks[i]()
        except Exception as exc:  # reported to the caller as data
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(tasks))]
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive() and not (cancel.cancelled or deadline.expired):
            t.join(deadline.poll(0.05))
    return results
