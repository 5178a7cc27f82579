"""The base of every wizard page: a title, what the Next button says, and language changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from assistant.gui.wizard.wizard import SetupWizard


class WizardPage(QWidget):
    """A step of the wizard. `changed` tells the frame to re-read next_text()/can_next()."""

    changed = Signal()
    advance = Signal()  # the page wants the frame to go on (same as pressing Next)

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard = wizard
        self.state = wizard.state
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)

    # what the frame asks
    def title(self) -> str:
        raise NotImplementedError

    def next_text(self) -> str:
        return self.tr("Next")

    def can_next(self) -> bool:
        return True

    def can_back(self) -> bool:
        return True

    def busy(self) -> bool:
        """True while background work runs (Esc and Cancel stop it instead of closing)."""
        return False

    def stop(self) -> None:
        """Cancel the running work, if any."""

    def enter(self) -> None:
        """Called each time the page is shown."""

    def retranslate(self) -> None:
        """Set every text again (after a language switch)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def wrap_label(text: str = "", *, name: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        return label
