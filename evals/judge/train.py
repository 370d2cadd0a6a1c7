"""Collect predicted rounds of `dev` articles from eval outputs, label them against gold, fit the judge.

A row is one distinct round some version of the pipeline predicted for a `dev` article of
`evals/real`, with the other rounds of the same answer (the judge reads how a round sits among
them). Labels are not stored: they are read from the current gold at fitting time, so a corrected
annotation corrects the judge. `test` articles are refused, so the judge never sees them.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evals.io import load_predictions, load_set, split_ids
from evals.scoring import Counts, _compare_pair, _slots, match_rounds
from extractor.forms.roles.judge import features
from schemas.gold import Article
from schemas.record import Round

ROWS = Path(__file__).with_name("rounds.jsonl")
REAL = Path(__file__).parents[1] / "real"


@dataclass
class Row:
    id: str
    source: str
    round: Round
    others: list[Round]

    def key(self) -> tuple[object, ...]:
        r = self.round
        return (
            self.id,
            r.company,
            r.amount and (r.amount.value, r.amount.currency),
            r.primary,
            len(r.investors),
        )

    def to_json(self) -> str:
        data = {
            "id": self.id,
            "source": self.source,
            "round": self.round.model_dump(mode="json", exclude_defaults=True),
            "others": [
                o.model_dump(mode="json", exclude_defaults=True, exclude={"evidence"}) for o in self.others
            ],
        }
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Row:
        d = json.loads(line)
        return cls(
            d["id"],
            d["source"],
            Round.model_validate(d["round"]),
            [Round.model_validate(o) for o in d["others"]],
        )


def read_rows(path: Path = ROWS) -> list[Row]:
    return [Row.from_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def collect(outputs: Iterable[Path], rows: list[Row], real: Path = REAL) -> int:
    """Add the distinct rounds of each eval output's `dev` predictions to `rows`; how many were new."""
    dev = split_ids(real, "dev")
    seen = {r.key() for r in rows}
    added = 0
    for out in outputs:
        for pid, line in load_predictions(out / "predictions.jsonl" if out.is_dir() else out).items():
            if pid not in dev or line.extraction is None:
                continue
            rounds = list(line.extraction.rounds)
            for i, rnd in enumerate(rounds):
                row = Row(pid, out.name, rnd, rounds[:i] + rounds[i + 1 :])
                if row.key() not in seen:
                    seen.add(row.key())
                    rows.append(row)
                    added += 1
    return added


@dataclass
class Example:
    article: str
    x: dict[str, float]
    matched: bool
    tp: int
    fp: int


def examples(rows: Sequence[Row], articles: dict[str, Article]) -> list[Example]:
    """Each row's features, whether it matches a gold round, and the slots it wins and loses (rows of
    optional gold rounds are left out: predicting those neither earns nor costs)."""
    out = []
    for row in rows:
        art = articles.get(row.id)
        if art is None or art.gold is None or art.text is None:
            continue  # the set's articles are plain text; a saved page would need its text read first
        gold = list(art.gold.rounds)
        rounds = [row.round, *row.others]
        j = dict(match_rounds(rounds, gold)).get(0)
        if j is not None and gold[j].optional:
            continue
        fields = {name: Counts() for name in _slots(row.round)}
        if j is None:
            for name, n in _slots(row.round).items():
                fields[name].fp += n
        else:
            _compare_pair(row.round, gold[j], fields, [], "")
        tp = sum(c.tp for c in fields.values())
        fp = sum(c.fp for c in fields.values())
        out.append(Example(row.id, features(art.text, row.round, row.others), j is not None, tp, fp))
    return out


def fit(
    data: Sequence[Example], l2: float = 1.0, steps: int = 1000, min_articles: int = 3
) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (deterministic). A feature must occur in the
    rows of `min_articles` different articles, so no weight is learnt from one article's wording."""
    spread = Counter(k for k, _ in {(k, e.article) for e in data for k in e.x})
    names = sorted(k for k, n in spread.items() if n >= min_articles or k == "bias")
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for i, e in enumerate(data):
        for k, v in e.x.items():
            if k in index:
                x[i, index[k]] = v
    y = np.array([e.matched for e in data], dtype=float)
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= 0.5 * (x.T @ (p - y) + l2 * w) / len(y)
    return {k: round(float(w[i]), 5) for k, i in index.items() if abs(w[i]) >= 1e-5}


def _prob(weights: dict[str, float], x: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validate(data: Sequence[Example], folds: int = 5, **kw: float) -> list[float]:
    """Out-of-fold probabilities, folds grouped by article (an article's rounds never straddle)."""
    arts = sorted({e.article for e in data})
    fold_of = {a: i % folds for i, a in enumerate(arts)}
    probs = [0.0] * len(data)
    for k in range(folds):
        weights = fit([e for e in data if fold_of[e.article] != k], **kw)  # type: ignore[arg-type]
        for i, e in enumerate(data):
            if fold_of[e.article] == k:
                probs[i] = _prob(weights, e.x)
    return probs


def auc(probs: Sequence[float], labels: Sequence[bool]) -> float:
    pos = [p for p, y in zip(probs, labels, strict=True) if y]
    neg = [p for p, y in zip(probs, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def effect(data: Sequence[Example], probs: Sequence[float], threshold: float) -> dict[str, float]:
    """Slot precision and the share of true slots kept, over all rows, when rows below `threshold` go."""
    kept = [e for e, p in zip(data, probs, strict=True) if p >= threshold]
    tp, fp = sum(e.tp for e in kept), sum(e.fp for e in kept)
    all_tp = sum(e.tp for e in data)
    return {
        "threshold": threshold,
        "rounds_removed": len(data) - len(kept),
        "unmatched_removed": sum(not e.matched for e, p in zip(data, probs, strict=True) if p < threshold),
        "slot_precision": round(tp / max(1, tp + fp), 3),
        "true_slots_kept": round(tp / max(1, all_tp), 3),
    }


def load_dev(real: Path = REAL) -> dict[str, Article]:
    return {a.id: a for a in load_set(real, "dev")}
