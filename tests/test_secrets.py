"""No secret reaches anything a run writes (issue 11, cases 2 and 3).

A server that repeats the key it was sent ("Incorrect API key provided: Bearer sk-test-SECRET123")
put the key into batch output, predictions and reports; with a password in OPENAI_BASE_URL, `-v`
printed it in httpx's request lines. Here the real CLI runs `extract`, `batch` and `eval` at `-v`
against a hostile loopback server that echoes credentials in its errors and in its answers, and every
file the runs wrote (output, cache, predictions, reports, the logs) is searched for the key and for
the planted password.
"""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.redact import MASK, RedactingFilter, configured_secrets, redact
from tests.hostile_server import HostileServer, answer, echo_key

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-test-SECRET123"
PASSWORD = "PW-planted-77"
LEAKS = [KEY.encode(), PASSWORD.encode(), base64.b64encode(f"user:{PASSWORD}".encode())]

HONEST = "Acme Robotics raised $5 million in a seed round led by Foo Ventures."
ECHO = "Echo Labs raised $7 million in a seed round led by Bar Capital."
DENY = "Deny Systems raised $9 million in a seed round led by Baz Partners."


def _hostile(request):
    """Honest for most articles; for Echo Labs it answers with the credentials it was sent as values;
    for Deny Systems it refuses them in a 401 that repeats them."""
    user = " ".join(str(m.get("content")) for m in request["json"]["messages"])
    sent = request["headers"].get("authorization", "")
    if "Deny Systems" in user:
        return echo_key(request)
    if "Echo Labs" in user:
        rnd = {"company": "Echo Labs", "amount": "$7 million",
               "investors": [{"name": sent, "lead": True}, {"name": f"Fund {sent}", "lead": False}]}  # fmt: skip
        return answer(json.dumps({"is_funding_news": True, "rounds": [{"company": sent}, rnd]}))
    rnd = {
        "company": "Acme Robotics",
        "amount": "$5 million",
        "investors": [{"name": "Foo Ventures", "lead": True}],
    }
    return answer(json.dumps({"is_funding_news": True, "rounds": [rnd]}))


