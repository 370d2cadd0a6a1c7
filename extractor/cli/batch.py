"""`batch` subcommand: JSONL in, one JSONL line out per input line (see extractor.batch)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from extractor.batch import run_batch
from extractor.cache import ResponseCache, default_path
from extractor.cli.common import backend_options, build_extractor, default_concurrency, positive
from extractor.pricing import load_prices


def cmd_batch(args: argparse.Namespace) -> int:
    prices = load_prices(args.prices)  # a bad price table fails before any work is done
    cache = None if args.no_cache else ResponseCache(args.cache or default_path())
    try:
        with build_extractor(args) as extractor:
            summary = run_batch(
                args.input,
                args.output,
                extractor=extractor,
                concurrency=default_concurrency(args.concurrency, extractor),
                cache=cache,
                retry_errors=args.retry_errors,
                progress=False if args.quiet else None,
                prices=prices,
            )
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        if cache is not None:
            cache.close()
    print(summary.text(), file=sys.stderr)
    return 130 if summary.interrupted else 0


def register(sub: Any) -> None:
    """Add `batch` to the subparsers `sub`; `backend_options(parser)` adds --backend, --model and the rest."""
    p = sub.add_parser(
        "batch",
        help="extract every article of a JSONL file (concurrent, resumable)",
        description="Extract every line {id, text, published?, url?, title?} of a JSONL file (annotated sets "
        "work too; gold is ignored). Writes exactly one line per input line, in completion order (join on "
        "id); malformed input lines become error lines naming the line number. Rerunning the same command "
        "skips ids already in the output; killing it at any moment leaves only whole lines.",
        epilog="example: python -m extractor batch articles.jsonl -o records.jsonl --concurrency 16",
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
    backend_options(p)
    p.set_defaults(func=cmd_batch)
