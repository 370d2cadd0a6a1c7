"""The output line as written: one JSON object per article, with the fields of its status."""

from __future__ import annotations

from collections.abc import Iterable

from extractor.redact import redact
from schemas.batch import ErrorInfo, OutputLine

_OK_FIELDS = {
    "id", "status", "extraction", "warnings", "usage", "model", "prompt_version", "latency_ms",
    "cost_usd", "cached",
}  # fmt: skip
_ERROR_FIELDS = {"id", "status", "error", "line"}
_SPENT_FIELDS = {"usage", "cost_usd", "model", "prompt_version"}


def encode_line(line: OutputLine) -> bytes:
    """The output line as written: UTF-8 JSON and a newline; the fields of its status only."""
    if line.status == "ok":
        fields = _OK_FIELDS
    else:
        fields = _ERROR_FIELDS | (_SPENT_FIELDS if line.usage.total_tokens else set())
    if line.live_cost_usd is not None:
        fields = fields | {"live_cost_usd"}
    return (line.model_dump_json(include=fields) + "\n").encode("utf-8")


def error_line(
    id_: str, exc: BaseException | str, line: int | None, secrets: Iterable[str] = ()
) -> OutputLine:
    """An error line: a message string is an input problem, an exception keeps its type name.
    The message is redacted (extractor.redact): `secrets` are the configured key and URL password."""
    kind, message = ("InputError", exc) if isinstance(exc, str) else (type(exc).__name__, str(exc))
    error = ErrorInfo(type=kind, message=redact(message, secrets))
    return OutputLine(id=id_, status="error", error=error, line=line)
