"""`page`: what the extractor reads from a saved web page, without running a model."""

from __future__ import annotations

import argparse
from typing import Any

from extractor.cli.extract import read_article
from extractor.cli.output import write_stdout


def cmd_page(args: argparse.Namespace) -> int:
    from extractor.pages import decode_page, read_page

    data, source = read_article(args.file)
    page = read_page(decode_page(data, source), source_name=source)
    if args.text:
        # Exactly the text the evidence offsets of an `extract` record index (its source.text).
        write_stdout(page.text)
    else:
        write_stdout(page.source.model_dump_json(indent=2) + "\n")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "page",
        help="show the article text and metadata read from a web page (no model)",
        description="Read a saved web page as `extract` does and print what the model would get: the "
        "article text (headline, then paragraphs) and the page's metadata (published date and where it "
        "was found, title, canonical URL, language), as the JSON of a record's `source`.",
        epilog="example: python -m extractor page evals/html/en-kelpwise-series-a.html --text",
    )
    p.add_argument("file", metavar="FILE", help="saved web page, or - to read standard input")
    p.add_argument("--text", action="store_true", help="print only the article text, exactly as read")
    p.set_defaults(func=cmd_page)
