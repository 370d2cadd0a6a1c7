"""`eval` and `compare` subcommands: score extraction against annotated sets."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.compare import compare, format_compare
from evals.io import PredictionLine, load_predictions, load_set
from evals.report import fp_split, interval_line, write_reports
from evals.scoring import FIELDS, Report, score_set
from extractor.batch import iter_batch
from extractor.batch.progress import Progress
from extractor.batch.summary import Summary
from extractor.cli.common import backend_options, build_extractor, default_concurrency, positive
from extractor.errors import ExtractorError, OutputError
from schemas.gold import Article

if TYPE_CHECKING:
    from evals.oracle import OracleAnswer


def predict(
    articles: list[Article], extractor: Any, out: Path, concurrency: int, progress: bool = False
) -> dict[str, PredictionLine]:
    """Extract every article of the set through batch mode (no cache), writing its output lines to `out`;
    with `progress`, the batch progress line on stderr."""
    lines = [a.model_dump_json(exclude={"gold"}) for a in articles]
    done = Summary()
    bar = Progress(done, time.perf_counter(), total=len(lines)) if progress else None

    async def collect() -> dict[str, PredictionLine]:
        found = {}
        try:
            async for line in iter_batch(extractor, lines, concurrency=concurrency):
                found[line.id] = line
                f.write(line.model_dump_json(exclude_none=True) + "\n")
                f.flush()
                done.add(line)
                if bar is not None:
                    bar.update()
        finally:
            await extractor.aclose()
            if bar is not None:
                bar.update(force=True)
                bar.clear()
        return found

    try:
        with out.open("w", encoding="utf-8") as f:
            return asyncio.run(collect())
    except OSError as exc:
        raise OutputError(f"{out}: writing the predictions failed: {exc.strerror or exc}") from None


def summary(report: Report) -> str:
    lines = [
        f"micro F1 {report.micro.f1:.3f}  precision {report.micro.precision:.3f}  recall {report.micro.recall:.3f}"
        f"  ({report.n_articles} articles, {report.n_errors} errors)",
        f"rounds P {report.rounds.precision:.3f} R {report.rounds.recall:.3f}   "
        f"is_funding_news accuracy {report.news_accuracy:.3f}",
        f"false positives: {fp_split(report)}",
        *([line] if (line := interval_line(report)) else []),
        "",
        f"{'field':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'TP':>5s} {'FP':>5s} {'FN':>5s}",
    ]
    for name in FIELDS:
        c = report.fields[name]
        lines.append(
            f"{name:12s} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
        )
    return "\n".join(lines)


def predict_oracle(
    args: argparse.Namespace, articles: list[Article], out: Path
) -> tuple[dict[str, OracleAnswer], dict[str, PredictionLine]]:
    """Serve each article's gold as the answer of a perfect model (evals.oracle) and run the real pipeline."""
    from evals.oracle import answers, by_text
    from evals.oracle_server import oracle_extractor

    given = [flag for flag, value in (("--backend", args.backend), ("--model", args.model),
                                      ("--base-url", args.base_url), ("--predictions", args.predictions))
             if value]  # fmt: skip
    if given:
        raise ExtractorError(f"--oracle serves its own answers on loopback; drop {', '.join(given)}")
    oracle = answers(articles)
    try:
        served = by_text(articles, oracle)
    except ValueError as exc:
        raise ExtractorError(f"{args.set}: {exc}") from None
    mode = args.mode or "json_schema"
    with oracle_extractor(served, mode=mode, max_reasks=args.max_reasks, timeout=args.timeout) as extractor:
        return oracle, predict(articles, extractor, out / "predictions.jsonl", args.concurrency or 8)


