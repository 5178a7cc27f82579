"""Test now / Why can't I send: the run on a worker, its result on the panel, the suggested fix, trust."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from assistant.core.store import Account, CheckSummary

if TYPE_CHECKING:
    from assistant.gui.windows.main import MainWindow
    from assistant.gui.windows.tasks import RunOutcome

log = logging.getLogger(__name__)


class Runs(QObject):
    """Drives one run at a time for the window's chosen account; the window's `run_finished` says when
    it ended ("done" / "cancelled" / "failed")."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: Any = None
        self.kind = "test"  # the run asked for: "test" (both servers) or "send" (outgoing + send test)
        self.trust_dialog: Any = None
        self.last: tuple[str, str, RunOutcome] | None = None  # (address, kind, outcome) for the report

    def start(self, kind: str) -> None:
        """Get the password (keyring, or ask), then run."""
        account = self.window.current_account()
        if account is None or self.window.panel.running:
            return
        self.kind = kind
        self.window.password_flow.obtain(account, self._run)

    def _run(self, account: Account, password: str) -> None:
        from assistant.core.store import remember_secret
        from assistant.gui import workers
        from assistant.gui.windows import tasks

        remember_secret(password)  # typed, not saved: the log must still never show it
        kind, panel = self.kind, self.window.panel
        make = tasks.sending_check_task if kind == "send" else tasks.account_check_task
        task = make(account, password, net=self.window.net(), pins=tasks.pins_of(self.window.settings))
        panel.run_started(kind)
        job = workers.start(task, self)
        self.job = job
        job.progress.connect(panel.stage_event)
        job.succeeded.connect(lambda outcome: self._done(account, kind, outcome))
        job.cancelled.connect(self._cancelled)
        job.failed.connect(self._failed)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _done(self, account: Account, kind: str, outcome: RunOutcome) -> None:
        self.job = None
        self.last = (account.address, kind, outcome)
        self.window.panel.show_outcome(outcome, kind, self.window.lang())
        roles = {s.role: s.ok for s in outcome.servers}
        codes = tuple(str(s.evidence.code) for s in outcome.failed() if s.evidence is not None)
        summary = CheckSummary(
            datetime.now(UTC).isoformat(timespec="seconds"),
            roles.get("incoming"),
            roles["outgoing"] if kind == "test" else (outcome.ok if "outgoing" in roles else None),
            codes,
        )
        current = self.window.settings.account(account.address)
        if current is not None:
            self.window.update_account(replace(current, last_check=summary))
        self.window.run_finished.emit("done")

    def _cancelled(self) -> None:
        self.job = None
        self.window.panel.run_stopped(self.tr("The test was stopped."))
        self.window.run_finished.emit("cancelled")

    def _failed(self, failure: Any) -> None:
        self.job = None
        self.window.panel.run_stopped(
            self.tr("The test could not run because of an unexpected error. It was written to the log file.")
        )
        self.window.run_finished.emit("failed")

    def apply_fix(self, role: str, fix: Any) -> None:
        """One click on "Try the suggested fix": change that server's setting, save, and test again."""
        from assistant.gui.wizard.session import apply_fix

        account = self.window.current_account()
        if account is None or self.window.panel.running:
            return
        if role == "incoming":
            changed = replace(account, incoming=apply_fix(account.incoming, fix), last_check=None)
        else:
            changed = replace(account, outgoing=apply_fix(account.outgoing, fix), last_check=None)
        log.info("suggested fix applied to %s (%s): %s", account.address, role, dict(fix))
        self.window.update_account(changed)
        self.start(self.kind)

    def ask_trust(self, server: Any, cert: Any) -> None:
        """The explicit confirmation (the wizard's dialog); accepted, the certificate is pinned for this
        host and port only, and the test runs again."""
        from assistant.gui.wizard.trust_dialog import TrustDialog

        settings = server.settings
        if settings is None or self.window.panel.running:
            return
        dialog = TrustDialog(settings.host, settings.port, cert, self.window)
        self.trust_dialog = dialog

        def trusted() -> None:
            self.trust_dialog = None
            log.info("certificate %s pinned for %s:%s", cert.sha256, settings.host, settings.port)
            window = self.window
            window.settings = window.settings.with_pin(settings.host, settings.port, str(cert.sha256))
            window.save_settings()
            self.start(self.kind)

        dialog.accepted.connect(trusted)
        dialog.open()
