"""Entry point: no arguments opens the desktop app; with a subcommand it is the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("--gui"):
        from assistant.gui.app import run_gui

        return run_gui(args)
    from assistant.cli import run_cli

    return run_cli(args)


if __name__ == "__main__":
    raise SystemExit(main())
