"""The setup wizard: address → finding settings → settings → testing → result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.gui.wizard.wizard import SetupWizard


def __getattr__(name: str) -> Any:
    if name == "SetupWizard":
        from assistant.gui.wizard.wizard import SetupWizard

        return SetupWizard
    raise AttributeError(name)


__all__ = ["SetupWizard"]
