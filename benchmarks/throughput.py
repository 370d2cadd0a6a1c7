"""Batch throughput against a fixed-latency OpenAI-compatible stub, and the extractor's CPU per article.

    python benchmarks/throughput.py            # writes benchmarks/results/throughput.{json,md}
    python benchmarks/throughput.py --quick    # a smaller run, printed only

The stub (tests/stub_server.py) runs in its own process, so its CPU time is not counted as the
extractor's; it answers every request after a fixed latency L with a valid extraction. The ideal
throughput at concurrency C is C/L articles per second. CPU per article is the extractor's CPU time
over the timed run: this process (time.process_time: every thread) plus its batch worker processes
(/proc), after a warm-up run has paid for imports, worker start-up and one-time setup. The whole
pipeline runs: prompt, openai client (aiohttp transport), instructor, checks, record, output file
(cache off unless said).

Two latencies: L = 0.05 s (a fast local server) and L = 1 s (a hosted model's typical answer time for
an article). One event loop on one core does at most 1000 / (CPU ms per article) articles per second,
so at L = 0.05 s, C = 64 the run is CPU-bound; `workers` > 1 spreads it over processes
(extractor.batch.workers).

Beside it, in the same run: the loop a user would write with instructor alone, one article at a
time: instructor.from_openai(OpenAI(base_url=...), mode=JSON).chat.completions.create(response_model=Draft).

The machine is shared while this runs on a developer's box: every measurement records the load
averages (os.getloadavg, as `uptime` prints them) before it started.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import instructor  # noqa: E402
import openai  # noqa: E402

from extractor import Extractor  # noqa: E402
from extractor.batch import run_batch  # noqa: E402
from extractor.batch.workers import Workers  # noqa: E402
from extractor.cache import ResponseCache  # noqa: E402
from schemas.draft import Draft  # noqa: E402
from tests.stub_server import synthetic_article  # noqa: E402

OUT = ROOT / "benchmarks" / "results"
# (latency s, concurrency, articles, worker processes)
RUNS = [
    (0.05, 1, 200, 1),
    (0.05, 8, 1000, 1),
    (0.05, 64, 2000, 1),
    (0.05, 64, 2000, 2),
    (1.0, 1, 30, 1),
    (1.0, 8, 200, 1),
    (1.0, 64, 1000, 1),
    (1.0, 64, 1000, 2),
    (1.0, 64, 1000, 3),
]
QUICK = [(0.05, 64, 600, 1), (0.05, 64, 600, 2), (1.0, 64, 300, 1)]
NAIVE = {0.05: 200, 1.0: 20}
TARGETS = {"share_of_ideal_L1_C64": 0.95, "articles_per_s_L005_C64": 400.0}
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def load() -> list[float]:
    """Load averages over 1, 5 and 15 minutes, as `uptime` prints them."""
    return [round(x, 2) for x in os.getloadavg()]


def make_extractor(url: str) -> Extractor:
    return Extractor("openai", model="stub", base_url=url, api_key="k", mode="json")


def proc_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) of a process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


class Stub:
    """tests/stub_server.py in a child process: its URL, and its CPU seconds."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.stub_server", "--latency", str(latency)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()

    def cpu_s(self) -> float | None:
        return proc_cpu_s(self.proc.pid)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def write_articles(path: Path, n: int, offset: int = 0) -> Path:
    path.write_text("".join(json.dumps(synthetic_article(offset + i)) + "\n" for i in range(n)))
    return path


def extractor_cpu_s(pool: Workers | None) -> float:
    """This process's CPU (every thread) and its worker processes'."""
    total = time.process_time()
    for pid in pool.pids if pool is not None else []:
        total += proc_cpu_s(pid) or 0.0
    return total


