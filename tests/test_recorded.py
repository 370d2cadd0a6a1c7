"""Recorded HTTP exchanges with the real llama.cpp OpenAI-compatible server, replayed offline.

Re-record every cassette (starts the embedded model's server on loopback, records, stops it):

    python scripts/record_cassettes.py

In CI these tests replay with record_mode "none" and allow_playback_repeats=False: no
server, no network. Requests must match the recording exactly (method, scheme, host,
port, path, query and the parsed JSON body; never headers), so a changed prompt, schema
or model fails with a message saying to re-record; so does a recorded request that is
no longer made. Cassettes hold no key: the client sends a fake one, the recorder drops
it, and a test scans every cassette for anything key-like.

Cassettes (tests/cassettes/):
    extraction.yaml       one article, one answer (openai backend, mode llamacpp)
    reask.yaml            an answer failing the checks, the re-ask with the errors, the second answer
    transport_retry.yaml  a 503 (Retry-After: 0) from a proxy in front of the server, then the real 200
    client_error.yaml     the real server's 404 for a wrong base URL
    batch.yaml            three articles, one after another, through run_batch with one Extractor
"""

import json
import logging
import re
import shutil
from typing import Any

import pytest
import yaml
from vcr.request import Request

from extractor import BackendError, Extractor
from extractor.backends.transport import RetryPolicy
from extractor.batch import run_batch
from extractor.checks import Checker
from extractor.forms.draft import DraftForm
from extractor.forms.prompt import default_dir
from schemas import Extraction
from schemas.draft import Draft
from tests.recording import (
    FAKE_KEY,
    FLAKY_PROXY,
    MISMATCH,
    SERVER,
    cassette_dir,
    json_body,
    live,
    recorder,
    recording,
    replaying,
)

MODEL = "gemma-3-270m-q4_k_m"
PUBLISHED = "2024-03-06"
ARTICLE = (
    "Saltmarsh Labs, a Bristol maker of tidal-energy sensors, has raised £6 million in a Series A round led by "
    "Severn Capital, with Avon Ventures joining, the company said on Monday."
)
SHORT = "Tidewell, a Cork payroll start-up, raised $4 million in seed funding from Brine Capital."
NO_NAMES = "a seed round of $2 million closed this week, the firm said."
BATCH = [
    {"id": "b1", "text": "Quarrylight raised $3 million in a seed round led by Granite Ventures.", "published": "2024-02-01"},
    {"id": "b2", "text": "Fernhill Bio has secured €9 million from Oakmoor Capital in a Series A.", "published": "2024-02-02"},
    {"id": "b3", "text": "Lumen Freight launched a route planner for vans on Tuesday.", "published": "2024-02-03"},
]  # fmt: skip
replay_only = pytest.mark.skipif(recording(), reason="checks replay; recording it would overwrite a cassette")


def extractor(base_url: str = SERVER, **kw: Any) -> Extractor:
    kw.setdefault("retry", RetryPolicy(attempts=3, initial_wait=0.01, max_wait=0.05))
    # max_tokens bounds a runaway answer; the model fills the investor list (maxItems 10), ~460 tokens.
    return Extractor("openai", model=MODEL, base_url=live(base_url), api_key=FAKE_KEY, mode="llamacpp",
                     max_tokens=900, timeout=600, **kw)  # fmt: skip


def sent(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in cassette.requests]


def answers(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(r["body"]["string"]) for r in cassette.responses]


def usage_of(answer: dict[str, Any]) -> tuple[int, int, int]:
    u = answer["usage"]
    return u["prompt_tokens"], u["completion_tokens"], u["total_tokens"]


def tokens(record: Extraction) -> tuple[int, int, int]:
    assert record.provenance is not None, "a record from the pipeline carries its provenance"
    u = record.provenance.usage
    return u.prompt_tokens, u.completion_tokens, u.total_tokens


def example_text() -> str:
    return DraftForm().example_text


