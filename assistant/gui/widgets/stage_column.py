"""One server's stages as a live list (✓ / ✗ / skipped with times), fed by the core's StageEvents."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from assistant.gui import words
from assistant.gui.widgets.status_list import FAILED, PASSED, RUNNING, SKIPPED, WAITING, StatusList

_EVENT_STATUS = {"started": RUNNING, "passed": PASSED, "failed": FAILED, "skipped": SKIPPED}


class StageColumn(QFrame):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="card")
        self.role = role
        self.rows = words.SENDTEST_ROWS if role == "send-test" else words.STAGE_ROWS
        self.incoming = role != "outgoing"
        self.stage_rows = {stage.value: key for key, stages in self.rows for stage in stages}
        self.seen: dict[str, dict[str, tuple[str, float]]] = {}
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="cardTitle")
        self.server = QLabel(objectName="hint")
        self.server.setWordWrap(True)
        self.list = StatusList()
        for key, _stages in self.rows:
            self.list.add_row(key, words.stage_row_name(key, self.incoming))
        layout.addWidget(self.heading)
        layout.addWidget(self.server)
        layout.addWidget(self.list)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(
            {
                "incoming": self.tr("Incoming server"),
                "outgoing": self.tr("Outgoing server"),
                "send-test": self.tr("Test message to yourself"),
            }[self.role]
        )
        for key, _stages in self.rows:
            self.list.set_name(key, words.stage_row_name(key, self.incoming))

    def reset(self, server_text: str | None = None) -> None:
        """Every row back to waiting; `server_text` (when given) describes the server under test."""
        self.seen = {}
        if server_text is not None:
            self.server.setText(server_text)
            self.server.setVisible(bool(server_text))
        for key in self.list.keys():
            self.list.set_status(key, WAITING)

    def stage_event(self, stage: str, status: str, elapsed_ms: float, detail: str, code: str = "") -> None:
        """One StageEvent; `code` is its evidence's failure code, if any."""
        key = self.stage_rows.get(stage)
        if key is None:
            return
        mapped = _EVENT_STATUS.get(status, RUNNING)
        if code == "check.cancelled":  # the user pressed Stop: that step did not fail, it was stopped
            mapped = SKIPPED
        self.seen.setdefault(key, {})[stage] = (mapped, elapsed_ms)
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
        # The core's detail ("ssl", a capability list, "INBOX: 0 messages") is English technical text: it
        # goes to the row's tooltip for the help desk, not into the line the user reads.
        stopped = self.tr("stopped") if code == "check.cancelled" and agg == SKIPPED else ""
        self.list.set_status(key, agg, stopped, None if agg in (RUNNING, SKIPPED) else total)  # no "0 ms"
        if detail and agg != RUNNING:
            self.list.set_tip(key, detail)

    def finish(self, reason: str = "") -> None:
        """Rows never reached are marked skipped (not left spinning), with why (default "not reached")."""
        for key in self.list.keys():
            if self.list.status(key) in (WAITING, RUNNING):
                self.list.set_status(key, SKIPPED, reason or self.tr("not reached"))

    def statuses(self) -> dict[str, str]:
        return {key: self.list.status(key) for key in self.list.keys()}
