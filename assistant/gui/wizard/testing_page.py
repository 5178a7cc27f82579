"""Step 4: test both servers at once, stage by stage, live; then the optional test message."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from assistant.gui import words
from assistant.gui.widgets.stage_column import StageColumn
from assistant.gui.widgets.status_list import format_ms
from assistant.gui.wizard import session
from assistant.gui.wizard.page import WizardPage


class TestingPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.job: Any = None
        self.phase = "idle"  # idle / running / done / cancelled / failed
        self.status = self.wrap_label(name="status")
        self.layout_.addWidget(self.status)
        row = QHBoxLayout()
        self.incoming = StageColumn("incoming")
        self.outgoing = StageColumn("outgoing")
        row.addWidget(self.incoming, 1)
        row.addWidget(self.outgoing, 1)
        self.layout_.addLayout(row)
        self.sendtest = StageColumn("send-test")
        self.layout_.addWidget(self.sendtest)
        self.layout_.addStretch(1)
        self.columns = {"incoming": self.incoming, "outgoing": self.outgoing, "send-test": self.sendtest}
        self.retranslate()

    def title(self) -> str:
        if self.phase in ("done", "cancelled", "failed"):  # not "Testing…" above "Everything works."
            return self.tr("Test results")
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
        status = str(getattr(getattr(event, "status", ""), "value", ""))
        code = str(getattr(getattr(event, "evidence", None), "code", "") or "")
        column.stage_event(stage, status, float(getattr(event, "elapsed_ms", 0.0)), "", code)

    def on_result(self, outcome: session.CheckOutcome) -> None:
        self.state.result = outcome
        self.phase = "done"
        for column in self.columns.values():
            column.finish()
        self._set_status()
        self.changed.emit()
        self.wizard.next_button.setFocus()

    def _on_failed(self, failure: Any) -> None:
        self.phase = "failed"
        for column in self.columns.values():
            column.finish()
        from assistant.gui.widgets.error_dialog import show_unexpected_error

        self._set_status()
        self.changed.emit()
        show_unexpected_error(f"{failure.kind}: {failure.message}\n\n{failure.details}", parent=self)

    def _on_cancelled(self) -> None:
        self.phase = "cancelled"
        for column in self.columns.values():
            column.finish(self.tr("stopped"))
        self._set_status()
        self.changed.emit()

    def _headings(self) -> None:
        st = self.state
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
            if outcome.round_trip_ms is not None:  # one sentence pair: Japanese puts no space after 。
                text = self.tr("Everything works. Your test message arrived after {time}.").format(
                    time=format_ms(outcome.round_trip_ms)
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