def invented(answer: dict[str, Any], article: str) -> set[str]:
    """The values of a raw model answer that the article does not contain."""
    content = json.loads(answer["choices"][0]["message"]["content"])
    values = set()
    for rnd in content.get("rounds", []):
        values |= {rnd.get(k) for k in ("company", "amount", "amount_usd", "date")}
        values |= {inv["name"] for inv in rnd.get("investors", [])}
    return {v for v in values if isinstance(v, str) and v not in article}


def unwarned(answer: dict[str, Any], article: str, record: Extraction) -> set[str]:
    """Invented values the record does not account for: each must be named in a warning of its own, or
    belong to a round whose invented company was dropped (that warning names the company)."""
    warned = {w.value for w in record.warnings}
    missing = set()
    for rnd in json.loads(answer["choices"][0]["message"]["content"]).get("rounds", []):
        made_up = invented({"choices": [{"message": {"content": json.dumps({"rounds": [rnd]})}}]}, article)
        if rnd.get("company") in made_up and rnd["company"] in warned:
            continue  # the whole round went, with one warning naming its company
        missing |= made_up - warned
    return missing


def assert_grounded(record: Extraction, article: str) -> None:
    """Everything the record keeps is in the article, at the offsets it names."""
    assert Extraction.model_validate_json(record.model_dump_json()) == record
    for rnd in record.rounds:
        assert rnd.company in article
        assert all(inv.name in article for inv in rnd.investors)
        for ev in rnd.evidence.values():
            assert article[ev.start : ev.end] == ev.text


def test_successful_extraction():
    with replaying("extraction") as cassette, extractor(max_reasks=0) as ex:
        record = ex.extract(ARTICLE, PUBLISHED)
    [body], [answer] = sent(cassette), answers(cassette)
    assert body["model"] == MODEL and body["temperature"] == 0 and body["max_tokens"] == 900
    assert body["response_format"]["type"] == "json_object"
    assert body["response_format"]["schema"]["properties"]["rounds"]["maxItems"] == 4
    assert body["messages"][0]["role"] == "system" and ARTICLE in body["messages"][-1]["content"]
    assert PUBLISHED in body["messages"][-1]["content"]
    assert answer["model"] and answer["choices"][0]["finish_reason"] == "stop"

    assert record.provenance.model == MODEL and record.provenance.backend == "openai:llamacpp"
    assert record.provenance.attempts == 1
    assert tokens(record) == usage_of(answer) and record.provenance.usage.completion_tokens > 0
    assert record.is_funding_news is True
    assert "Saltmarsh Labs" in {r.company for r in record.rounds}
    assert_grounded(record, ARTICLE)
    # What the small model made up was dropped, and each dropped value is accounted for by a warning.
    assert unwarned(answer, ARTICLE, record) == set()
    if invented(answer, ARTICLE):
        assert record.warnings


def test_a_failed_check_is_sent_back_as_a_reask():
    with replaying("reask") as cassette, extractor(max_reasks=1) as ex:
        record = ex.extract(NO_NAMES, PUBLISHED)
    first, second = sent(cassette)  # two requests: the answer failed the checks once
    assert second["messages"][: len(first["messages"])] == first["messages"]
    reask = second["messages"][-1]["content"]
    assert second["messages"][-1]["role"] == "user" and "Correct your JSON" in reask
    # The re-ask carries the errors the checks found in the first answer, word for word.
    draft = Draft.model_validate_json(answers(cassette)[0]["choices"][0]["message"]["content"])
    errors = Checker(NO_NAMES, PUBLISHED, example_text()).check(draft).reasks
    assert errors and all(e in reask for e in errors), (errors, reask)
    # Nothing in it depends on a dependency's release: no pydantic documentation URL.
    assert "errors.pydantic.dev" not in json.dumps(second)

    assert record.provenance.attempts == 2
    both = [usage_of(a) for a in answers(cassette)]
    assert tokens(record) == tuple(map(sum, zip(*both, strict=True)))
    assert_grounded(record, NO_NAMES)
    assert record.rounds == []  # the article names no company: every round was invented
    assert any("values removed after 2 attempts" in w.message for w in record.warnings)
    assert any(w.path.startswith("rounds.") for w in record.warnings)


