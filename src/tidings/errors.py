"""Domain errors raised inside tidings; the CLI and the HTTP API turn each into one clear message."""
from __future__ import annotations


class TidingsError(Exception):
    """Base of every error tidings raises on purpose. str(e) is the message a user sees."""


class InputError(TidingsError):
    """One input item cannot be ingested; the reason is a sentence a person understands."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ConfigError(TidingsError):
    """A setting has a value tidings cannot use."""


class StoreError(TidingsError):
    """The article store cannot be opened or written."""


class GoldError(TidingsError):
    """A gold set is missing or not in the format its benchmark publishes."""
