"""The embedded default on web pages against the same articles as clean text.

    python benchmarks/html_accuracy.py      # writes benchmarks/results/html_accuracy.{json,md}

Runs `python -m extractor eval` with the embedded model on evals/html (the pages; their dates, titles
and URLs come from the pages themselves) and on evals/html/clean (the clean articles the pages were
built around, with their dates given). Done when (issue 13): micro F1 on the pages within 0.05 of the
clean text, and no round from a sidebar or "related" box on any page: a predicted round whose company,
investor or amount quote appears in the page's furniture but not in the article counts as one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "scripts" / "html_set"))

from articles import ARTICLES  # noqa: E402
from build import clean_text, noise  # noqa: E402

SETS = {"pages": ROOT / "evals" / "html", "clean text": ROOT / "evals" / "html" / "clean"}
MAX_GAP = 0.05


def run(path: Path, out: Path) -> dict:
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
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def from_furniture(predictions: Path) -> list[str]:
    """Predicted values whose quote occurs in a page's furniture and not in its article."""
    by_id = {a["id"]: a for a in ARTICLES}
    found = []
    for line in predictions.read_text(encoding="utf-8").splitlines():
        pred = json.loads(line)
        a = by_id[pred["id"]]
        article = " ".join(clean_text(a).split())
        furniture = [" ".join(x.split()) for x in noise(a)]
        for i, rnd in enumerate((pred.get("extraction") or {}).get("rounds", [])):
            for path, ev in rnd.get("evidence", {}).items():
                quote = " ".join(ev["text"].split())
                if quote not in article and any(quote in piece for piece in furniture):
                    found.append(f"{pred['id']} rounds[{i}].{path}: {ev['text']!r}")
    return found


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    reports, leaks = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in SETS.items():
            out = Path(tmp) / name.replace(" ", "-")
            reports[name] = run(path, out)
            if name == "pages":
                leaks = from_furniture(out / "predictions.jsonl")
    pages, clean = reports["pages"], reports["clean text"]
    gap = clean["micro"]["f1"] - pages["micro"]["f1"]
    summary = {
        name: {
            "articles": r["n_articles"],
            "errors": r["n_errors"],
            "precision": round(r["micro"]["precision"], 3),
            "recall": round(r["micro"]["recall"], 3),
            "micro_f1": round(r["micro"]["f1"], 3),
            "round_f1": round(r["rounds"]["f1"], 3),
            "median_latency_s": round((r.get("latency_ms_median") or 0) / 1000, 2),
            "per_field_f1": {k: round(v["f1"], 3) for k, v in r["fields"].items()},
            "prompt_version": r.get("prompt_version"),
        }
        for name, r in reports.items()
    }
    result = {"sets": summary, "f1_gap": round(gap, 3), "max_gap": MAX_GAP, "values_from_furniture": leaks}
    (RESULTS / "html_accuracy.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# The embedded default on web pages and on the same articles as clean text",
        "",
        f"`python benchmarks/html_accuracy.py`; {len(ARTICLES)} articles (`evals/html`, built by "
        "`scripts/html_set/build.py`: each clean article was written first, then its page built around it).",
        "",
        "| set | precision | recall | micro F1 | round F1 | errors | median s/article |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, s in summary.items():
        lines.append(
            f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['micro_f1']:.3f} | {s['round_f1']:.3f} "
            f"| {s['errors']} | {s['median_latency_s']:.2f} |"
        )
    lines += [
        "",
        f"Gap (clean text minus pages): {gap:+.3f} micro F1 (must stay within {MAX_GAP}): "
        + ("met." if abs(gap) <= MAX_GAP else "NOT met."),
        "",
        f"Values quoted from page furniture (sidebars, related boxes, read-also links, job ads...): {len(leaks)}.",
        *(f"- {x}" for x in leaks),
        "",
    ]
    (RESULTS / "html_accuracy.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return 0 if abs(gap) <= MAX_GAP and not leaks else 1


if __name__ == "__main__":
    sys.exit(main())
