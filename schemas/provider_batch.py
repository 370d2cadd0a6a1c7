"""Shapes of a provider batch run: OpenAI's Batch API file lines, and the job state kept next to the output.

The request and result lines are OpenAI's Batch API format, which vLLM's `run-batch` also reads and
writes: one JSON object per line, `custom_id` tying a result to its request.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

ENDPOINT = "/v1/chat/completions"
COMPLETION_WINDOW = "24h"

# Batch statuses (OpenAI): validating -> in_progress -> finalizing -> completed, or failed, expired,
# cancelling -> cancelled. Before those, a job of ours is "planned" (request file written) or "uploaded".
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


class BatchRequestLine(BaseModel):
    """One line of a request file: the exact body the live path would send, keyed by article id."""

    custom_id: str
    method: Literal["POST"] = "POST"
    url: str = ENDPOINT
    body: dict[str, Any]


class BatchResponse(BaseModel):
    status_code: int
    request_id: str | None = None
    body: dict[str, Any] | None = None


class BatchRowError(BaseModel):
    code: str | None = None
    message: str | None = None


class BatchResultLine(BaseModel):
    """One line of an output or error file: a response, or an error (or a non-200 response)."""

    id: str | None = None
    custom_id: str
    response: BatchResponse | None = None
    error: BatchRowError | None = None


class Recovered(BaseModel):
    """What collecting one job wrote: answers that passed the checks as they were, answers repaired by a
    live re-ask, articles the job did not answer that were asked live, and error lines."""

    answered: int = 0
    repaired: int = 0
    asked_live: int = 0
    errors: int = 0


class JobState(BaseModel):
    """One request file and the batch job that runs it."""

    index: int
    requests_file: str = Field(description="Name of the request file inside the state directory.")
    ids_file: str = Field(description="Its custom_ids, one JSON string per line.")
    requests: int
    bytes: int
    sha256: str
    file_id: str | None = None
    batch_id: str | None = None
    status: str = "planned"
    request_counts: dict[str, int] = Field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    output_file: str | None = Field(
        default=None, description="Downloaded output file, in the state directory."
    )
    error_file: str | None = Field(default=None, description="Downloaded error file, in the state directory.")
    errors: list[str] = Field(default_factory=list, description="Job-level errors (a job that failed).")
    collected: bool = False
    recovered: Recovered = Field(default_factory=Recovered)

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL


class RunState(BaseModel):
    """Everything a rerun needs to pick the jobs up again; written atomically before anything is awaited."""

    version: Literal[1] = 1
    created_at: float
    nonce: str = Field(
        description="Names this run's uploads and tags its jobs (metadata), to find them again."
    )
    input: str
    model: str
    backend: str
    prompt_version: str
    schema_version: str
    endpoint: str = ENDPOINT
    completion_window: str = COMPLETION_WINDOW
    jobs: list[JobState] = Field(default_factory=list)
