"""Entry point: no arguments opens the desktop app; with a subcommand it is the command line."""

from __future__ import annotations

import sys

# A first argument that starts the command line; any other option (--lang, --dns-server, --ca-file, Qt's
# own -style …) belongs to the app, so `./dev app --dns-server 127.0.0.1:PORT` opens the window.
CLI_FIRST = ("--version", "--self-test", "-h", "--help")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or (args[0].startswith("-") and args[0] not in CLI_FIRST):
        from assistant.gui.app import run_gui

        return run_gui(args)
    from assistant.cli import run_cli

    return run_cli(args)


if __name__ == "__main__":
    raise SystemExit(main())
