"""One line of batch output: an article's record, or the error that prevented it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas.record import Extraction, RecordWarning, Usage


class ErrorInfo(BaseModel):
    type: str
    message: str


class OutputLine(BaseModel):
    id: str
    status: Literal["ok", "error"]
    extraction: Extraction | None = None
    warnings: list[RecordWarning] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    model: str | None = None
    prompt_version: str | None = None
    latency_ms: int | None = None
    cost_usd: float | None = None
    live_cost_usd: float | None = Field(
        default=None,
        description="Provider batch lines only: what the live path would have cost for the same tokens "
        "(cost_usd is at batch prices, plus any live re-ask at live prices).",
    )
    cached: bool = False
    error: ErrorInfo | dict[str, Any] | None = None
    line: int | None = Field(
        default=None, description="Input line number, for errors about the input itself."
    )
