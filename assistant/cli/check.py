"""`mail-assistant check`: test an account's servers stage by stage, live, in the user's language."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import ssl
import sys
import threading
import unicodedata
from typing import Any

from assistant.cli import EXIT_FAILED, EXIT_OK, UsageError, add_common, language
from assistant.core.address import InvalidAddress, parse_address
from assistant.core.check import AccountResult, check_account
from assistant.core.messages import tr
from assistant.core.model import (
    DEFAULT_PORTS,
    Evidence,
    Protocol,
    Security,
    ServerSettings,
    StageEvent,
    StageStatus,
)
from assistant.core.net import CancelToken, Deadline, NetConfig, ip_literal
from assistant.core.pins import normalize_fingerprint

SCHEMES: dict[str, tuple[Protocol, Security]] = {
    f"{name}{suffix}": (protocol, security)
    for name, protocol in (("imap", Protocol.IMAP), ("pop3", Protocol.POP3), ("smtp", Protocol.SMTP))
    for suffix, security in (("s", Security.SSL), ("", Security.STARTTLS), ("+plain", Security.NONE))
}
KEYRING_SERVICE = "mail-setup-assistant"


class _Bad(UsageError):
    """Bad input, worded from the catalog once the language is known."""

    def __init__(self, key: str, values: dict[str, object]) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def _bad(key: str, **values: object) -> _Bad:
    return _Bad(f"check.error.{key}", values)


def register(subparsers: Any) -> None:
    lang = language(argparse.Namespace())

    def h(key: str) -> str:
        return tr(f"check.help.{key}", lang)

    p = subparsers.add_parser("check", help=h("command"), description=h("command"), epilog=h("epilog"))
    p.add_argument("address", help=h("address"))
    p.add_argument("--incoming", metavar="SERVER", help=h("incoming"))
    p.add_argument("--outgoing", metavar="SERVER", help=h("outgoing"))
    p.add_argument("--user", metavar="NAME", help=h("user"))
    p.add_argument("--password-stdin", action="store_true", help=h("password_stdin"))
    p.add_argument("--send-test", action="store_true", help=h("send_test"))
    p.add_argument("--insecure-allow-plain", action="store_true", help=h("insecure"))
    p.add_argument("--dns-server", metavar="HOST[:PORT]", help=h("dns_server"))
    p.add_argument("--ca-file", metavar="FILE", help=h("ca_file"))
    p.add_argument("--pin", metavar="HOST:PORT=SHA256", action="append", default=[], help=h("pin"))
    p.add_argument("--timeout", metavar="SECONDS", default="15", help=h("timeout"))
    add_common(p)
    p.set_defaults(run=run)


def parse_server(text: str, option: str) -> ServerSettings:
    """'imaps://host:993' -> ServerSettings (username filled in later)."""
    scheme, sep, rest = text.strip().partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        raise _bad("scheme", option=option, value=text)
    protocol, security = SCHEMES[scheme.lower()]
    rest = rest.rstrip("/")
    host, port_text = _split_host_port(rest, option)
    if not host or any(c.isspace() or c in "/@?#" for c in host):
        raise _bad("host", option=option, value=host)
    port = _port(port_text, option) if port_text is not None else DEFAULT_PORTS[(protocol, security)]
    return ServerSettings(protocol, host, port, security)


def _split_host_port(text: str, option: str) -> tuple[str, str | None]:
    if text.startswith("["):
        host, bracket, after = text[1:].partition("]")
        if not bracket or ip_literal(host) is None:
            raise _bad("ipv6", option=option, value=text)
        if after and not after.startswith(":"):
            raise _bad("server", option=option, value=text)
        return host, after[1:] if after else None
    if text.count(":") > 1:
        raise _bad("brackets", option=option, value=text)
    host, colon, port = text.partition(":")
    return host, port if colon else None


def _port(text: str, option: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise _bad("port", option=option, value=text)
    return int(text)


def net_config(args: argparse.Namespace) -> NetConfig:
    dns_server, dns_port = None, 53
    if args.dns_server:
        host, port = _split_host_port(args.dns_server.strip(), "--dns-server")
        if ip_literal(host) is None:
            raise _bad("dns_server", option="--dns-server", value=host)
        dns_server, dns_port = host, _port(port, "--dns-server") if port is not None else 53
    ca_file = None
    if args.ca_file:
        if not os.path.isfile(args.ca_file):
            raise _bad("no_file", option="--ca-file", value=args.ca_file)
        try:
            ssl.create_default_context().load_verify_locations(cafile=args.ca_file)
        except (OSError, ssl.SSLError, ValueError):
            raise _bad("not_pem", option="--ca-file", value=args.ca_file) from None
        ca_file = os.path.abspath(args.ca_file)
    return NetConfig(dns_server=dns_server, dns_port=dns_port, extra_ca_file=ca_file)


def parse_pins(values: list[str]) -> dict[tuple[str, int], str]:
    pins: dict[tuple[str, int], str] = {}
    for value in values:
        target, eq, fingerprint = value.partition("=")
        host, port = _split_host_port(target, "--pin")
        if not eq or not host or port is None:
            raise _bad("pin", option="--pin", value=value)
        try:
            pins[(host, _port(port, "--pin"))] = normalize_fingerprint(fingerprint)
        except ValueError:
            raise _bad("fingerprint", option="--pin", value=fingerprint) from None
    return pins


def read_password(args: argparse.Namespace, address: str, lang: str) -> str:
    """--password-stdin, else the keyring, else a prompt without echo. Never an argument."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise _bad("no_password")
        return password
    stored = _from_keyring(address)
    if stored:
        return stored
    if not sys.stdin.isatty():
        raise _bad("no_password")
    try:
        password = getpass.getpass(tr("check.prompt.password", lang, address=address))
    except EOFError:
        password = ""
    if not password:
        raise _bad("no_password")
    return password


