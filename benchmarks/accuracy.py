"""Accuracy of the embedded default (Gemma 3 270M) on real and invented articles, before and after.

    python benchmarks/accuracy.py                     # writes benchmarks/results/accuracy.{json,md}
    python benchmarks/accuracy.py --baseline-from DIR # re-record the "before" from report dirs DIR/<set>

Scores four sets with the command a user runs (`python -m extractor eval ... --backend embedded`, the
eval defaults): `evals/real` dev (tuned on) and test (scored only to report), `../shared/devset` and
`evals/fixtures`, each with the per-kind breakdown of `evals.kinds` (digests, background rounds,
non-English, negatives, single stories). "Before" is benchmarks/results/accuracy-baseline.json: the same
sets scored at commit 3f54e2c, when the real set landed and before the small-model work of issue 12.
Targets (issue 12): on the `test` split, precision of emitted fields >= 0.85 and micro F1 >= 0.5; the
devset and fixtures not below their "before" figures; median at most 2 s per article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.compare import load_report  # noqa: E402
from evals.io import load_set  # noqa: E402
from evals.kinds import breakdown  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
# name -> (set path, split)
SETS: dict[str, tuple[Path, str | None]] = {
    "real-test": (ROOT / "evals" / "real", "test"),
    "real-dev": (ROOT / "evals" / "real", "dev"),
    "devset": (ROOT.parent / "shared" / "devset", None),
    "fixtures": (ROOT / "evals" / "fixtures", None),
}


def figures(report_dir: Path, name: str) -> dict:
    """Headline, per-field and per-kind figures of one scored set."""
    path, split = SETS[name]
    raw = json.loads((report_dir / "report.json").read_text())
    report = load_report(report_dir / "report.json")
    iv = report.intervals
    return {
        "articles": raw["n_articles"],
        "precision": round(raw["micro"]["precision"], 3),
        "recall": round(raw["micro"]["recall"], 3),
        "micro_f1": round(raw["micro"]["f1"], 3),
        # 95% bootstrap intervals over the articles (evals/uncertainty.py)
        "precision_interval": [round(iv.precision.low, 3), round(iv.precision.high, 3)] if iv else None,
        "micro_f1_interval": [round(iv.f1.low, 3), round(iv.f1.high, 3)] if iv else None,
        "news_accuracy": round(raw["news_accuracy"], 3),
        "median_latency_s": round((raw.get("latency_ms_median") or 0) / 1000, 2),
        "per_field_f1": {k: round(v["f1"], 3) for k, v in raw["fields"].items()},
        "kinds": breakdown(report, load_set(path, split)),
    }


def score(name: str, out: Path) -> dict:
    path, split = SETS[name]
    command = [sys.executable, "-m", "extractor", "eval", str(path), "--report-dir", str(out), "-q"]
    command += ["--backend", "embedded"] + (["--split", split] if split else [])
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return figures(out, name)


def markdown(before: dict, after: dict) -> str:
    lines = [
        "# Embedded default (Gemma 3 270M): accuracy before and after",
        "",
        "Written by `python benchmarks/accuracy.py`. `real-test` is scored only to report; tuning used",
        "`real-dev`, the devset and the fixtures. Before: commit 3f54e2c (the real set landed, before the",
        "small-model work of issue 12). Precision is that of emitted fields; median is seconds per article",
        "with the eval defaults on a 2-core machine; the 'before' medians were timed when the baseline was",
        "recorded, perhaps on a faster or slower machine, so compare medians only among the 'after' rows. The",
        "intervals are 95% bootstrap intervals over the set's articles (`evals/uncertainty.py`): how far",
        "the figure could move on other articles like these.",
        "",
        "| set (articles) | | precision | 95% interval | recall | micro F1 | 95% interval | news accuracy | median s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]

    def interval(pair: list[float] | None) -> str:
        return f"{pair[0]:.3f}–{pair[1]:.3f}" if pair else "–"

    for name in after:
        for label, f in (("before", before.get(name)), ("after", after[name])):
            if f:
                lines.append(
                    f"| {name} ({f['articles']}) | {label} | {f['precision']:.3f} | "
                    f"{interval(f.get('precision_interval'))} | {f['recall']:.3f} | {f['micro_f1']:.3f} | "
                    f"{interval(f.get('micro_f1_interval'))} | {f['news_accuracy']:.3f} | "
                    f"{f['median_latency_s']:.2f} |"
                )
    lines += [
        "",
        "## By kind of article",
        "",
        "| set | kind | articles | precision before | precision after | F1 before | F1 after | news acc. after |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, f in after.items():
        for kind, k in f["kinds"].items():
            b = (before.get(name) or {}).get("kinds", {}).get(kind, {})
            lines.append(
                f"| {name} | {kind} | {k['articles']} | {b.get('precision', float('nan')):.3f} | "
                f"{k['precision']:.3f} | {b.get('micro_f1', float('nan')):.3f} | {k['micro_f1']:.3f} | "
                f"{k['news_accuracy']:.3f} |"
            )
    fields = list(next(iter(after.values()))["per_field_f1"])
    lines += ["", "## Per-field F1 after", "", "| set | " + " | ".join(fields) + " |"]
    lines.append("| --- |" + " --- |" * len(fields))
    for name, f in after.items():
        lines.append(f"| {name} | " + " | ".join(f"{f['per_field_f1'][k]:.2f}" for k in fields) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--baseline-from",
        type=Path,
        help="record the 'before' from report dirs DIR/<set>; other sets keep theirs",
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    baseline_file = RESULTS / "accuracy-baseline.json"
    if args.baseline_from:
        recorded = {n: figures(args.baseline_from / n, n) for n in SETS if (args.baseline_from / n).exists()}
        # sets not in DIR keep the figures already recorded (a set that grew is re-scored alone)
        kept = json.loads(baseline_file.read_text())["sets"] if baseline_file.exists() else {}
        sets = {n: recorded.get(n, kept.get(n)) for n in SETS if n in recorded or n in kept}
        baseline_file.write_text(json.dumps({"commit": "3f54e2c", "sets": sets}, indent=2) + "\n")
        print(f"recorded the baseline of {', '.join(recorded)} in {baseline_file}")
        return
    before = json.loads(baseline_file.read_text())["sets"]
    after = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (path, _) in SETS.items():
            if not path.exists():
                print(f"skipping {name}: {path} is not there", file=sys.stderr)
                continue
            after[name] = score(name, Path(tmp) / name)
            print(f"{name}: precision {after[name]['precision']:.3f}  micro F1 {after[name]['micro_f1']:.3f}")
    (RESULTS / "accuracy.json").write_text(json.dumps({"before": before, "after": after}, indent=2) + "\n")
    (RESULTS / "accuracy.md").write_text(markdown(before, after))
    print((RESULTS / "accuracy.md").read_text())


if __name__ == "__main__":
    main()
