"""`mail-assistant bounce FILE... | -`: explain returned mail, per recipient, in Japanese or English.

Exit status: 0 every input was a bounce and was explained; 1 an input is an e-mail but not a bounce
(nothing to explain); 2 an input is missing, unreadable, empty, binary, or not an e-mail at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from assistant.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, add_common, language
from assistant.core.explain.bounce import BounceInputError, BounceReport, analyze_bounce, explain_recipient
from assistant.core.messages import tr

MAX_BYTES = 32 * 1024 * 1024  # a bounce bigger than this is a mistake (a mailbox file, a disk image...)


def register(subparsers: Any) -> None:
    lang = language(argparse.Namespace())
    p = subparsers.add_parser("bounce", help=tr("bounce.help", lang), epilog=tr("bounce.help.epilog", lang))
    p.add_argument("files", nargs="*", metavar="FILE", help=tr("bounce.help.files", lang))
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    if not args.files:
        raise UsageError(tr("bounce.input.no_files", lang))
    status = EXIT_OK
    try:
        for name in args.files:
            status = max(status, _one(name, lang, bool(args.json)))
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # stands in for the closed stdout until exit
    return status


def _one(name: str, lang: str, as_json: bool) -> int:
    try:
        data = _read(name)
        report = analyze_bounce(data)
    except _InputProblem as problem:
        return _fail(name, lang, as_json, problem.code, problem.values)
    except BounceInputError as exc:
        return _fail(name, lang, as_json, exc.code, {})
    except Exception as exc:  # hostile input: whatever slips through is one line, never a traceback
        return _fail(name, lang, as_json, "bounce.input.failed", {"error": type(exc).__name__})
    if as_json:
        print(json.dumps(_json(name, report), ensure_ascii=False), flush=True)
    else:
        _print(name, report, lang)
    return EXIT_OK if report.is_bounce else EXIT_FAILED


class _InputProblem(Exception):
    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


def _read(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        try:
            with open(name, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise _InputProblem("bounce.input.missing") from None
        except (IsADirectoryError, PermissionError, OSError) as exc:
            raise _InputProblem("bounce.input.unreadable", error=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_BYTES:
        raise _InputProblem("bounce.input.too_large", limit=MAX_BYTES // (1024 * 1024))
    return data


def _fail(name: str, lang: str, as_json: bool, code: str, values: dict[str, object]) -> int:
    message = tr(code, lang, file=name, **{"error": "", "limit": "", **values})
    if as_json:
        print(
            json.dumps(
                {"file": name, "error": code, "message": message, "recipients": []}, ensure_ascii=False
            )
        )
    else:
        print(f"mail-assistant: {message}", file=sys.stderr)
    return EXIT_USAGE


def _json(name: str, report: BounceReport) -> dict[str, Any]:
    return {
        "file": name,
        "kind": report.kind,
        "forwarded": report.forwarded,
        "recipients": [r.as_dict() for r in report.recipients],
    }


def _print(name: str, report: BounceReport, lang: str) -> None:
    out = [tr("bounce.file", lang, file=name)]
    if not report.is_bounce:
        out.append(tr("bounce.not_bounce", lang))
    if report.forwarded:
        out.append(tr("bounce.forwarded", lang))
    for r in report.recipients:
        x = explain_recipient(r, lang=lang)
        address = r.address or tr("bounce.recipient.unknown_address", lang)
        out.append(tr("bounce.recipient", lang, address=address, title=x.title))
        action = (
            tr(f"bounce.action.{r.action}", lang) if f"bounce.action.{r.action}" in _ACTIONS else r.action
        )
        out.append(
            tr(
                "bounce.facts",
                lang,
                status=r.status or "-",
                reply=r.reply_code or "-",
                reason=r.reason,
                hardness=tr("bounce.hard" if r.hard else "bounce.soft", lang),
                action=action,
            )
        )
        out.append(tr("bounce.what", lang, what=x.what))
        out.extend(tr("bounce.step", lang, n=i, step=step) for i, step in enumerate(x.steps, 1))
        out.append(tr("bounce.who", lang, who=x.who_text))
        if x.retry:
            out.append(tr("bounce.retry", lang))
        if r.diagnostic:
            out.append(tr("bounce.diagnostic", lang, diagnostic=r.diagnostic[:500]))
        if r.reporting_mta or r.remote_mta:
            out.append(
                tr("bounce.remote", lang, reporting=r.reporting_mta or "-", remote=r.remote_mta or "-")
            )
        out.append("")
    print("\n".join(out), flush=True)


_ACTIONS = {
    f"bounce.action.{a}"
    for a in ("failed", "delayed", "delivered", "relayed", "expanded", "auto-reply", "feedback")
}
