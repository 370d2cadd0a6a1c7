"""vcrpy set-up for the recorded HTTP tests: strict matching, secrets filtered, a clear re-record message.

Cassettes are recorded from the real llama.cpp server running the embedded model
(`python scripts/record_cassettes.py`) and replayed offline in CI.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

CASSETTES = Path(__file__).resolve().parent / "cassettes"
RERECORD = "python scripts/record_cassettes.py"
# Where the recording command serves the model (fixed, so replays match on host and port).
SERVER = "http://127.0.0.1:8765/v1"
FLAKY_PROXY = "http://127.0.0.1:8766/v1"
FAKE_KEY = "sk-test-not-a-real-key-000000"


def _json_body(r1: Any, r2: Any) -> None:
    """Bodies must be the same JSON: a changed prompt, schema or model fails instead of replaying."""

    def parse(body: Any) -> Any:
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        try:
            return json.loads(body) if body else None
        except ValueError:
            return body

    if parse(r1.body) != parse(r2.body):
        raise AssertionError("request bodies differ")


def recorder() -> vcr.VCR:
    mode = os.environ.get("VCR_RECORD", "none")
    v = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=mode,
        match_on=["method", "scheme", "host", "port", "path", "query", "json_body"],
        filter_headers=[
            "authorization",
            "api-key",
            "x-api-key",
            "openai-organization",
            "cookie",
            "set-cookie",
        ],
        filter_query_parameters=["api_key", "key", "token", "access_token"],
        decode_compressed_response=True,
    )
    v.register_matcher("json_body", _json_body)
    return v


def _mismatch(exc: BaseException) -> bool:
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, CannotOverwriteExistingCassetteException):
            return True
        stack += [e.__cause__, e.__context__]
        stack += [getattr(a, "exception", None) for a in getattr(e, "failed_attempts", None) or []]
    return False


@contextmanager
def replaying(name: str) -> Iterator[Any]:
    """Use cassette `name`; a request it does not hold fails the test with the re-record command."""
    try:
        with recorder().use_cassette(f"{name}.yaml", allow_playback_repeats=False) as cassette:
            yield cassette
    except Exception as exc:
        if _mismatch(exc):
            pytest.fail(
                "the request differs from the recording (prompt, schema or model changed?): "
                f"re-record with `{RERECORD}`",
                pytrace=False,
            )
        raise