def test_a_transport_error_is_retried(caplog):
    caplog.set_level(logging.WARNING, logger="extractor.backends.transport")
    with replaying("transport_retry") as cassette, extractor(FLAKY_PROXY, max_reasks=0) as ex:
        record = ex.extract(SHORT, PUBLISHED)
    assert [r["status"]["code"] for r in cassette.responses] == [503, 200]
    busy = {k.lower(): v for k, v in cassette.responses[0]["headers"].items()}
    assert busy["retry-after"] == ["0"]
    first, second = sent(cassette)
    assert first == second  # the same request again, not a re-ask
    assert "transient error (attempt 1)" in caplog.text and "503" in caplog.text
    assert record.provenance.attempts == 1
    assert tokens(record) == usage_of(answers(cassette)[1]) and record.provenance.usage.total_tokens > 0
    assert_grounded(record, SHORT)


def test_a_client_error_is_surfaced_clearly():
    wrong = extractor(SERVER.replace("/v1", "/v9"), max_reasks=0)
    with (
        replaying("client_error") as cassette,
        wrong as ex,
        pytest.raises(BackendError, match=r"^404 from the model endpoint: wrong base URL") as err,
    ):
        ex.extract(ARTICLE)
    assert [r["status"]["code"] for r in cassette.responses] == [404]  # not retried
    assert cassette.requests[0].path == "/v9/chat/completions"
    assert "Not Found" in str(err.value)


def test_a_batch_of_articles(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in BATCH))
    out = tmp_path / "out.jsonl"
    with replaying("batch") as cassette, extractor(max_reasks=0) as ex:
        summary = run_batch(src, out, extractor=ex, concurrency=1, progress=False)
    lines = {x["id"]: x for x in map(json.loads, out.read_text().splitlines())}
    assert sorted(lines) == ["b1", "b2", "b3"] and summary.counts == {"ok": 3}
    # One request per article, in input order (concurrency 1, one Extractor).
    bodies = sent(cassette)
    assert all(a["text"] in b["messages"][-1]["content"] for a, b in zip(BATCH, bodies, strict=True))
    recorded = tuple(map(sum, zip(*[usage_of(a) for a in answers(cassette)], strict=True)))
    u = summary.usage
    assert (u.prompt_tokens, u.completion_tokens, u.total_tokens) == recorded
    for article, answer in zip(BATCH, answers(cassette), strict=True):
        line = lines[article["id"]]
        assert line["model"] == MODEL
        record = Extraction.model_validate(line["extraction"])
        assert_grounded(record, article["text"])
        assert tokens(record) == usage_of(answer)
        assert unwarned(answer, article["text"], record) == set()


@replay_only
def test_a_changed_prompt_fails_loudly_with_the_rerecord_command(tmp_path):
    for f in default_dir().iterdir():
        if f.suffix in (".j2", ".json"):
            shutil.copy(f, tmp_path / f.name)
    (tmp_path / "chat_system.j2").write_text((tmp_path / "chat_system.j2").read_text() + "\nBe terse.\n")
    changed = extractor(max_reasks=0, prompt_dir=tmp_path)
    with pytest.raises(pytest.fail.Exception) as failed, replaying("extraction"), changed as ex:
        ex.extract(ARTICLE, PUBLISHED)
    assert str(failed.value) == MISMATCH
    assert "re-record with `python scripts/record_cassettes.py`" in str(failed.value)


