"""The one way to run core work off the GUI thread: a Job per task, its signals owned by the caller.

Worker threads never touch Qt. A task runs on a plain Python thread and puts what it has to say
(progress, then its result or failure) into a queue; a timer on the GUI thread drains that queue
while any job is running and emits the Job's signals there. So no Qt object is ever created,
emitted from, reference-counted or deleted on a worker thread.

Why not QThreadPool and signals emitted from the worker: with PySide6 6.12 a QRunnable per task and
signals emitted from threads Qt did not start (the core's own per-server threads) led to rare crashes
in the garbage collector, inside shiboken's traversal of a wrapper whose references had been
miscounted (seen about once in six GUI test runs under gdb). Polling a queue costs one timer tick
every 15 ms while work is running and nothing when idle.
"""

from __future__ import annotations

import gc
import itertools
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

POLL_MS = 15  # how often the GUI thread looks for news while a job runs (one frame at 60 Hz is 16 ms)


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

    The worker thread knows only the job's number, the task and the queue: only the GUI thread ever
    holds a Job. The Job keeps the task alive until its result is delivered, so whatever the task's
    closure holds is released on the GUI thread too.
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # Failure
    cancelled = Signal()
    finished = Signal()  # after exactly one of succeeded/failed/cancelled

    def __init__(self, task: Task) -> None:
        super().__init__()  # no Qt parent: a widget closed mid-task must not delete the Job under the task
        self._task: Task | None = task
        self.token = _new_token()
        self.number = next(_numbers)
        self.running = False
        self.done = False
        self.owner_link: Any = None  # the owner's `destroyed` → cancel connection, dropped at the end

    def cancel(self) -> None:
        """Ask the task to stop; `cancelled` follows once it has returned."""
        self.token.cancel()

    def _finish(self, result: object, failure: object) -> None:
        self.running = False
        self.done = True
        self._task = None
        if self.owner_link is not None:  # else a long-lived owner collects one per job, token and all
            QObject.disconnect(self.owner_link)
            self.owner_link = None
        if self.token.cancelled:
            self.cancelled.emit()
        elif isinstance(failure, Failure):
            log.error("background task failed: %s: %s\n%s", failure.kind, failure.message, failure.details)
            self.failed.emit(failure)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


_PROGRESS, _DONE = 0, 1


class _Dispatcher(QObject):
    """Drains the worker queue on the GUI thread (made once, with the first job; never deleted)."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: queue.SimpleQueue[tuple[int, int, object, object]] = queue.SimpleQueue()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.drain)

    def wake(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def drain(self) -> None:
        """Deliver everything queued so far, in order; stop polling once no job is left."""
        while True:
            try:
                kind, number, first, second = self.queue.get_nowait()
            except queue.Empty:
                break
            if kind == _PROGRESS:
                job = _active.get(number)
                if job is not None and not job.done:
                    job.progress.emit(first)
            else:
                job = _active.pop(number, None)
                if job is not None:
                    job._finish(first, second)
        if not _active:
            self.timer.stop()


_dispatcher: _Dispatcher | None = None
_numbers = itertools.count(1)
_active: dict[int, Job] = {}  # keeps running jobs (and their tasks) alive until their result is delivered
_threads: set[threading.Thread] = set()
_threads_lock = threading.Lock()


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
        collect_garbage_on_gui_thread()
    return _dispatcher


class _GuiThreadCollector(QObject):
    """Python's cycle collector, run only on the GUI thread.

    Left alone, the collector runs on whichever thread happens to allocate when a threshold is
    crossed: a worker resolving DNS can then be the thread that finds a dead widget's reference
    cycle and frees its Qt wrapper. Under gdb that ended in shiboken (a garbage collection on a worker
    thread traversing a wrapper; a deletion handed back to the main thread through a dangling
    pointer). So automatic collection is off once worker threads exist, and this timer does the same
    work, generation by generation, with the thresholds Python would use.
    """

    INTERVAL_MS = 500

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for level in range(3):
            if thresholds[level] and counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)


_collector: _GuiThreadCollector | None = None


def collect_garbage_on_gui_thread() -> None:
    """From now on, collect reference cycles only on the GUI thread (call it there, before threads start)."""
    global _collector
    if _collector is None:
        gc.disable()
        _collector = _GuiThreadCollector()


def start(task: Task, owner: QObject | None = None) -> Job:
    """Run `task(report, cancel_token)` on a worker thread; connect to the returned Job.

    Call from the GUI thread. The Job stays alive until its result is delivered. When `owner` is
    destroyed first, the task is cancelled (its result then goes nowhere); connect to slots of
    `owner`, which Qt disconnects.
    """
    job = Job(task)
    dispatcher = _the_dispatcher()
    token, number, put = job.token, job.number, dispatcher.queue.put
    if owner is not None:
        job.owner_link = owner.destroyed.connect(lambda *_: token.cancel())

    handed = [task]  # the worker lets go of the task before it reports the end; the Job holds it until then

    def body() -> None:  # on the worker thread: no Qt here, only the queue
        result: object = None
        failure: Failure | None = None
        run = handed.pop()
        try:
            result = run(lambda item: put((_PROGRESS, number, item, None)), token)
        except BaseException as exc:
            failure = Failure(type(exc).__name__, str(exc), traceback.format_exc())
        del run
        put((_DONE, number, result, failure))
        with _threads_lock:
            _threads.discard(threading.current_thread())

    job.running = True
    _active[number] = job
    thread = threading.Thread(target=body, name=f"job-{number}", daemon=True)
    with _threads_lock:
        _threads.add(thread)
    thread.start()
    dispatcher.wake()
    return job


def active_jobs() -> list[Job]:
    return list(_active.values())


def shutdown(timeout_ms: int = 20000) -> bool:
    """Cancel every running job and wait for the worker threads; True when all have ended."""
    for job in list(_active.values()):
        job.cancel()
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        with _threads_lock:
            running = [t for t in _threads if t is not threading.current_thread()]
        if not running:
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        running[0].join(remaining)
