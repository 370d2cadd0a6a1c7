"""Batch worker processes (run_batch(workers=N), --workers): the same lines as one process, the concurrency
bound shared between them, the cache shared across processes, a kill and rerun, and workers that exit
when their parent dies."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from extractor import Extractor
from extractor.batch import run_batch
from extractor.batch.workers import Workers
from extractor.cache import ResponseCache
from tests.stub_server import StubServer, synthetic_answer, synthetic_article
from tests.test_batch import InFlight, read_output, wait_for_lines, write_input

ROOT = Path(__file__).resolve().parents[1]


def extractor_for(server):
    return Extractor("openai", model="stub", base_url=server.base_url, api_key="k", mode="json")


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"


def test_workers_write_the_same_lines_as_one_process_within_the_concurrency(tmp_path):
    src = write_input(
        tmp_path / "in.jsonl", [synthetic_article(i) for i in range(40)] + ["{bad", synthetic_article(3)]
    )
    counter = InFlight(0.05)
    with StubServer(counter) as server, extractor_for(server) as ex:
        one = run_batch(
            src, tmp_path / "one.jsonl", extractor=ex, concurrency=6, progress=False, prices={"stub": (1, 2)}
        )
        counter.peak = 0
        with Workers(ex, 2) as pool:
            assert len(pool.pids) == 2 and all(alive(p) for p in pool.pids)
            two = run_batch(src, tmp_path / "two.jsonl", extractor=ex, concurrency=6, workers=pool,
                            progress=False, prices={"stub": (1, 2)})  # fmt: skip
            again = run_batch(
                src, tmp_path / "two.jsonl", extractor=ex, concurrency=6, workers=pool, progress=False
            )
        assert not any(alive(p) for p in pool.pids)
    assert counter.peak <= 6  # each worker takes half: 3 on the wire at once
    assert two.counts == one.counts == {"ok": 40, "error": 2} and two.usage == one.usage
    assert two.cost_usd == one.cost_usd and again.processed == 0 and again.skipped == 42
    a = {x["id"]: x for x in read_output(tmp_path / "one.jsonl")}
    b = {x["id"]: x for x in read_output(tmp_path / "two.jsonl")}
    assert a.keys() == b.keys() and len(read_output(tmp_path / "two.jsonl")) == 42
    for id_ in a:
        assert set(a[id_]) == set(b[id_])
        assert a[id_].get("extraction", {}).get("rounds") == b[id_].get("extraction", {}).get("rounds")
        assert a[id_].get("error") == b[id_].get("error")


def test_workers_share_the_response_cache(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [synthetic_article(i) for i in range(10)])
    with (
        StubServer(synthetic_answer) as server,
        extractor_for(server) as ex,
        ResponseCache(tmp_path / "c") as cache,
    ):
        first = run_batch(src, tmp_path / "a.jsonl", extractor=ex, cache=cache, workers=2, progress=False)
        second = run_batch(src, tmp_path / "b.jsonl", extractor=ex, cache=cache, workers=2, progress=False)
        assert len(server.requests) == 10
    assert first.cached == 0 and second.cached == 10 and second.counts == {"ok": 10}


def test_cli_workers_killed_mid_run_then_rerun(tmp_path):
    src = write_input(tmp_path / "in.jsonl", [synthetic_article(i) for i in range(80)])
    out = tmp_path / "out.jsonl"
    with StubServer(synthetic_answer, latency=0.1) as server:
        cmd = [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "--workers", "2",
               "--concurrency", "4", "--no-cache", "--backend", "openai", "--model", "stub", "--base-url",
               server.base_url, "--mode", "json"]  # fmt: skip
        env = {**os.environ, "OPENAI_API_KEY": "k"}
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        wait_for_lines(out, 10, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = read_output(out)
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = read_output(out)
    assert 10 <= len(first) < 80
    assert sorted(x["id"] for x in lines) == sorted(f"a{i}" for i in range(80))


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    script = textwrap.dedent(
        """
        import sys, time
        from extractor import Extractor
        from extractor.batch.workers import Workers
        if __name__ == "__main__":
            ex = Extractor("openai", model="m", base_url="http://127.0.0.1:9/v1", api_key="k")
            pool = Workers(ex, 2)
            print(*pool.pids, flush=True)
            time.sleep(60)
        """
    )
    (tmp_path / "parent.py").write_text(script)
    proc = subprocess.Popen([sys.executable, str(tmp_path / "parent.py")], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert proc.stdout is not None
    pids = [int(x) for x in proc.stdout.readline().split()]
    assert len(pids) == 2 and all(alive(p) for p in pids)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    assert not any(alive(p) for p in pids)
