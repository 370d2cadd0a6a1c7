"""Errors a caller can act on; each message names what was wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only an annotation: importing the errors need not load pydantic
    from pydantic import ValidationError


class ExtractorError(Exception):
    """Base class: anything the extractor refuses or fails to do."""


class InputError(ExtractorError, ValueError):
    """The article itself is unusable (empty, binary, too long, bad date)."""


class ConfigError(ExtractorError, ValueError):
    """The backend or model settings are inconsistent or incomplete."""


class BackendError(ExtractorError):
    """The model endpoint failed in a way retries cannot fix (4xx, retries exhausted)."""


class OutputError(ExtractorError):
    """The result could not be written where it was asked to go (the message names the path and cause)."""


def first_problem(exc: ValidationError) -> str:
    """The first problem only, with its location: enough to find and fix one input line."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where + ': ' if where else ''}{first['msg']}{more}"
