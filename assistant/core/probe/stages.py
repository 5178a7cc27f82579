"""The shared stage runner: stages in order, events with timings, failures turned into Evidence."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.core.failures import FailureCode
from assistant.core.model import (
    CertificateInfo,
    EventCallback,
    Evidence,
    ServerSettings,
    Stage,
    StageEvent,
    StageStatus,
)
from assistant.core.net import CancelToken, CheckFailure, Deadline
from assistant.core.transcript import Transcript

SERVER_STAGES = (
    Stage.RESOLVE,
    Stage.CONNECT,
    Stage.TLS,
    Stage.GREETING,
    Stage.CAPABILITIES,
    Stage.STARTTLS,
    Stage.LOGIN,
    Stage.ACTION,
    Stage.LOGOUT,
)


@dataclass(frozen=True)
class StageRecord:
    stage: Stage
    status: StageStatus
    elapsed_ms: float  # how long the stage took
    detail: str = ""
    started_ms: float = 0.0  # when it started, in ms since the check started

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage.value,
            "status": self.status.value,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "started_ms": round(self.started_ms, 1),
            "detail": self.detail,
        }


class Stopped(Exception):
    """A stage failed; the evidence says why. Later stages are skipped."""

    def __init__(self, evidence: Evidence) -> None:
        super().__init__(evidence.code)
        self.evidence = evidence


@dataclass
class StageRunner:
    """Runs stage functions, reports them through the callback and keeps the records."""

    settings: ServerSettings
    role: str
    deadline: Deadline
    cancel: CancelToken | None
    transcript: Transcript
    on_event: EventCallback | None = None
    records: list[StageRecord] = field(default_factory=list)
    certificate: CertificateInfo | None = None

    def run(self, stage: Stage, fn: Callable[[], str]) -> None:
        """Run `fn` as `stage`; it returns a short detail, or raises CheckFailure."""
        started = self.deadline.elapsed_ms()
        t0 = time.monotonic()
        self.emit(StageEvent(self.role, stage, StageStatus.STARTED, 0.0))
        try:
            if self.cancel is not None and self.cancel.cancelled:
                raise CheckFailure(FailureCode.CHECK_CANCELLED)
            if self.deadline.expired:
                raise CheckFailure(FailureCode.CHECK_DEADLINE, "deadline reached before this stage")
            detail = fn()
        except CheckFailure as failure:
            self._fail(stage, started, t0, self.evidence(stage, failure))
        except Stopped as stopped:
            self._fail(stage, started, t0, stopped.evidence)
        except OSError as exc:
            self._fail(
                stage,
                started,
                t0,
                self.evidence(
                    stage, CheckFailure(FailureCode.SERVER_CLOSED, "connection error", type(exc).__name__)
                ),
            )
        except Exception as exc:  # a bug or a reply we did not foresee: still evidence, never a crash
            self._fail(
                stage,
                started,
                t0,
                self.evidence(
                    stage, CheckFailure(FailureCode.PROTOCOL_ERROR, "unexpected error", type(exc).__name__)
                ),
            )
        elapsed = (time.monotonic() - t0) * 1000.0
        self.records.append(StageRecord(stage, StageStatus.PASSED, elapsed, detail, started))
        self.emit(StageEvent(self.role, stage, StageStatus.PASSED, elapsed, detail))

    def skip(self, stage: Stage, detail: str = "") -> None:
        self.records.append(StageRecord(stage, StageStatus.SKIPPED, 0.0, detail, self.deadline.elapsed_ms()))
        self.emit(StageEvent(self.role, stage, StageStatus.SKIPPED, 0.0, detail))

    def skip_rest(self, after: Stage, stages: tuple[Stage, ...] = SERVER_STAGES) -> None:
        for stage in stages[stages.index(after) + 1 :]:
            self.skip(stage, "not reached")

    def evidence(self, stage: Stage, failure: CheckFailure) -> Evidence:
        cert = failure.certificate if isinstance(failure.certificate, CertificateInfo) else self.certificate
        return Evidence(
            stage=stage,
            code=failure.code.value,
            reply_code=failure.reply_code,
            enhanced=failure.enhanced,
            response_code=failure.response_code,
            text=self.transcript.redact(failure.text),
            exception=failure.exception,
            host=self.settings.host,
            port=self.settings.port,
            protocol=self.settings.protocol,
            security=self.settings.security,
            certificate=cert,
            extra={
                k: self.transcript.redact(v) if isinstance(v, str) else v for k, v in failure.extra.items()
            },
        )

    def _fail(self, stage: Stage, started: float, t0: float, evidence: Evidence) -> None:
        elapsed = (time.monotonic() - t0) * 1000.0
        self.records.append(StageRecord(stage, StageStatus.FAILED, elapsed, evidence.code, started))
        self.emit(StageEvent(self.role, stage, StageStatus.FAILED, elapsed, evidence.code, evidence))
        raise Stopped(evidence)

    def emit(self, event: StageEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # noqa: S110 - a face's callback must never break the check
            pass
