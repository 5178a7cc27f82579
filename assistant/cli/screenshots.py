"""`mail-assistant screenshots DIR`: every wizard page and state (and the main window) to PNG, ja and en."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("screenshots", help="render every page of the app to PNG files (ja and en)")
    p.add_argument("directory", type=Path, help="folder for the PNG files (created if missing)")
    p.add_argument("--lang", choices=("ja", "en"), action="append", help="only this language (repeatable)")
    p.add_argument("--only", default="", help="only pictures whose name contains this text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.cli import UsageError

    directory: Path = args.directory
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {directory}: {exc.strerror}") from exc
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    written = render_all(directory, args.lang or ["ja", "en"], args.only)
    for path in written:
        print(path)
    return 0


def render_all(directory: Path, langs: list[str], only: str = "") -> list[Path]:
    from assistant.gui.app import create_app, language
    from assistant.gui.wizard import scenes

    directory.mkdir(parents=True, exist_ok=True)
    create_app([], langs[0])
    written: list[Path] = []
    for lang in langs:
        language().set(lang)
        for name, scene in scenes.SCENES:
            if only and only not in name:
                continue
            written.append(_shoot(directory / f"{lang}-{name}.png", scene))
        written += _main_window_pictures(directory, lang, only)
    from assistant.gui import workers

    workers.shutdown()
    return written


def _shoot(path: Path, scene: Callable[[], Any]) -> Path:
    from PySide6.QtWidgets import QApplication

    widget = scene()
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()
    return path


def _main_window_pictures(directory: Path, lang: str, only: str) -> list[Path]:
    """The main window, bounce view and report, from the windows' own sample states."""
    try:
        from assistant.gui.windows.screens import render_states
    except ImportError:  # the windows half is not there (yet)
        return []
    written = []
    for name, widget in render_states(lang):
        if only and only not in name:
            widget.deleteLater()
            continue
        written.append(_shoot(directory / f"{lang}-{name}.png", lambda w=widget: w))
    return written