def _run(env, args, log, stdout=None, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")} | env
    with open(log, "wb") as err, open(stdout or os.devnull, "wb") as out:
        return subprocess.run([sys.executable, "-m", "extractor", "-v", *map(str, args)],
                              stdout=out, stderr=err, env=env, cwd=cwd, timeout=120).returncode  # fmt: skip


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_no_file_a_run_writes_holds_the_key_or_the_url_password(tmp_path):
    batch_in = tmp_path / "in.jsonl"
    batch_in.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate([HONEST, ECHO, DENY]))
    )
    gold = {"is_funding_news": True, "rounds": []}
    eval_set = tmp_path / "set.jsonl"
    eval_set.write_text(
        "".join(
            json.dumps({"id": f"g{i}", "text": t, "gold": gold}) + "\n" for i, t in enumerate([ECHO, DENY])
        )
    )
    (tmp_path / "echo.txt").write_text(ECHO)
    (tmp_path / "deny.txt").write_text(DENY)
    common = ["--model", "m", "--mode", "json"]
    with HostileServer(_hostile) as server:
        keyed = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": server.base_url, "EXTRACTOR_TIMEOUT": "10"}
        passworded = {
            "OPENAI_BASE_URL": server.url_with_password("user", PASSWORD),
            "EXTRACTOR_TIMEOUT": "10",
        }
        codes = [
            _run(keyed, ["batch", batch_in, "-o", tmp_path / "out.jsonl", "--cache", tmp_path / "cache.sqlite", *common], tmp_path / "batch.log"),
            _run(keyed, ["eval", eval_set, "--report-dir", tmp_path / "report", *common], tmp_path / "eval.log"),
            _run(keyed, ["extract", tmp_path / "deny.txt", *common], tmp_path / "deny.log"),
            _run(passworded, ["batch", batch_in, "-o", tmp_path / "out2.jsonl", "--cache", tmp_path / "cache2.sqlite", *common], tmp_path / "batch2.log"),
            _run(passworded, ["extract", tmp_path / "echo.txt", *common], tmp_path / "echo.log", tmp_path / "echo.json"),
            _run(passworded, ["extract", tmp_path / "deny.txt", *common], tmp_path / "deny2.log"),
        ]  # fmt: skip
        sent = {r["headers"].get("authorization") for r in server.requests}
    assert codes == [0, 0, 2, 0, 0, 2]
    # The server did receive (and echo) the secrets, so a clean result means redaction worked.
    assert f"Bearer {KEY}" in sent and f"Basic {LEAKS[2].decode()}" in sent
    out = {line["id"]: line for line in _lines(tmp_path / "out.jsonl")}
    assert out["a0"]["status"] == "ok" and out["a2"]["status"] == "error"
    assert MASK in out["a2"]["error"]["message"] and "401" in out["a2"]["error"]["message"]
    assert any(MASK in (w["value"] or "") for w in out["a1"]["warnings"]), "the echoed key is named, redacted"
    logs = (tmp_path / "batch2.log").read_text()
    assert "HTTP Request: POST http://user:" in logs and MASK in logs, "-v logged the requests"
    written = [
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and p.suffix not in (".txt",) and p.name not in ("in.jsonl", "set.jsonl")
    ]
    assert {p.name for p in written} >= {"out.jsonl", "predictions.jsonl", "report.json", "report.md",
                                          "report.html", "batch.log", "eval.log", "echo.json", "batch2.log"}  # fmt: skip
    # The response cache is a directory of files; every one of them is searched too.
    assert any(p.is_relative_to(tmp_path / "cache.sqlite") for p in written)
    leaks = {p.name: leak for p in written for leak in LEAKS if leak in p.read_bytes()}
    assert leaks == {}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Incorrect API key provided: Bearer sk-test-SECRET123", "Incorrect API key provided: Bearer "),
        ("POST http://user:hunter2@host:8080/v1/chat", "POST http://user:"),
        ("GET https://api.example.com/v1?api_key=abc123&x=1", "&x=1"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x1", "Authorization: Bearer "),
        ("token ghp_abcdefghijklmnop123", "token "),
        ('{"api_key": "my-secret-value"}', '{"api_key": "'),
    ],
)
def test_credential_like_text_is_masked(text, kept):
    cleaned = redact(text)
    assert MASK in cleaned and kept in cleaned
    assert not any(s in cleaned for s in ("SECRET123", "hunter2", "abc123", "eyJhbG", "ghp_", "my-secret"))


def test_names_that_look_like_credentials_stay_in_text_quoting_the_article():
    # A record's warnings quote the article: only the configured secrets are masked there.
    assert (
        redact("investor 'Bearer Capital 2024 Fund' led", patterns=False)
        == "investor 'Bearer Capital 2024 Fund' led"
    )
    assert redact("Bearer Capital led the round") == "Bearer Capital led the round"
    assert redact(f"name {KEY!r}", [KEY], patterns=False) == f"name '{MASK}'"


def test_configured_secrets_are_the_key_the_url_password_and_its_basic_credential():
    secrets = configured_secrets(KEY, f"http://user:{PASSWORD}@127.0.0.1:1/v1")
    assert {KEY, PASSWORD, LEAKS[2].decode()} <= set(secrets)
    assert configured_secrets(None, "http://127.0.0.1:1/v1") == ()


def test_the_log_filter_redacts_arguments_and_exceptions():
    import logging

    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "HTTP Request: %s %s", ("POST", f"http://u:{PASSWORD}@h/v1"), None
    )
    try:
        raise ValueError(f"refused {KEY}")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert RedactingFilter([KEY]).filter(record)
    assert PASSWORD not in record.getMessage() and KEY not in record.getMessage() and record.exc_info is None
