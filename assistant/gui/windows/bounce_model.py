"""A bounce as the bounce view shows it: per recipient the state, the status code and the explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RecipientResult:
    address: str
    action: str  # "failed" / "delayed" / "delivered"
    status: str  # e.g. "5.1.1"
    explanation: Any  # assistant.core.explain.Explanation
    technical: str = ""  # the server's own words and the reporting host, for Details


@dataclass(frozen=True)
class BounceAnalysis:
    kind: str  # BounceReport.kind ("dsn", "text", "auto-reply", "feedback", "not-bounce") or "bounce.input.*"
    recipients: list[RecipientResult] = field(default_factory=list)
    report: Any = None  # the core's BounceReport


def analyzed(data: bytes, lang: str) -> BounceAnalysis:
    """Run the core's bounce analyzer and word every recipient (off the GUI thread)."""
    from assistant.core.explain import bounce

    try:
        report = bounce.analyze_bounce(data)
    except bounce.BounceInputError as exc:  # empty, binary, or not mail at all: the view says so
        return BounceAnalysis(str(exc.args[0]) if exc.args else "bounce.input.not_email")
    out = []
    for r in report.recipients:
        technical = "\n".join(
            f"{label}: {value}"
            for label, value in (
                ("reason", r.reason),
                ("status", r.status),
                ("reply", r.reply_code),
                ("command", r.command),
                ("reporting MTA", r.reporting_mta),
                ("remote MTA", r.remote_mta),
                ("diagnostic", r.diagnostic),
            )
            if value
        )
        out.append(
            RecipientResult(
                r.address, r.action or "failed", r.status, bounce.explain_recipient(r, lang=lang), technical
            )
        )
    return BounceAnalysis(report.kind, out, report)
