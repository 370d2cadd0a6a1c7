"""10,000 articles through the loopback Batch API server, killed once mid-poll and resumed.

    python benchmarks/provider_batch.py              # writes benchmarks/results/provider_batch.{json,md}
    python benchmarks/provider_batch.py --articles 500 --print-only

The loopback Files/Batches server (tests/batch_api_server.py) runs in this process; the extractor runs
as the real command in a child process:

    python -m extractor batch IN -o OUT --via provider-batch --job-size 4000 ...

It is killed (SIGKILL) while every job is in_progress and the command is polling, then the same command
is run again. Some answers are scripted to fail the checks and some rows to fail in the job, so the
live repair runs at scale too. Checked: exactly one output line per input id, nothing uploaded or
submitted twice, the summary names the batch cost and what the live path would have cost.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.batch_api_server import BatchAPIServer, JobScript  # noqa: E402
from tests.stub_server import synthetic_article  # noqa: E402

OUT = ROOT / "benchmarks" / "results"
INVENTED = json.dumps({"is_funding_news": True, "rounds": [
    {"company": "Nowhere Labs", "round_label": "seed", "amount": "$7 million", "investors": []}]})  # fmt: skip


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} {five:.2f}"


def command(src: Path, out: Path, url: str, job_size: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "--via", "provider-batch",
            "--backend", "openai", "--model", "gpt-4o-mini", "--base-url", url, "--mode", "json",
            "--no-cache", "--job-size", str(job_size), "--poll-max", "1", "--concurrency", "16"]  # fmt: skip


def wait_until_polling(state: Path, proc: subprocess.Popen[str], timeout: float = 600) -> dict[str, Any]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the command ended ({proc.returncode}) before its jobs ran")
        try:
            data: dict[str, Any] = json.loads(state.read_text())
        except (OSError, ValueError):
            data = {}
        jobs = data.get("jobs") or []
        if jobs and all(j["status"] == "in_progress" for j in jobs):
            return data
        time.sleep(0.05)
    raise RuntimeError("the jobs never reached in_progress")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--job-size", type=int, default=4_000)
    parser.add_argument("--print-only", action="store_true", help="print the results, do not write them")
    args = parser.parse_args()
    n = args.articles
    env = {**os.environ, "OPENAI_API_KEY": "k", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp, BatchAPIServer() as server:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps(synthetic_article(i)) + "\n" for i in range(n)))
        # 0.5% of the answers fail the checks (re-asked live), 0.5% of the rows fail in the job (asked live).
        server.batch_answers = {f"a{i}": INVENTED for i in range(0, n, 200)}
        failing = {f"a{i}" for i in range(100, n, 200)}
        server.script = JobScript(validating=1.0, in_progress=8.0, finalizing=1.0, row_errors=failing)
        cmd = command(src, out, server.base_url, args.job_size)
        state_path = out.with_name(out.name + ".provider-batch") / "state.json"

        t0 = time.perf_counter()
        load_before = load()
        first = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        state = wait_until_polling(state_path, first)
        planned_s = time.perf_counter() - t0
        first.send_signal(signal.SIGKILL)
        first.wait()
        lines_at_kill = out.read_bytes().count(b"\n") if out.exists() else 0

        t1 = time.perf_counter()
        second = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
        resumed_s = time.perf_counter() - t1
        load_after = load()
        if second.returncode != 0:
            raise SystemExit(f"the resumed run failed ({second.returncode}):\n{second.stderr}")
        lines = [json.loads(x) for x in out.read_text().splitlines()]
        ids = [x["id"] for x in lines]
        uploads = sum(1 for c in server.calls if c == ("POST", "/v1/files"))
        creates = sum(1 for c in server.calls if c == ("POST", "/v1/batches"))
        polls = sum(1 for m, p in server.calls if m == "GET" and p.startswith("/v1/batches/"))
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "articles": n,
            "job_size": args.job_size,
            "jobs": len(state["jobs"]),
            "killed_while": sorted({j["status"] for j in state["jobs"]}),
            "seconds_to_kill": round(planned_s, 1),
            "lines_at_kill": lines_at_kill,
            "resumed_run_s": round(resumed_s, 1),
            "output_lines": len(lines),
            "unique_ids": len(set(ids)),
            "ids_match_input": sorted(ids) == sorted(f"a{i}" for i in range(n)),
            "ok": sum(x["status"] == "ok" for x in lines),
            "uploads": uploads,
            "batches_created": creates,
            "status_polls": polls,
            "live_calls": len(server.chat_requests),
            "cost_usd": round(sum(x.get("cost_usd") or 0 for x in lines), 6),
            "live_cost_usd": round(sum(x.get("live_cost_usd") or 0 for x in lines), 6),
            "summary": second.stderr.strip().splitlines(),
            "load_avg_1m_5m": {"before": load_before, "after": load_after},
        }
    assert result["output_lines"] == result["unique_ids"] == n and result["ids_match_input"], result
    assert result["uploads"] == result["batches_created"] == result["jobs"], result
    print(json.dumps(result, indent=2))
    if args.print_only:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "provider_batch.json").write_text(json.dumps(result, indent=2) + "\n")
    md = [
        f"# Provider batch: {n:,} articles, killed mid-poll and resumed ({result['machine']})",
        "",
        "`python benchmarks/provider_batch.py`: the loopback Files/Batches server (tests/batch_api_server.py) "
        "in the benchmark's process, the real `python -m extractor batch ... --via provider-batch` in a child "
        "process, killed with SIGKILL while every job was in_progress and the command was polling, then run "
        "again. 0.5% of the answers are scripted to fail the checks and 0.5% of the rows to fail in the job.",
        "",
        "| what | value |",
        "| --- | --- |",
        f"| articles | {n:,} |",
        f"| jobs (--job-size {args.job_size:,}) | {result['jobs']} |",
        f"| killed after | {result['seconds_to_kill']} s, jobs {', '.join(result['killed_while'])}, "
        f"{result['lines_at_kill']} output lines |",
        f"| resumed run | {result['resumed_run_s']} s |",
        f"| output lines / unique ids | {result['output_lines']:,} / {result['unique_ids']:,} (input ids: "
        f"{'all, once each' if result['ids_match_input'] else 'MISMATCH'}) |",
        f"| ok lines | {result['ok']:,} |",
        f"| uploads / batches created | {result['uploads']} / {result['batches_created']} (nothing submitted twice) |",
        f"| status polls | {result['status_polls']} |",
        f"| live calls (repairs) | {result['live_calls']} |",
        f"| cost at batch prices / live path | ${result['cost_usd']:.4f} / ${result['live_cost_usd']:.4f} |",
        f"| load average (1 min, 5 min) before / after | {load_before} / {load_after} |",
        "",
        "The resumed run's summary:",
        "",
        "```",
        *result["summary"],
        "```",
    ]
    (OUT / "provider_batch.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main()
