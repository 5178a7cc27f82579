"""The one way to run core work off the GUI thread: a Job per task, its signals owned by the caller."""

from __future__ import annotations

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
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # Failure
    cancelled = Signal()
    finished = Signal()  # after exactly one of succeeded/failed/cancelled

    # Emitted from the pool thread; queued to this object's (the GUI) thread by explicit connections.
    _raw_progress = Signal(object)
    _raw_done = Signal(object, object)  # (result, Failure | None)

    def __init__(self, task: Task) -> None:
        super().__init__()  # no Qt parent: a widget closed mid-task must not delete the Job under the task
        self._task = task
        self.token = _new_token()
        self.running = False
        self.done = False
        from PySide6.QtCore import Qt  # the Qt namespace costs ~10 ms to load: not before the first job

        self._raw_progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._raw_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the task to stop; `cancelled` follows once it has returned."""
        self.token.cancel()

    def _run(self) -> None:  # on the pool thread
        result: object = None
        failure: Failure | None = None
        try:
            result = self._task(self._raw_progress.emit, self.token)
        except BaseException as exc:  # everything must come back to the GUI thread
            failure = Failure(type(exc).__name__, str(exc), traceback.format_exc())
        try:
            self._raw_done.emit(result, failure)
        except RuntimeError:  # the Job was deleted after all (interpreter shutdown): nobody to tell
            log.info("result of a background task dropped: its job is gone")

    @Slot(object)
    def _on_progress(self, item: object) -> None:
        if not self.done:
            self.progress.emit(item)

    @Slot(object, object)
    def _on_done(self, result: object, failure: object) -> None:
        self.running = False
        self.done = True
        _active.discard(self)
        if self.token.cancelled:
            self.cancelled.emit()
        elif isinstance(failure, Failure):
            log.error("background task failed: %s: %s\n%s", failure.kind, failure.message, failure.details)
            self.failed.emit(failure)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job  # the Job (and its signals) belongs to the caller; we only borrow it
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job._run()


_pool: QThreadPool | None = None
_active: set[Job] = set()  # keeps running jobs alive until their result is delivered


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(8)  # checks block on sockets, not on the CPU
    return _pool


def start(task: Task, owner: QObject | None = None) -> Job:
    """Run `task(report, cancel_token)` on a worker thread; connect to the returned Job.

    The Job stays alive until its result is delivered. When `owner` is destroyed first, the task is
    cancelled (its result then goes nowhere); connect to slots of `owner`, which Qt disconnects.
    """
    job = Job(task)
    if owner is not None:
        owner.destroyed.connect(job.cancel)
    job.running = True
    _active.add(job)
    pool().start(_Runnable(job))
    return job


def active_jobs() -> list[Job]:
    return list(_active)


def shutdown(timeout_ms: int = 20000) -> bool:
    """Cancel every running job and wait for the worker threads; True when all have ended."""
    for job in list(_active):
        job.cancel()
    if _pool is None:
        return True
    return bool(_pool.waitForDone(timeout_ms))
