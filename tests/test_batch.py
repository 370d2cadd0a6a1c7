"""Batch mode through the real pipeline over real HTTP to a loopback stub: malformed input, bounded
concurrency, SIGKILL / SIGINT and resume, --retry-errors, the summary, stdin/stdout, prices."""

import asyncio
import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.batch import compact, encode_line, iter_batch, read_done, repair_tail, run_batch
from extractor.errors import ConfigError, InputError
from extractor.pricing import DEFAULT_PRICES, cost, load_prices, price_of
from schemas.record import Usage
from tests.stub_server import Scripted, StubServer, synthetic_answer, synthetic_article

ROOT = Path(__file__).resolve().parents[1]
answer = synthetic_answer
article = synthetic_article


def write_input(path, lines):
    with path.open("wb") as f:
        for x in lines:
            if isinstance(x, dict):
                x = json.dumps(x)
            f.write((x if isinstance(x, bytes) else x.encode()) + b"\n")
    return path


def read_output(path):
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "the output must end with a whole line"
    return [json.loads(line) for line in data.decode().splitlines()]


def extractor_for(server, **kw):
    return Extractor("openai", model="stub", base_url=server.base_url, api_key="k", mode="json", **kw)


def cli(server, *args):
    cmd = [sys.executable, "-m", "extractor", "batch", *map(str, args), "--backend", "openai", "--model",
           "stub", "--base-url", server.base_url, "--mode", "json"]  # fmt: skip
    return cmd, {**os.environ, "OPENAI_API_KEY": "k"}


# -- input problems -------------------------------------------------------------------------------


def test_malformed_lines_become_error_lines_with_their_line_numbers_and_the_batch_goes_on(tmp_path):
    src = write_input(
        tmp_path / "in.jsonl",
        [
            article(1),  # 1 ok
            "{not json",  # 2
            {"text": "no id"},  # 3
            article(1),  # 4 repeats a1
            {"id": "e", "text": "  "},  # 5 empty text: the pipeline's InputError
            {"id": "t", "text": 42},  # 6 non-string text
            {"id": "d", "text": "Acme 9 raised $1 million.", "published": "2024-13-01"},  # 7 bad date
            "",  # 8 blank: skipped
            "[1, 2]",  # 9 not an object
            {"id": "m"},  # 10 neither text nor html
            b'{"id": "u", "text": "\xff"}',  # 11 not UTF-8
            {"id": "m", "text": "Acme 8 raised $2 million."},  # 12 repeats m, although m was bad
            {"id": 7, "text": "an integer id is fine"},  # 13
            article(2),  # 14 ok
        ],
    )
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        summary = run_batch(src, out, extractor=ex, concurrency=4, progress=False)
    lines = read_output(out)
    by_id = {x["id"]: x for x in lines}
    assert len(lines) == len(by_id) == 13 == summary.processed  # every non-blank line, once
    assert by_id["a1"]["status"] == by_id["a2"]["status"] == by_id["7"]["status"] == "ok"
    expected = {
        "line:2": (2, "input line 2 is not JSON"),
        "line:3": (3, "input line 3: id: Field required"),
        "line:4": (4, "input line 4: id 'a1' appears on an earlier line"),
        "e": (5, "empty"),
        "t": (6, "input line 6: text: Input should be a valid string"),
        "d": (7, "input line 7: published: Value error, date '2024-13-01' has month 13"),
        "line:9": (9, "input line 9 is a JSON list, not an object"),
        "m": (10, "input line 10: Value error, no article: give text (plain text) or html"),
        "line:11": (11, "input line 11 is not UTF-8"),
        "line:12": (12, "input line 12: id 'm' appears on an earlier line"),
    }
    for id_, (n, message) in expected.items():
        line = by_id[id_]
        assert line["status"] == "error" and line["line"] == n, line
        assert message in line["error"]["message"], line
        assert set(line) == {"id", "status", "error", "line"}
    assert by_id["e"]["error"]["type"] == "InputError"
    assert by_id["a2"]["extraction"]["rounds"][0]["investors"][0] == {"name": "Fund2 Ventures", "aliases": [],
                                                                      "lead": True}  # fmt: skip
    assert summary.counts == {"ok": 3, "error": 10}
    # Only the three usable articles reached the model.
    assert len(server.requests) == 3


