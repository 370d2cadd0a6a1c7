"""Recorded HTTP exchanges with the real llama.cpp OpenAI-compatible server, replayed offline.

Re-record every cassette (starts the server on loopback, records, stops it):

    python scripts/record_cassettes.py

In CI these tests replay with record_mode "none": no server, no network. Requests
must match the recording exactly (method, URL and JSON body), so a changed prompt,
schema or model fails with a message saying to re-record.
"""

import json
import os
import re
import shutil

import pytest

from extractor import BackendError, Extractor
from extractor.batch import run_batch
from extractor.prompting import Prompt
from extractor.transport import RetryPolicy
from schemas import Extraction
from tests.recording import CASSETTES, FAKE_KEY, FLAKY_PROXY, SERVER, replaying

MODEL = "gemma-3-270m-q4_k_m"
RECORDING = os.environ.get("VCR_RECORD", "none") != "none"
ARTICLE = (
    "Saltmarsh Labs, a Bristol maker of tidal-energy sensors, has raised £6 million in a Series A round led by "
    "Severn Capital, with Avon Ventures joining, the company said on Monday."
)
NO_NAMES = "a seed round of $2 million closed this week, the firm said."
BATCH = [
    {"id": "b1", "text": "Quarrylight raised $3 million in a seed round led by Granite Ventures.", "published": "2024-02-01"},
    {"id": "b2", "text": "Fernhill Bio has secured €9 million from Oakmoor Capital in a Series A.", "published": "2024-02-02"},
    {"id": "b3", "text": "Lumen Freight launched a route planner for vans on Tuesday.", "published": "2024-02-03"},
]  # fmt: skip


def extractor(base_url=SERVER, **kw):
    kw.setdefault("retry", RetryPolicy(attempts=3, initial_wait=0.01, max_wait=0.05))
    return Extractor("openai", model=MODEL, base_url=base_url, api_key=FAKE_KEY, mode="llamacpp", max_tokens=900,
                     timeout=600, **kw)  # fmt: skip


def bodies(cassette):
    return [json.loads(r.body) for r in cassette.requests]


def test_successful_extraction():
    with replaying("extraction") as cassette, extractor(max_reasks=0) as ex:
        record = ex.extract(ARTICLE, "2024-03-06")
    assert len(cassette.requests) == 1
    body = bodies(cassette)[0]
    assert body["response_format"]["type"] == "json_object" and "schema" in body["response_format"]
    assert body["model"] == MODEL and "Saltmarsh Labs" in body["messages"][-1]["content"]
    assert "authorization" not in {k.lower() for k in cassette.requests[0].headers}
    Extraction.model_validate_json(record.model_dump_json())
    assert record.provenance.model == MODEL and record.provenance.backend == "openai:llamacpp"
    assert record.provenance.usage.prompt_tokens > 0
    for rnd in record.rounds:  # whatever the small model said, what survived is in the article
        assert rnd.company in ARTICLE
        for ev in rnd.evidence.values():
            assert ARTICLE[ev.start : ev.end] == ev.text


def test_a_failed_check_is_sent_back_as_a_reask():
    with replaying("reask") as cassette, extractor(max_reasks=1) as ex:
        record = ex.extract(NO_NAMES, "2024-03-06")
    sent = bodies(cassette)
    assert len(sent) == 2, "the first answer should fail the checks (the article names no company)"
    assert sent[1]["messages"][:-2] == sent[0]["messages"]
    assert "Correct your JSON" in sent[1]["messages"][-1]["content"]
    assert re.search(
        r"does not occur in the article|copied from the prompt", sent[1]["messages"][-1]["content"]
    )
    assert record.provenance.attempts == 2 and record.rounds == []
    assert any(w.path == "record" for w in record.warnings)


def test_a_transport_error_is_retried():
    with replaying("transport_retry") as cassette, extractor(FLAKY_PROXY, max_reasks=0) as ex:
        record = ex.extract(ARTICLE, "2024-03-06")
    statuses = [r["status"]["code"] for r in cassette.responses]
    assert statuses == [503, 200]
    assert bodies(cassette)[0] == bodies(cassette)[1]
    assert record.provenance.usage.total_tokens > 0


def test_a_client_error_is_surfaced_clearly():
    wrong = extractor(SERVER.replace("/v1", "/v9"), max_reasks=0)
    with replaying("client_error") as cassette, wrong as ex, pytest.raises(BackendError, match="404"):
        ex.extract(ARTICLE)
    assert [r["status"]["code"] for r in cassette.responses] == [404]


def test_a_batch_of_articles(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in BATCH))
    out = tmp_path / "out.jsonl"
    with replaying("batch") as cassette, extractor(max_reasks=0) as ex:
        summary = run_batch(ex, str(src), str(out), concurrency=1, progress=False)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert sorted(x["id"] for x in lines) == ["b1", "b2", "b3"]
    assert summary.processed == 3 and len(cassette.requests) == 3
    assert all(x["status"] == "ok" and x["model"] == MODEL for x in lines)


@pytest.mark.skipif(RECORDING, reason="checks replay, not recording")
def test_a_changed_prompt_fails_loudly_with_the_rerecord_command(tmp_path):
    for f in Prompt("chat").directory.iterdir():
        if f.suffix in (".j2", ".json"):
            shutil.copy(f, tmp_path / f.name)
    (tmp_path / "chat_system.j2").write_text((tmp_path / "chat_system.j2").read_text() + "\nBe terse.\n")
    expected = r"differs from the recording.*python scripts/record_cassettes.py"
    changed = extractor(max_reasks=0, prompt_dir=tmp_path)
    with pytest.raises(pytest.fail.Exception, match=expected), replaying("extraction"), changed as ex:
        ex.extract(ARTICLE, "2024-03-06")


KEYLIKE = [
    re.compile(r"sk-[A-Za-z0-9_-]{10,}"),
    re.compile(r"Bearer\s+\S+", re.I),
    re.compile(r"api[-_]?key\W+\S{8,}", re.I),
    re.compile(r"(?i)(?:authorization|x-api-key|api-key):"),
]


def test_cassettes_hold_no_secret():
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 5
    for f in files:
        text = f.read_text()
        for pattern in KEYLIKE:
            assert not pattern.search(text), f"{f.name} holds something key-like: {pattern.pattern}"
