"""A kind dialog for unexpected errors: what to do, "Copy details", and the details logged (no secrets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

_showing = False


def show_unexpected_error(details: str, parent: QWidget | None = None) -> None:
    """Say something went wrong (no traceback on screen); the details go to the clipboard on request."""
    global _showing
    if _showing:  # one at a time: a repeating error must not stack dialogs
        return
    _showing = True
    try:
        box = QMessageBox(parent)
        box.setObjectName("unexpectedError")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog", "Something unexpected went wrong. Your settings are safe."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Please try again. If it happens again, copy the details and send them "
                "to whoever helps you with your computer.",
            )
        )
        copy = box.addButton(
            QCoreApplication.translate("ErrorDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        copy.clicked.disconnect()  # keep the dialog open after copying
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        box.exec()
    finally:
        _showing = False
