"""Step 4: test both servers at once, stage by stage, live; then the optional test message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from assistant.gui import words
from assistant.gui.widgets.status_list import FAILED, PASSED, RUNNING, SKIPPED, WAITING, StatusList
from assistant.gui.wizard import session
from assistant.gui.wizard.page import WizardPage

_EVENT_STATUS = {"started": RUNNING, "passed": PASSED, "failed": FAILED, "skipped": SKIPPED}


class _Column(QFrame):
    def __init__(self, rows: list[tuple[str, tuple[Any, ...]]], incoming: bool) -> None:
        super().__init__(objectName="card")
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="cardTitle")
        self.server = QLabel(objectName="hint")
        self.server.setWordWrap(True)
        self.list = StatusList()
        self.rows = rows
        self.incoming = incoming
        self.stage_rows = {stage.value: key for key, stages in rows for stage in stages}
        self.seen: dict[str, dict[str, tuple[str, float]]] = {}
        for key, _stages in rows:
            self.list.add_row(key, words.stage_row_name(key, incoming))
        layout.addWidget(self.heading)
        layout.addWidget(self.server)
        layout.addWidget(self.list)
        layout.addStretch(1)

    def reset(self) -> None:
        self.seen = {}
        for key in self.list.keys():
            self.list.set_status(key, WAITING)

    def event_(self, stage: str, status: str, elapsed_ms: float, detail: str) -> None:
        key = self.stage_rows.get(stage)
        if key is None:
            return
        self.seen.setdefault(key, {})[stage] = (status, elapsed_ms)
        statuses = [s for s, _ms in self.seen[key].values()]
        total = sum(ms for _s, ms in self.seen[key].values())
        if FAILED in statuses:
            agg = FAILED
        elif RUNNING in statuses:
            agg = RUNNING
        elif PASSED in statuses:
            agg = PASSED
        else:
            agg = SKIPPED
        self.list.set_status(key, agg, detail if agg != RUNNING else "", None if agg == RUNNING else total)

    def finish(self, not_reached: Callable[[], str]) -> None:
        for key in self.list.keys():
            if self.list.status(key) in (WAITING, RUNNING):
                self.list.set_status(key, SKIPPED, not_reached)

    def retranslate(self) -> None:
        for key, _stages in self.rows:
            self.list.set_name(key, words.stage_row_name(key, self.incoming))


class TestingPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.job: Any = None
        self.phase = "idle"  # idle / running / done / cancelled / failed
        self.status = self.wrap_label(name="status")
        self.layout_.addWidget(self.status)
        row = QHBoxLayout()
        self.incoming = _Column(words.STAGE_ROWS, incoming=True)
        self.incoming.setObjectName("card")
        self.outgoing = _Column(words.STAGE_ROWS, incoming=False)
        row.addWidget(self.incoming, 1)
        row.addWidget(self.outgoing, 1)
        self.layout_.addLayout(row)
        self.sendtest = _Column(words.SENDTEST_ROWS, incoming=True)
        self.layout_.addWidget(self.sendtest)
        self.layout_.addStretch(1)
        self.columns = {"incoming": self.incoming, "outgoing": self.outgoing, "send-test": self.sendtest}
        self.retranslate()

    def title(self) -> str:
        return self.tr("Testing your settings")

    def next_text(self) -> str:
        if self.phase in ("cancelled", "failed"):
            return self.tr("Test again")
        return self.tr("See the result")

    def can_next(self) -> bool:
        return self.phase in ("done", "cancelled", "failed")

    def busy(self) -> bool:
        return self.phase == "running"

    def stop(self) -> None:
        if self.job is not None and self.phase == "running":
            self.job.cancel()
            self.status.setText(self.tr("Stopping…"))

    def reset(self) -> None:
        self.phase = "idle"

    def enter(self) -> None:
        if self.phase in ("idle", "cancelled", "failed"):
            self.start()

    def start(self) -> None:
        from assistant.gui import workers

        st = self.state
        assert st.address is not None
        for column in self.columns.values():
            column.reset()
        self._headings()
        self.sendtest.setVisible(st.send_test)
        self.phase = "running"
        st.result = None
        self._set_status()
        task = session.check_task(
            st.address.ascii,
            st.incoming,
            st.outgoing,
            st.password,
            net=self.wizard.net(),
            pins=st.pins,
            allow_insecure=st.allow_insecure,
            send_test=st.send_test,
        )
        self.job = workers.start(task, self)
        self.job.progress.connect(self.on_event)
        self.job.succeeded.connect(self.on_result)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.changed.emit()

    def on_event(self, event: Any) -> None:
        role = str(getattr(event, "role", ""))
        column = self.columns.get(role)
        if column is None:
            return
        stage = str(getattr(getattr(event, "stage", ""), "value", getattr(event, "stage", "")))
        status = _EVENT_STATUS.get(str(getattr(getattr(event, "status", ""), "value", "")), WAITING)
        column.event_(stage, status, float(getattr(event, "elapsed_ms", 0.0)), "")

    def on_result(self, outcome: session.CheckOutcome) -> None:
        self.state.result = outcome
        self.phase = "done"
        for column in self.columns.values():
            column.finish(lambda: self.tr("not reached"))
        self._set_status()
        self.changed.emit()
        self.wizard.next_button.setFocus()

    def _on_failed(self, failure: Any) -> None:
        self.phase = "failed"
        for column in self.columns.values():
            column.finish(lambda: self.tr("not reached"))
        from assistant.gui.widgets.error_dialog import show_unexpected_error

        self._set_status()
        self.changed.emit()
        show_unexpected_error(f"{failure.kind}: {failure.message}\n\n{failure.details}", parent=self)

    def _on_cancelled(self) -> None:
        self.phase = "cancelled"
        for column in self.columns.values():
            column.finish(lambda: self.tr("stopped"))
        self._set_status()
        self.changed.emit()

    def _headings(self) -> None:
        st = self.state
        self.incoming.heading.setText(self.tr("Incoming mail"))
        self.outgoing.heading.setText(self.tr("Outgoing mail"))
        self.sendtest.heading.setText(self.tr("Test message to yourself"))
        self.incoming.server.setText(words.server_line(st.incoming) if st.incoming else "")
        self.outgoing.server.setText(words.server_line(st.outgoing) if st.outgoing else "")
        self.sendtest.server.setText(
            self.tr("Sent from {address} to itself").format(address=st.address.display if st.address else "")
        )

    def _set_status(self) -> None:
        outcome = self.state.result
        if self.phase == "running":
            text = self.tr("Testing… This usually takes a few seconds. You can stop at any time.")
        elif self.phase == "cancelled":
            text = self.tr("Test stopped.")
        elif self.phase == "failed":
            text = self.tr("The test could not run.")
        elif self.phase == "done" and outcome is not None and outcome.ok:
            text = self.tr("Everything works.")
            if outcome.round_trip_ms is not None:
                text += " " + self.tr("Your test message arrived after {seconds} seconds.").format(
                    seconds=f"{outcome.round_trip_ms / 1000:.1f}"
                )
        elif self.phase == "done":
            text = self.tr("Some steps did not work. The next page explains why and what to do.")
        else:
            text = ""
        self.status.setText(text)

    def retranslate(self) -> None:
        for column in self.columns.values():
            column.retranslate()
        self._headings()
        self._set_status()