def _from_keyring(address: str) -> str | None:
    try:
        from assistant.core.secrets import PasswordStore

        return PasswordStore().get(address)
    except ImportError:
        pass
    except Exception:
        return None
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, address)
        return str(value) if value else None
    except Exception:
        return None


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a character must not crash us
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        return _run(args, lang)
    except _Bad as bad:
        raise UsageError(tr(bad.key, lang, **bad.values)) from None


def _run(args: argparse.Namespace, lang: str) -> int:
    try:
        address = parse_address(args.address).ascii
    except InvalidAddress as exc:
        raise _bad("address", reason=exc.code) from None
    incoming = parse_server(args.incoming, "--incoming") if args.incoming else None
    outgoing = parse_server(args.outgoing, "--outgoing") if args.outgoing else None
    if incoming is None and outgoing is None:
        raise _bad("no_server")
    if incoming is not None and not incoming.protocol.incoming:
        raise _bad("incoming_protocol", option="--incoming", value=args.incoming)
    if outgoing is not None and outgoing.protocol.incoming:
        raise _bad("outgoing_protocol", option="--outgoing", value=args.outgoing)
    if args.send_test and (incoming is None or outgoing is None):
        raise _bad("send_test_needs_both")
    try:
        timeout = float(args.timeout)
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= 600:
        raise _bad("timeout", option="--timeout", value=args.timeout)
    net = net_config(args)
    pins = parse_pins(args.pin)
    user = (args.user or "").strip() or address
    if any(c.isspace() for c in user):
        raise _bad("user", option="--user", value=user)
    incoming = _with_user(incoming, user)
    outgoing = _with_user(outgoing, user)
    password = read_password(args, address, lang)

    printer = _LivePrinter(lang, quiet=args.json)
    cancel = CancelToken()
    box: dict[str, AccountResult] = {}

    def work() -> None:
        box["result"] = check_account(
            address,
            incoming,
            outgoing,
            password,
            net=net,
            on_event=printer,
            cancel=cancel,
            deadline=Deadline(timeout),
            pins=pins,
            allow_insecure=args.insecure_allow_plain,
            send_test=args.send_test,
        )

    worker = threading.Thread(target=work, name="check", daemon=True)
    worker.start()
    interrupted = False
    while worker.is_alive():
        try:
            worker.join(0.1)
        except KeyboardInterrupt:
            cancel.cancel()
            interrupted = True
    result = box.get("result")
    if result is None:
        return EXIT_FAILED
    explanations = _explanations(result, lang)
    if args.json:
        data = result.to_dict()
        data["explanations"] = [e for _, e in explanations]
        print(json.dumps(data, ensure_ascii=False, indent=None))
    else:
        _print_summary(result, explanations, lang)
    if interrupted:
        return 130
    return EXIT_OK if result.ok else EXIT_FAILED


