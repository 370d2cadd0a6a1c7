"""The ceiling: what survives the pipeline when a model answers exactly the gold.

Each article's gold becomes the chat `Draft` a perfect model would send: company, investors and round
label as the annotator wrote them (ANNOTATION.md makes them verbatim), and amounts and dates as quotes
the project's own parsers find in the text with the gold value (`find_money`, `find_dates`). Served by a
loopback endpoint (`evals.oracle_server`), those drafts go through the real pipeline (prompt, instructor
parsing, checks, record) and are scored like any model. Every gold value that does not come back, and
every value that comes back wrong, is named with the stage that lost it:

- parser: no quote in the text reads as the gold value, so even a perfect model cannot give one;
- grounding: the quote was given but not found in the article;
- check: a check rejected the value (its message is kept);
- pipeline: the record differs for another reason (a fallback, the matching), described as such.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Literal

from evals.io import PredictionLine
from evals.scoring import (
    TOLERANCE,
    ArticleResult,
    Report,
    date_eq,
    describe,
    fmt_money,
    match_names,
    money_eq,
)
from extractor.checks import Checker
from extractor.parsing.dates import find_dates
from extractor.parsing.money import ParsedMoney, find_money
from extractor.parsing.names import names_match
from schemas.draft import Draft, DraftInvestor, DraftRound
from schemas.gold import Article
from schemas.record import Money, RecordWarning, Round

Stage = Literal["parser", "grounding", "check", "pipeline"]
STAGES: tuple[Stage, ...] = ("parser", "grounding", "check", "pipeline")
_MONEY_FIELDS = ("amount", "amount_usd", "valuation")
# Check messages that mean the quote was not found in the article.
_UNGROUNDED = ("does not occur in the article", "copied from the prompt's example")


@dataclass(frozen=True)
class Loss:
    """A gold value the round trip did not return, or a value it returned that gold does not have."""

    article: str
    round: int | None  # the gold round (None: the article as a whole, or a predicted round gold lacks)
    field: str
    gold: str | None
    predicted: str | None
    stage: Stage
    why: str


@dataclass
class OracleAnswer:
    """The draft a perfect model sends for one article, and the gold values no quote can carry."""

    draft: Draft
    # (gold round index, field) -> why the parsers read no quote of the text as the gold value.
    unreadable: dict[tuple[int, str], str] = field(default_factory=dict)


# ------------------------------------------------------------------------------------------ the answers


def _money_quote(spans: list[ParsedMoney], gold: Money) -> ParsedMoney | None:
    """A span the money parser reads as the gold amount (exact value first, else within 1%)."""
    same = [
        s
        for s in spans
        if s.currency == gold.currency and abs(s.value - gold.value) <= gold.value * TOLERANCE
    ]
    exact = [s for s in same if s.value == gold.value]
    return next(iter(exact or same), None)


def _read_as(spans: list[ParsedMoney]) -> str:
    """What the money parser reads in the text, for the reason a gold amount has no quote."""
    shown = [f"{s.text!r} = {fmt_money(Money(value=s.value, currency=s.currency)) if s.currency else 'ambiguous currency'}"
             for s in spans[:8]]  # fmt: skip
    more = f" and {len(spans) - 8} more" if len(spans) > 8 else ""
    return ", ".join(shown) + more if shown else "nothing"


def _date_quote(checker: Checker, phrases: list[str], gold: str) -> str | None:
    """A date phrase the checks resolve to the gold date: at its precision first, else a finer one."""
    resolved = [(p, checker.resolve_date(p)) for p in phrases]
    exact = [p for p, r in resolved if r == gold]
    finer = [p for p, r in resolved if r is not None and date_eq(r, gold)]
    return next(iter(exact or finer), None)


def readable(article: Article) -> tuple[str, str | None]:
    """The text the pipeline reads from a set line, and its published date: a web page's extracted
    article text and the page's own date when the line gives none."""
    if article.html is None:
        assert article.text is not None
        return article.text, article.published
    from extractor.pages import read_page

    page = read_page(article.html, published=article.published, url=article.url, title=article.title)
    return page.text, article.published or page.source.published


