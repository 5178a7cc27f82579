"""Start-up order: the window is painted first, then the app's log file is opened (and written to)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import logging, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from assistant.gui import app as gui

order = []

class PaintSpy(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not order:
            order.append("log-before-paint" if logging.getLogger().handlers else "painted")
        return False

spy = PaintSpy()
make_window = gui.first_window

def first_window():
    window = make_window()
    window.installEventFilter(spy)
    return window

open_log = gui._setup_logging

def setup_logging():
    open_log()
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_mail_assistant", False)]
    order.append("log" if ours else "no-log")
    logging.getLogger("assistant").warning("written after the first paint")
    QTimer.singleShot(0, QApplication.quit)

gui.first_window = first_window
gui._setup_logging = setup_logging
code = gui.run_gui(["--lang", "en"])
print(" ".join(order), flush=True)
sys.exit(code)
"""


def test_the_log_file_is_opened_after_the_first_paint(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAIL_ASSISTANT_CONFIG_DIR=str(tmp_path))
    env.pop("MAIL_ASSISTANT_EXIT_WHEN_SHOWN", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["painted", "log"], done.stdout + done.stderr
    log = (tmp_path / "logs" / "mail-assistant.log").read_text(encoding="utf-8")
    assert "written after the first paint" in log
