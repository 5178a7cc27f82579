"""The explicit, clearly worded confirmation before a certificate is pinned for one host and port."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.gui.widgets import theme
from assistant.gui.widgets.certificate_view import CertificateView


class TrustDialog(QDialog):
    def __init__(self, host: str, port: int, cert: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrustDialog")
        self.setWindowTitle(self.tr("Trust this certificate?"))
        self.setMinimumWidth(560)
        self.setStyleSheet(theme.style_sheet())
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(
            self.tr("Trust this certificate for {host}, port {port} only?").format(host=host, port=port),
            objectName="cardTitle",
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        warning = QLabel(
            self.tr(
                "Only do this if your provider or administrator told you this certificate is right "
                "(for example a company server with its own certificate). If someone were intercepting "
                "your connection, "
                "trusting their certificate would give them your password."
            )
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)
        layout.addWidget(CertificateView(cert))
        more = QLabel(
            self.tr(
                "We remember exactly this certificate for this server. If it changes, "
                "we will stop and ask again. Certificate checks stay on for every other server."
            ),
            objectName="hint",
        )
        more.setWordWrap(True)
        layout.addWidget(more)
        self.understand = QCheckBox(
            self.tr("I understand, and I checked the fingerprint with my provider"), objectName="understand"
        )
        layout.addWidget(self.understand)
        buttons = QDialogButtonBox()
        self.trust_button = QPushButton(self.tr("Trust and test again"), objectName="trust")
        self.trust_button.setEnabled(False)
        self.trust_button.setAutoDefault(False)
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter must not trust by accident
        layout.addWidget(buttons)
        self.understand.toggled.connect(self.trust_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        if self.understand.isChecked():
            super().accept()
