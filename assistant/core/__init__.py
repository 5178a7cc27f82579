"""The assistant's core: discovery, connection checks, explanations and storage, with no Qt."""