def batch_run(
    stub: Stub,
    concurrency: int,
    n: int,
    workdir: Path,
    workers: int = 1,
    cache: ResponseCache | None = None,
) -> dict[str, Any]:
    tag = f"{stub.latency}-{concurrency}-{n}-{workers}-{time.monotonic_ns()}"
    ex = make_extractor(stub.url)
    pool = Workers(ex, workers) if workers > 1 else None
    try:
        # Warm-up: imports, schema and prompt caches, clients, worker start-up; not timed.
        warm = write_articles(workdir / f"warm-{tag}.jsonl", min(2 * concurrency, 128), offset=10**6)
        run_batch(warm, workdir / f"warm-out-{tag}.jsonl", extractor=ex, concurrency=concurrency,
                  progress=False, workers=pool or 1)  # fmt: skip
        src = write_articles(workdir / f"in-{tag}.jsonl", n)
        before = load()
        stub0 = stub.cpu_s()
        cpu0, wall0 = extractor_cpu_s(pool), time.perf_counter()
        summary = run_batch(
            src, workdir / f"out-{tag}.jsonl", extractor=ex, concurrency=concurrency, cache=cache,
            progress=False, workers=pool or 1,
        )  # fmt: skip
        wall, cpu = time.perf_counter() - wall0, extractor_cpu_s(pool) - cpu0
        stub1 = stub.cpu_s()
    finally:
        if pool is not None:
            pool.close()
        ex.close()
    assert summary.counts["ok"] == n, summary.text()
    ideal = concurrency / stub.latency
    cpu_ms = cpu / n * 1000
    return {
        "latency_s": stub.latency,
        "concurrency": concurrency,
        "workers": workers,
        "articles": n,
        "cached": summary.cached,
        "wall_s": round(wall, 3),
        "articles_per_s": round(n / wall, 2),
        "ideal_per_s": ideal,
        "share_of_ideal": round(n / wall / ideal, 3),
        "cpu_ms_per_article": round(cpu_ms, 3),
        "stub_cpu_ms_per_article": round((stub1 - stub0) / n * 1000, 3)
        if stub0 is not None and stub1
        else None,
        "load_before": before,
    }


def naive_loop(stub: Stub, n: int) -> dict[str, Any]:
    """What a user would write with instructor alone: one article at a time, the same prompt."""
    ex = make_extractor(stub.url)
    articles = [synthetic_article(i) for i in range(n)]
    # A user's fixed prompt: rendered once, before the timed loop.
    prompts: list[Any] = [ex.form.request(a["text"], a["published"]).messages for a in articles]
    ex.close()
    client = instructor.from_openai(openai.OpenAI(base_url=stub.url, api_key="k"), mode=instructor.Mode.JSON)
    client.chat.completions.create(model="stub", response_model=Draft, messages=prompts[0])  # warm-up
    before = load()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for messages in prompts:
        client.chat.completions.create(model="stub", response_model=Draft, messages=messages, temperature=0)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {
        "latency_s": stub.latency,
        "articles": n,
        "wall_s": round(wall, 3),
        "articles_per_s": round(n / wall, 2),
        "cpu_ms_per_article": round(cpu / n * 1000, 3),
        "load_before": before,
    }


