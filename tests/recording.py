"""vcrpy set-up for the recorded HTTP tests: strict matching, secrets filtered, a clear re-record message.

Cassettes are recorded from the real llama.cpp server running the embedded model
(`python scripts/record_cassettes.py`) and replayed offline in CI.

Tests always address the server as SERVER (127.0.0.1:8765) and the 503-first proxy
as FLAKY_PROXY (127.0.0.1:8766). While recording, the script serves them on free
ports and passes those through RECORD_SERVER_URL / RECORD_PROXY_URL; `live` maps a
canonical URL to the running one and the before_record_request hook writes the
canonical host:port back into the cassette, so replays never depend on a port.

Environment (set by the recording script, not by hand):
    VCR_RECORD          record mode; "none" (the default) replays only
    VCR_CASSETTE_DIR    where cassettes are read and written (default tests/cassettes)
    RECORD_SERVER_URL   the running llama.cpp server, e.g. http://127.0.0.1:41234/v1
    RECORD_PROXY_URL    the running 503-first proxy in front of it
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

CASSETTES = Path(__file__).resolve().parent / "cassettes"
RERECORD = "python scripts/record_cassettes.py"
SERVER = "http://127.0.0.1:8765/v1"
FLAKY_PROXY = "http://127.0.0.1:8766/v1"
FAKE_KEY = "sk-test-not-a-real-key-000000"
MISMATCH = (
    f"the request differs from the recording (prompt, schema or model changed?): re-record with `{RERECORD}`"
)
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "cookie", "set-cookie"]
SECRET_QUERY = ["api_key", "key", "token", "access_token"]
# Response headers that are per-request noise; x-request-id is a random 32-hex id that reads like a token.
NOISY_RESPONSE_HEADERS = {"x-request-id"}


def record_mode() -> str:
    return os.environ.get("VCR_RECORD", "none")


def recording() -> bool:
    return record_mode() != "none"


def cassette_dir() -> Path:
    return Path(os.environ.get("VCR_CASSETTE_DIR") or CASSETTES)


def _netloc(url: str) -> str:
    return urlsplit(url).netloc


def _live_map() -> dict[str, str]:
    """Canonical host:port -> the host:port really serving it (only while recording)."""
    pairs = {SERVER: os.environ.get("RECORD_SERVER_URL"), FLAKY_PROXY: os.environ.get("RECORD_PROXY_URL")}
    return {_netloc(c): _netloc(r) for c, r in pairs.items() if r and recording()}


def live(url: str) -> str:
    """The URL to send to: the canonical one on replay, the running server's while recording."""
    parts = urlsplit(url)
    real = _live_map().get(parts.netloc)
    return urlunsplit(parts._replace(netloc=real)) if real else url


def _canonical_host(request: Any) -> Any:
    back = {real: canonical for canonical, real in _live_map().items()}
    parts = urlsplit(request.uri)
    if parts.netloc in back:
        request.uri = urlunsplit(parts._replace(netloc=back[parts.netloc]))
    return request


def _quiet_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    for name in [h for h in headers if h.lower() in NOISY_RESPONSE_HEADERS]:
        del headers[name]
    return response


def _parse(body: Any) -> Any:
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body) if body else None
    except ValueError:
        return body


# Wording that belongs to a dependency, not to us, and changes with its releases: pydantic's error
# documentation URL carries its minor version ("https://errors.pydantic.dev/2.13/v/value_error").
_FOREIGN = [(re.compile(r"https://errors\.pydantic\.dev/[0-9.]+/"), "https://errors.pydantic.dev/VERSION/")]


def _normalised(value: Any) -> Any:
    if isinstance(value, str):
        for pattern, replacement in _FOREIGN:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items()}
    return value


def json_body(r1: Any, r2: Any) -> None:
    """Bodies must be the same JSON: a changed prompt, schema or model fails instead of replaying.
    Dependency wording that varies by release (see _FOREIGN) is normalised on both sides first."""
    if _normalised(_parse(r1.body)) != _normalised(_parse(r2.body)):
        raise AssertionError("request bodies differ (compared as parsed JSON)")


def recorder() -> vcr.VCR:
    v = vcr.VCR(
        cassette_library_dir=str(cassette_dir()),
        record_mode=record_mode(),
        match_on=["method", "scheme", "host", "port", "path", "query", "json_body"],
        filter_headers=SECRET_HEADERS,
        filter_query_parameters=SECRET_QUERY,
        before_record_request=_canonical_host,
        before_record_response=_quiet_response,
        decode_compressed_response=True,
    )
    v.register_matcher("json_body", json_body)
    return v


def is_mismatch(exc: BaseException) -> bool:
    """Whether vcrpy's "no recorded request matches" is somewhere in the chain (openai, tenacity, ours)."""
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
        # instructor keeps the exceptions of its attempts on InstructorRetryException
        stack += [getattr(a, "exception", None) for a in getattr(e, "failed_attempts", None) or []]
        stack += list(getattr(e, "exceptions", None) or [])  # exception groups
    return False


@contextmanager
def replaying(name: str) -> Iterator[Any]:
    """Use cassette `name`; a request it does not hold fails the test with the re-record command.

    On replay every recorded exchange must also be used (a request the code under test swallowed,
    such as a batch line that became an error, or a re-ask that no longer happens, fails the same way).
    """
    try:
        with recorder().use_cassette(f"{name}.yaml", allow_playback_repeats=False) as cassette:
            yield cassette
    except Exception as exc:
        if is_mismatch(exc):
            pytest.fail(MISMATCH, pytrace=False)
        raise
    if not recording() and not cassette.all_played:
        pytest.fail(
            f"only {cassette.play_count} of the {len(cassette)} recorded requests in {name}.yaml were made; "
            + MISMATCH,
            pytrace=False,
        )
