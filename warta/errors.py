"""Every error a user can meet, each as one sentence that says what to do next.

Example:
    >>> str(InputError("the file is empty", hint="give a file with article text"))
    'the file is empty: give a file with article text'
"""
from __future__ import annotations


class WartaError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}: {hint}" if hint else message)


class InputError(WartaError):
    """The article or option given cannot be used."""

    exit_code = 2


class PipelineConfigError(WartaError):
    """The stages do not fit together."""


class StageError(WartaError):
    """A stage raised while processing one article."""

    def __init__(self, stage: str, reason: str) -> None:
        self.stage = stage
        self.reason = reason
        super().__init__(f"stage '{stage}' failed: {reason}")


class StoreError(WartaError):
    """The database cannot be opened or written."""


class ModelMissingError(WartaError):
    """A shipped model is absent from the installation."""


def one_line(exc: BaseException) -> str:
    """``TypeName: first line of the message`` — how a failure is reported and stored."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def bad_date(value: str) -> InputError:
    return InputError(f"'{value}' is not a date", hint="write it as YYYY-MM-DD, e.g. --published 2024-10-08")


def too_long(n_chars: int, limit: int) -> InputError:
    return InputError(
        f"the article has {n_chars:,} characters, more than the limit of {limit:,}",
        hint="split it, or raise the limit with --max-chars",
    )


def unreachable_db(url: str, reason: str) -> StoreError:
    return StoreError(f"cannot open the database {url} ({reason})", hint="check the path or URL, and that the server is running")
