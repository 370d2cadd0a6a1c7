"""Fault injection, the server side: a hostile endpoint (tests/hostile_server.py) that trickles, goes
silent, cuts bodies short, lies about lengths and token counts, or answers with something that is not
a chat completion. Every case ends in one clear error (or a clean record) within the timeout.

Issue 11, case 6: a server sending one byte per second kept `extract --timeout 2` running until it
was killed at 90 s; `--timeout` now bounds the whole request, and a batch never stalls behind one
such connection. Issue 10: an unreachable endpoint is one line naming the URL.
"""

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import BackendError, Extractor
from extractor.backends.transport import RetryPolicy
from extractor.batch import run_batch
from extractor.pipeline import ExtractionFailed
from tests.hostile_server import HostileServer, Reply, answer
from tests.stub_server import completion

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Acme Robotics raised $5 million in a seed round led by Foo Ventures."
NO_ROUND = json.dumps({"is_funding_news": False, "rounds": []})
ONCE = RetryPolicy(attempts=1)
TWICE = RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.02)


def _extractor(server, timeout=1.0, retry=ONCE, **kw):
    return Extractor("openai", model="m", base_url=server.base_url, api_key="k", mode="json",
                     timeout=timeout, retry=retry, **kw)  # fmt: skip


@pytest.mark.parametrize("how", ["trickle", "trickle_body", "silent"])
def test_a_trickling_or_silent_server_is_cut_off_at_the_timeout_sync_and_async(how):
    # One byte every 0.3 s never trips a per-read timeout of 1 s: only a whole-request deadline ends it
    # (the whole response would take a minute and a half, and then succeed).
    with HostileServer(lambda r: Reply(body=answer(NO_ROUND).body, how=how, interval=0.3)) as server:
        ex = _extractor(server)
        with pytest.raises(
            BackendError, match=r"gave no complete answer within the 1 s timeout \(after 1 attempt\)"
        ):
            ex.extract(ARTICLE)

        async def go():
            try:
                await ex.aextract(ARTICLE)
            finally:
                await ex.aclose()

        with pytest.raises(BackendError, match="within the 1 s timeout"):
            asyncio.run(go())
        ex.close()


def test_extract_timeout_bounds_a_trickling_attempt_and_the_retry_succeeds(tmp_path):
    """The CLI: the first attempt trickles forever, `--timeout 2` cuts it, the retry gets the answer."""
    good = answer(
        json.dumps(
            {"is_funding_news": True, "rounds": [{"company": "Acme Robotics", "amount": "$5 million"}]}
        )
    )
    replies = iter([Reply(body=good.body, how="trickle", interval=1.0)])
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    with HostileServer(lambda r: next(replies, good)) as server:
        env = {**os.environ, "OPENAI_API_KEY": "k"}
        run = subprocess.run(
            [sys.executable, "-m", "extractor", "extract", str(article), "--base-url", server.base_url,
             "--model", "m", "--mode", "json", "--timeout", "2", "--compact"],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["rounds"][0]["company"] == "Acme Robotics"
    assert len(server.requests) == 2
    assert run.stderr == "", "the retry log is for -v only"


def test_a_batch_never_stalls_behind_a_trickling_connection(tmp_path):
    def reply(request):
        if "Slow Corp" in request["json"]["messages"][-1]["content"]:
            return Reply(body=answer(NO_ROUND).body, how="trickle", interval=0.5)
        return answer(NO_ROUND)

    src = tmp_path / "in.jsonl"
    texts = ["Slow Corp raised $1 million.", *(f"Fast {i} raised ${i} million." for i in range(1, 6))]
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out = tmp_path / "out.jsonl"
    with HostileServer(reply) as server, _extractor(server, timeout=1.5, retry=TWICE) as ex:
        summary = run_batch(src, out, extractor=ex, concurrency=2, progress=False)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines[:5]] == [f"a{i}" for i in range(1, 6)], (
        "the fast ones are not held up"
    )
    assert (
        lines[5]["id"] == "a0"
        and "within the 1.5 s timeout (after 2 attempts)" in lines[5]["error"]["message"]
    )
    assert summary.counts == {"ok": 5, "error": 1}


@pytest.mark.parametrize(
    ("how", "fragment"),
    [
        ("truncate", "broke after 2 attempts: peer closed connection without sending complete message body"),
        ("long_length", "broke after 2 attempts: peer closed connection"),
    ],
)
def test_a_body_cut_short_is_retried_then_one_clear_error(how, fragment):
    server = HostileServer(lambda r: Reply(body=answer(NO_ROUND).body, how=how))
    with server, _extractor(server, retry=TWICE) as ex, pytest.raises(BackendError, match=fragment):
        ex.extract(ARTICLE)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=answer(NO_ROUND).body, how="short_length"),  # Content-Length lies: the JSON is cut
        Reply(body=b"<html><body>Welcome to the captive portal</body></html>", content_type="text/html"),
        Reply(body=json.dumps({**completion(NO_ROUND), "choices": []}).encode()),
        Reply(body=b'{"choices": "none"}'),
    ],
    ids=["short-length", "html-200", "no-choices", "not-a-completion"],
)
def test_a_response_that_is_not_a_chat_completion_is_named_as_such(reply):
    with (
        HostileServer(lambda r: reply) as server,
        _extractor(server) as ex,
        pytest.raises(ExtractionFailed, match="held no chat completion .* OpenAI-compatible /v1 endpoint"),
    ):
        ex.extract(ARTICLE)


def test_an_html_error_page_is_retried_and_named_with_its_status():
    page = Reply(status=502, body=b"<html><body>Bad gateway</body></html>", content_type="text/html")
    with (
        HostileServer(lambda r: page) as server,
        _extractor(server, retry=TWICE) as ex,
        pytest.raises(
            BackendError,
            match=r"^502 from the model endpoint after 2 attempts: <html>.*</html> \(http://127\.0\.0\.1:\d+/v1/chat/completions\)$",
        ),
    ):
        ex.extract(ARTICLE)


def test_lying_token_counts_cannot_go_negative():
    body = {
        **completion(NO_ROUND),
        "usage": {"prompt_tokens": -500, "completion_tokens": "many", "total_tokens": None},
    }
    with HostileServer(lambda r: Reply(body=json.dumps(body).encode())) as server, _extractor(server) as ex:
        usage = ex.extract(ARTICLE).provenance.usage
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (0, 0, 0)


def test_an_unreachable_endpoint_is_one_line_naming_the_url():
    with HostileServer(lambda r: Reply()) as server:
        url = server.base_url  # closed when the block ends: nothing listens there any more
    env = {**os.environ, "OPENAI_BASE_URL": url, "OPENAI_API_KEY": "k"}
    run = subprocess.run([sys.executable, "-m", "extractor", "extract", "-", "--model", "m"], input=ARTICLE,
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"error: could not reach the model endpoint {url}/chat/completions after 5 attempts: Connection refused"
    ]
