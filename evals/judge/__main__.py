"""python -m evals.judge collect OUTPUT... | train [--threshold T]: grow the round judge's data, refit it.

collect  adds the distinct rounds of eval outputs (folders with predictions.jsonl, or the files)
         for `dev` articles of evals/real to evals/judge/rounds.jsonl;
train    labels those rounds against the current gold, reports out-of-fold quality (grouped by
         article) and writes the weights the extractor reads (extractor/forms/roles/judge.json).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evals.judge.train import ROWS, auc, collect, cross_validate, effect, examples, fit, load_dev, read_rows
from extractor.forms.roles.judge import WEIGHTS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.judge", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect", help="add the dev rounds of eval outputs to the judge's rows")
    c.add_argument("outputs", nargs="+", type=Path)
    t = sub.add_parser("train", help="fit the judge on its rows and write its weights")
    t.add_argument("--threshold", type=float, default=0.5, help="rounds scored below it are removed")
    t.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic model")
    t.add_argument("--out", type=Path, default=WEIGHTS, help="where the weights go")
    args = ap.parse_args(argv)
    rows = read_rows() if ROWS.exists() else []
    if args.command == "collect":
        for out in args.outputs:
            if not (out / "predictions.jsonl" if out.is_dir() else out).is_file():
                ap.error(f"{out}: no predictions.jsonl there")
        added = collect(args.outputs, rows)
        ROWS.write_text("".join(r.to_json() + "\n" for r in rows), encoding="utf-8")
        print(f"{added} new rounds; {len(rows)} in {ROWS}")
        return 0
    data = examples(rows, load_dev())
    if not data:
        ap.error(f"{ROWS}: no rounds of dev articles to learn from")
    probs = cross_validate(data, l2=args.l2)
    labels = [e.matched for e in data]
    report = {
        "rounds": len(data),
        "articles": len({e.article for e in data}),
        "unmatched": labels.count(False),
        "out_of_fold_auc": round(auc(probs, labels), 3),
        "out_of_fold": [effect(data, probs, t) for t in (0.0, 0.5, 0.6, 0.7, 0.8)],
    }
    weights = fit(data, l2=args.l2)
    args.out.write_text(
        json.dumps(
            {"threshold": args.threshold, "l2": args.l2, "trained": report, "weights": weights},
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    json.dump(report, sys.stdout, indent=1)
    print(f"\n{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
