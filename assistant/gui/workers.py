"""The one way to run core work off the GUI thread: a Job per task, its signals owned by the caller."""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancellable(Protocol):
    def cancel(self) -> None: ...

    @property
    def cancelled(self) -> bool: ...


# A task receives `report(obj)` (forwarded to Job.progress on the GUI thread) and the cancel token.
Task = Callable[[Callable[[object], None], Any], object]


@dataclass(frozen=True)
class Failure:
    """An exception raised by a task, as text (the exception object stays on its thread)."""

    kind: str
    message: str
    details: str  # formatted traceback, for the log and "Copy details"


def _new_token() -> Any:
    from assistant.core.net import CancelToken  # lazy: the core's net module is not needed at start-up

    return CancelToken()


class Job(QObject):
    """One piece of work. Lives on the GUI thread; connect to its public signals, never to the task.

    Do not touch widgets from the task: use `report` (the task's first argument) and connect to
    `progress`, which is always emitted on the GUI thread.

    Only the GUI thread ever holds a Job: the worker thread knows its number and the long-lived
    dispatcher, so the last reference to a Job (and so its C++ destructor) can never end up on a
    worker thread.
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # Failure
    cancelled = Signal()
    finished = Signal()  # after exactly one of succeeded/failed/cancelled

    def __init__(self, task: Task) -> None:
        super().__init__()  # no Qt parent: a widget closed mid-task must not delete the Job under the task
        self._task = task
        self.token = _new_token()
        self.number = next(_numbers)
        self.running = False
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop; `cancelled` follows once it has returned."""
        self.token.cancel()

    def _finish(self, result: object, failure: object) -> None:
        self.running = False
        self.done = True
        if self.token.cancelled:
            self.cancelled.emit()
        elif isinstance(failure, Failure):
            log.error("background task failed: %s: %s\n%s", failure.kind, failure.message, failure.details)
            self.failed.emit(failure)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class _Dispatcher(QObject):
    """Carries progress and results from worker threads to the GUI thread (made once, never deleted)."""

    # Emitted from pool threads; delivered on the GUI thread by queued connections.
    progress = Signal(int, object)
    done = Signal(int, object, object)  # (job number, result, Failure | None)

    def __init__(self) -> None:
        super().__init__()
        from PySide6.QtCore import Qt  # the Qt namespace costs ~10 ms to load: not before the first job

        self.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _on_progress(self, number: int, item: object) -> None:
        job = _active.get(number)
        if job is not None and not job.done:
            job.progress.emit(item)

    @Slot(int, object, object)
    def _on_done(self, number: int, result: object, failure: object) -> None:
        job = _active.pop(number, None)
        if job is not None:
            job._finish(result, failure)


class _Runnable(QRunnable):
    def __init__(self, body: Callable[[], None]) -> None:
        super().__init__()
        self._body = body  # plain Python: no Qt object but the dispatcher is reachable from here
        self.setAutoDelete(True)

    def run(self) -> None:
        self._body()


_pool: QThreadPool | None = None
_dispatcher: _Dispatcher | None = None
_numbers = itertools.count(1)
_active: dict[int, Job] = {}  # keeps running jobs alive until their result is delivered


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(8)  # checks block on sockets, not on the CPU
    return _pool


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


def start(task: Task, owner: QObject | None = None) -> Job:
    """Run `task(report, cancel_token)` on a worker thread; connect to the returned Job.

    The Job stays alive until its result is delivered. When `owner` is destroyed first, the task is
    cancelled (its result then goes nowhere); connect to slots of `owner`, which Qt disconnects.
    """
    job = Job(task)
    token, number, dispatcher = job.token, job.number, _the_dispatcher()
    if owner is not None:
        owner.destroyed.connect(lambda *_: token.cancel())

    def body() -> None:  # on the pool thread: everything must come back to the GUI thread
        result: object = None
        failure: Failure | None = None
        try:
            result = task(lambda item: dispatcher.progress.emit(number, item), token)
        except BaseException as exc:
            failure = Failure(type(exc).__name__, str(exc), traceback.format_exc())
        dispatcher.done.emit(number, result, failure)

    job.running = True
    _active[number] = job
    pool().start(_Runnable(body))
    return job


def active_jobs() -> list[Job]:
    return list(_active.values())


def shutdown(timeout_ms: int = 20000) -> bool:
    """Cancel every running job and wait for the worker threads; True when all have ended."""
    for job in list(_active.values()):
        job.cancel()
    if _pool is None:
        return True
    return bool(_pool.waitForDone(timeout_ms))
