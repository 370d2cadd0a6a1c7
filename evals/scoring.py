"""Field-level scoring of predicted records against gold, as ANNOTATION.md describes.

Predicted rounds are matched one-to-one to gold rounds: a pair needs the same
company (normalised, aliases accepted); among candidate pairs, higher scores
win (amount agreeing, then date, then round type), assigned greedily from the
best pair down, which is optimal for the handful of rounds an article has in
all but contrived ties. Optional gold rounds are removed first, together with
the prediction that matches them best. Each slot then counts as a true
positive, a false positive and/or a false negative; the headline is the
micro-averaged F1 over all slots.
"""

from __future__ import annotations

import statistics
from decimal import Decimal

from pydantic import BaseModel, Field, computed_field

from evals.io import PredictionLine
from evals.normalize import forms, same
from schemas.gold import Article
from schemas.record import Investor, Money, Round

FIELDS = ("company", "round_type", "amount", "amount_usd", "announced", "investors", "leads", "valuation")
TOLERANCE = Decimal("0.01")


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


class ArticleResult(BaseModel):
    id: str
    status: str
    is_funding_news: bool | None
    gold_is_funding_news: bool
    fields: dict[str, Counts]
    rounds: Counts
    differences: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        total = Counts()
        for c in self.fields.values():
            total.add(c)
        return total.f1


class Report(BaseModel):
    n_articles: int
    n_errors: int
    n_missing: int
    micro: Counts
    fields: dict[str, Counts]
    rounds: Counts
    news_accuracy: float
    model: str | None = None
    prompt_version: str | None = None
    total_tokens: int = 0
    cost_usd: float | None = None
    latency_ms_mean: float | None = None
    latency_ms_median: float | None = None
    articles: list[ArticleResult] = Field(default_factory=list)


def _money_eq(a: Money | None, b: Money | None) -> bool:
    if a is None or b is None:
        return False
    return a.currency == b.currency and abs(a.value - b.value) <= abs(b.value) * TOLERANCE


def _money(m: Money | None) -> str:
    return "null" if m is None else f"{m.value:,} {m.currency}"


def _date_eq(pred: str | None, gold: str | None) -> bool:
    return pred is not None and gold is not None and len(pred) >= len(gold) and pred[: len(gold)] == gold


def _company_eq(p: Round, g: Round) -> bool:
    return same(p.company, p.company_aliases, g.company, g.company_aliases)


def _pair_score(p: Round, g: Round) -> float:
    if not _company_eq(p, g):
        return -1.0
    score = 4.0
    if p.amount is None and g.amount is None or _money_eq(p.amount, g.amount):
        score += 2
    if p.announced == g.announced or _date_eq(p.announced, g.announced):
        score += 1
    if p.round_type == g.round_type:
        score += 0.5
    return score


