"""How far a set's headline figures could move on other articles of the same kind: a percentile bootstrap
over articles. Articles are the unit, not slots, because the values of one article succeed or fail
together (one misread company costs a whole round), so a 37-article set is far less certain than its few
hundred slots suggest. The paired form draws the same articles for two runs, so the interval of a change
(B minus A) is narrower than the two runs' intervals taken apart.

Draws come from a fixed seed: the same report always shows the same interval.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from pydantic import BaseModel, Field

from evals.counts import Counts

DRAWS = 2000
LEVEL = 0.95
SEED = 20261203

Triple = tuple[int, int, int]


class Interval(BaseModel):
    low: float
    high: float

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high

    def __str__(self) -> str:
        return f"{self.low:.3f}–{self.high:.3f}"


class Intervals(BaseModel):
    """Intervals of micro precision, recall and F1 (or of their changes, for a paired bootstrap)."""

    level: float = Field(description="Share of the draws each interval holds, e.g. 0.95.")
    draws: int = Field(description="Bootstrap draws (resamples of the articles, with replacement).")
    articles: int = Field(description="Articles resampled.")
    precision: Interval
    recall: Interval
    f1: Interval


def _figures(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    c = Counts(tp=tp, fp=fp, fn=fn)
    return c.precision, c.recall, c.f1


def _sums(counts: Sequence[Triple], picks: list[int]) -> Triple:
    tp = fp = fn = 0
    for i in picks:
        a, b, c = counts[i]
        tp += a
        fp += b
        fn += c
    return tp, fp, fn


def _interval(values: list[float], level: float) -> Interval:
    values.sort()
    tail = (1 - level) / 2
    lo = int(tail * len(values))
    hi = max(lo, int((1 - tail) * len(values)) - 1)
    return Interval(low=values[lo], high=values[hi])


def _bootstrap(
    before: Sequence[Counts], after: Sequence[Counts] | None, draws: int, level: float, seed: int
) -> Intervals | None:
    # Plain tuples: the draws add them up n times each, far faster than the models.
    a = [(c.tp, c.fp, c.fn) for c in before]
    b = None if after is None else [(c.tp, c.fp, c.fn) for c in after]
    n = len(a)
    if n == 0:
        return None
    rng = random.Random(seed)
    columns: tuple[list[float], list[float], list[float]] = ([], [], [])
    for _ in range(draws):
        picks = rng.choices(range(n), k=n)
        figures = _figures(*_sums(a, picks))
        if b is not None:
            other = _figures(*_sums(b, picks))
            figures = (other[0] - figures[0], other[1] - figures[1], other[2] - figures[2])
        for column, x in zip(columns, figures, strict=True):
            column.append(x)
    p, r, f = (_interval(c, level) for c in columns)
    return Intervals(level=level, draws=draws, articles=n, precision=p, recall=r, f1=f)


def article_intervals(
    counts: Sequence[Counts], *, draws: int = DRAWS, level: float = LEVEL, seed: int = SEED
) -> Intervals | None:
    """Intervals of one run's micro figures from each article's counts; None for no articles."""
    return _bootstrap(counts, None, draws, level, seed)


def paired_intervals(
    before: Sequence[Counts],
    after: Sequence[Counts],
    *,
    draws: int = DRAWS,
    level: float = LEVEL,
    seed: int = SEED,
) -> Intervals | None:
    """Intervals of the change in micro figures (after minus before) over the same articles, in the same
    order on both sides; None for no articles."""
    if len(before) != len(after):
        raise ValueError(f"paired counts differ in length: {len(before)} and {len(after)}")
    return _bootstrap(before, after, draws, level, seed)