def verdicts(runs: list[dict[str, Any]], naive: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets, each against the best run of its kind in this run."""
    out = []
    l1 = [r for r in runs if r["latency_s"] == 1.0 and r["concurrency"] == 64]
    fast = [r for r in runs if r["latency_s"] == 0.05 and r["concurrency"] == 64]
    naive_l1 = next((x for x in naive if x["latency_s"] == 1.0), None)
    if l1:
        best = max(l1, key=lambda r: r["share_of_ideal"])
        out.append({"target": "L=1 s, C=64: at least 95% of ideal", "measured": f"{best['share_of_ideal']:.1%} "
                    f"(workers {best['workers']})", "met": best["share_of_ideal"] >= TARGETS["share_of_ideal_L1_C64"]})  # fmt: skip
        if naive_l1 is not None:
            out.append({"target": "L=1 s, C=64: extractor CPU per article at most the naive loop's",
                        "measured": f"{best['cpu_ms_per_article']} ms vs naive {naive_l1['cpu_ms_per_article']} ms",
                        "met": best["cpu_ms_per_article"] <= naive_l1["cpu_ms_per_article"]})  # fmt: skip
    if fast:
        best = max(fast, key=lambda r: r["articles_per_s"])
        out.append({"target": "L=0.05 s, C=64: at least 400 articles/s on 2 cores",
                    "measured": f"{best['articles_per_s']} articles/s (workers {best['workers']})",
                    "met": best["articles_per_s"] >= TARGETS["articles_per_s_L005_C64"]})  # fmt: skip
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"# Batch throughput ({result['machine']})",
        "",
        "`python benchmarks/throughput.py`: the whole pipeline through `run_batch` against a loopback stub "
        "(separate process) that answers every request after a fixed latency L. CPU is the extractor's own "
        "(this process and its worker processes), after a warm-up run. Load averages (1, 5, 15 min) were "
        "taken just before each measurement: the machine is shared, so runs under load are slower than a "
        "quiet machine's.",
        "",
        "| L (s) | C | workers | articles | articles/s | ideal C/L | share of ideal | extractor CPU ms/article "
        "| stub CPU ms/article | load before |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in result["runs"]:
        lines.append(
            f"| {r['latency_s']} | {r['concurrency']} | {r['workers']} | {r['articles']} | {r['articles_per_s']} | "
            f"{r['ideal_per_s']:g} | {r['share_of_ideal']:.1%} | {r['cpu_ms_per_article']} | "
            f"{r['stub_cpu_ms_per_article']} | {' '.join(map(str, r['load_before']))} |"
        )
    lines += [
        "",
        "Naive instructor loop (one article at a time, same prompt, no checks), in the same run:",
        "",
    ]
    lines += [
        "| L (s) | articles | articles/s | CPU ms/article | load before |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in result["naive"]:
        lines.append(
            f"| {r['latency_s']} | {r['articles']} | {r['articles_per_s']} | {r['cpu_ms_per_article']} | "
            f"{' '.join(map(str, r['load_before']))} |"
        )
    if result.get("cached_rerun"):
        c = result["cached_rerun"]
        lines += [
            "",
            f"With the response cache on (L = {c['latency_s']} s, C = {c['concurrency']}): first run "
            f"{c['first']['articles_per_s']} articles/s at {c['first']['cpu_ms_per_article']} ms CPU/article; "
            f"the rerun answered all {c['rerun']['articles']} from the cache at {c['rerun']['articles_per_s']} "
            f"articles/s, {c['rerun']['cpu_ms_per_article']} ms CPU/article.",
        ]
    lines += [
        "",
        "Targets (issue 14), in this run:",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
    ]
    for v in result["targets"]:
        lines.append(f"| {v['target']} | {v['measured']} | {'yes' if v['met'] else 'NO'} |")
    lines += [""] + [f"- {note}" for note in result["notes"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller runs; print, do not write results")
    args = parser.parse_args()
    plan = QUICK if args.quick else RUNS
    runs: list[dict[str, Any]] = []
    naive: list[dict[str, Any]] = []
    cached_rerun: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for latency in sorted({lat for lat, _, _, _ in plan}):
            stub = Stub(latency)
            try:
                for lat, c, n, w in plan:
                    if lat == latency:
                        runs.append(batch_run(stub, c, n, workdir, workers=w))
                        print(json.dumps(runs[-1]), flush=True)
                naive.append(naive_loop(stub, NAIVE[latency] // (4 if args.quick else 1)))
                print(json.dumps(naive[-1]), flush=True)
                if latency == 1.0 and not args.quick:
                    with ResponseCache(workdir / "cache") as cache:
                        first = batch_run(stub, 64, 1000, workdir, cache=cache)
                        rerun = batch_run(stub, 64, 1000, workdir, cache=cache)
                    cached_rerun = {"latency_s": latency, "concurrency": 64, "first": first, "rerun": rerun}
                    print(json.dumps(cached_rerun), flush=True)
            finally:
                stub.close()
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": runs,
        "naive": naive,
        "cached_rerun": cached_rerun,
        "targets": verdicts(runs, naive),
        "notes": [
            "C=1 runs use fewer articles (200 at L=0.05, 30 at L=1) to keep the run short; C=8 at L=1 uses 200.",
            "1,000 articles at C=64 and L=1 s take at least 16 rounds of 1 s (ceil(1000/64)), so 97.7% of "
            "ideal is the most any client can show in that run.",
            "workers = N: N worker processes, each with its own event loop, connections and a share of the "
            "concurrency; the parent reads the input and writes the output (extractor.batch.workers).",
            "At L=1 s the CPU is not the limit (64/s x 3 ms is a fifth of a core); what costs is the round "
            "itself: 64 answers arrive within a few ms and each is parsed and checked before the next request "
            "goes out. Requests prepared ahead (C on the wire, C more built and waiting) and worker "
            "processes, which handle their shares of a round in parallel, shorten that.",
        ],
    }
    text = markdown(result)
    print(text)
    if args.quick:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    (OUT / "throughput.md").write_text(text)


if __name__ == "__main__":
    main()
