"""Errors raised by briefbot, each with a message a user can act on.

BriefbotError
 ├── LoadError                  a briefing could not be loaded; nothing changed
 │    ├── BriefingNotFound      the file does not exist or cannot be read
 │    ├── EmptyBriefing         the file has no text
 │    ├── NotText               binary data or not UTF-8
 │    ├── BriefingTooLarge      over the size limit
 │    ├── NoSentences           text, but no sentences to learn from
 │    └── TooShort              fewer sentences than a briefing needs (--force loads it)
 ├── StoreEmpty                 no briefing has been loaded yet
 ├── StoreUnavailable           the database URL is invalid or the store cannot be opened
 ├── VersionNotFound            no stored version has that id (or none is before the active)
 ├── EvalFileError              an eval questions file is missing or malformed
 └── ConfigError                a setting in the environment is invalid
"""


class BriefbotError(Exception):
    """Base class for every error briefbot reports to a user."""


class LoadError(BriefbotError):
    """A briefing could not be loaded; the previous facts stay active."""


class BriefingNotFound(LoadError):
    """The briefing file does not exist or cannot be read."""


class EmptyBriefing(LoadError):
    """The briefing has no text."""


class NotText(LoadError):
    """The briefing is binary data or not UTF-8 text."""


class BriefingTooLarge(LoadError):
    """The briefing is over the size limit."""


class NoSentences(LoadError):
    """The briefing has text but no sentences."""


class TooShort(LoadError):
    """The briefing has fewer sentences than a briefing needs."""


class StoreEmpty(BriefbotError):
    """No briefing has been loaded yet."""


class StoreUnavailable(BriefbotError):
    """The database URL is not one briefbot can use, or the store cannot be opened."""


class VersionNotFound(BriefbotError):
    """No stored version has the id asked for, or there is none to roll back to."""


class EvalFileError(BriefbotError):
    """An eval questions file is missing or not in the expected format."""


class ConfigError(BriefbotError):
    """A setting in the environment is invalid."""
