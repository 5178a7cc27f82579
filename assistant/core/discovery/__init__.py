"""Settings discovery: from an e-mail address to ranked, verified server settings with their provenance."""

from assistant.core.discovery.engine import default_sources, discover
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

__all__ = [
    "Candidate",
    "Confidence",
    "DiscoveryResult",
    "ProgressEvent",
    "Provenance",
    "ProviderNote",
    "SourceName",
    "SourceOutcome",
    "SourceState",
    "default_sources",
    "discover",
]
