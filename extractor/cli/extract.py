"""`extract`: one article in, its record out as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from extractor.article import check_text, decode
from extractor.cli.common import backend_options, build_extractor
from extractor.cli.output import write_stdout
from extractor.errors import InputError


def read_article(name: str) -> tuple[bytes, str]:
    """The bytes of FILE (or of standard input for "-") and a name for messages."""
    if name == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("standard input is closed; give a file, or pipe an article into `extract -`")
        try:
            return sys.stdin.buffer.read(), "standard input"
        except (OSError, ValueError) as exc:
            raise InputError(f"standard input cannot be read: {exc}") from None
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not an article file")
    if not path.exists():
        raise InputError(f"{name}: no such file")
    try:
        return path.read_bytes(), name
    except OSError as exc:
        raise InputError(f"{name}: cannot be read: {exc.strerror or exc}") from None


def decode_input(data: bytes, source: str, format: str = "auto") -> tuple[str, str]:
    """(text, "text" or "html"): a page is told by its first element (or by --format html) and may use
    the charset it declares; plain text must be UTF-8, as before."""
    from extractor.pages import decode_page, looks_like_html

    if format == "html" or (format == "auto" and looks_like_html(data[:4096].decode("latin-1"))):
        return check_text(decode_page(data, source), source), "html"
    return decode(data, source), "text"


def cmd_extract(args: argparse.Namespace) -> int:
    data, source = read_article(args.file)
    text, format = decode_input(data, source, args.format)
    with build_extractor(args) as extractor:
        record = extractor.extract(text, args.published, format=format)  # type: ignore[arg-type]
    write_stdout(record.model_dump_json(indent=None if args.compact else 2) + "\n")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract one article and print its record as JSON",
        description="Extract the funding rounds of one article: a UTF-8 text file or a saved web page "
        "(told apart by content; - reads stdin). From a page only the article text is read (navigation, "
        "sidebars, related stories, newsletter boxes and scripts are left out); the page's date fills "
        "--published, and the record's `source` holds the text the evidence offsets index.",
    )
    p.add_argument(
        "file", metavar="FILE", help="article text file or .html page, or - to read standard input"
    )
    p.add_argument(
        "--format",
        choices=("auto", "text", "html"),
        default="auto",
        help="auto (default): a page when the input starts like an HTML document, else plain text",
    )
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp), to resolve 'on Thursday'",
    )
    p.add_argument("--compact", action="store_true", help="one-line JSON")
    backend_options(p)
    p.set_defaults(func=cmd_extract)
