"""Estimated cost from token usage: USD per million input and output tokens, by model name.

The table is a plain dict {model: (usd_per_1M_input, usd_per_1M_output)}. Defaults cover a few
OpenAI models (list prices; check them before relying on the estimate) and the embedded model,
which costs nothing. A JSON file given with `--prices FILE` or the environment variable
EXTRACTOR_PRICES adds to or overrides the defaults:

    {"gpt-4o-mini": [0.15, 0.60], "my-vllm-model": {"input": 0, "output": 0}}

A model that is not in the table has no estimate (cost None), never a guessed one; a dated snapshot
("gpt-4o-mini-2024-07-18") is priced as the longest table name it extends ("gpt-4o-mini").

Provider batch jobs (OpenAI's Batch API) cost half the live price unless the table says otherwise,
either inside the model's entry or as an entry of its own named MODEL@batch:

    {"gpt-4o-mini": {"input": 0.15, "output": 0.60, "batch": [0.075, 0.30]}, "my-model@batch": [1, 2]}
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractor.errors import ConfigError
from schemas.record import Usage

Prices = dict[str, tuple[float, float]]

# List prices in USD per 1M tokens (input, output).
DEFAULT_PRICES: Prices = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o4-mini": (1.10, 4.40),
    # The embedded default runs in-process.
    "gemma-3-270m-q4_k_m": (0.0, 0.0),
}

ENV = "EXTRACTOR_PRICES"


def _price(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{value!r} is not a price (a number of USD, 0 or more)")
    return float(value)


BATCH = "@batch"
# What a provider batch job costs when the table gives no batch price of its own: half the live price.
BATCH_DISCOUNT = 0.5


def _pair(value: Any) -> tuple[float, float]:
    if isinstance(value, dict) and set(value) == {"input", "output"}:
        return _price(value["input"]), _price(value["output"])
    if isinstance(value, list) and len(value) == 2:
        return _price(value[0]), _price(value[1])
    raise ValueError(f"{value!r} is neither [input, output] nor {{'input': ..., 'output': ...}}")


def _entries(model: str, value: Any) -> dict[str, tuple[float, float]]:
    """A table entry: a pair, or {"input", "output", "batch": pair} giving the batch price too."""
    if isinstance(value, dict) and "batch" in value:
        rest = {k: v for k, v in value.items() if k != "batch"}
        return {model: _pair(rest), model + BATCH: _pair(value["batch"])}
    return {model: _pair(value)}


def load_prices(path: str | Path | None = None) -> Prices:
    """The defaults, updated from a JSON file (`path`, else $EXTRACTOR_PRICES) when there is one."""
    prices = dict(DEFAULT_PRICES)
    source = path or os.environ.get(ENV)
    if not source:
        return prices
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"price table {source}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigError(f"price table {source}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f'price table {source}: expected an object {{"model": [input, output], ...}}')
    for model, value in data.items():
        try:
            prices.update(_entries(str(model), value))
        except ValueError as exc:
            raise ConfigError(
                f"price table {source}, model {model!r}: {exc} (USD per 1M input and output tokens)"
            ) from None
    return prices


def _entry(model: str, names: Iterable[str]) -> str | None:
    """The model's own name among `names`, else the longest one it extends with '-' (a dated snapshot)."""
    names = list(names)
    if model in names:
        return model
    return max((name for name in names if model.startswith(name + "-")), key=len, default=None)


def price_of(model: str, prices: Prices, *, batch: bool = False) -> tuple[float, float] | None:
    """The model's live prices, or with `batch` its provider-batch prices: a batch entry at least as
    specific as the live one, else half the live price."""
    live = _entry(model, (n for n in prices if not n.endswith(BATCH)))
    if not batch:
        return prices[live] if live is not None else None
    own = _entry(model, (n[: -len(BATCH)] for n in prices if n.endswith(BATCH)))
    if own is not None and (live is None or len(own) >= len(live)):
        return prices[own + BATCH]
    if live is None:
        return None
    inp, out = prices[live]
    return inp * BATCH_DISCOUNT, out * BATCH_DISCOUNT


def cost(usage: Usage, model: str | None, prices: Prices, *, batch: bool = False) -> float | None:
    """USD for this usage (at batch prices with `batch`), or None when the model is not in the table."""
    pair = price_of(model, prices, batch=batch) if model else None
    if pair is None:
        return None
    inp, out = pair
    return (usage.prompt_tokens * inp + usage.completion_tokens * out) / 1_000_000
