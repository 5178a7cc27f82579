"""The benchmarks' baseline: a bare PySide6 window with the same first-paint probe as the app."""

PROGRAM = """import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), os._exit(0)))
            watched.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(800, 600)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""
