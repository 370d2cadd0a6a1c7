"""Batch throughput against a fixed-latency OpenAI-compatible stub, and the extractor's CPU per article.

    python benchmarks/throughput.py            # writes benchmarks/results/throughput.{json,md}

The stub runs in its own process (tests/stub_server.py) so its CPU time is
not counted as the extractor's. The ideal throughput at concurrency C with
latency L is C/L articles per second. Beside it: the loop a user would write
with instructor alone, one article at a time.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import instructor  # noqa: E402
import openai  # noqa: E402

from extractor import Extractor  # noqa: E402
from extractor.batch import run_batch  # noqa: E402
from schemas.draft import Draft  # noqa: E402
from tests.stub_server import synthetic_article  # noqa: E402

# A fast hosted model answers in about a second; with 2 cores and ~5 ms of client CPU per article,
# one event loop can keep ~200 requests/s in flight, so L = 1 s keeps C=64 well inside that.
LATENCY = 1.0
RUNS = [(1, 30), (8, 200), (64, 1000)]  # (concurrency, articles): fewer at low C to keep the run short
NAIVE_ARTICLES = 20
OUT = ROOT / "benchmarks" / "results"


def start_stub() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.stub_server", "--latency", str(LATENCY)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def run(base_url: str, concurrency: int, n: int, workdir: Path) -> dict[str, float]:
    src = workdir / f"in-{concurrency}.jsonl"
    src.write_text("".join(json.dumps(synthetic_article(i)) + "\n" for i in range(n)))
    out = workdir / f"out-{concurrency}.jsonl"
    ex = Extractor("openai", model="stub", base_url=base_url, api_key="k", mode="json")
    cpu0, wall0 = time.process_time(), time.perf_counter()
    summary = run_batch(ex, str(src), str(out), concurrency=concurrency, progress=False)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    ex.close()
    assert summary.counts["ok"] == n, summary.text()
    ideal = concurrency / LATENCY
    return {
        "concurrency": concurrency,
        "articles": n,
        "wall_s": round(wall, 3),
        "articles_per_s": round(n / wall, 2),
        "ideal_per_s": ideal,
        "share_of_ideal": round(n / wall / ideal, 3),
        "cpu_ms_per_article": round(cpu / n * 1000, 3),
    }


def naive(base_url: str, n: int) -> dict[str, float]:
    client = instructor.from_openai(openai.OpenAI(base_url=base_url, api_key="k"), mode=instructor.Mode.JSON)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for i in range(n):
        a = synthetic_article(i)
        client.chat.completions.create(
            model="stub", response_model=Draft, messages=[{"role": "user", "content": a["text"]}]
        )
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {
        "articles": n,
        "articles_per_s": round(n / wall, 2),
        "cpu_ms_per_article": round(cpu / n * 1000, 3),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    proc, base_url = start_stub()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            runs = [run(base_url, c, n, Path(tmp)) for c, n in RUNS]
        loop = naive(base_url, NAIVE_ARTICLES)
    finally:
        proc.kill()
    best = runs[-1]
    result = {
        "machine": f"{platform.machine()}, {platform.python_version()}, cores={__import__('os').cpu_count()}",
        "latency_s": LATENCY,
        "runs": runs,
        "naive_instructor_loop": loop,
        "speedup_vs_naive_at_c64": round(best["articles_per_s"] / loop["articles_per_s"], 1),
        "targets": {"share_of_ideal_at_c64": 0.9, "cpu_ms_per_article": 5.0},
    }
    (OUT / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        f"# Batch throughput (stub latency {LATENCY * 1000:.0f} ms, {result['machine']})",
        "",
        "| concurrency | articles | articles/s | ideal C/L | share of ideal | extractor CPU ms/article |",
        "| --- | --- | --- | --- | --- | --- |",
        *(
            f"| {r['concurrency']} | {r['articles']} | {r['articles_per_s']} | {r['ideal_per_s']:.0f} | "
            f"{r['share_of_ideal']:.1%} | {r['cpu_ms_per_article']} |"
            for r in runs
        ),
        "",
        f"Naive instructor loop (one article at a time): {loop['articles_per_s']} articles/s, "
        f"{loop['cpu_ms_per_article']} ms CPU/article; batch at C=64 is "
        f"{result['speedup_vs_naive_at_c64']}x faster.",
    ]
    (OUT / "throughput.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
