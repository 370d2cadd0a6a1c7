"""Where the extractor's CPU goes in a batch run: py-spy samples, grouped by component.

    pip install py-spy                      # a sampling profiler; not a project dependency
    python benchmarks/profile_batch.py      # writes benchmarks/results/throughput_profile.{json,md}

Runs the same workload as benchmarks/throughput.py (stub in its own process, synthetic articles,
cache off) at C=64 for each latency, under `py-spy record --format raw`. Each sample is charged to
the first anchor on its stack (so pydantic work done inside instructor's per-call model building
counts as instructor's), else to the innermost frame of a known package, and the shares are turned
into ms per article using the profiled process's own CPU time (one process: workers = 1). Only
samples from the timed run count (not imports or the warm-up).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results"
RUNS = [(0.05, 64, 1000), (1.0, 64, 1000)]
TRANSPORTS = ["aiohttp"]  # the backend's async transport (httpx's own pool before issue 14)

# Anchors: a sample whose stack passes through one of these frames is charged to it (the first in
# this list wins), wherever the innermost frame lies: pydantic work inside instructor's per-call
# model building is instructor's, socket polls inside httpcore's pool bookkeeping are the pool's.
ANCHORS: list[tuple[str, str]] = [
    ("httpcore: connection-pool bookkeeping (_assign_requests_to_connections: scans every pooled connection, poll() on each idle one)", r"_assign_requests_to_connections"),
    ("pipeline: Checker construction (grounding index of the article)", r"Checker\.__post_init__|Checker\.__init__|Grounder\.__init__"),
    ("pipeline: prompt rendering", r"Prompt\.messages"),
    ("pipeline: checks on the answer (grounding, money, dates; run inside instructor's validation and again after)", r"Checker\.check|_Request\.check"),
    ("instructor: reject_async_validators (walks the response model's schema, 4 times per call)", r"reject_async_validators"),
    ("instructor: response model rebuilt per call (prepare_response_model -> pydantic create_model)", r"prepare_response_model|response_schema \(instructor"),
    ("instructor: JSON-mode request (schema json.dumps + dedent into the system message)", r"Handler\.prepare_request"),
    ("instructor: parse and validate the answer", r"Handler\.parse_response|process_response"),
]  # fmt: skip
# The rest: charged to the innermost frame that matches (the first pattern winning within a frame).
COMPONENTS: list[tuple[str, str]] = [
    ("pipeline: record assembly and the rest of Extractor", r"extractor/pipeline\.py|extractor/checks\.py|schemas/(record|draft)\.py"),
    ("instructor: retry wrapper and patch", r"instructor/"),
    ("HTTP send and receive (httpx, httpcore, h11, anyio; aiohttp in the experiment)", r"httpx/|httpcore/|h11/|anyio/|sniffio/|httpx_aiohttp/|aiohttp/|yarl/|multidict/"),
    ("openai: request building (options, body transform, headers)", r"_build_request|_transform|FinalRequestOptions|_build_headers"),
    ("openai: response processing", r"_process_response|APIResponse|_legacy_response|_response\.py"),
    ("openai: other client code", r"openai/"),
    ("tenacity (transport retries wrapper)", r"tenacity/|extractor/transport\.py"),
    ("batch: input parsing, output encoding and writing", r"extractor/batch\.py|schemas/batch\.py|schemas/gold\.py"),
    ("asyncio: event loop, selector, socket calls", r"asyncio/|selectors\.py"),
]  # fmt: skip


def child(url: str, transport: str, concurrency: int, n: int, result: Path) -> None:
    """The profiled process: warm up, then run_batch inside `measured_run` (the sample filter)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import make_extractor

    from extractor.batch import run_batch
    from tests.stub_server import synthetic_article

    tmp = Path(tempfile.mkdtemp())

    def articles(name: str, count: int, offset: int = 0) -> Path:
        path = tmp / name
        path.write_text("".join(json.dumps(synthetic_article(offset + i)) + "\n" for i in range(count)))
        return path

    ex = make_extractor(url)
    run_batch(
        articles("warm.jsonl", 16, 10**6), tmp / "warm-out.jsonl", extractor=ex, concurrency=concurrency
    )
    src = articles("in.jsonl", n)

    def measured_run() -> tuple[float, float]:
        cpu0, wall0 = time.process_time(), time.perf_counter()
        summary = run_batch(src, tmp / "out.jsonl", extractor=ex, concurrency=concurrency, progress=False)
        assert summary.counts["ok"] == n, summary.text()
        return time.process_time() - cpu0, time.perf_counter() - wall0

    cpu, wall = measured_run()
    result.write_text(json.dumps({"cpu_s": cpu, "wall_s": wall}))
    shutil.rmtree(tmp, ignore_errors=True)