def _match(preds: list[Round], golds: list[Round]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((_pair_score(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _investors(pred: list[Investor], gold: list[Investor]) -> tuple[Counts, list[str], list[str]]:
    """Set comparison by normalised name with aliases; one gold investor absorbs one prediction."""
    left = list(range(len(gold)))
    c = Counts()
    extra = []
    for inv in pred:
        hit = next((j for j in left if same(inv.name, inv.aliases, gold[j].name, gold[j].aliases)), None)
        if hit is None:
            c.fp += 1
            extra.append(inv.name)
        else:
            c.tp += 1
            left.remove(hit)
    c.fn = len(left)
    return c, extra, [gold[j].name for j in left]


def _slots(r: Round) -> dict[str, int]:
    """How many slots each field of an unmatched round fills."""
    return {
        "company": 1,
        "round_type": 1,
        "amount": int(r.amount is not None),
        "amount_usd": int(r.amount_usd is not None),
        "announced": int(r.announced is not None),
        "investors": len(r.investors),
        "leads": sum(i.lead for i in r.investors),
        "valuation": int(r.valuation is not None),
    }


def _compare(p: Round, g: Round, fields: dict[str, Counts], diffs: list[str], label: str) -> None:
    def scalar(name: str, pv: object, gv: object, equal: bool, show: str) -> None:
        c = fields[name]
        if gv is None and pv is None:
            return
        if equal:
            c.tp += 1
            return
        if pv is not None:
            c.fp += 1
        if gv is not None:
            c.fn += 1
        diffs.append(f"{label} {name}: {show}")

    scalar("company", p.company, g.company, _company_eq(p, g), f"predicted {p.company!r}, gold {g.company!r}")
    scalar("round_type", p.round_type, g.round_type, p.round_type == g.round_type,
           f"predicted {p.round_type}, gold {g.round_type}")  # fmt: skip
    scalar("amount", p.amount, g.amount, _money_eq(p.amount, g.amount),
           f"predicted {_money(p.amount)}, gold {_money(g.amount)}")  # fmt: skip
    scalar("amount_usd", p.amount_usd, g.amount_usd, _money_eq(p.amount_usd, g.amount_usd),
           f"predicted {_money(p.amount_usd)}, gold {_money(g.amount_usd)}")  # fmt: skip
    scalar("announced", p.announced, g.announced, _date_eq(p.announced, g.announced),
           f"predicted {p.announced}, gold {g.announced}")  # fmt: skip
    scalar("valuation", p.valuation, g.valuation, _money_eq(p.valuation, g.valuation),
           f"predicted {_money(p.valuation)}, gold {_money(g.valuation)}")  # fmt: skip
    for name, pi, gi in (
        ("investors", p.investors, g.investors),
        ("leads", [i for i in p.investors if i.lead], [i for i in g.investors if i.lead]),
    ):
        c, extra, missing = _investors(pi, gi)
        fields[name].add(c)
        diffs.extend(f"{label} {name}: extra {n!r}" for n in extra)
        diffs.extend(f"{label} {name}: missing {n!r}" for n in missing)


def score_article(article: Article, pred: PredictionLine | None) -> ArticleResult:
    assert article.gold is not None, f"{article.id} has no gold record"
    fields = {f: Counts() for f in FIELDS}
    diffs: list[str] = []
    status = "missing" if pred is None else pred.status
    extraction = pred.extraction if pred is not None and pred.status == "ok" else None
    preds = list(extraction.rounds) if extraction else []
    all_gold = list(article.gold.rounds)
    # Optional rounds take part in matching, then leave with whatever prediction they matched.
    pairs = []
    matched_p: set[int] = set()
    for i, j in _match(preds, all_gold):
        if all_gold[j].optional:
            matched_p.add(i)
            diffs.append(
                f"prediction {preds[i].company!r} {_money(preds[i].amount)} matches an optional round"
            )
        else:
            pairs.append((i, j))
    golds = [g for g in all_gold if not g.optional]
    index = {id(g): k for k, g in enumerate(golds)}
    pairs = [(i, index[id(all_gold[j])]) for i, j in pairs]
    for i, j in pairs:
        _compare(preds[i], golds[j], fields, diffs, f"round {golds[j].company} {_money(golds[j].amount)}:")
    matched_p |= {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, p in enumerate(preds):
        if i not in matched_p:
            for f, n in _slots(p).items():
                fields[f].fp += n
            diffs.append(f"extra round: {p.company!r} {_money(p.amount)} {p.announced or ''}".rstrip())
    for j, g in enumerate(golds):
        if j not in matched_g:
            for f, n in _slots(g).items():
                fields[f].fn += n
            diffs.append(f"missing round: {g.company!r} {_money(g.amount)} {g.announced or ''}".rstrip())
    n_pred = len(preds) - (len(matched_p) - len(pairs))
    rounds = Counts(tp=len(pairs), fp=n_pred - len(pairs), fn=len(golds) - len(pairs))
    if status != "ok":
        diffs.insert(0, f"no prediction ({status})")
    return ArticleResult(
        id=article.id,
        status=status,
        is_funding_news=extraction.is_funding_news if extraction else None,
        gold_is_funding_news=article.gold.is_funding_news,
        fields=fields,
        rounds=rounds,
        differences=diffs,
    )


def score_set(articles: list[Article], predictions: dict[str, PredictionLine]) -> Report:
    results = [score_article(a, predictions.get(a.id)) for a in articles if a.gold is not None]
    fields = {f: Counts() for f in FIELDS}
    rounds = Counts()
    for r in results:
        for f in FIELDS:
            fields[f].add(r.fields[f])
        rounds.add(r.rounds)
    micro = Counts()
    for c in fields.values():
        micro.add(c)
    preds = [predictions[a.id] for a in articles if a.id in predictions]
    ok = [p for p in preds if p.status == "ok"]
    latencies = [p.latency_ms for p in ok if p.latency_ms is not None]
    costs = [p.cost_usd for p in preds if p.cost_usd is not None]
    return Report(
        n_articles=len(results),
        n_errors=sum(r.status == "error" for r in results),
        n_missing=sum(r.status == "missing" for r in results),
        micro=micro,
        fields=fields,
        rounds=rounds,
        news_accuracy=sum(r.is_funding_news == r.gold_is_funding_news for r in results) / len(results)
        if results
        else 0.0,
        model=next((p.model for p in ok if p.model), None),
        prompt_version=next((p.prompt_version for p in ok if p.prompt_version), None),
        total_tokens=sum(p.usage.total_tokens for p in preds),
        cost_usd=sum(costs) if costs else None,
        latency_ms_mean=statistics.fmean(latencies) if latencies else None,
        latency_ms_median=statistics.median(latencies) if latencies else None,
        articles=results,
    )


__all__ = ["FIELDS", "ArticleResult", "Counts", "Report", "forms", "score_article", "score_set"]
