"""What every model-using command shares: the model options and the Extractor they describe."""

from __future__ import annotations

import argparse

from extractor.backends.registry import KINDS, MODES
from extractor.pipeline import Extractor


def backend_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model")
    g.add_argument(
        "--backend", choices=list(KINDS), help="default: openai if a key/URL is set, else embedded"
    )
    g.add_argument("--model", help="model name for the openai backend (env EXTRACTOR_MODEL)")
    g.add_argument(
        "--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL)"
    )
    g.add_argument(
        "--mode",
        choices=list(MODES),
        help="how the JSON shape is requested: " + "; ".join(f"{m.name}: {m.help}" for m in MODES.values()),
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


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


# A remote server scales on its own; this many requests in flight keeps it busy without flooding it.
REMOTE_CONCURRENCY = 8


def default_concurrency(asked: int | None, extractor: Extractor) -> int:
    """What the user asked for, else what the backend serves at once (the embedded model: one; more in
    flight would only queue on its lock and inflate each article's latency)."""
    if asked is not None:
        return asked
    return extractor.backend.parallel or REMOTE_CONCURRENCY
