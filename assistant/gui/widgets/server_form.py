"""An expert form for one server (protocol, host, port, security, user name) validated as you type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from assistant.core.model import DEFAULT_PORTS, Protocol, Security, ServerSettings


class ServerForm(QGroupBox):
    changed = Signal()

    def __init__(self, incoming: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incoming = incoming
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.protocol = QComboBox(objectName="protocol")
        for p in (Protocol.IMAP, Protocol.POP3) if incoming else (Protocol.SMTP,):
            self.protocol.addItem("POP3" if p is Protocol.POP3 else p.value.upper(), p.value)
        self.protocol.setEnabled(incoming)
        self.host = QLineEdit(objectName="host")
        self.port = QLineEdit(objectName="port")
        self.port.setValidator(QIntValidator(1, 65535, self))
        self.port.setMaxLength(5)
        self.security = QComboBox(objectName="security")
        for s in Security:
            self.security.addItem("", s.value)
        self.username = QLineEdit(objectName="username")
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.labels, (self.protocol, self.host, self.port, self.security, self.username), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.error)
        self.error.hide()
        self._port_auto = True
        self.host.textChanged.connect(self._validate)
        self.port.textEdited.connect(self._port_edited)
        self.username.textChanged.connect(self._validate)
        self.protocol.currentIndexChanged.connect(self._defaults_changed)
        self.security.currentIndexChanged.connect(self._defaults_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(
            self.tr("Incoming mail server") if self.incoming else self.tr("Outgoing mail server (SMTP)")
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("Type:"),
                self.tr("Server name:"),
                self.tr("Port number:"),
                self.tr("Security:"),
                self.tr("User name:"),
            ),
            strict=True,
        ):
            label.setText(text)
        names = {Security.SSL: "SSL/TLS", Security.STARTTLS: "STARTTLS", Security.NONE: self.tr("None")}
        for i in range(self.security.count()):
            self.security.setItemText(i, names[Security(self.security.itemData(i))])
        for widget, name in (
            (self.protocol, self.tr("Type")),
            (self.host, self.tr("Server name")),
            (self.port, self.tr("Port number")),
            (self.security, self.tr("Security")),
            (self.username, self.tr("User name")),
        ):
            widget.setAccessibleName(f"{self.title()}: {name}")
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_settings(self, settings: ServerSettings) -> None:
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(settings.protocol.value)))
        self.security.setCurrentIndex(max(0, self.security.findData(settings.security.value)))
        self.host.setText(settings.host)
        self.port.setText(str(settings.port))
        self.username.setText(settings.username)
        self._port_auto = settings.port == DEFAULT_PORTS[(settings.protocol, settings.security)]
        self._validate()

    def _port_edited(self) -> None:
        self._port_auto = False
        self._validate()

    def _defaults_changed(self) -> None:
        if self._port_auto:  # follow the usual port until the user types their own
            key = (Protocol(self.protocol.currentData()), Security(self.security.currentData()))
            self.port.setText(str(DEFAULT_PORTS[key]))
        self._validate()

    def problem(self) -> str:
        host = self.host.text().strip()
        if not host:
            return self.tr("Please enter the server name, e.g. mail.example.jp.")
        if any(c.isspace() for c in host) or "@" in host or "/" in host or ":" in host:
            return self.tr("A server name has no spaces, @, / or :, e.g. mail.example.jp.")
        if "." not in host:
            return self.tr("A server name has at least one dot, e.g. mail.example.jp.")
        port = self.port.text().strip()
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            return self.tr("The port number is a number from 1 to 65535 (usually {usual}).").format(
                usual="993, 995" if self.incoming else "587, 465"
            )
        if not self.username.text().strip():
            return self.tr("Please enter the user name (often your mail address).")
        return ""

    def _validate(self) -> None:
        text = self.problem() if (self.host.text() or self.port.text() or self.username.text()) else ""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.changed.emit()

    def settings(self) -> ServerSettings | None:
        if self.problem():
            return None
        return ServerSettings(
            protocol=Protocol(self.protocol.currentData()),
            host=self.host.text().strip().rstrip(".").lower(),
            port=int(self.port.text()),
            security=Security(self.security.currentData()),
            username=self.username.text().strip(),
        )
