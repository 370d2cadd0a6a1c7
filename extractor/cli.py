"""Command line: `python -m extractor {extract,money,batch,eval,compare}`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from evals.compare import ReportError
from evals.io import SetError
from extractor.article import decode
from extractor.errors import ExtractorError
from extractor.pipeline import Extractor

EPILOG = """\
backend selection (arguments win over environment):
  with no OPENAI_API_KEY / OPENAI_BASE_URL the embedded Gemma 3 270M runs in-process, offline.
  OPENAI_API_KEY, OPENAI_BASE_URL, EXTRACTOR_MODEL, EXTRACTOR_BACKEND, EXTRACTOR_MODE configure the rest.

examples:
  python -m extractor extract examples/tidewater-robotics.txt --published 2024-05-16
  cat article.txt | python -m extractor extract -
  OPENAI_BASE_URL=http://127.0.0.1:8080/v1 python -m extractor extract a.txt --model local --mode llamacpp
  python -m extractor batch articles.jsonl -o records.jsonl --concurrency 8
  python -m extractor eval evals/fixtures --report-dir out/fixtures
  python -m extractor money "Rs 300 crore"

the same commands are installed as `funding-extract`.
"""


def _backend_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model")
    g.add_argument(
        "--backend", choices=["embedded", "openai"], help="default: openai if a key/URL is set, else embedded"
    )
    g.add_argument("--model", help="model name for the openai backend (env EXTRACTOR_MODEL)")
    g.add_argument(
        "--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL)"
    )
    g.add_argument(
        "--mode",
        choices=["json_schema", "json", "llamacpp", "tools"],
        help="how the JSON shape is requested: json_schema (OpenAI, vLLM), json (Ollama, most servers), "
        "llamacpp (llama.cpp server grammar), tools",
    )
    g.add_argument("--max-reasks", type=int, default=1, help="re-asks after a failed check (default 1)")
    g.add_argument("--timeout", type=float, help="seconds per HTTP request (default 120)")


def build_extractor(args: argparse.Namespace) -> Extractor:
    """The Extractor the model options of any subcommand describe."""

    return Extractor(
        args.backend,
        model=args.model,
        base_url=args.base_url,
        mode=args.mode,
        max_reasks=args.max_reasks,
        timeout=args.timeout,
    )


def cmd_extract(args: argparse.Namespace) -> int:
    if args.file == "-":
        data = sys.stdin.buffer.read()
        source = "standard input"
    else:
        path = Path(args.file)
        if not path.is_file():
            raise ExtractorError(f"{args.file}: no such file")
        data = path.read_bytes()
        source = args.file
    text = decode(data, source)
    with build_extractor(args) as extractor:
        record = extractor.extract(text, args.published)
    print(record.model_dump_json(indent=None if args.compact else 2, exclude_none=False))
    return 0


def cmd_money(args: argparse.Namespace) -> int:
    from extractor.money import MoneyParseError, parse_money

    try:
        parsed = parse_money(args.text, context=args.context)
    except MoneyParseError as exc:
        print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        return 1
    print(json.dumps(parsed.to_json(), ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extractor",
        description="Extract funding rounds from news articles into validated JSON records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log retries and re-asks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="extract one article and print its record as JSON",
        description="Extract the funding rounds of one article (a UTF-8 text file, or - for stdin).",
    )
    p.add_argument("file", metavar="FILE", help="article text file, or - to read standard input")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, to resolve 'on Thursday'")
    p.add_argument("--compact", action="store_true", help="one-line JSON")
    _backend_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "money",
        help="parse a money phrase, for debugging a record",
        description='Parse one money phrase ("Rs 300 crore", "$8.5m") and print value and currency as JSON.',
    )
    p.add_argument("text", help="the money phrase")
    p.add_argument("--context", help="surrounding article text, to resolve $ or ¥")
    p.set_defaults(func=cmd_money)

    from extractor import batch_cli, eval_cli

    batch_cli.register(sub, _backend_options)
    eval_cli.register(sub, _backend_options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        return int(args.func(args))
    except (ExtractorError, SetError, ReportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
