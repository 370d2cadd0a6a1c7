"""Field-level scoring of predicted records against gold, as the Scoring section of ANNOTATION.md says.

Matching. Predicted rounds are paired one-to-one with gold rounds. A pair needs the same company
(normalised, aliases accepted on either side); among such pairs, agreement is weighed lexicographically:
amount (within 1%, same currency, or both undisclosed) outweighs everything after it, then `announced`
(equal at the gold precision, or both null), then round_type, then amount_usd, then a shared investor.
The assignment is optimal: it maximises the number of pairs, then their total weight, by exhaustive
search over subsets of the smaller side (exact and instant for the handful of rounds an article has);
beyond 10 rounds on both sides it falls back to greedy by weight. Optional gold rounds take part in the
matching, then leave together with the prediction paired to them, so predicting an optional round
neither earns nor costs anything.

Slots. For a matched pair, each field where gold or prediction has a value is one slot: equal -> TP;
predicted but wrong -> FP, plus FN if gold has a value; gold has a value the prediction lacks -> FN.
Investors and lead investors count one slot per name (set precision/recall, aliases accepted). An
unmatched predicted round counts each non-null field as FP (investors and leads per name), an unmatched
gold round each non-null field as FN. round_type is never null: "unknown" is the label the annotation
guide gives an unnamed round, so it is scored like any other label. Valuation compares value and
currency; its basis (pre/post) is not scored, since articles rarely say. The headline is micro F1 over
all slots; micro precision is the precision of emitted fields.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from evals.counts import Counts
from evals.io import PredictionLine
from evals.uncertainty import Intervals, article_intervals
from extractor.parsing.names import names_match
from extractor.redact import redact
from schemas.gold import Article
from schemas.record import Investor, Money, Round, Usage

FIELDS = ("company", "round_type", "amount", "amount_usd", "announced", "investors", "leads", "valuation")
TOLERANCE = Decimal("0.01")
# Above this many rounds on both sides the exact assignment search gives way to greedy.
EXACT_LIMIT = 10


# The name the scoring section uses for a field's figures.
FieldScore = Counts


class RoundPair(BaseModel):
    """A predicted round (index into the prediction's rounds) paired with a gold round (index into the
    article's gold rounds, optional ones included)."""

    pred: int
    gold: int


class ArticleResult(BaseModel):
    id: str
    status: Literal["ok", "error", "missing"]
    error: str | None = None
    is_funding_news: bool | None
    gold_is_funding_news: bool
    fields: dict[str, Counts]
    rounds: Counts
    pairs: list[RoundPair] = Field(default_factory=list, description="Scored pairs.")
    optional: list[RoundPair] = Field(
        default_factory=list, description="Predictions paired with an optional gold round: not scored."
    )
    extra: list[int] = Field(default_factory=list, description="Predicted rounds no gold round matches.")
    extra_fp: dict[str, int] = Field(
        default_factory=dict,
        description="Of each field's FP, those in predicted rounds no gold round matches.",
    )
    missing: list[int] = Field(default_factory=list, description="Gold rounds no prediction matches.")
    differences: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Not scored: predictions of optional rounds.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def micro(self) -> Counts:
        return _total(self.fields.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return self.micro.f1


class Report(BaseModel):
    n_articles: int = Field(description="Articles scored (those with a gold record).")
    n_errors: int = Field(description="Articles whose prediction line has status error.")
    n_missing: int = Field(default=0, description="Articles with no prediction line at all.")
    n_without_gold: int = Field(default=0, description="Set articles skipped for lack of a gold record.")
    n_unknown_predictions: int = Field(default=0, description="Prediction lines whose id is not in the set.")
    micro: Counts
    fields: dict[str, Counts]
    rounds: Counts = Field(description="Round detection: matched / predicted, matched / gold.")
    fp_in_extra_rounds: dict[str, int] = Field(
        default_factory=dict,
        description="Of each field's FP, those in predicted rounds gold does not have (the rest are wrong "
        "values in matched rounds): whether precision is lost to invented rounds or to misread ones.",
    )
    news_accuracy: float = Field(description="is_funding_news accuracy; an error or missing line is wrong.")
    intervals: Intervals | None = Field(
        default=None,
        description="95% intervals of micro precision, recall and F1 from a bootstrap over the articles "
        "(evals/uncertainty.py); None for no articles, and in reports written before they existed.",
    )
    model: str | None = None
    prompt_version: str | None = None
    total_tokens: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    latency_ms_mean: float | None = None
    latency_ms_median: float | None = None
    articles: list[ArticleResult] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def headline_f1(self) -> float:
        """Micro-averaged F1 over all slots."""
        return self.micro.f1

    @property
    def fp_extra_total(self) -> int:
        """All fields' FP in predicted rounds gold does not have."""
        return sum(self.fp_in_extra_rounds.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def emitted_precision(self) -> float:
        """Micro precision: the share of emitted field values that are right."""
        return self.micro.precision


def _total(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total.add(c)
    return total


# ----------------------------------------------------------------------------------------------- values


def fmt_number(value: Decimal) -> str:
    """Short and unambiguous: 1.8e9, 2.54e8, 45000."""
    if abs(value) < 100_000:
        return f"{value.normalize():f}"
    mantissa, exponent = f"{value:.4e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def fmt_money(m: Money | None) -> str:
    return "null" if m is None else f"{fmt_number(m.value)} {m.currency}"


def money_eq(pred: Money | None, gold: Money | None) -> bool:
    """Same currency and value within 1% of gold."""
    if pred is None or gold is None:
        return False
    return pred.currency == gold.currency and abs(pred.value - gold.value) <= abs(gold.value) * TOLERANCE


def date_eq(pred: str | None, gold: str | None) -> bool:
    """Equal at the gold precision: 2018-10-05 is 2018-10, but 2018 is not 2018-10."""
    if pred is None or gold is None:
        return False
    return len(pred) >= len(gold) and pred[: len(gold)] == gold


def company_eq(pred: Round, gold: Round) -> bool:
    return names_match(pred.company, gold.company, pred.company_aliases, gold.company_aliases)


def investor_eq(pred: Investor, gold: Investor) -> bool:
    return names_match(pred.name, gold.name, pred.aliases, gold.aliases)


def describe(r: Round) -> str:
    """One line naming a round: company, type, amount, date."""
    bits = [repr(r.company), r.round_type]
    if r.amount is not None:
        bits.append(fmt_money(r.amount))
    if r.announced is not None:
        bits.append(r.announced)
    return ", ".join(bits)


# ---------------------------------------------------------------------------------------------- matching


def pair_weight(pred: Round, gold: Round) -> int | None:
    """None when the companies differ; otherwise powers of two so each criterion outweighs all after it."""
    if not company_eq(pred, gold):
        return None
    weight = 0
    if money_eq(pred.amount, gold.amount) or (pred.amount is None and gold.amount is None):
        weight += 16
    if date_eq(pred.announced, gold.announced) or (pred.announced is None and gold.announced is None):
        weight += 8
    if pred.round_type == gold.round_type:
        weight += 4
    if money_eq(pred.amount_usd, gold.amount_usd) or (pred.amount_usd is None and gold.amount_usd is None):
        weight += 2
    if any(investor_eq(p, g) for p in pred.investors for g in gold.investors):
        weight += 1
    return weight


def _assign(weights: dict[tuple[int, int], int], n_rows: int, n_cols: int) -> list[tuple[int, int]]:
    """Exact: most pairs, then most weight, searching subsets of columns (n_cols must be small)."""

    @cache
    def best(row: int, used: int) -> tuple[int, int, tuple[tuple[int, int], ...]]:
        if row == n_rows:
            return 0, 0, ()
        options = [best(row + 1, used)]
        for col in range(n_cols):
            w = weights.get((row, col))
            if w is not None and not used >> col & 1:
                n, total, pairs = best(row + 1, used | 1 << col)
                options.append((n + 1, total + w, ((row, col), *pairs)))
        # max() keeps the first of equal options: deterministic, earliest rows and columns first.
        return max(options, key=lambda o: (o[0], o[1]))

    return list(best(0, 0)[2])


def _greedy(weights: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for (i, j), _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def match_rounds(preds: Sequence[Round], golds: Sequence[Round]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs; see the module docstring for the criteria."""
    weights = {
        (i, j): w
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if (w := pair_weight(p, g)) is not None
    }
    if not weights:
        return []
    if len(golds) <= EXACT_LIMIT:
        pairs = _assign(weights, len(preds), len(golds))
    elif len(preds) <= EXACT_LIMIT:
        flipped = {(j, i): w for (i, j), w in weights.items()}
        pairs = [(i, j) for j, i in _assign(flipped, len(golds), len(preds))]
    else:
        pairs = _greedy(weights)
    return sorted(pairs)


def match_names(preds: Sequence[Investor], golds: Sequence[Investor]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of names (augmenting paths), so overlapping aliases cannot make a
    name steal another's partner."""
    adj = [[j for j, g in enumerate(golds) if investor_eq(p, g)] for p in preds]
    partner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    for i in range(len(preds)):
        augment(i, set())
    return sorted((i, j) for j, i in partner.items())


# ----------------------------------------------------------------------------------------------- scoring


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


def _compare_pair(p: Round, g: Round, fields: dict[str, Counts], diffs: list[str], label: str) -> None:
    def scalar(
        name: str, pv: object, gv: object, eq: Callable[[], bool], show: Callable[[object], str]
    ) -> None:
        c = fields[name]
        if pv is None and gv is None:
            return
        if pv is not None and gv is not None and eq():
            c.tp += 1
            return
        c.fp += pv is not None
        c.fn += gv is not None
        diffs.append(f"{label} {name}: predicted {show(pv)}, gold {show(gv)}")

    def text(v: object) -> str:
        return "null" if v is None else repr(v) if isinstance(v, str) else str(v)

    def money(v: object) -> str:
        return fmt_money(v) if isinstance(v, Money) else "null"

    scalar("company", p.company, g.company, lambda: company_eq(p, g), text)
    scalar("round_type", p.round_type, g.round_type, lambda: p.round_type == g.round_type, text)
    scalar("amount", p.amount, g.amount, lambda: money_eq(p.amount, g.amount), money)
    scalar("amount_usd", p.amount_usd, g.amount_usd, lambda: money_eq(p.amount_usd, g.amount_usd), money)
    scalar("announced", p.announced, g.announced, lambda: date_eq(p.announced, g.announced), text)
    scalar("valuation", p.valuation, g.valuation, lambda: money_eq(p.valuation, g.valuation), money)
    for name, noun, pi, gi in (
        ("investors", "investor", p.investors, g.investors),
        ("leads", "lead", [i for i in p.investors if i.lead], [i for i in g.investors if i.lead]),
    ):
        pairs = match_names(pi, gi)
        c = fields[name]
        c.tp += len(pairs)
        c.fp += len(pi) - len(pairs)
        c.fn += len(gi) - len(pairs)
        found_p = {i for i, _ in pairs}
        found_g = {j for _, j in pairs}
        diffs.extend(f"{label} missing {noun} {inv.name!r}" for j, inv in enumerate(gi) if j not in found_g)
        diffs.extend(f"{label} extra {noun} {inv.name!r}" for i, inv in enumerate(pi) if i not in found_p)


def score_article(article: Article, pred: PredictionLine | None) -> ArticleResult:
    """Counts and differences for one article; a missing or error line predicts nothing."""
    if article.gold is None:
        raise ValueError(f"article {article.id!r} has no gold record to score against")
    fields = {f: Counts() for f in FIELDS}
    diffs: list[str] = []
    status: Literal["ok", "error", "missing"] = "missing" if pred is None else pred.status
    error = None
    if pred is None:
        diffs.append("no prediction line for this article")
    elif pred.status == "error":
        err = pred.error if isinstance(pred.error, dict) else (pred.error.model_dump() if pred.error else {})
        # Predictions may come from an older run or another tool: no credential reaches a report.
        error = redact(": ".join(str(err[k]) for k in ("type", "message") if err.get(k))) or "error"
        diffs.append(f"no prediction: {error}")
    extraction = pred.extraction if pred is not None and pred.status == "ok" else None
    preds = list(extraction.rounds) if extraction is not None else []
    golds = list(article.gold.rounds)

    if extraction is not None and extraction.is_funding_news != article.gold.is_funding_news:
        diffs.append(
            f"is_funding_news: predicted {str(extraction.is_funding_news).lower()}, "
            f"gold {str(article.gold.is_funding_news).lower()}"
        )

    scored: list[RoundPair] = []
    optional: list[RoundPair] = []
    for i, j in match_rounds(preds, golds):
        (optional if golds[j].optional else scored).append(RoundPair(pred=i, gold=j))
    for pair in scored:
        label = f"rounds[{pair.pred}]" + (f" (gold rounds[{pair.gold}])" if pair.pred != pair.gold else "")
        _compare_pair(preds[pair.pred], golds[pair.gold], fields, diffs, label)
    notes = []
    for pair in optional:
        notes.append(
            f"rounds[{pair.pred}] matches optional gold round {describe(golds[pair.gold])}: not scored"
        )

    taken_p = {p.pred for p in scored} | {p.pred for p in optional}
    taken_g = {p.gold for p in scored}
    extra = [i for i in range(len(preds)) if i not in taken_p]
    missing = [j for j, g in enumerate(golds) if not g.optional and j not in taken_g]
    extra_fp = dict.fromkeys(FIELDS, 0)
    for i in extra:
        for f, n in _slots(preds[i]).items():
            fields[f].fp += n
            extra_fp[f] += n
        diffs.append(f"extra round rounds[{i}]: {describe(preds[i])}")
    for j in missing:
        for f, n in _slots(golds[j]).items():
            fields[f].fn += n
        diffs.append(f"missing round gold rounds[{j}]: {describe(golds[j])}")

    return ArticleResult(
        id=article.id,
        status=status,
        error=error,
        is_funding_news=extraction.is_funding_news if extraction is not None else None,
        gold_is_funding_news=article.gold.is_funding_news,
        fields=fields,
        rounds=Counts(tp=len(scored), fp=len(extra), fn=len(missing)),
        pairs=scored,
        optional=optional,
        extra=extra,
        extra_fp=extra_fp,
        missing=missing,
        differences=diffs,
        notes=notes,
    )


def _distinct(values: list[str | None]) -> str | None:
    """One value, or all of them when a prediction file mixes runs."""
    seen = sorted({v for v in values if v})
    return ", ".join(seen) if seen else None


def score_set(gold: list[Article], predictions: dict[str, PredictionLine]) -> Report:
    """Scores every article that has a gold record; see the module docstring for the rules."""
    scored = [a for a in gold if a.gold is not None]
    results = [score_article(a, predictions.get(a.id)) for a in scored]
    fields = {f: _total(r.fields[f] for r in results) for f in FIELDS}
    ids = {a.id for a in scored}
    lines = [predictions[a.id] for a in scored if a.id in predictions]

    usage = Usage()
    latencies: list[int] = []
    models: list[str | None] = []
    prompts: list[str | None] = []
    for line in lines:
        prov = line.extraction.provenance if line.extraction is not None else None
        usage += line.usage if line.usage.total_tokens or prov is None else prov.usage
        if line.status == "ok":
            latency = line.latency_ms if line.latency_ms is not None else (prov.latency_ms if prov else None)
            if latency is not None:
                latencies.append(latency)
        models.append(line.model or (prov.model if prov else None))
        prompts.append(line.prompt_version or (prov.prompt_version if prov else None))
    costs = [line.cost_usd for line in lines if line.cost_usd is not None]

    return Report(
        n_articles=len(results),
        n_errors=sum(r.status == "error" for r in results),
        n_missing=sum(r.status == "missing" for r in results),
        n_without_gold=len(gold) - len(scored),
        n_unknown_predictions=sum(i not in ids for i in predictions),
        micro=_total(fields.values()),
        fields=fields,
        rounds=_total(r.rounds for r in results),
        fp_in_extra_rounds={f: sum(r.extra_fp.get(f, 0) for r in results) for f in FIELDS},
        intervals=article_intervals([r.micro for r in results]),
        news_accuracy=(
            sum(r.is_funding_news == r.gold_is_funding_news for r in results) / len(results)
            if results
            else 0.0
        ),
        model=_distinct(models),
        prompt_version=_distinct(prompts),
        total_tokens=usage.total_tokens,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cost_usd=sum(costs) if costs else None,
        latency_ms_mean=statistics.fmean(latencies) if latencies else None,
        latency_ms_median=statistics.median(latencies) if latencies else None,
        articles=results,
    )