def classify(raw: Path) -> tuple[collections.Counter[str], int]:
    anchors = [(name, re.compile(rx)) for name, rx in ANCHORS]
    patterns = [(name, re.compile(rx)) for name, rx in COMPONENTS]
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if "measured_run" not in stack:
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        component = next((name for name, rx in anchors if any(rx.search(f) for f in frames)), None)
        for frame in reversed(frames):
            if component is not None:
                break
            component = next((name for name, rx in patterns if rx.search(frame)), None)
        counts[component or "other (interpreter, stdlib outside the above)"] += n
    return counts, total


def profile(
    latency: float, concurrency: int, n: int, transport: str, workdir: Path, rate: int
) -> dict[str, Any]:
    stub = subprocess.Popen(
        [sys.executable, "-m", "tests.stub_server", "--latency", str(latency)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert stub.stdout is not None
        url = stub.stdout.readline().strip()
        raw = workdir / f"profile-{latency}-{concurrency}-{transport}.txt"
        result = workdir / f"result-{latency}-{concurrency}-{transport}.json"
        subprocess.run(
            ["py-spy", "record", "--rate", str(rate), "--format", "raw", "--output", str(raw), "--",
             sys.executable, __file__, "--child", url, transport, str(concurrency), str(n), str(result)],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        stub.kill()
        stub.wait()
    measured = json.loads(result.read_text())
    counts, total = classify(raw)
    cpu_ms = measured["cpu_s"] / n * 1000
    return {
        "latency_s": latency,
        "concurrency": concurrency,
        "transport": transport,
        "articles": n,
        "samples": total,
        "articles_per_s": round(n / measured["wall_s"], 1),
        "cpu_ms_per_article_under_profiler": round(cpu_ms, 2),
        "components": [
            {"component": name, "share": round(k / total, 4), "ms_per_article": round(k / total * cpu_ms, 3)}
            for name, k in counts.most_common()
        ],
    }


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "# Where the extractor's CPU goes in batch mode",
        "",
        "`python benchmarks/profile_batch.py` (py-spy sampling, the throughput workload at C=64, stub in "
        "its own process). A sample goes to the first anchor frame on its stack (pool bookkeeping, Checker, "
        "prompt, instructor's per-call steps), else to the innermost frame of a known package; ms per "
        "article = share x the profiled process's CPU per article (py-spy itself adds a little).",
    ]
    for r in results:
        lines += [
            "",
            f"## {r['transport']}, L = {r['latency_s']} s, C = {r['concurrency']}, {r['articles']} articles: "
            f"{r['articles_per_s']} articles/s, {r['cpu_ms_per_article_under_profiler']} ms CPU/article "
            f"({r['samples']} samples)",
            "",
            "| component | share | ms/article |",
            "| --- | --- | --- |",
            *(f"| {c['component']} | {c['share']:.1%} | {c['ms_per_article']} |" for c in r["components"]),
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, url, transport, concurrency, n, result = sys.argv
        child(url, transport, int(concurrency), int(n), Path(result))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=int, default=250, help="samples per second (default 250)")
    args = parser.parse_args()
    if shutil.which("py-spy") is None:
        sys.exit("py-spy is not installed: pip install py-spy")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    transports = TRANSPORTS
    with tempfile.TemporaryDirectory() as tmp:
        results = [profile(lat, c, n, t, Path(tmp), args.rate) for t in transports for lat, c, n in RUNS]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "throughput_profile.json").write_text(json.dumps(results, indent=2) + "\n")
    text = markdown(results)
    (OUT / "throughput_profile.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
