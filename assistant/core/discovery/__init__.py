"""Settings discovery: from an e-mail address to ranked, verified server settings with their provenance."""

from assistant.core.discovery.engine import default_sources, discover, prepare
from assistant.core.discovery.model import (
    Candidate,
    Confidence,
    DiscoveryResult,
    ProgressEvent,
    Provenance,
    ProviderNote,
    SourceName,
    SourceOutcome,
    SourceState,
)
from assistant.core.discovery.verify import Attempt, Verification, VerifiedServer, VerifyOptions, verify

__all__ = [
    "Attempt",
    "Candidate",
    "Confidence",
    "DiscoveryResult",
    "ProgressEvent",
    "Provenance",
    "ProviderNote",
    "SourceName",
    "SourceOutcome",
    "SourceState",
    "Verification",
    "VerifiedServer",
    "VerifyOptions",
    "default_sources",
    "discover",
    "prepare",
    "verify",
]