def test_ok_lines_carry_the_documented_fields(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(3)])
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        run_batch(src, out, extractor=ex, progress=False, prices={"stub": (1.0, 2.0)})
        version = ex.prompt_version
    (line,) = read_output(out)
    assert set(line) == {"id", "status", "extraction", "warnings", "usage", "model", "prompt_version",
                         "latency_ms", "cost_usd", "cached"}  # fmt: skip
    assert line["model"] == "stub" and line["prompt_version"] == version and line["cached"] is False
    assert line["usage"] == {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}
    assert line["cost_usd"] == pytest.approx((100 * 1.0 + 20 * 2.0) / 1e6)
    assert line["extraction"]["provenance"]["prompt_version"] == version
    assert line["warnings"] == line["extraction"]["warnings"]


# -- concurrency and laziness -------------------------------------------------------------------------


class InFlight:
    """An answer function that counts requests being answered at once (the stub serves each in a thread)."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.now = self.peak = 0
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        time.sleep(self.hold)
        with self.lock:
            self.now -= 1
        return answer(request)


def test_no_more_than_concurrency_articles_are_in_flight(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(30)])
    counter = InFlight(0.1)
    with StubServer(counter) as server, extractor_for(server) as ex:
        summary = run_batch(src, tmp_path / "out.jsonl", extractor=ex, concurrency=5, progress=False)
    assert summary.counts == {"ok": 30}
    assert counter.peak == 5


def test_iter_batch_reads_its_input_lazily_and_stops_cleanly(tmp_path):
    pulled = 0

    def lines():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield json.dumps(article(i))

    async def first_three(ex):
        got = []
        async with contextlib.aclosing(iter_batch(ex, lines(), concurrency=4)) as results:
            async for line in results:
                got.append(line)
                if len(got) == 3:
                    break
        stopped = pulled
        await asyncio.sleep(0.2)
        assert pulled == stopped  # nothing runs on after the iterator is closed
        await ex.aclose()
        return got

    with StubServer(answer, latency=0.05) as server, extractor_for(server) as ex:
        got = asyncio.run(first_three(ex))
    assert [x.status for x in got] == ["ok"] * 3
    # At most 2 x concurrency queued, concurrency in flight, concurrency finished but not yet taken,
    # one in the producer's hand, and the three taken.
    assert pulled <= 4 * 2 + 4 + 4 + 1 + 3


def test_iter_batch_takes_a_path_and_skips_done_ids(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(4)])

    async def collect(ex):
        try:
            return [x async for x in iter_batch(ex, src, concurrency=2, done_ids={"a0", "a2"})]
        finally:
            await ex.aclose()

    with StubServer(answer) as server, extractor_for(server) as ex:
        got = asyncio.run(collect(ex))
    assert sorted(x.id for x in got) == ["a1", "a3"]
    assert json.loads(encode_line(got[0]))["status"] == "ok"


def test_a_read_error_mid_input_ends_the_run_naming_it_after_the_lines_read_before_it(tmp_path):
    def lines():
        yield json.dumps(article(0))
        yield json.dumps(article(1))
        raise OSError(5, "Input/output error")

    async def collect(ex):
        got = []
        try:
            async for line in iter_batch(ex, lines(), concurrency=2):
                got.append(line)
        except InputError as exc:
            return got, str(exc)
        finally:
            await ex.aclose()
        return got, None

    with StubServer(answer) as server, extractor_for(server) as ex:
        got, error = asyncio.run(collect(ex))
    assert sorted(x.id for x in got) == ["a0", "a1"]
    assert all(x.status == "ok" for x in got)
    assert error == "reading the input failed: [Errno 5] Input/output error"


# -- killing and resuming -----------------------------------------------------------------------------


def wait_for_lines(path, n, proc, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {n} lines")


def test_sigkill_mid_run_then_rerun_gives_exactly_one_whole_line_per_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(60)])
    out = tmp_path / "out.jsonl"
    # 0.3 s per answer leaves seconds between the signal and the run's end on a loaded machine.
    with StubServer(answer, latency=0.3) as server:
        cmd, env = cli(server, src, "-o", out, "--concurrency", "4", "--no-cache")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        wait_for_lines(out, 10, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = read_output(out)  # every line whole JSON
        assert 10 <= len(first) < 60
        before = len(server.requests)
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        # The rerun asked the model only for what was missing.
        assert len(server.requests) - before == 60 - len(first)
    lines = read_output(out)
    assert sorted(x["id"] for x in lines) == sorted(f"a{i}" for i in range(60))
    assert all(x["status"] == "ok" for x in lines)
    assert f"{len(first)} already in the output" in done.stderr.replace(",", "")


def test_sigint_stops_cleanly_with_a_summary_and_the_rerun_completes(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(60)])
    out = tmp_path / "out.jsonl"
    # 0.3 s per answer leaves seconds between the signal and the run's end on a loaded machine.
    with StubServer(answer, latency=0.3) as server:
        cmd, env = cli(server, src, "-o", out, "--concurrency", "4", "--no-cache")
        # Ctrl-C as a terminal delivers it: a suite run as a background job (`.ci/run &`) would hand the
        # child an ignored SIGINT, and a process started that way rightly never sees Ctrl-C.
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        wait_for_lines(out, 8, proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert "interrupted" in err and "rerun the same command" in err
        first = read_output(out)
        assert 8 <= len(first) < 60
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    ids = [x["id"] for x in read_output(out)]
    assert sorted(ids) == sorted(f"a{i}" for i in range(60))


def test_a_partial_last_line_is_cut_before_appending(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a0", "status": "ok"}\n{"id": "a1", "sta')
    assert repair_tail(out) == len(b'{"id": "a1", "sta')
    assert out.read_bytes() == b'{"id": "a0", "status": "ok"}\n'
    assert repair_tail(out) == 0
    out.write_bytes(b"x" * 200_000)  # no newline at all: nothing whole to keep
    repair_tail(out)
    assert out.read_bytes() == b""
    out.write_bytes(b"y" * 100_000 + b"\n" + b"z" * 150_000)  # the cut lies blocks back
    repair_tail(out)
    assert out.read_bytes() == b"y" * 100_000 + b"\n"


def test_an_article_whose_line_was_cut_off_is_processed_again(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        run_batch(src, out, extractor=ex, progress=False)
        whole = out.read_bytes()
        last = whole.splitlines(keepends=True)[-1]
        out.write_bytes(whole[: -len(last)] + last[: len(last) // 2])  # killed mid-write
        again = run_batch(src, out, extractor=ex, progress=False)
    assert again.counts == {"ok": 1} and again.skipped == 2
    assert sorted(x["id"] for x in read_output(out)) == ["a0", "a1", "a2"]


# -- retrying errors ----------------------------------------------------------------------------------


def test_retry_errors_reprocesses_failures_and_leaves_one_line_per_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        server.script = [Scripted(400)]  # the first request (a0, at concurrency 1) is refused
        first = run_batch(src, out, extractor=ex, concurrency=1, progress=False)
        assert first.counts == {"ok": 2, "error": 1}
        (failed,) = [x for x in read_output(out) if x["status"] == "error"]
        assert failed["id"] == "a0" and failed["line"] == 1 and failed["error"]["type"] == "BackendError"

        again = run_batch(src, out, extractor=ex, concurrency=1, progress=False)
        assert again.processed == 0 and again.skipped == 3  # errors are settled too, by default
        assert len(server.requests) == 3

        retried = run_batch(src, out, extractor=ex, concurrency=1, retry_errors=True, progress=False)
        assert len(server.requests) == 4
    assert retried.counts == {"ok": 1} and retried.skipped == 2 and retried.compacted
    lines = read_output(out)
    assert sorted(x["id"] for x in lines) == ["a0", "a1", "a2"]
    assert all(x["status"] == "ok" for x in lines)


def test_retry_errors_with_an_error_that_persists_still_leaves_one_line_per_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0), "{bad"])
    out = tmp_path / "out.jsonl"
    with StubServer(answer) as server, extractor_for(server) as ex:
        run_batch(src, out, extractor=ex, progress=False)
        retried = run_batch(src, out, extractor=ex, retry_errors=True, progress=False)
    assert retried.counts == {"error": 1}
    assert sorted(x["id"] for x in read_output(out)) == ["a0", "line:2"]


def test_the_last_line_per_id_counts_and_leftover_duplicates_are_compacted(tmp_path):
    # As a --retry-errors run killed before compacting leaves it: a0's error, then its retry.
    src = write_input(tmp_path / "in.jsonl", [article(0), article(1)])
    out = tmp_path / "out.jsonl"
    out.write_text(
        '{"id": "a0", "status": "error", "error": {"type": "BackendError", "message": "x"}, "line": 1}\n'
        '{"id": "a0", "status": "ok"}\n'
    )
    settled = read_done(out, retry_errors=True)
    assert settled.done == {"a0"} and settled.errors == set() and settled.duplicates
    with StubServer(answer) as server, extractor_for(server) as ex:
        summary = run_batch(src, out, extractor=ex, progress=False)
    assert summary.counts == {"ok": 1} and summary.compacted
    lines = read_output(out)
    assert [x["id"] for x in lines] == ["a0", "a1"] and lines[0] == {"id": "a0", "status": "ok"}


def test_compact_keeps_the_last_line_per_id_at_its_position(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"a","status":"error"}\n{"id":"b","status":"ok"}\n{"id":"a","status":"ok"}\n')
    os.chmod(out, 0o600)
    compact(out)
    assert out.read_text() == '{"id":"b","status":"ok"}\n{"id":"a","status":"ok"}\n'
    assert out.stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left


# -- the output file ------------------------------------------------------------------------------


def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0)])
    out = tmp_path / "out.jsonl"
    with out.open("ab") as held, StubServer(answer) as server, extractor_for(server) as ex:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(ConfigError, match="another batch run"):
            run_batch(src, out, extractor=ex, progress=False)


def test_the_output_cannot_be_the_input(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0)])
    with StubServer(answer) as server, extractor_for(server) as ex, pytest.raises(ConfigError):
        run_batch(src, src, extractor=ex, progress=False)


def test_stdin_to_stdout(tmp_path):
    data = "".join(json.dumps(article(i)) + "\n" for i in range(5)) + "{oops\n"
    with StubServer(answer) as server:
        cmd, env = cli(server, "-", "-o", "-", "--no-cache")
        done = subprocess.run(cmd, cwd=ROOT, env=env, input=data, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    assert sorted(x["id"] for x in lines) == ["a0", "a1", "a2", "a3", "a4", "line:6"]
    assert "done: 5 ok, 1 error" in done.stderr
    assert "\r" not in done.stderr  # no progress line when stderr is not a terminal


def test_a_pipe_that_waits_does_not_stall_articles_in_flight(tmp_path):
    # stdin fed slowly: the first article's line is written before the next input line arrives.
    with StubServer(answer) as server:
        cmd, env = cli(server, "-", "-o", "-", "--no-cache")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write((json.dumps(article(0)) + "\n").encode())
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())
        proc.stdin.write((json.dumps(article(1)) + "\n").encode())
        proc.stdin.close()
        second = json.loads(proc.stdout.readline())
        assert proc.wait(timeout=30) == 0
    assert (first["id"], second["id"]) == ("a0", "a1")


# -- the summary, progress and prices -----------------------------------------------------------------


def test_summary_counts_tokens_and_cost(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(4)] + ["{bad"])
    with StubServer(answer) as server, extractor_for(server) as ex:
        # a0 never gets valid JSON: two attempts (max_reasks=1), 240 tokens spent on an error line.
        server.script = [Scripted(200, "not json"), Scripted(200, "still not json")]
        s = run_batch(src, tmp_path / "o.jsonl", extractor=ex, concurrency=1, prices={"stub": (1.0, 2.0)},
                      progress=False)  # fmt: skip
    assert s.counts == {"ok": 3, "error": 2} and s.cached == 0 and s.skipped == 0
    assert s.usage == Usage(prompt_tokens=500, completion_tokens=100, total_tokens=600)
    assert s.cost_usd == pytest.approx((500 * 1.0 + 100 * 2.0) / 1e6)
    failed = next(x for x in read_output(tmp_path / "o.jsonl") if x["id"] == "a0")
    assert failed["error"]["type"] == "ExtractionFailed" and failed["usage"]["total_tokens"] == 240
    assert failed["cost_usd"] == pytest.approx((200 * 1.0 + 40 * 2.0) / 1e6)
    text = s.text()
    assert "done: 3 ok, 2 error; 0 from cache, 0 already in the output" in text
    assert "tokens 600 (500 in, 100 out), est. $0.0007" in text and "articles/s" in text


def test_an_unpriced_model_is_named_not_counted_as_free(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0)])
    with StubServer(answer) as server, extractor_for(server) as ex:
        s = run_batch(src, tmp_path / "o.jsonl", extractor=ex, progress=False)
    assert s.unpriced == {"stub"} and "no price for stub" in s.text()
    assert read_output(tmp_path / "o.jsonl")[0]["cost_usd"] is None


def test_progress_line_on_request(tmp_path, capsys):
    src = write_input(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    with StubServer(answer) as server, extractor_for(server) as ex:
        run_batch(src, tmp_path / "o.jsonl", extractor=ex, progress=True)
    err = capsys.readouterr().err
    assert "\r3/3 (100%) lines  0 errors  0 cached" in err
    assert err.endswith("\r")  # cleared for the summary


def test_price_table(tmp_path, monkeypatch):
    assert price_of("gpt-4o-mini-2024-07-18", DEFAULT_PRICES) == DEFAULT_PRICES["gpt-4o-mini"]
    assert price_of("gpt-4o-2024-08-06", DEFAULT_PRICES) == DEFAULT_PRICES["gpt-4o"]
    assert price_of("gpt-4o", DEFAULT_PRICES) == DEFAULT_PRICES["gpt-4o"]
    assert price_of("llama", DEFAULT_PRICES) is None
    assert cost(Usage(prompt_tokens=1_000_000, completion_tokens=500_000), "gpt-4o", DEFAULT_PRICES) == 7.5
    assert cost(Usage(prompt_tokens=10), "gemma-3-270m-q4_k_m", DEFAULT_PRICES) == 0.0
    table = tmp_path / "prices.json"
    table.write_text(json.dumps({"gpt-4o": [1, 2], "local": {"input": 0.5, "output": 0}}))
    prices = load_prices(table)
    assert prices["gpt-4o"] == (1.0, 2.0) and prices["local"] == (0.5, 0.0)
    assert prices["gpt-4.1"] == DEFAULT_PRICES["gpt-4.1"]  # defaults kept
    monkeypatch.setenv("EXTRACTOR_PRICES", str(table))
    assert load_prices()["local"] == (0.5, 0.0)
    for bad in ('{"m": [1]}', '{"m": [-1, 2]}', '["m"]', "{", '{"m": ["1", 2]}'):
        table.write_text(bad)
        with pytest.raises(ConfigError, match="price table"):
            load_prices(table)
    with pytest.raises(ConfigError, match="price table"):
        load_prices(tmp_path / "missing.json")


def test_cli_reads_the_price_table_and_rejects_a_bad_concurrency(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0)])
    table = tmp_path / "prices.json"
    table.write_text('{"stub": [1000000, 0]}')  # $1 per input token: 100 tokens, $100
    with StubServer(answer) as server:
        cmd, env = cli(server, src, "-o", tmp_path / "o.jsonl", "--no-cache", "--prices", table)
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "est. $100.0000" in done.stderr
        cmd, env = cli(server, src, "-o", tmp_path / "o.jsonl", "--concurrency", "0")
        bad = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "must be at least 1" in bad.stderr


def test_the_earlier_call_form_still_works(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [article(0)])
    with StubServer(answer) as server, extractor_for(server) as ex:
        summary = run_batch(str(src), str(tmp_path / "o.jsonl"), extractor=ex, progress=False)
        with pytest.raises(TypeError):
            run_batch(src, tmp_path / "o.jsonl")  # no extractor
    assert summary.counts == {"ok": 1}
