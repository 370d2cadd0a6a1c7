"""Writing a command's result to standard output so that a failure is never silent."""

from __future__ import annotations

import os
import sys

from extractor.errors import OutputError


class ReaderGone(Exception):
    """The reader of standard output went away (`| head`): stop quietly, as Unix tools do."""


def write_stdout(text: str) -> None:
    """Write and flush `text`; a closed or full standard output is an error naming the cause."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed: the result cannot be written (redirect it to a file)")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"writing the result to standard output failed: {reason}") from None


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass
