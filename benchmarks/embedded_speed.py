"""Articles per minute of the embedded default on this machine, through batch mode.

    python benchmarks/embedded_speed.py     # writes benchmarks/results/embedded_speed.{json,md}

Runs `batch` over the project's fixtures with the cache off, so every article
is a real model call; wall time includes loading the model once.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(p.read_text() for p in sorted((ROOT / "evals" / "fixtures").glob("*.jsonl"))))
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "--no-cache", "-q",
             "--backend", "embedded", "--concurrency", "1"],
            cwd=ROOT, check=True, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wall = time.perf_counter() - started
        lines = [json.loads(line) for line in out.read_text().splitlines()]
    latencies = [x["latency_ms"] / 1000 for x in lines if x["status"] == "ok"]
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "articles": len(lines),
        "ok": len(latencies),
        "wall_s": round(wall, 1),
        "articles_per_minute": round(len(lines) / wall * 60, 1),
        "median_s_per_article": round(statistics.median(latencies), 2),
        "p90_s_per_article": round(sorted(latencies)[int(0.9 * (len(latencies) - 1))], 2),
    }
    (RESULTS / "embedded_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    md = (
        f"# Embedded model speed ({result['machine']})\n\n"
        f"{result['articles']} fixture articles through `batch` (cache off, model loaded once): "
        f"{result['articles_per_minute']} articles/minute; median {result['median_s_per_article']} s, "
        f"p90 {result['p90_s_per_article']} s per article; {result['wall_s']} s in all.\n"
    )
    (RESULTS / "embedded_speed.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
