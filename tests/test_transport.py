"""Transport retries over real HTTP to a loopback stub: 429/5xx retried, 4xx surfaced at once."""

import json
import time

import pytest

from extractor import BackendError, Extractor
from extractor.backends.transport import RetryPolicy
from tests.stub_server import Scripted, StubServer

ARTICLE = "Quayside Labs launched a route planner for refrigerated trucks on Monday."
NO_ROUND = json.dumps({"is_funding_news": False, "rounds": []})
FAST = RetryPolicy(attempts=4, initial_wait=0.01, max_wait=0.05, max_total=10)


def _extractor(server, **kw):
    return Extractor(
        "openai", model="stub-model", base_url=server.base_url, api_key="sk-test", mode="json", **kw
    )


def test_429_then_200_is_retried_and_succeeds():
    with StubServer(lambda r: NO_ROUND) as server:
        server.script = [Scripted(429, headers={"retry-after": "0"}), Scripted(503), Scripted(200)]
        with _extractor(server, retry=FAST) as ex:
            record = ex.extract(ARTICLE)
    assert len(server.requests) == 3
    assert record.is_funding_news is False
    assert record.provenance.usage.total_tokens == 120


def test_retry_after_header_is_honoured():
    with StubServer(lambda r: NO_ROUND) as server:
        server.script = [Scripted(429, headers={"retry-after": "0.6"}), Scripted(200)]
        with _extractor(server, retry=FAST) as ex:
            started = time.perf_counter()
            ex.extract(ARTICLE)
            waited = time.perf_counter() - started
    assert waited >= 0.6
    assert len(server.requests) == 2


@pytest.mark.parametrize(("status", "fragment"), [(400, "400"), (401, "API key was refused"), (404, "404")])
def test_client_errors_fail_at_once_with_a_clear_message(status, fragment):
    with StubServer(lambda r: NO_ROUND) as server:
        server.script = [Scripted(status)]
        with _extractor(server, retry=FAST) as ex, pytest.raises(BackendError, match=fragment):
            ex.extract(ARTICLE)
    assert len(server.requests) == 1


def test_retries_stop_at_the_configured_limit():
    with StubServer(lambda r: NO_ROUND) as server:
        server.script = [Scripted(500)] * 10
        policy = RetryPolicy(attempts=3, initial_wait=0.01, max_wait=0.02)
        with _extractor(server, retry=policy) as ex, pytest.raises(BackendError, match="500"):
            ex.extract(ARTICLE)
    assert len(server.requests) == 3


def test_connection_refused_is_retried_then_reported():
    with StubServer() as server:
        url = server.base_url
    ex = Extractor(
        "openai", model="m", base_url=url, api_key="k", retry=RetryPolicy(attempts=2, initial_wait=0.01)
    )
    with pytest.raises(BackendError, match="could not reach"):
        ex.extract(ARTICLE)
