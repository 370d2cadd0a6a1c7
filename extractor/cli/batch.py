"""`batch` subcommand: JSONL in, one JSONL line out per input line (see extractor.batch)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from extractor.batch import run_batch
from extractor.batch.provider.requests import MAX_REQUESTS
from extractor.cache import ResponseCache, default_path
from extractor.cli.common import backend_options, build_extractor, default_concurrency, positive
from extractor.errors import ConfigError
from extractor.pricing import load_prices


def cmd_batch(args: argparse.Namespace) -> int:
    prices = load_prices(args.prices)  # a bad price table fails before any work is done
    cache = None if args.no_cache else ResponseCache(args.cache or default_path())
    try:
        with build_extractor(args) as extractor:
            common: dict[str, Any] = {
                "extractor": extractor,
                "concurrency": default_concurrency(args.concurrency, extractor),
                "cache": cache,
                "retry_errors": args.retry_errors,
                "progress": False if args.quiet else None,
                "prices": prices,
            }
            if args.job_size > MAX_REQUESTS:
                raise ConfigError(
                    f"--job-size {args.job_size:,}: a Batch API job holds at most {MAX_REQUESTS:,}"
                )
            if args.via in ("provider-batch", "batch-files"):
                if args.workers > 1:
                    raise ConfigError(
                        "--workers belongs to --via live: a provider batch's work is the provider's"
                    )
                from extractor.batch.provider import Limits, PollPolicy, run_provider_batch

                summary = run_provider_batch(
                    args.input,
                    args.output,
                    repair=not args.no_repair,
                    wait=not args.no_wait,
                    limits=Limits(requests=args.job_size),
                    poll=PollPolicy(initial=min(5.0, args.poll_max), maximum=args.poll_max),
                    files_only=args.via == "batch-files",
                    **common,
                )
            else:
                if args.no_repair or args.no_wait:
                    raise ConfigError(
                        "--no-repair and --no-wait belong to --via provider-batch or batch-files"
                    )
                summary = run_batch(args.input, args.output, workers=args.workers, **common)
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        if cache is not None:
            cache.close()
    print(summary.text(), file=sys.stderr)
    if summary.interrupted:
        return 130
    if summary.pending:
        return PENDING
    return 1 if summary.failed else 0


# Jobs still running at the provider (--no-wait): not an error, "try again later" (sysexits EX_TEMPFAIL).
PENDING = 75


def _seconds(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not {value}")
    return x


def register(sub: Any) -> None:
    """Add `batch` to the subparsers `sub`; `backend_options(parser)` adds --backend, --model and the rest."""
    p = sub.add_parser(
        "batch",
        help="extract every article of a JSONL file (concurrent, resumable)",
        description="Extract every line {id, text, published?, url?, title?} of a JSONL file (annotated sets "
        "work too; gold is ignored). Writes exactly one line per input line, in completion order (join on "
        "id); malformed input lines become error lines naming the line number. Rerunning the same command "
        "skips ids already in the output; killing it at any moment leaves only whole lines.",
        epilog="exit status: 0 when at least one line succeeded (or there was nothing to do), 1 when every "
        "line processed is an error, 2 when the run could not start or its input or output failed, 130 when "
        "interrupted.\nexample: python -m extractor batch articles.jsonl -o records.jsonl --concurrency 16",
    )
    p.add_argument("input", metavar="IN.jsonl", help="input JSONL, or - for standard input")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT.jsonl",
        required=True,
        help="output JSONL, appended to and resumed from; - for standard output (no resume)",
    )
    p.add_argument(
        "--concurrency",
        type=positive,
        metavar="N",
        help="articles in flight at once (default: what the backend serves at once; 1 for the embedded "
        "model, 8 for a server)",
    )
    p.add_argument(
        "--retry-errors",
        action="store_true",
        help="process again the ids whose last output line is an error, then keep one line per id",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the response cache")
    p.add_argument(
        "--cache",
        metavar="PATH",
        help="response cache directory (default $EXTRACTOR_CACHE, else ~/.cache/funding-extractor/responses); "
        "its size limit is $EXTRACTOR_CACHE_MB (default 1024)",
    )
    p.add_argument(
        "--prices",
        metavar="FILE.json",
        help='price table {"model": [usd_per_1M_input, usd_per_1M_output], ...} over the defaults '
        "(default $EXTRACTOR_PRICES)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line, even on a terminal")
    p.add_argument(
        "--workers",
        type=positive,
        default=1,
        metavar="N",
        help="worker processes sharing the concurrency, each with its own event loop and connections: for a "
        "fast endpoint, where one process's CPU sets the pace (default 1)",
    )
    g = p.add_argument_group(
        "provider batch jobs",
        "--via provider-batch sends the articles through the endpoint's Batch API (OpenAI's: half the live "
        "price, results within 24 h), then checks every answer as the live path does. Jobs are kept in "
        "OUT.provider-batch/ beside the output: rerun the same command after a kill, or to collect.",
    )
    g.add_argument(
        "--via",
        choices=["live", "provider-batch", "batch-files"],
        default="live",
        help="live: one request per article now (default); provider-batch: Batch API jobs; batch-files: the "
        "same request files for a self-hosted engine (vllm run-batch), collected from results-NNNN.jsonl "
        "beside them on a rerun",
    )
    g.add_argument(
        "--no-repair",
        action="store_true",
        help="answers that fail the checks, and articles the job did not answer, become error lines instead "
        "of being asked live (--retry-errors later submits them again)",
    )
    g.add_argument(
        "--no-wait",
        action="store_true",
        help=f"submit, collect the jobs that are finished, and exit ({PENDING} while some still run)",
    )
    g.add_argument(
        "--job-size",
        type=positive,
        default=MAX_REQUESTS,
        metavar="N",
        help=f"requests per job (default and most {MAX_REQUESTS:,}; a file also stays under 200 MB)",
    )
    g.add_argument(
        "--poll-max",
        type=_seconds,
        default=60.0,
        metavar="S",
        help="longest wait between status checks; they start at 5 s and grow (default 60)",
    )
    backend_options(p)
    p.set_defaults(func=cmd_batch)
