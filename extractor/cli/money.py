"""`money`: parse one money phrase, for debugging a record."""

from __future__ import annotations

import argparse
import json
from typing import Any

from extractor.cli.output import write_stdout


def cmd_money(args: argparse.Namespace) -> int:
    from extractor.parsing.money import MoneyParseError, parse_money

    try:
        parsed = parse_money(args.text, context=args.context)
    except MoneyParseError as exc:
        write_stdout(json.dumps({"error": str(exc)}, ensure_ascii=False) + "\n")
        return 1
    write_stdout(json.dumps(parsed.to_json(), ensure_ascii=False) + "\n")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "money",
        help="parse a money phrase, for debugging a record",
        description='Parse one money phrase ("Rs 300 crore", "$8.5m") and print value and currency as JSON.',
    )
    p.add_argument("text", help="the money phrase")
    p.add_argument("--context", help="surrounding article text, to resolve $ or ¥")
    p.set_defaults(func=cmd_money)
