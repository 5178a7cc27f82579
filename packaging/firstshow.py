"""Start-up measurement: with MAIL_ASSISTANT_EXIT_ON_SHOWN=1, print when the first window is up, then quit."""

from __future__ import annotations

import os
import time
from typing import Any


def install() -> None:
    """Wrap QApplication.exec: the event loop reports the first visible window and ends (benchmarks only)."""
    if os.environ.get("MAIL_ASSISTANT_EXIT_ON_SHOWN") != "1":
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def exec_until_shown(*args: Any) -> int:
        def report() -> None:
            if any(w.isVisible() for w in QApplication.topLevelWidgets()):
                print(f"shown {time.time_ns()}", flush=True)
                QApplication.quit()
            else:
                QTimer.singleShot(1, report)  # the first window is shown later, from the event loop

        QTimer.singleShot(0, report)
        del args  # app.exec() and QApplication.exec() both land here; Qt's exec is static
        return int(original())

    QApplication.exec = exec_until_shown  # type: ignore[method-assign]
