"""A server certificate for people: the names it covers, who issued it, until when, its fingerprint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def fingerprint(sha256: str) -> str:
    """'ab12…' -> 'AB:12:…' in two lines of 16 bytes, the way certificate viewers show it."""
    hexed = sha256.replace(":", "").upper()
    pairs = [hexed[i : i + 2] for i in range(0, len(hexed), 2)]
    return ":".join(pairs[:16]) + ("\n" + ":".join(pairs[16:]) if len(pairs) > 16 else "")


def short_date(iso: str) -> str:
    return iso[:10] if len(iso) >= 10 else iso


class CertificateView(QWidget):
    def __init__(self, cert: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        sans = [n.split(":", 1)[1] if n.startswith(("DNS:", "IP:")) else n for n in getattr(cert, "sans", ())]
        names = ", ".join(sans) or str(getattr(cert, "subject", ""))
        rows = [
            (QCoreApplication.translate("CertificateView", "Made for:"), names),
            (QCoreApplication.translate("CertificateView", "Issued by:"), str(getattr(cert, "issuer", ""))),
            (
                QCoreApplication.translate("CertificateView", "Valid:"),
                QCoreApplication.translate("CertificateView", "{start} to {end}").format(
                    start=short_date(str(getattr(cert, "not_before", ""))),
                    end=short_date(str(getattr(cert, "not_after", ""))),
                ),
            ),
            (
                QCoreApplication.translate("CertificateView", "SHA-256 fingerprint:"),
                fingerprint(str(getattr(cert, "sha256", ""))),
            ),
        ]
        for caption, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if caption == rows[-1][0]:
                label.setObjectName("fingerprint")
                label.setStyleSheet("font-family: monospace;")
            form.addRow(caption, label)


def certificate_text(cert: Any) -> str:
    """The same facts as plain text, for "Copy for support"."""
    return "\n".join(
        [
            f"subject: {getattr(cert, 'subject', '')}",
            f"names: {', '.join(getattr(cert, 'sans', ()) or ())}",
            f"issuer: {getattr(cert, 'issuer', '')}",
            f"valid: {getattr(cert, 'not_before', '')} .. {getattr(cert, 'not_after', '')}",
            f"sha256: {getattr(cert, 'sha256', '')}",
            f"verified: {getattr(cert, 'verified', '')} {getattr(cert, 'verify_error', '')}".rstrip(),
        ]
    )
