"""Batch mode over real HTTP to a loopback stub: malformed input, SIGKILL and resume, retry, cache."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.batch import repair_tail, run_batch
from extractor.cache import ResponseCache
from tests.stub_server import Scripted, StubServer, synthetic_answer, synthetic_article

ROOT = Path(__file__).resolve().parents[1]
answer = synthetic_answer
article = synthetic_article


def write_input(path, lines):
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines))
    return path


def read_output(path):
    lines = path.read_text().splitlines()
    return [json.loads(line) for line in lines]


def extractor_for(server):
    return Extractor("openai", model="stub", base_url=server.base_url, api_key="k", mode="json")


def test_malformed_lines_are_reported_with_line_numbers_and_the_batch_goes_on(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(1), "{not json", {"text": "no id"}, article(1),
                                               {"id": "e", "text": "  "}, article(2)])  # fmt: skip
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        summary = run_batch(ex, str(src), str(out), concurrency=4, progress=False)
    lines = {x["id"]: x for x in read_output(out)}
    assert len(lines) == 6 == summary.processed
    assert lines["a1"]["status"] == lines["a2"]["status"] == "ok"
    assert "input line 2 is not JSON" in lines["line:2"]["error"]["message"]
    assert "input line 3: id: Field required" in lines["line:3"]["error"]["message"]
    assert "id 'a1' appears earlier" in lines["line:4"]["error"]["message"]
    assert lines["e"]["error"]["type"] == "InputError"
    assert lines["a2"]["extraction"]["rounds"][0]["investors"][0] == {"name": "Fund2 Ventures", "aliases": [],
                                                                      "lead": True}  # fmt: skip
    assert summary.counts == {"ok": 2, "error": 4}


def test_sigkill_mid_run_then_rerun_gives_exactly_one_whole_line_per_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(40)])
    out = tmp_path / "out.jsonl"
    with StubServer(answer, latency=0.15) as server:
        cmd = [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "--concurrency", "4",
               "--no-cache", "--backend", "openai", "--model", "stub", "--base-url", server.base_url, "--mode", "json"]  # fmt: skip
        env = {**os.environ, "OPENAI_API_KEY": "k"}
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and (not out.exists() or len(out.read_text().splitlines()) < 8):
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = out.read_bytes()
        assert 8 <= first.count(b"\n") < 40
        assert first.endswith(b"\n")
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, stderr=subprocess.DEVNULL)
    ids = [x["id"] for x in read_output(out)]
    assert sorted(ids) == sorted(f"a{i}" for i in range(40))
    assert all(x["status"] == "ok" for x in read_output(out))


def test_a_partial_last_line_is_cut_before_appending(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a0", "status": "ok"}\n{"id": "a1", "sta')
    repair_tail(out)
    assert out.read_bytes() == b'{"id": "a0", "status": "ok"}\n'


def test_retry_errors_reprocesses_failures_and_leaves_one_line_per_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        server.script = [Scripted(400)]
        first = run_batch(ex, str(src), str(out), concurrency=1, progress=False)
        assert first.counts == {"ok": 2, "error": 1}
        again = run_batch(ex, str(src), str(out), concurrency=1, progress=False)
        assert again.processed == 0 and again.skipped == 3
        retried = run_batch(ex, str(src), str(out), concurrency=1, retry_errors=True, progress=False)
    assert retried.counts == {"ok": 1}
    lines = read_output(out)
    assert sorted(x["id"] for x in lines) == ["a0", "a1", "a2"]
    assert all(x["status"] == "ok" for x in lines)


def test_the_cache_avoids_a_second_model_call(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    cache = ResponseCache(tmp_path / "cache.sqlite")
    with StubServer(answer) as server, extractor_for(server) as ex:
        run_batch(ex, str(src), str(tmp_path / "one.jsonl"), cache=cache, progress=False)
        assert len(server.requests) == 3
        summary = run_batch(ex, str(src), str(tmp_path / "two.jsonl"), cache=cache, progress=False)
        assert len(server.requests) == 3
    assert summary.cached == 3 and summary.usage.total_tokens == 0
    one = {x["id"]: x["extraction"] for x in read_output(tmp_path / "one.jsonl")}
    two = {x["id"]: x["extraction"] for x in read_output(tmp_path / "two.jsonl")}
    assert one == two


def test_summary_counts_tokens_and_cost(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(4)])
    with StubServer(answer) as server, extractor_for(server) as ex:
        s = run_batch(ex, str(src), str(tmp_path / "o.jsonl"), prices={"stub": (1.0, 2.0)}, progress=False)
    assert s.usage.total_tokens == 4 * 120
    assert s.cost_usd == pytest.approx(4 * (100 * 1.0 + 20 * 2.0) / 1e6)
    assert "4 ok" in s.text() and "articles/s" in s.text()
