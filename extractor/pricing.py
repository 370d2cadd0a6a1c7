"""Estimated cost from token usage: USD per million input and output tokens, by model name."""

from __future__ import annotations

import json
import os
from pathlib import Path

from extractor.errors import ConfigError
from schemas.record import Usage

# List prices in USD per 1M tokens (input, output); override with --prices FILE or EXTRACTOR_PRICES.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gemma-3-270m-q4_k_m": (0.0, 0.0),
}


def load_prices(path: str | Path | None = None) -> dict[str, tuple[float, float]]:
    """Defaults, updated from a JSON file {"model": [input, output], ...} when one is given."""
    prices = dict(DEFAULT_PRICES)
    source = path or os.environ.get("EXTRACTOR_PRICES")
    if not source:
        return prices
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
        for model, pair in data.items():
            inp, out = pair
            prices[str(model)] = (float(inp), float(out))
    except (OSError, ValueError, TypeError) as exc:
        raise ConfigError(
            f'price table {source}: expected {{"model": [input, output], ...}}: {exc}'
        ) from None
    return prices


def cost(usage: Usage, model: str, prices: dict[str, tuple[float, float]]) -> float | None:
    """USD for this usage, or None when the model is not in the table."""
    if model not in prices:
        return None
    inp, out = prices[model]
    return (usage.prompt_tokens * inp + usage.completion_tokens * out) / 1_000_000
