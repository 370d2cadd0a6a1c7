"""What each backend actually sends: the request bodies, captured by a loopback HTTP server."""

import json

import pytest

from extractor import ConfigError, Extractor
from extractor.backends import resolve_settings
from extractor.backends.embedded.backend import render_prompt
from tests.stub_server import StubServer

ARTICLE = "Tidewater Robotics raised $18 million in a Series A round led by Northmoor Ventures on Tuesday."
ANSWER = json.dumps(
    {
        "is_funding_news": True,
        "rounds": [
            {
                "company": "Tidewater Robotics",
                "round_label": "Series A",
                "amount": "$18 million",
                "date": "on Tuesday",
                "investors": [{"name": "Northmoor Ventures", "lead": True}],
            }
        ],
    }
)


def _send(mode):
    with StubServer(lambda r: ANSWER) as server:
        with Extractor("openai", model="m1", base_url=server.base_url, api_key="k", mode=mode) as ex:
            record = ex.extract(ARTICLE, "2024-05-16")
        return server.requests[0], record


def test_json_mode_sends_json_object_and_the_schema_in_the_prompt():
    request, record = _send("json")
    body = request["json"]
    assert request["path"] == "/v1/chat/completions"
    assert body["model"] == "m1" and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_object"}
    assert "Published: 2024-05-16" in body["messages"][-1]["content"]
    assert '"investors"' in body["messages"][0]["content"]  # the Draft schema, described by instructor
    assert record.rounds[0].announced == "2024-05-14"
    assert record.rounds[0].investors[0].lead is True


def test_json_schema_mode_sends_the_pydantic_schema():
    body = _send("json_schema")[0]["json"]
    assert body["response_format"]["type"] == "json_schema"
    assert "rounds" in body["response_format"]["json_schema"]["schema"]["properties"]


def test_llamacpp_mode_attaches_the_schema_to_json_object():
    body = _send("llamacpp")[0]["json"]
    assert body["response_format"]["type"] == "json_object"
    schema = body["response_format"]["schema"]
    assert schema["required"] == ["is_funding_news"]
    assert schema["properties"]["rounds"]["maxItems"] == 4  # bounded lists: no runaway under a grammar


def test_provenance_names_model_backend_and_prompt_version():
    record = _send("json")[1]
    p = record.provenance
    assert (p.model, p.backend, p.schema_version) == ("m1", "openai:json", "1.0")
    assert p.prompt_version.startswith("draft-") and p.latency_ms >= 0


def test_settings_come_from_arguments_then_environment():
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "EXTRACTOR_MODEL": "qwen"}
    s = resolve_settings(env=env)
    assert (s.kind, s.model, s.base_url) == ("openai", "qwen", "http://127.0.0.1:9/v1")
    assert resolve_settings("embedded", env=env).kind == "embedded"
    assert resolve_settings(env={}).kind == "embedded"
    # A key exported for other tools does not leave the embedded default; a model name or endpoint does.
    assert resolve_settings(env={"OPENAI_API_KEY": "k"}).kind == "embedded"
    assert resolve_settings(model="gpt-4o-mini", env={"OPENAI_API_KEY": "k"}).kind == "openai"
    with pytest.raises(ConfigError, match="needs a model"):
        resolve_settings(env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    with pytest.raises(ConfigError, match="needs a model"):
        resolve_settings("openai", env={"OPENAI_API_KEY": "k"})
    with pytest.raises(ConfigError, match="unknown"):
        resolve_settings("ollama", env={})


def test_embedded_prompt_drops_instructor_system_turn_and_continues_on_reask():
    prompt = render_prompt(
        [
            {"role": "system", "content": "As a genius expert... json_schema"},
            {"role": "user", "content": "FEW SHOT\nRoles:"},
            {"role": "assistant", "content": '{"names": {}}'},
            {"role": "user", "content": "Correct your JSON: company missing"},
        ]
    )
    assert (
        prompt
        == 'FEW SHOT\nRoles: {"names": {}}\nThat answer was rejected: Correct your JSON: company missing\nCorrected JSON:'
    )