def answer(article: Article) -> OracleAnswer:
    """The chat draft a model that knows the gold would send for this article."""
    if article.gold is None:
        raise ValueError(f"article {article.id!r} has no gold record to answer from")
    text, published = readable(article)
    checker = Checker(text, published)
    spans = find_money(text)
    phrases = list(dict.fromkeys(d.text for d in find_dates(text)))
    rounds: list[DraftRound] = []
    unreadable: dict[tuple[int, str], str] = {}
    for j, g in enumerate(article.gold.rounds):
        quotes: dict[str, str | None] = {}
        for name in _MONEY_FIELDS:
            gold_money: Money | None = getattr(g, name)
            if gold_money is None:
                quotes[name] = None
                continue
            found = _money_quote(spans, gold_money)
            quotes[name] = found.text if found else None
            if found is None:
                unreadable[(j, name)] = (
                    f"no quote the money parser reads as {fmt_money(gold_money)}; it reads {_read_as(spans)}"
                )
        date = None
        if g.announced is not None:
            date = _date_quote(checker, phrases, g.announced)
            if date is None:
                seen = (
                    ", ".join(f"{p!r} = {checker.resolve_date(p)}" for p in phrases[:10]) or "no date phrase"
                )
                unreadable[(j, "announced")] = (
                    f"no date phrase resolves to {g.announced} (published {article.published}): {seen}"
                )
        rounds.append(
            DraftRound(
                company=g.company,
                round_label=g.round_label,
                round_type=g.round_type,
                amount=quotes["amount"],
                amount_usd=quotes["amount_usd"],
                date=date,
                investors=[DraftInvestor(name=i.name, lead=i.lead) for i in g.investors],
                valuation=quotes["valuation"],
                valuation_basis=g.valuation.basis if g.valuation else "unspecified",
                primary=g.primary,
            )
        )
    return OracleAnswer(Draft(is_funding_news=article.gold.is_funding_news, rounds=rounds), unreadable)


def answers(articles: Iterable[Article]) -> dict[str, OracleAnswer]:
    """Answers for every article with a gold record, by id."""
    return {a.id: answer(a) for a in articles if a.gold is not None}


def by_text(articles: Iterable[Article], oracle: Mapping[str, OracleAnswer]) -> dict[str, str]:
    """Answer JSON by article text, as the server recognises articles; two articles with one text and
    different gold cannot both be answered, so they are refused."""
    served: dict[str, str] = {}
    first: dict[str, str] = {}
    for a in articles:
        if a.id not in oracle:
            continue
        reply = oracle[a.id].draft.model_dump_json()
        text = readable(a)[0]
        if served.setdefault(text, reply) != reply:
            raise ValueError(f"articles {first[text]!r} and {a.id!r} have the same text but different gold")
        first.setdefault(text, a.id)
    return served


# ------------------------------------------------------------------------------------- what was lost


def _show(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Money):
        return fmt_money(value)
    return str(value)


def _fields(r: Round) -> dict[str, object]:
    return {
        "company": r.company,
        "round_type": r.round_type,
        "amount": r.amount,
        "amount_usd": r.amount_usd,
        "announced": r.announced,
        "valuation": r.valuation,
    }


def _equal(name: str, p: Round, g: Round) -> bool:
    if name == "company":
        return names_match(p.company, g.company, p.company_aliases, g.company_aliases)
    if name == "round_type":
        return p.round_type == g.round_type
    if name == "announced":
        return date_eq(p.announced, g.announced)
    pv, gv = getattr(p, name), getattr(g, name)
    return money_eq(pv, gv)


class _Explainer:
    """Finds why one article's gold values were lost, from the oracle's notes and the record's warnings."""

    def __init__(self, article: Article, oracle: OracleAnswer, warnings: list[RecordWarning]) -> None:
        self.article = article
        self.oracle = oracle
        self.warnings = warnings

    def _warning(self, paths: Iterable[str]) -> RecordWarning | None:
        wanted = set(paths)
        return next((w for w in self.warnings if w.path in wanted), None)

    def why(self, j: int, name: str, paths: Iterable[str], pred: Round | None) -> tuple[Stage, str]:
        if (j, name) in self.oracle.unreadable:
            return "parser", self.oracle.unreadable[(j, name)]
        w = self._warning(paths)
        if w is not None:
            stage: Stage = "grounding" if any(s in w.message for s in _UNGROUNDED) else "check"
            return stage, w.message
        if name == "announced" and pred is not None and pred.announced and "announced" not in pred.evidence:
            return (
                "pipeline",
                "no date phrase given; the checks dated the news round by its publication month",
            )
        return "pipeline", "the record differs from the draft's value"

    def loss(self, j: int | None, name: str, gold: object, pred: object, stage: Stage, why: str) -> Loss:
        return Loss(self.article.id, j, name, _show(gold), _show(pred), stage, why)

    def round_losses(self, j: int, g: Round, p: Round) -> list[Loss]:
        out = []
        paths = {
            "company": [f"rounds.{j}"],
            "round_type": [f"rounds.{j}.round_type", f"rounds.{j}.round_label"],
        }
        for name, gv in _fields(g).items():
            pv = getattr(p, name)
            if (gv is None and pv is None) or (gv is not None and pv is not None and _equal(name, p, g)):
                continue
            stage, why = self.why(j, name, paths.get(name, [f"rounds.{j}.{name}"]), p)
            if gv is None:
                stage, why = "pipeline", f"gold has no {name}; " + why
            out.append(self.loss(j, name, gv, pv, stage, why))
        for name, gi, pi in (
            ("investors", list(enumerate(g.investors)), p.investors),
            (
                "leads",
                [(k, i) for k, i in enumerate(g.investors) if i.lead],
                [i for i in p.investors if i.lead],
            ),
        ):
            pairs = match_names(pi, [inv for _, inv in gi])
            found_g = {b for _, b in pairs}
            found_p = {a for a, _ in pairs}
            for n, (k, inv) in enumerate(gi):
                if n not in found_g:
                    stage, why = self.why(j, name, [f"rounds.{j}.investors.{k}"], p)
                    out.append(self.loss(j, name, inv.name, None, stage, why))
            for n, inv in enumerate(pi):
                if n not in found_p:
                    out.append(
                        self.loss(
                            j, name, None, inv.name, "pipeline", f"gold has no {name[:-1]} of that name"
                        )
                    )
        return out

    def missing_round(self, j: int, g: Round) -> Loss:
        w = self._warning([f"rounds.{j}"])
        if w is not None:
            stage: Stage = "grounding" if any(s in w.message for s in _UNGROUNDED) else "check"
            why = w.message
        else:
            stage, why = "pipeline", "no predicted round matches it"
        return self.loss(j, "round", describe(g), None, stage, why)


