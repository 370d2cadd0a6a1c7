"""Provider batch jobs (`batch --via provider-batch`) against the loopback Files/Batches server: the request
line is the live request, limits split jobs, statuses, failed/expired/cancelled jobs and error rows,
live repair (and --no-repair), costs, and a process killed between submit and collect that resumes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from extractor import Extractor
from extractor.batch import run_batch
from extractor.batch.provider import MAX_BYTES, MAX_REQUESTS, Limits, PollPolicy, run_provider_batch
from extractor.batch.provider.client import BatchAPI
from extractor.errors import ConfigError
from extractor.pricing import DEFAULT_PRICES, cost, load_prices, price_of
from schemas.record import Usage
from tests.batch_api_server import BatchAPIServer, JobScript
from tests.stub_server import synthetic_article

ROOT = Path(__file__).resolve().parents[1]
FAST = PollPolicy(initial=0.02, factor=1.5, maximum=0.1)
PRICES = {"gpt-4o-mini": (0.15, 0.60)}
# Fails the checks: the company and amount are not in the article.
INVENTED = json.dumps({"is_funding_news": True, "rounds": [
    {"company": "Nowhere Labs", "round_label": "seed", "amount": "$7 million", "investors": []}]})  # fmt: skip


def write_input(path, n, extra=()):
    path.write_text("".join(json.dumps(synthetic_article(i)) + "\n" for i in range(n)) + "".join(extra))
    return path


def read_output(path):
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n")
    return [json.loads(x) for x in data.decode().splitlines()]


def extractor_for(server, mode="json"):
    return Extractor("openai", model="gpt-4o-mini", base_url=server.base_url, api_key="k", mode=mode)


def provider(src, out, server, **kw):
    kw.setdefault("poll", FAST)
    kw.setdefault("progress", False)
    kw.setdefault("prices", PRICES)
    with extractor_for(server, kw.pop("mode", "json")) as ex:
        return run_provider_batch(src, out, extractor=ex, **kw)


def requests_in(out):
    directory = out.with_name(out.name + ".provider-batch")
    return [
        json.loads(x) for f in sorted(directory.glob("requests-*.jsonl")) for x in f.read_text().splitlines()
    ]


# -- the request file --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["json", "json_schema", "tools", "llamacpp"])
def test_the_batch_line_is_exactly_the_request_the_live_path_sends(tmp_path, mode):
    src = write_input(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        provider(src, out, server, mode=mode, wait=False)
        lines = requests_in(out)
        with extractor_for(server, mode) as ex:
            run_batch(
                src, tmp_path / "live.jsonl", extractor=ex, concurrency=1, progress=False, prices=PRICES
            )
        # The first attempt of each article, in input order (a re-ask has more messages).
        live = [r for r in server.chat_requests if len(r["messages"]) == len(lines[0]["body"]["messages"])]
    assert [x["custom_id"] for x in lines] == ["a0", "a1", "a2"]
    assert all(x["method"] == "POST" and x["url"] == "/v1/chat/completions" for x in lines)
    assert [x["body"] for x in lines] == live
    # A valid chat completion request by OpenAI's own types (what vLLM's run-batch also accepts).
    from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming

    for x in lines:
        TypeAdapter(CompletionCreateParamsNonStreaming).validate_python(x["body"])


def test_limits_split_the_input_into_several_jobs(tmp_path):
    assert (MAX_REQUESTS, MAX_BYTES) == (50_000, 200 * 1024 * 1024)
    src = write_input(tmp_path / "in.jsonl", 10)
    with BatchAPIServer() as server:
        s = provider(src, tmp_path / "a.jsonl", server, limits=Limits(requests=4))
        assert len(server.batches) == 3 and s.counts == {"ok": 10}
        sizes = sorted(len(b.lines) for b in server.batches.values())
        assert sizes == [2, 4, 4]
        one = len(requests_in(tmp_path / "a.jsonl")[0]["body"]["messages"][1]["content"])
        # By bytes: a file never passes the limit, whatever the count.
        limit = 3 * (one + 4000)
        s = provider(src, tmp_path / "b.jsonl", server, limits=Limits(bytes=limit))
        files = sorted((tmp_path / "b.jsonl.provider-batch").glob("requests-*.jsonl"))
        assert len(files) >= 3 and all(f.stat().st_size <= limit for f in files)
        assert sum(len(f.read_text().splitlines()) for f in files) == 10 and s.counts == {"ok": 10}
        # One request larger than a whole file: its own error line, the rest goes on.
        s = provider(src, tmp_path / "c.jsonl", server, limits=Limits(bytes=100))
    assert s.counts == {"error": 10}
    line = read_output(tmp_path / "c.jsonl")[0]
    assert "one batch file holds at most 100" in line["error"]["message"] and line["line"] == 1


# -- a job from start to end --------------------------------------------------------------------------


def test_a_job_moves_through_its_statuses_and_writes_the_lines_the_live_batch_writes(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 6, extra=["{not json\n"])
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.script = JobScript(validating=0.1, in_progress=0.3, finalizing=0.1)
        s = provider(src, out, server)
        (job,) = server.batches.values()
        polls = [c for c in server.calls if c == ("GET", f"/v1/batches/{job.id}")]
        with extractor_for(server) as ex:
            run_batch(src, tmp_path / "live.jsonl", extractor=ex, progress=False, prices=PRICES)
    assert job.history == ["validating", "in_progress", "finalizing", "completed"]
    assert len(polls) >= 3 and job.metadata["extractor_job"] == "1"
    assert [c for c in server.calls if c[1] == "/v1/files"] == [("POST", "/v1/files")]  # one upload
    assert server.files[job.input_file_id].purpose == "batch"
    assert s.counts == {"ok": 6, "error": 1}
    batch = {x["id"]: x for x in read_output(out)}
    live = {x["id"]: x for x in read_output(tmp_path / "live.jsonl")}
    assert batch.keys() == live.keys() and batch["line:7"] == live["line:7"]
    for id_ in (f"a{i}" for i in range(6)):
        b, lv = batch[id_], live[id_]
        assert set(b) == set(lv) | {"live_cost_usd"}
        assert b["extraction"]["rounds"] == lv["extraction"]["rounds"]
        assert b["usage"] == lv["usage"] and b["warnings"] == lv["warnings"]
        assert b["live_cost_usd"] == pytest.approx(lv["cost_usd"])
        assert b["cost_usd"] == pytest.approx(lv["cost_usd"] / 2)  # batch price: half the live one
    assert s.cost_usd == pytest.approx(s.live_cost_usd / 2)
    text = s.text()
    assert "at batch prices (the live path would have cost $" in text
    assert f"job 1 ({job.id}): completed 6/6, 6 requests: 6 answered" in text


def test_answers_failing_the_checks_and_error_rows_are_repaired_live_once(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.batch_answers = {"a1": INVENTED}
        server.script = JobScript(row_errors={"a2"})
        s = provider(src, out, server)
        body = {x["custom_id"]: x["body"] for x in requests_in(out)}
        asked, reask = sorted(
            server.chat_requests, key=lambda r: len(r["messages"])
        )  # exactly two live calls
    # a1: the batch answer, then one re-ask carrying the check errors word for word.
    assert reask["messages"][: len(body["a1"]["messages"])] == body["a1"]["messages"]
    assert reask["messages"][-2] == {"role": "assistant", "content": INVENTED}
    assert "Correct your JSON" in reask["messages"][-1]["content"]
    assert "'Nowhere Labs' does not occur in the article" in reask["messages"][-1]["content"]
    # a2: the job's 500 row is asked live with the very same request.
    assert asked == body["a2"]
    lines = {x["id"]: x for x in read_output(out)}
    assert s.counts == {"ok": 4}
    assert lines["a1"]["extraction"]["provenance"]["attempts"] == 2
    assert lines["a1"]["usage"]["total_tokens"] == 240  # the batch answer's tokens and the re-ask's
    half = cost(Usage(prompt_tokens=100, completion_tokens=20), "gpt-4o-mini", PRICES) / 2
    assert lines["a1"]["cost_usd"] == pytest.approx(half + 2 * half)  # batch half + live re-ask
    assert lines["a2"]["cost_usd"] == lines["a2"]["live_cost_usd"] == pytest.approx(2 * half)
    (report,) = s.jobs
    assert "2 answered, 1 repaired by a live re-ask, 1 asked live, 0 error lines" in report


def test_no_repair_leaves_error_lines_and_retry_errors_submits_them_again(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.batch_answers = {"a1": INVENTED}
        server.script = [JobScript(row_errors={"a2"}), JobScript()]
        s = provider(src, out, server, repair=False)
        assert server.chat_requests == [] and s.counts == {"ok": 2, "error": 2}
        lines = {x["id"]: x for x in read_output(out)}
        assert lines["a1"]["error"]["type"] == "ExtractionFailed"
        assert (
            "not re-asked: rounds.0: company 'Nowhere Labs' does not occur in the article"
            in lines["a1"]["error"]["message"]
        )
        assert lines["a1"]["usage"]["total_tokens"] == 120 and lines["a1"]["cost_usd"] > 0
        assert lines["a2"]["error"]["type"] == "BatchRequestFailed"
        assert (
            "HTTP 500" in lines["a2"]["error"]["message"] and "--no-repair" in lines["a2"]["error"]["message"]
        )
        # A rerun does nothing: every id has its line.
        again = provider(src, out, server, repair=False)
        assert again.processed == 0 and len(server.batches) == 1
        server.batch_answers = {}
        retried = provider(src, out, server, retry_errors=True)
        first, second = sorted(server.batches.values(), key=lambda b: b.created)
    assert sorted(x["custom_id"] for x in second.lines) == ["a1", "a2"]  # only the errors, resubmitted
    assert retried.counts == {"ok": 2} and retried.compacted
    final = read_output(out)
    assert sorted(x["id"] for x in final) == ["a0", "a1", "a2", "a3"] and all(
        x["status"] == "ok" for x in final
    )


def test_failed_expired_and_cancelled_jobs_are_reported_with_what_was_recovered(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 15)
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.script = [
            JobScript(fail=("token_limit_exceeded", "Enqueued token limit reached for gpt-4o-mini.")),
            JobScript(in_progress=0.2, expire_after=0.4),
            JobScript(in_progress=0.2, cancel_after=0.6),
        ]
        s = provider(src, out, server, limits=Limits(requests=5))
        statuses = [b.history[-1] for b in sorted(server.batches.values(), key=lambda b: b.created)]
        live = len(server.chat_requests)
    assert statuses == ["failed", "expired", "cancelled"]
    lines = {x["id"]: x for x in read_output(out)}
    assert len(lines) == 15
    # Failed job: nothing ran; not paid for live behind the user's back.
    for i in range(5):
        e = lines[f"a{i}"]["error"]
        assert e["type"] == "BatchRequestFailed" and "token_limit_exceeded" in e["message"]
        assert "--retry-errors submits it again" in e["message"]
    # Expired job: 2 of 5 answered, 3 not reached in time asked live.
    assert all(lines[f"a{i}"]["status"] == "ok" for i in range(5, 10))
    # Cancelled job: 3 answered, 2 never run: error lines.
    assert [lines[f"a{i}"]["status"] for i in range(10, 15)] == ["ok"] * 3 + ["error"] * 2
    assert "batch_cancelled" in lines["a14"]["error"]["message"]
    assert live == 3
    report = "\n".join(s.jobs)
    assert "failed" in report and "token_limit_exceeded: Enqueued token limit reached" in report
    assert (
        "expired 2/5, 5 requests: 2 answered, 0 repaired by a live re-ask, 3 asked live, 0 error lines"
        in report
    )
    assert (
        "cancelled 3/5, 5 requests: 3 answered, 0 repaired by a live re-ask, 0 asked live, 2 error lines"
        in report
    )
    assert s.counts == {"ok": 8, "error": 7}


def test_the_loopback_server_fails_a_job_whose_file_breaks_the_rules(tmp_path):
    import openai

    line = json.dumps(
        {"custom_id": "x", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}
    )
    with BatchAPIServer() as server, openai.OpenAI(base_url=server.base_url, api_key="k") as client:
        f = client.files.create(file=("bad.jsonl", f"{line}\n{line}\nnot json\n".encode()), purpose="batch")
        b = client.batches.create(
            input_file_id=f.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        assert b.status == "validating"
        while b.status == "validating":
            time.sleep(0.02)
            b = client.batches.retrieve(b.id)
        with pytest.raises(openai.BadRequestError):
            client.batches.create(input_file_id=f.id, endpoint="/v1/embeddings", completion_window="24h")
    assert b.status == "failed" and b.output_file_id is None
    assert [(e.code, e.line) for e in b.errors.data] == [("duplicate_custom_id", 2), ("invalid_json_line", 3)]


# -- resuming -----------------------------------------------------------------------------------------


def cli(server, *args):
    cmd = [sys.executable, "-m", "extractor", "batch", *map(str, args), "--via", "provider-batch",
           "--backend", "openai", "--model", "gpt-4o-mini", "--base-url", server.base_url, "--mode", "json",
           "--no-cache", "--poll-max", "0.1"]  # fmt: skip
    return cmd, {**os.environ, "OPENAI_API_KEY": "k"}


def wait_for_state(out, proc, ready, timeout=60):
    path = out.with_name(out.name + ".provider-batch") / "state.json"
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            state = json.loads(path.read_text())
        except (OSError, ValueError):
            state = None
        if state is not None and ready(state):
            return state
        time.sleep(0.02)
    raise AssertionError(f"the state never got there; process exit {proc.poll()}")


def test_killed_between_submit_and_collect_then_resumed(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 40, extra=["{oops\n"])
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.script = JobScript(validating=0.2, in_progress=3.0, finalizing=0.2)
        cmd, env = cli(server, src, "-o", out, "--job-size", "15")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        state = wait_for_state(
            out, proc, lambda s: s["jobs"] and all(j["status"] == "in_progress" for j in s["jobs"])
        )
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert [j["requests"] for j in state["jobs"]] == [15, 15, 10]
        assert [x["id"] for x in read_output(out)] == ["line:41"]  # only the input error so far
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        uploads = [c for c in server.calls if c == ("POST", "/v1/files")]
        creates = [c for c in server.calls if c == ("POST", "/v1/batches")]
    assert len(server.batches) == len(uploads) == len(creates) == 3  # nothing submitted twice
    lines = read_output(out)
    assert sorted(x["id"] for x in lines) == sorted([f"a{i}" for i in range(40)] + ["line:41"])
    assert server.chat_requests == []  # every answer came from the jobs
    assert "done: 40 ok; 0 from cache, 1 already in the output" in done.stderr
    assert "the live path would have cost $" in done.stderr
    # A third run finds every id written and submits nothing.
    again = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "nothing to do" in again.stderr and len(server.batches) == 3


class Killed(BaseException):
    """What a kill at that very moment looks like to the rest of the run: nothing after it happens."""


@pytest.mark.parametrize("step", ["upload", "create"])
def test_a_kill_right_after_a_request_arrived_does_not_submit_twice(tmp_path, monkeypatch, step):
    src = write_input(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    real = getattr(BatchAPI, step)

    async def then_killed(self, *args, **kwargs):
        await real(self, *args, **kwargs)  # the provider has it; the answer never reaches the state
        raise Killed

    with BatchAPIServer() as server:
        monkeypatch.setattr(BatchAPI, step, then_killed)
        with pytest.raises(Killed):
            provider(src, out, server)
        monkeypatch.setattr(BatchAPI, step, real)
        state = json.loads((tmp_path / "out.jsonl.provider-batch" / "state.json").read_text())
        assert state["jobs"][0]["status"] == {"upload": "uploading", "create": "submitting"}[step]
        s = provider(src, out, server)
        uploads = [c for c in server.calls if c == ("POST", "/v1/files")]
    assert len(uploads) == 1 and len(server.batches) == 1 and s.counts == {"ok": 5}
    assert sorted(x["id"] for x in read_output(out)) == [f"a{i}" for i in range(5)]


def test_no_wait_submits_and_exits_then_collects(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    with BatchAPIServer() as server:
        server.script = JobScript(in_progress=1.0)
        cmd, env = cli(server, src, "-o", out, "--no-wait")
        first = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert first.returncode == 75, first.stderr
        assert "1 job not finished at the provider: rerun the same command to collect" in first.stderr
        assert out.read_text() == ""
        time.sleep(1.5)
        second = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 0, second.stderr
    assert len(server.batches) == 1 and len(read_output(out)) == 5


# -- refusals and prices ------------------------------------------------------------------------------


def test_what_provider_batch_refuses(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 2)
    with BatchAPIServer() as server:
        with pytest.raises(ConfigError, match="give both as files"):
            provider(src, "-", server)
        cmd, env = cli(server, src, "-o", tmp_path / "o.jsonl", "--job-size", "60000")
        big = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        assert big.returncode == 2 and "a Batch API job holds at most 50,000" in big.stderr
        live = [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(tmp_path / "o.jsonl"),
                "--no-repair", "--backend", "openai", "--model", "m", "--base-url", server.base_url]  # fmt: skip
        wrong = subprocess.run(live, cwd=ROOT, env=env, capture_output=True, text=True)
        assert wrong.returncode == 2 and "belong to --via provider-batch" in wrong.stderr
        # Jobs submitted under one prompt or model are not collected under another.
        provider(src, tmp_path / "p.jsonl", server, wait=False)
        other = Extractor("openai", model="gpt-4o", base_url=server.base_url, api_key="k", mode="json")
        with other as ex, pytest.raises(ConfigError, match="'gpt-4o-mini' \\(now 'gpt-4o'\\)"):
            run_provider_batch(src, tmp_path / "p.jsonl", extractor=ex, progress=False)
    # The embedded model has no Batch API (checked before any work; the model is never loaded).
    with Extractor("embedded") as ex, pytest.raises(ConfigError, match="no Files and Batches API"):
        run_provider_batch(src, tmp_path / "e.jsonl", extractor=ex)
    assert not (tmp_path / "e.jsonl").exists()


def test_batch_prices_are_half_unless_the_table_says_otherwise(tmp_path):
    assert price_of("gpt-4o-mini", DEFAULT_PRICES, batch=True) == (0.075, 0.30)
    assert price_of("gpt-4o-mini-2024-07-18", DEFAULT_PRICES, batch=True) == (0.075, 0.30)
    assert price_of("llama", DEFAULT_PRICES, batch=True) is None
    table = tmp_path / "prices.json"
    table.write_text(json.dumps({"gpt-4o": {"input": 2.5, "output": 10, "batch": [1, 4]},
                                 "gpt-4o-mini@batch": [0.1, 0.2], "local": [1, 1]}))  # fmt: skip
    prices = load_prices(table)
    assert price_of("gpt-4o-2024-08-06", prices, batch=True) == (1.0, 4.0)
    assert price_of("gpt-4o", prices) == (2.5, 10.0)
    assert price_of("gpt-4o-mini", prices, batch=True) == (0.1, 0.2)
    assert price_of("gpt-4o-mini", prices) == DEFAULT_PRICES["gpt-4o-mini"]
    assert price_of("local", prices, batch=True) == (0.5, 0.5)
    u = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000)
    assert cost(u, "gpt-4o", prices, batch=True) == 5.0 and cost(u, "gpt-4o", prices) == 12.5
    table.write_text(json.dumps({"m": {"input": 1, "output": 1, "batch": [1]}}))
    with pytest.raises(ConfigError, match="price table"):
        load_prices(table)


# -- the same files on a self-hosted engine -----------------------------------------------------------


def test_batch_files_are_collected_from_results_a_self_hosted_engine_wrote(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 7)
    out = tmp_path / "out.jsonl"
    directory = tmp_path / "out.jsonl.provider-batch"
    with BatchAPIServer() as server:
        server.batch_answers = {"a2": INVENTED}
        first = provider(src, out, server, files_only=True, wait=False, limits=Limits(requests=4))
        assert first.pending == 2 and out.read_text() == ""
        report = "\n".join(first.jobs)
        assert (
            f"vllm run-batch -i {directory / 'requests-0001.jsonl'} -o {directory / 'results-0001.jsonl'}"
            in report
        )
        assert server.calls == []  # nothing was sent anywhere
        # What vLLM's run-batch writes for a request file: the Batch API's result lines (here by the
        # loopback server's offline runner, as a stand-in for the engine).
        (directory / "results-0001.jsonl").write_bytes(
            server.run_file((directory / "requests-0001.jsonl").read_bytes())
        )
        second = provider(src, out, server, files_only=True, wait=False, limits=Limits(requests=4))
        assert second.pending == 1 and second.counts == {"ok": 4}
        (directory / "results-0002.jsonl").write_bytes(
            server.run_file((directory / "requests-0002.jsonl").read_bytes())
        )
        third = provider(src, out, server, files_only=True, wait=False)
        live = server.chat_requests
    assert third.pending == 0 and third.counts == {"ok": 3}
    assert len(live) == 1 and "Correct your JSON" in live[0]["messages"][-1]["content"]  # a2 repaired live
    assert sorted(x["id"] for x in read_output(out)) == [f"a{i}" for i in range(7)]
    with Extractor("embedded") as ex, pytest.raises(ConfigError, match="no batch request file"):
        run_provider_batch(src, tmp_path / "e.jsonl", extractor=ex, files_only=True, progress=False)
