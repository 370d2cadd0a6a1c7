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
    g.add_argument(
        "--timeout",
        type=float,
        help="seconds an HTTP request may take in all, however slowly the server answers (default 120)",
    )


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
