"""Articles per minute of the embedded default model on this machine, through batch mode.

    python benchmarks/embedded_speed.py     # writes benchmarks/results/embedded_speed.{json,md}

Runs `python -m extractor batch --backend embedded --no-cache` (default concurrency: 1 for the embedded
model) over the project's own articles (examples/articles.jsonl, evals/fixtures/*.jsonl; no gold), so every
article is a real model call. Reports the rate over the whole command (model load included, once)
and over the extraction alone (the sum of the per-article latencies).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def sources() -> list[Path]:
    found = [ROOT / "examples" / "articles.jsonl", *sorted((ROOT / "evals" / "fixtures").glob("*.jsonl"))]
    return [p for p in found if p.is_file()]


def main() -> None:
    files = sources()
    if not files:
        sys.exit("no articles: examples/articles.jsonl and evals/fixtures/*.jsonl are both missing")
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for path in files:
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        f.write(line + "\n")
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "--no-cache", "-q",
             "--backend", "embedded"],
            cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"batch failed ({done.returncode}):\n{done.stderr}")
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ok = [x for x in lines if x["status"] == "ok"]
    latencies = sorted(x["latency_ms"] / 1000 for x in ok)
    chars = {x["id"]: 0 for x in ok}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article = json.loads(line)
                if article["id"] in chars:
                    chars[article["id"]] = len(article["text"])
    extracting = sum(latencies)
    result: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "model": ok[0]["model"] if ok else None,
        "inputs": [str(p.relative_to(ROOT)) for p in files],
        "articles": len(lines),
        "ok": len(ok),
        "errors": len(lines) - len(ok),
        "median_article_chars": int(statistics.median(chars.values())) if chars else 0,
        "wall_s": round(wall, 1),
        "articles_per_minute": round(len(lines) / wall * 60, 1),
        "articles_per_minute_excluding_load": round(len(ok) / extracting * 60, 1) if extracting else None,
        "median_s_per_article": round(statistics.median(latencies), 2) if latencies else None,
        "p90_s_per_article": round(latencies[int(0.9 * (len(latencies) - 1))], 2) if latencies else None,
        "max_s_per_article": round(latencies[-1], 2) if latencies else None,
        "summary": done.stderr.strip().splitlines()[-3:],
    }
    (RESULTS / "embedded_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    md = (
        f"# Embedded model speed ({result['machine']})\n\n"
        f"{result['articles']} articles ({', '.join(result['inputs'])}; median {result['median_article_chars']} "
        f"characters) through `batch --backend embedded --no-cache` (default concurrency), model {result['model']}: "
        f"**{result['articles_per_minute']} articles/minute** over the whole command ({result['wall_s']} s, "
        f"model load included), {result['articles_per_minute_excluding_load']} articles/minute of extraction "
        f"alone; median {result['median_s_per_article']} s, p90 {result['p90_s_per_article']} s, max "
        f"{result['max_s_per_article']} s per article; {result['errors']} errors.\n"
    )
    (RESULTS / "embedded_speed.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
