"""The command line face: one module per subcommand, each with register() and run()."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

from assistant import __version__
from assistant.core.messages import system_language

# Each module defines `register(subparsers) -> None` (adding its parser with set_defaults(run=...)).
SUBCOMMANDS = ("check", "discover", "bounce", "selftest", "screenshots")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # Bad input is one line (argparse would print the whole usage block first).
        print(f"{self.prog}: {message} (--help shows the options)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mail-assistant", description="Mail Setup Assistant")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"assistant.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"assistant.cli.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def add_common(p: argparse.ArgumentParser) -> None:
    """Options every subcommand takes."""
    p.add_argument("--lang", choices=("ja", "en"), default=None, help="output language (default: system)")
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def language(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or system_language()


def run_cli(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from assistant.cli.selftest import run_self_test

        return run_self_test()
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"mail-assistant: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `mail-assistant … | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