@replay_only
def test_a_recorded_request_no_longer_made_fails_loudly():
    # Without re-asks the second recorded request (the re-ask) is never sent.
    unplayed = r"only 1 of the 2 recorded requests in reask\.yaml"
    with (
        pytest.raises(pytest.fail.Exception, match=unplayed),
        replaying("reask"),
        extractor(max_reasks=0) as ex,
    ):
        ex.extract(NO_NAMES, PUBLISHED)


def test_dependency_wording_is_normalised_but_our_text_is_not():
    def req(text: str) -> Request:
        body = {"messages": [{"role": "user", "content": text}]}
        return Request("POST", SERVER + "/chat/completions", json.dumps(body).encode(), {})

    recorded = req(
        "Value error, x [type=value_error]\n For further information visit https://errors.pydantic.dev/2.13/v/value_error"
    )
    newer = req(
        "Value error, x [type=value_error]\n For further information visit https://errors.pydantic.dev/2.14/v/value_error"
    )
    json_body(recorded, newer)  # a pydantic minor release changes only its own URL
    with pytest.raises(AssertionError):
        json_body(
            recorded,
            req(
                "Value error, y [type=value_error]\n For further information visit https://errors.pydantic.dev/2.13/v/value_error"
            ),
        )


def test_bodies_match_as_json_not_as_bytes():
    a = Request("POST", SERVER + "/chat/completions", b'{"a": 1, "b": [1, 2]}', {})
    b = Request("POST", SERVER + "/chat/completions", b'{"b":[1,2],"a":1}', {})
    c = Request("POST", SERVER + "/chat/completions", b'{"b":[2,1],"a":1}', {})
    json_body(a, b)
    with pytest.raises(AssertionError):
        json_body(a, c)


def test_the_recorder_drops_keys_and_writes_the_canonical_port(monkeypatch):
    monkeypatch.setenv("VCR_RECORD", "all")
    monkeypatch.setenv("RECORD_SERVER_URL", "http://127.0.0.1:40123/v1")
    monkeypatch.delenv("RECORD_PROXY_URL", raising=False)
    assert live(SERVER) == "http://127.0.0.1:40123/v1" and live(FLAKY_PROXY) == FLAKY_PROXY
    scrub = recorder().get_merged_config()["before_record_request"]
    request = Request(
        "POST",
        "http://127.0.0.1:40123/v1/chat/completions?api_key=k1&key=k2&token=k3&access_token=k4&v=1",
        b"{}",
        {"Authorization": f"Bearer {FAKE_KEY}", "api-key": FAKE_KEY, "Content-Type": "application/json"},
    )
    kept = scrub(request)
    assert kept.uri == SERVER + "/chat/completions?v=1"
    assert {k.lower() for k in kept.headers} == {"content-type"}


KEYLIKE = [
    re.compile(r"sk-[A-Za-z0-9_-]{10,}"),
    re.compile(r"Bearer\s+\S+", re.I),
    re.compile(r"api[-_]?key\W+\S{8,}", re.I),
    re.compile(r"(?i)^\s*(?:authorization|x-api-key|api-key)\s*:", re.M),
]
TOKEN_VALUE = [re.compile(r"\b[0-9a-fA-F]{24,}\b"), re.compile(r"[A-Za-z0-9+/_-]{32,}={0,2}")]


def test_cassettes_hold_no_secret():
    files = sorted(cassette_dir().glob("*.yaml"))
    assert {f.stem for f in files} >= {"extraction", "reask", "transport_retry", "client_error", "batch"}
    for f in files:
        text = f.read_text()
        for pattern in KEYLIKE:
            assert not pattern.search(text), f"{f.name} holds something key-like: {pattern.pattern}"
        for exchange in yaml.safe_load(text)["interactions"]:
            assert "?" not in exchange["request"]["uri"], f"{f.name}: a query string was recorded"
            for part in ("request", "response"):
                for name, values in (exchange[part].get("headers") or {}).items():
                    for value in values:
                        for pattern in TOKEN_VALUE:
                            assert not pattern.search(str(value)), (
                                f"{f.name}: {part} header {name} looks like a token"
                            )