def _with_user(settings: ServerSettings | None, user: str) -> ServerSettings | None:
    if settings is None:
        return None
    return ServerSettings(settings.protocol, settings.host, settings.port, settings.security, user)


class _LivePrinter:
    """Prints each finished stage as it happens; events arrive from two threads at once."""

    def __init__(self, lang: str, *, quiet: bool) -> None:
        self.lang = lang
        self.quiet = quiet
        self._lock = threading.Lock()

    def __call__(self, event: StageEvent) -> None:
        if self.quiet or event.status is StageStatus.STARTED:
            return
        detail = event.detail
        if event.status is StageStatus.SKIPPED:
            if event.detail not in _SKIP_REASONS:
                return  # "not reached", or TLS/STARTTLS not configured: nothing to say
            detail = tr(_SKIP_REASONS[event.detail], self.lang)
        role = tr(f"check.role.{event.role}", self.lang)
        stage = tr(f"check.stage.{event.stage.value}", self.lang)
        status = tr(f"check.status.{event.status.value}", self.lang)
        timing = f"{event.elapsed_ms:7.0f} ms" if event.status is not StageStatus.SKIPPED else " " * 10
        line = f"{_pad(f'[{role}]', 16)} {_pad(status, 4)} {_pad(stage, 18)} {timing}  {detail}".rstrip()
        with self._lock:
            print(line, flush=True)


_SKIP_REASONS = {"no AUTH offered": "check.skipped.no_auth"}


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: Japanese characters take two columns in a terminal."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _explanations(result: AccountResult, lang: str) -> list[tuple[Evidence, dict[str, Any]]]:
    try:
        from assistant.core.explain import explain
    except ImportError:
        return []
    out = []
    for evidence in result.failures:
        try:
            out.append((evidence, explain(evidence, lang=lang).as_dict()))
        except Exception:  # noqa: S112 - an explanation is a bonus; the evidence is printed anyway
            continue
    return out


def _print_summary(
    result: AccountResult, explanations: list[tuple[Evidence, dict[str, Any]]], lang: str
) -> None:
    print()
    if result.send_test is not None and result.send_test.ok and result.send_test.round_trip_ms is not None:
        print(tr("check.sendtest.round_trip", lang, ms=f"{result.send_test.round_trip_ms:.0f}"))
    if result.ok:
        print(tr("check.result.ok", lang))
        return
    explained = {id(e): x for e, x in explanations}
    for evidence in result.failures:
        stage = tr(f"check.stage.{evidence.stage.value}", lang)
        print(tr("check.result.failed", lang, stage=stage, code=evidence.code))
        reply = " ".join(str(x) for x in (evidence.reply_code, evidence.enhanced) if x)
        code = f"[{evidence.response_code}] " if evidence.response_code else ""
        if reply or code or evidence.text:
            print(f"  {reply} {code}{evidence.text}".rstrip())
        explanation = explained.get(id(evidence))
        if explanation:
            print()
            print(f"  {explanation['title']}")
            if explanation.get("what"):
                print(f"  {explanation['what']}")
            for step in explanation.get("steps", []):
                print(f"   - {step}")
