"""assistant.gui.workers: results, progress and failures arrive on the GUI thread; cancel; many tasks."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from assistant.gui import workers
from assistant.gui.workers import Failure


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_progress_and_result_are_delivered_on_the_gui_thread(qapp: Any, qtbot: Any) -> None:
    seen: list[tuple[object, bool]] = []
    task_threads: list[int] = []

    def task(report: Any, cancel: Any) -> str:
        task_threads.append(threading.get_ident())
        for i in range(3):
            report(i)
        return "done"

    job = workers.start(task)
    job.progress.connect(lambda item: seen.append((item, QThread.currentThread() is _gui_thread())))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert task_threads and task_threads[0] != threading.get_ident()
    assert seen == [(0, True), (1, True), (2, True)]
    assert job.done and job not in workers.active_jobs()


def test_an_exception_becomes_a_failure_not_a_crash(qapp: Any, qtbot: Any) -> None:
    def task(report: Any, cancel: Any) -> None:
        raise ValueError("port must be 1..65535")

    job = workers.start(task)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure, Failure)
    assert failure.kind == "ValueError" and "65535" in failure.message and "Traceback" in failure.details


def test_cancel_reaches_the_task_through_the_core_token(qapp: Any, qtbot: Any) -> None:
    started = threading.Event()

    def task(report: Any, cancel: Any) -> str:
        started.set()
        while not cancel.wait(0.05):  # the core's CancelToken: what a check polls
            pass
        return "stopped"

    job = workers.start(task)
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignals([job.cancelled, job.finished], order="strict", timeout=5000):
        job.cancel()
    assert job.token.cancelled


def test_a_thousand_tasks_run_and_every_worker_is_joined(qapp: Any, qtbot: Any) -> None:
    # PySide6 6.12 miscounted references in QThreadPool tasks (design.md, workers.py): keep this honest.
    jobs = [workers.start(lambda report, cancel, n=n: n * 2) for n in range(1000)]
    results: list[int] = []
    for job in jobs:
        job.succeeded.connect(results.append)
    qtbot.waitUntil(lambda: len(results) == 1000, timeout=30000)
    assert sorted(results) == [n * 2 for n in range(1000)]
    assert workers.shutdown(5000)
    assert workers.active_jobs() == []


def test_an_owner_closed_mid_task_cancels_it_without_errors(qapp: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    started = threading.Event()
    owner = QWidget()

    def task(report: Any, cancel: Any) -> str:
        started.set()
        while not cancel.wait(0.05):
            pass
        report("late progress nobody hears")
        return "ended"

    job = workers.start(task, owner)
    qtbot.waitUntil(started.is_set, timeout=5000)
    owner.deleteLater()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass  # the owner's deletion cancelled the task; its Job still delivers the end, on the GUI thread
    assert job.token.cancelled and job.done


def test_what_a_task_holds_is_released_on_the_gui_thread(qapp: Any, qtbot: Any) -> None:
    """The worker thread must never drop the last reference to anything the caller gave it."""
    released_on: list[int] = []

    class Held:
        def __del__(self) -> None:
            released_on.append(threading.get_ident())

    def make_task() -> Any:
        held = Held()

        def task(report: Any, cancel: Any) -> str:
            report(held)  # progress carries it across as well
            return "ok"

        return task

    job = workers.start(make_task())
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(released_on), timeout=5000)
    assert released_on == [threading.get_ident()]


def test_reference_cycles_are_collected_only_on_the_gui_thread(qapp: Any, qtbot: Any) -> None:
    """A collection on a worker thread can free a dead widget's Qt wrapper there: never let one run."""
    import gc

    collected_on: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.get_ident())

    kept: list[list[int]] = []

    def task(report: Any, cancel: Any) -> int:
        kept.extend([n] for n in range(200_000))  # far past every threshold of the automatic collector
        return len(kept)

    gc.callbacks.append(note)
    try:
        job = workers.start(task)
        with qtbot.waitSignal(job.succeeded, timeout=10000):
            pass
        qtbot.waitUntil(lambda: bool(collected_on), timeout=5000)  # the GUI thread's timer did the work
    finally:
        gc.callbacks.remove(note)
    assert not gc.isenabled()
    assert set(collected_on) == {threading.get_ident()}
