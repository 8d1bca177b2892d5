"""The one exception root of dateline.

Every error dateline raises on purpose derives from :class:`DatelineError`, so a caller
can catch exactly ours and nothing else::

    DatelineError
    ├── ConfigError            a setting, config file or environment variable is wrong
    ├── ModelError             the spaCy pipeline named by the settings cannot be loaded
    ├── InputError             an input cannot be read or is not what it claims to be
    │   ├── EmptyInputError        nothing to read (empty file, blank text)
    │   ├── UnsupportedInputError  a format dateline does not read
    │   └── DecodeError            bytes that no encoding or parser makes sense of
    ├── PipelineError          stages wired wrongly (a requirement nobody assigns)
    ├── StoreError             the database cannot be opened, migrated or written
    └── EvalError              an evaluation data set is missing or malformed

Each error carries ``source``: the input (path, URL, ``-`` or article id) it concerns,
where there is one, so that the CLI can print one clear line per bad document.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Root of every error dateline raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class ConfigError(DatelineError):
    """A setting, a config file or an environment variable is invalid."""


class ModelError(DatelineError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class InputError(DatelineError):
    """An input cannot be read or is not what it claims to be."""


class EmptyInputError(InputError):
    """The input holds nothing to read."""


class UnsupportedInputError(InputError):
    """The input is in a format dateline does not read."""


class DecodeError(InputError):
    """The input's bytes cannot be decoded or parsed."""


class PipelineError(DatelineError):
    """Stages are wired wrongly, e.g. a requirement that no earlier stage assigns."""


class StoreError(DatelineError):
    """The event store cannot be opened, migrated or written."""


class EvalError(DatelineError):
    """An evaluation data set is missing or malformed."""
