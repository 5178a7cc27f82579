"""QApplication start-up (placeholder until the desktop assistant lands)."""

from __future__ import annotations

import sys


def run_gui(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1] + argv)
    label = QLabel("Mail Setup Assistant / メール設定アシスタント")
    label.resize(480, 120)
    label.show()
    return app.exec()