def write_losses(
    articles: list[Article],
    oracle: dict[str, OracleAnswer],
    predictions: dict[str, PredictionLine],
    report: Report,
    out: Path,
) -> dict[str, Path]:
    """Name every gold value the round trip lost, and why (losses.md, losses.json), with a count by stage."""
    from evals.oracle import count_by_stage, explain, markdown, to_json

    found = explain(articles, oracle, predictions, report)
    counts = ", ".join(f"{n} {stage}" for stage, n in count_by_stage(found).items())
    print(f"\nround trip: {len(found)} values lost or wrong ({counts}); see losses.md")
    paths = {"losses.md": out / "losses.md", "losses.json": out / "losses.json"}
    paths["losses.md"].write_text(markdown(found), encoding="utf-8")
    paths["losses.json"].write_text(
        json.dumps(to_json(found), indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return paths


def cmd_eval(args: argparse.Namespace) -> int:
    articles = load_set(args.set, args.split)
    if not any(a.gold for a in articles):
        raise ExtractorError(f"{args.set}: no article has a gold record to score against")
    out = Path(args.report_dir)
    out.mkdir(parents=True, exist_ok=True)
    oracle = None
    if args.oracle:
        oracle, predictions = predict_oracle(args, articles, out)
    elif args.predictions:
        predictions = load_predictions(args.predictions)
        if not predictions:
            raise ExtractorError(
                f"{args.predictions}: holds no prediction lines; give the batch output of {args.set}"
            )
        if not predictions.keys() & {a.id for a in articles}:
            raise ExtractorError(
                f"{args.predictions}: none of its {len(predictions):,} ids is an id of {args.set} "
                f"({len(articles):,} articles); give the batch output of this set (lines are joined on id)"
            )
    else:
        with build_extractor(args) as extractor:
            concurrency = default_concurrency(args.concurrency, extractor)
            show = sys.stderr.isatty() and not args.quiet
            predictions = predict(articles, extractor, out / "predictions.jsonl", concurrency, show)
    report = score_set(articles, predictions)
    try:
        paths = write_reports(report, articles, predictions, out)
    except OSError as exc:
        raise OutputError(
            f"{exc.filename or out}: writing the reports failed: {exc.strerror or exc}"
        ) from None
    print(summary(report))
    if oracle is not None:
        paths.update(write_losses(articles, oracle, predictions, report, out))
    print("\nwrote " + ", ".join(str(p) for p in paths.values()))
    if args.min_f1 is not None and report.micro.f1 < args.min_f1:
        print(f"micro F1 {report.micro.f1:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    print(format_compare(compare(args.a, args.b)))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="extract an annotated set and score it field by field",
        description="Run extraction over an annotated set (ANNOTATION.md format; a .jsonl file or a folder) "
        "and score it, or score existing batch output with --predictions. Writes report.json, report.md "
        "and report.html.",
    )
    p.add_argument("set", help="annotated set: a .jsonl file or a folder of them")
    p.add_argument(
        "--split", metavar="NAME", help="only the ids the set's split.json lists under NAME (dev, test)"
    )
    p.add_argument("--report-dir", required=True, help="where to write predictions and the three reports")
    p.add_argument("--predictions", help="score this batch output instead of running extraction")
    p.add_argument(
        "--oracle",
        action="store_true",
        help="the ceiling: answer each article with its gold as a perfect model would (quotes the parsers "
        "read), served on loopback through the real pipeline (default --mode json_schema); writes "
        "losses.md naming every gold value lost and why",
    )
    p.add_argument("--min-f1", type=float, help="exit 1 when micro F1 is below this")
    p.add_argument(
        "--concurrency",
        type=positive,
        metavar="N",
        help="articles in flight at once (default: what the backend serves at once; 1 for the embedded model)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line, even on a terminal")
    backend_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "compare",
        help="per-field deltas between two report.json files",
        description="Compare two evaluation reports: per-field deltas (B minus A) and the articles that got worse.",
    )
    p.add_argument("a", help="report.json of the baseline")
    p.add_argument("b", help="report.json of the candidate")
    p.set_defaults(func=cmd_compare)
