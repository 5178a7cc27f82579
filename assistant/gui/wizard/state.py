"""What the wizard knows so far about the account being set up (one object shared by the pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.core.address import EmailAddress
from assistant.core.model import ServerSettings


@dataclass(eq=False)
class WizardState:
    address: EmailAddress | None = None
    password: str = field(default="", repr=False)
    display_name: str = ""
    discovery: Any = None  # assistant.core.discovery.model.DiscoveryResult
    incoming: ServerSettings | None = None
    outgoing: ServerSettings | None = None
    incoming_choices: list[ServerSettings] = field(default_factory=list)  # best IMAP and best POP
    notes: list[Any] = field(default_factory=list)  # ProviderNote
    user_alternatives: list[str] = field(default_factory=list)  # other user names worth one try each
    confirmations: list[Any] = field(default_factory=list)  # Candidates the user must confirm
    pins: dict[tuple[str, int], str] = field(default_factory=dict)  # (host, port) -> SHA-256
    allow_insecure: bool = False
    send_test: bool = False
    result: Any = None  # the checks' outcome (see session.CheckOutcome)

    def servers(self) -> list[tuple[str, ServerSettings]]:
        out: list[tuple[str, ServerSettings]] = []
        if self.incoming is not None:
            out.append(("incoming", self.incoming))
        if self.outgoing is not None:
            out.append(("outgoing", self.outgoing))
        return out
