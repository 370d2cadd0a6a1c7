"""Accuracy and speed of the embedded default on the devset and the project's fixtures.

    python benchmarks/accuracy.py        # writes benchmarks/results/accuracy.{json,md}

Runs `python -m extractor eval` on each set with the embedded model and
records the headline figures beside the baseline in
benchmarks/results/accuracy-baseline.json (the first version that ran the
roles form with constraints, commit f761210, scored by the same harness).
Targets (issue 7): precision of emitted fields >= 0.85 and micro F1 >= 0.5
on the devset, median under 20 s per article.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SETS = {"devset": ROOT.parent / "shared" / "devset", "fixtures": ROOT / "evals" / "fixtures"}


def figures(report: dict) -> dict:
    return {
        "articles": report["n_articles"],
        "precision": round(report["micro"]["precision"], 3),
        "recall": round(report["micro"]["recall"], 3),
        "micro_f1": round(report["micro"]["f1"], 3),
        "round_f1": round(report["rounds"]["f1"], 3),
        "news_accuracy": round(report["news_accuracy"], 3),
        "median_latency_s": round((report.get("latency_ms_median") or 0) / 1000, 2),
        "per_field_f1": {k: round(v["f1"], 3) for k, v in report["fields"].items()},
        "prompt_version": report.get("prompt_version"),
    }


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    baseline = json.loads((RESULTS / "accuracy-baseline.json").read_text())
    after = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in SETS.items():
            if not path.exists():
                print(f"skipping {name}: {path} is not there", file=sys.stderr)
                continue
            out = Path(tmp) / name
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "extractor",
                    "eval",
                    str(path),
                    "--report-dir",
                    str(out),
                    "--backend",
                    "embedded",
                ],
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            after[name] = figures(json.loads((out / "report.json").read_text()))
    result = {"baseline": baseline, "current": after}
    (RESULTS / "accuracy.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Embedded default (Gemma 3 270M) accuracy",
        "",
        "| set | version | precision | recall | micro F1 | round F1 | median s/article |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in after:
        for label, f in (("baseline", baseline.get(name)), ("current", after[name])):
            if f:
                lines.append(
                    f"| {name} ({f['articles']}) | {label} | {f['precision']:.3f} | {f['recall']:.3f} | "
                    f"{f['micro_f1']:.3f} | {f['round_f1']:.3f} | {f['median_latency_s']:.2f} |"
                )
    lines += ["", "Per-field F1 (current):", ""]
    fields = list(next(iter(after.values()))["per_field_f1"])
    lines += ["| set | " + " | ".join(fields) + " |", "| --- |" + " --- |" * len(fields)]
    for name, f in after.items():
        lines.append(f"| {name} | " + " | ".join(f"{f['per_field_f1'][k]:.2f}" for k in fields) + " |")
    (RESULTS / "accuracy.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
