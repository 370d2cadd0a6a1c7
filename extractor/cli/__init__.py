"""Command line: `python -m extractor {extract,page,batch,eval,compare,money,serve}` (also `funding-extract`)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from extractor.cli import batch, evaluate, extract, money, page, serve
from extractor.cli.output import ReaderGone, silence_stdout
from extractor.errors import ExtractorError
from extractor.redact import RedactingFilter, configured_secrets, redact

EPILOG = """\
backend selection (arguments win over environment):
  with no model name (--model, EXTRACTOR_MODEL) and no endpoint (--base-url, OPENAI_BASE_URL) the
  embedded Gemma 3 270M runs in-process, offline; an OPENAI_API_KEY alone does not change that.
  OPENAI_API_KEY, OPENAI_BASE_URL, EXTRACTOR_MODEL, EXTRACTOR_BACKEND, EXTRACTOR_MODE configure the rest.

examples:
  python -m extractor extract examples/tidewater-robotics.txt --published 2024-05-16
  cat article.txt | python -m extractor extract -
  python -m extractor extract evals/html/en-kelpwise-series-a.html     # a saved web page
  python -m extractor page evals/html/en-kelpwise-series-a.html --text # what is read from it
  python -m extractor serve --model PATH.gguf --port 8080            # an instruction-tuned chat model
  python -m extractor batch examples/articles.jsonl -o records.jsonl
  python -m extractor batch examples/articles.jsonl -o batch-records.jsonl --via provider-batch --model gpt-4o-mini
  python -m extractor eval evals/fixtures --report-dir out/fixtures
  python -m extractor money "Rs 300 crore"

the same commands are installed as `funding-extract`.
"""


def _prog() -> str:
    """The name the user typed: `funding-extract` when installed as a script, else `python -m extractor`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return (
        name
        if name and not name.startswith("__main__") and not name.endswith(".py")
        else "python -m extractor"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Extract funding rounds from news articles into validated JSON records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log retries, re-asks, requests and llama.cpp's own output",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (extract, page, batch, evaluate, money, serve):
        module.register(sub)
    return parser


def configure_logging(verbose: bool, secrets: Sequence[str] = ()) -> None:
    """Log to stderr, every line redacted (extractor.redact): httpx logs request URLs at -v."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)
        handler.addFilter(RedactingFilter(secrets))
    if not verbose:
        # instructor logs each failed re-ask at ERROR and httpx each request at INFO: the command's own
        # one-line error says what matters; -v shows the rest.
        for name in ("instructor", "httpx", "httpcore", "openai", "extractor.backends.transport"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        if not getattr(args, "forwards_unknown", False):
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.server_args = unknown  # `serve` hands what it does not know to llama_cpp.server
    secrets = configured_secrets(
        os.environ.get("OPENAI_API_KEY"), getattr(args, "base_url", None) or os.environ.get("OPENAI_BASE_URL")
    )
    configure_logging(args.verbose, secrets)
    from evals.compare import ReportError
    from evals.io import SetError

    try:
        code = int(args.func(args))
        if sys.stdout is not None:
            sys.stdout.flush()  # here, not at exit, so a reader that went away is handled below
        return code
    except ReaderGone:
        silence_stdout()
        return 141
    except BrokenPipeError:
        silence_stdout()
        return 141
    except (ExtractorError, SetError, ReportError) as exc:
        print(f"error: {redact(str(exc), secrets)}", file=sys.stderr)
        return 2
    except OSError as exc:
        # Any other file a command reads or writes (reports, sets): the path and the cause, no traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {redact(where + (exc.strerror or str(exc)), secrets)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
