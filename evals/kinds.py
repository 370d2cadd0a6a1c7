"""Kinds of articles, read from their gold, and the scores of each kind: where a model is weak.

An article can be of several kinds: a digest (two or more companies report news rounds), one that
recalls background rounds, one not in English (by the language prefix of its id), a negative (not
funding news). Scores are micro-averaged over the articles of a kind.
"""

from __future__ import annotations

from collections.abc import Iterable

from evals.scoring import Counts, Report
from schemas.gold import Article

KINDS = ("digest", "background", "non-english", "negative", "single")


def kinds_of(article: Article) -> set[str]:
    gold = article.gold
    if gold is None:
        return set()
    firm = [r for r in gold.rounds if not r.optional]
    out = set()
    if len({r.company for r in firm if r.primary}) >= 2:
        out.add("digest")
    if any(not r.primary for r in firm):
        out.add("background")
    if not article.id.startswith("en-") and article.id[:3].endswith("-"):
        out.add("non-english")
    if not gold.is_funding_news:
        out.add("negative")
    if not out:
        out.add("single")
    return out


def breakdown(report: Report, articles: Iterable[Article]) -> dict[str, dict[str, float]]:
    """Per kind: articles, precision, recall, micro F1, and is_funding_news accuracy."""
    by_id = {a.id: a for a in articles}
    out: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        results = [r for r in report.articles if kind in kinds_of(by_id[r.id])] if by_id else []
        if not results:
            continue
        total = Counts()
        for r in results:
            total.add(r.micro)
        right = sum(r.is_funding_news == r.gold_is_funding_news for r in results)
        out[kind] = {
            "articles": len(results),
            "precision": round(total.precision, 3),
            "recall": round(total.recall, 3),
            "micro_f1": round(total.f1, 3),
            "fp": total.fp,
            "news_accuracy": round(right / len(results), 3),
        }
    return out
