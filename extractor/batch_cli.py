"""`batch` subcommand: JSONL in, one JSONL line out per input line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from extractor.batch import run_batch
from extractor.cache import ResponseCache, default_path
from extractor.pricing import load_prices


def cmd_batch(args: argparse.Namespace) -> int:
    from extractor.cli import _extractor

    cache = None if args.no_cache else ResponseCache(args.cache or default_path())
    try:
        with _extractor(args) as extractor:
            summary = run_batch(
                extractor,
                args.input,
                args.output,
                concurrency=args.concurrency,
                cache=cache,
                retry_errors=args.retry_errors,
                prices=load_prices(args.prices),
                progress=None if not args.quiet else False,
            )
    finally:
        if cache is not None:
            cache.close()
    print(summary.text(), file=sys.stderr)
    return 0


def register(sub: Any, backend_options: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "batch",
        help="extract every article of a JSONL file (resumable)",
        description="Extract every line {id, text, published?, url?, title?} of a JSONL file (annotated sets "
        "work too; gold is ignored). Writes one line per input line, in completion order. Rerunning the same "
        "command skips ids already in the output; killing it at any moment leaves only whole lines.",
    )
    p.add_argument("input", help="input JSONL, or - for standard input")
    p.add_argument(
        "-o", "--output", required=True, help="output JSONL (appended to; resumable), or - for stdout"
    )
    p.add_argument("--concurrency", type=int, default=8, help="articles in flight at once (default 8)")
    p.add_argument(
        "--retry-errors", action="store_true", help="process again the ids whose last line is an error"
    )
    p.add_argument("--no-cache", action="store_true", help="do not read or write the response cache")
    p.add_argument(
        "--cache", help="cache file (default ~/.cache/funding-extractor/cache.sqlite, env EXTRACTOR_CACHE)"
    )
    p.add_argument(
        "--prices", help='price table JSON {"model": [usd_per_1M_in, usd_per_1M_out]} (env EXTRACTOR_PRICES)'
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    backend_options(p)
    p.set_defaults(func=cmd_batch)
