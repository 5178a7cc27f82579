"""`mail-assistant discover`: find an address's server settings, showing each source as it answers."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from assistant.cli import EXIT_FAILED, EXIT_OK, UsageError, add_common, language
from assistant.cli.check import net_config, read_password
from assistant.core.address import InvalidAddress, parse_address
from assistant.core.discovery import Candidate, DiscoveryResult, ProgressEvent, SourceState, discover
from assistant.core.discovery.source import DEFAULT_ISPDB_URL
from assistant.core.discovery.verify import VerifiedServer
from assistant.core.messages import message_ids, tr
from assistant.core.net import CancelToken


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("discover", help="find the server settings for an e-mail address")
    p.add_argument("address", help="the e-mail address")
    p.add_argument("--offline", action="store_true", help="use the built-in provider list only")
    p.add_argument("--verify", action="store_true", help="log in to the best settings found")
    p.add_argument("--password-stdin", action="store_true", help="with --verify: password from stdin")
    p.add_argument("--user", metavar="NAME", help="with --verify: a login name issued by the provider")
    p.add_argument("--confirm", action="store_true",
                   help="with --verify: also send the password to settings that need confirmation")
    p.add_argument("--dns-server", metavar="HOST[:PORT]", help="resolver to use (default: the system's)")
    p.add_argument("--ca-file", metavar="FILE", help="extra trusted CA certificates (PEM)")
    p.add_argument("--ispdb-url", metavar="URL", default=DEFAULT_ISPDB_URL, help="online ISP database")
    p.add_argument("--timeout", metavar="SECONDS", default="12", help="deadline for discovery (default 12)")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    try:
        address = parse_address(args.address)
    except InvalidAddress as exc:
        reason = tr(f"discover.{exc.code}", lang) if f"discover.{exc.code}" in message_ids() else exc.code
        raise UsageError(tr("discover.error.address", lang, reason=reason)) from None
    try:
        timeout = float(args.timeout)
    except ValueError:
        timeout = -1.0
    if not 1 <= timeout <= 120:
        raise UsageError(tr("discover.error.timeout", lang, value=repr(args.timeout)))
    if not args.ispdb_url.startswith(("https://", "http://")) or any(c.isspace() for c in args.ispdb_url):
        raise UsageError(tr("discover.error.ispdb_url", lang, value=repr(args.ispdb_url)))
    net = net_config(args)
    user = (args.user or "").strip() or None
    if user is not None and any(c.isspace() for c in user):
        raise UsageError("--user: the login name must not contain spaces")
    password = read_password(args, address.ascii, lang) if args.verify else None

    lock = threading.Lock()
    quiet = bool(args.json)
    if not quiet:
        print(tr("discover.looking", lang, address=address.display))

    def progress(event: ProgressEvent) -> None:
        if quiet or event.state in (SourceState.RUNNING, SourceState.SKIPPED):
            return
        with lock:
            detail = f"  [{event.detail}]" if event.detail and event.state is SourceState.FAILED else ""
            print(f"  {_source(event.source.value, lang)}: {tr(f'discover.state.{event.state.value}', lang)}"
                  f" ({event.elapsed_ms:.0f} ms){detail}", flush=True)

    cancel = CancelToken()
    try:
        result = discover(
            address, net=net, on_progress=progress, cancel=cancel, offline=args.offline, timeout=timeout,
            ispdb_url=args.ispdb_url, password=password, confirmed=args.confirm, username=user,
        )
    except KeyboardInterrupt:
        cancel.cancel()
        raise
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        _show(result, lang)
    if not result.found:
        return EXIT_FAILED
    if args.verify:
        v = result.verification
        sides = [s for s in (v.incoming, v.outgoing) if s is not None] if v else []
        return EXIT_OK if sides and all(s.ok for s in sides) else EXIT_FAILED
    return EXIT_OK


def _source(name: str, lang: str) -> str:
    return tr(f"discover.source.{name}", lang)


def _show(result: DiscoveryResult, lang: str) -> None:
    print()
    if not result.found:
        print(tr("discover.none", lang))
        return
    if result.provider:
        print(tr("discover.provider", lang, name=result.provider))
    if result.winner is not None:
        print(tr("discover.from", lang, source=_source(result.winner.value, lang)))
    for key, candidates in (("discover.incoming", result.incoming), ("discover.outgoing", result.outgoing)):
        if not candidates:
            continue
        print(tr(key, lang))
        for i, c in enumerate(candidates, 1):
            print(f"  {i}. {_line(c, lang)}")
            if c.provenance.needs_confirmation:
                print(f"     ! {tr('discover.confirm', lang, reasons=_reasons(c, lang))}")
    if result.notes:
        print(tr("discover.notes", lang))
        for note in result.notes:
            key = f"discover.note.{note.id}"
            text = tr(key, lang, example=note.example or "-") if key in message_ids() else note.id
            if note.unverified:
                text += " " + tr("discover.note.unverified", lang)
            print(f"  - {text}")
            if note.url:
                print(f"    {tr('discover.note.more', lang, url=note.url)}")
    if result.verification is not None:
        print()
        for side in (result.verification.incoming, result.verification.outgoing):
            if side is not None:
                print(_verified(side, lang))


def _line(c: Candidate, lang: str) -> str:
    if c.username:
        user = tr("discover.user", lang, username=c.username)
    else:
        user = tr("discover.user_required", lang)
    security = tr(f"discover.security.{c.security.value}", lang)
    source = _source(c.provenance.source, lang)
    return f"{c.protocol.value.upper()} {c.host}:{c.port} {security}, {user}  [{source}]"


def _reasons(c: Candidate, lang: str) -> str:
    p = c.provenance
    words = [tr(f"discover.why.{w}", lang, server=p.server_domain, mine=p.address_domain) for w in p.why]
    return "; ".join(words) if lang == "en" else "。".join(words)


def _verified(side: VerifiedServer, lang: str) -> str:
    role = tr(f"discover.role.{side.role}", lang)
    if side.ok and side.candidate is not None:
        server = f"{side.candidate.host}:{side.candidate.port}"
        return tr("discover.verify.ok", lang, role=role, server=server, username=side.username)
    if side.result is None:
        code = side.attempts[-1].code if side.attempts else "-"
        return tr("discover.verify.skipped", lang, role=role, code=code)
    code = side.result.failure.code if side.result.failure else "-"
    return tr("discover.verify.failed", lang, role=role, code=code)


def main() -> None:  # pragma: no cover - `python -m assistant.cli.discover` for quick manual runs
    from assistant.cli import run_cli

    sys.exit(run_cli(["discover", *sys.argv[1:]]))