def losses(
    article: Article, oracle: OracleAnswer, prediction: PredictionLine | None, result: ArticleResult
) -> list[Loss]:
    """Every value of one article the round trip lost or got wrong, with the stage and the reason."""
    assert article.gold is not None
    if prediction is None or prediction.status != "ok" or prediction.extraction is None:
        why = "no prediction line" if prediction is None else f"the pipeline failed: {prediction.error}"
        return [Loss(article.id, None, "article", None, None, "pipeline", why)]
    record = prediction.extraction
    ex = _Explainer(article, oracle, record.warnings)
    out: list[Loss] = []
    if record.is_funding_news != article.gold.is_funding_news:
        w = ex._warning(["is_funding_news"])
        why = w.message if w else "the record's flag differs from the draft's"
        out.append(
            ex.loss(
                None,
                "is_funding_news",
                article.gold.is_funding_news,
                record.is_funding_news,
                "check" if w else "pipeline",
                why,
            )  # fmt: skip
        )
    golds = article.gold.rounds
    for pair in result.pairs:
        out.extend(ex.round_losses(pair.gold, golds[pair.gold], record.rounds[pair.pred]))
    for j in result.missing:
        out.append(ex.missing_round(j, golds[j]))
    for k in result.extra:
        out.append(
            ex.loss(None, "round", None, describe(record.rounds[k]), "pipeline", "no gold round matches it")
        )
    return out


def explain(
    articles: Iterable[Article],
    oracle: Mapping[str, OracleAnswer],
    predictions: Mapping[str, PredictionLine],
    report: Report,
) -> list[Loss]:
    """Losses of every scored article, in set order."""
    results = {r.id: r for r in report.articles}
    out: list[Loss] = []
    for a in articles:
        if a.id in results and a.id in oracle:
            out.extend(losses(a, oracle[a.id], predictions.get(a.id), results[a.id]))
    return out


def count_by_stage(found: Iterable[Loss]) -> dict[str, int]:
    counts = Counter(loss.stage for loss in found)
    return {stage: counts[stage] for stage in STAGES}


def to_json(found: Iterable[Loss]) -> list[dict[str, object]]:
    return [asdict(loss) for loss in found]


def markdown(found: list[Loss]) -> str:
    """A table of every loss, grouped by stage."""
    if not found:
        return "# Round-trip losses\n\nNone: every gold value came back.\n"
    counts = count_by_stage(found)
    lines = [
        "# Round-trip losses",
        "",
        f"{len(found)} values lost or wrong: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n),
        "",
        "| stage | article | round | field | gold | predicted | why |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]

    def cell(x: object) -> str:
        return "–" if x is None else str(x).replace("|", "\\|").replace("\n", " ")

    for stage in STAGES:
        for loss in (x for x in found if x.stage == stage):
            lines.append(
                f"| {stage} | {cell(loss.article)} | {cell(loss.round)} | {loss.field} | {cell(loss.gold)} "
                f"| {cell(loss.predicted)} | {cell(loss.why)} |"
            )
    return "\n".join(lines) + "\n"
