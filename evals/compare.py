"""Compares two evaluation reports (report.json): per-field deltas, B minus A, and the articles that got
worse, so a prompt or model change can be judged by more than its headline."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, computed_field

from evals.scoring import FIELDS, Counts, Report
from evals.uncertainty import Interval, Intervals, paired_intervals

# Changes smaller than this are float noise, not a change in any count.
EPS = 1e-9


class ReportError(ValueError):
    """A report.json that cannot be read."""


class Figures(BaseModel):
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, c: Counts) -> Figures:
        return cls(precision=c.precision, recall=c.recall, f1=c.f1)


class FieldDelta(BaseModel):
    field: str
    a: Figures
    b: Figures

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.b.precision - self.a.precision

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.b.recall - self.a.recall

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return self.b.f1 - self.a.f1


class ArticleChange(BaseModel):
    id: str
    before: float
    after: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def delta(self) -> float:
        return self.after - self.before


class CompareResult(BaseModel):
    a: str
    b: str
    a_run: str
    b_run: str
    headline: FieldDelta
    headline_change: Intervals | None = Field(
        default=None,
        description="95% intervals of the micro changes (B minus A) from a paired bootstrap over the "
        "articles both reports scored: a change whose interval holds 0 may be noise.",
    )
    fields: list[FieldDelta]
    rounds: FieldDelta
    news_accuracy: tuple[float, float]
    errors: tuple[int, int]
    worse: list[ArticleChange]
    better: list[ArticleChange]
    only_a: list[str]
    only_b: list[str]


# The name used before CompareResult.
Comparison = CompareResult
Regression = ArticleChange


def load_report(path: str | Path) -> Report:
    p = Path(path)
    try:
        return Report.model_validate_json(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ReportError(f"{p}: not a report.json: {where + ': ' if where else ''}{first['msg']}") from None


def _run(r: Report) -> str:
    return f"model {r.model or 'unknown'}, prompt {r.prompt_version or 'unknown'}, {r.n_articles} articles"


def compare(a: str | Path, b: str | Path) -> CompareResult:
    """B minus A for every figure; articles are compared by id over those both reports scored."""
    ra, rb = load_report(a), load_report(b)

    def delta(name: str, ca: Counts, cb: Counts) -> FieldDelta:
        return FieldDelta(field=name, a=Figures.of(ca), b=Figures.of(cb))

    empty = Counts()
    # Each article's counts once (ArticleResult.micro totals its fields on every access).
    micro_a = {x.id: x.micro for x in ra.articles}
    micro_b = {x.id: x.micro for x in rb.articles}
    moved = [
        ArticleChange(id=i, before=micro_a[i].f1, after=m.f1) for i, m in micro_b.items() if i in micro_a
    ]
    shared = sorted(micro_a.keys() & micro_b.keys())
    return CompareResult(
        a=str(a),
        b=str(b),
        a_run=_run(ra),
        b_run=_run(rb),
        headline=delta("micro", ra.micro, rb.micro),
        headline_change=paired_intervals([micro_a[i] for i in shared], [micro_b[i] for i in shared]),
        fields=[delta(f, ra.fields.get(f, empty), rb.fields.get(f, empty)) for f in FIELDS],
        rounds=delta("rounds", ra.rounds, rb.rounds),
        news_accuracy=(ra.news_accuracy, rb.news_accuracy),
        errors=(ra.n_errors, rb.n_errors),
        worse=sorted((m for m in moved if m.delta < -EPS), key=lambda m: (m.delta, m.id)),
        better=sorted((m for m in moved if m.delta > EPS), key=lambda m: (-m.delta, m.id)),
        only_a=sorted(micro_a.keys() - micro_b.keys()),
        only_b=sorted(micro_b.keys() - micro_a.keys()),
    )


def _signed(i: Interval) -> str:
    return f"{i.low:+.3f} to {i.high:+.3f}" + (" (holds 0)" if i.contains(0) else "")


def format_compare(c: CompareResult) -> str:
    """A plain-text table for the terminal: F1 of each side, then P/R/F1 deltas; then the regressions."""
    lines = [
        f"A: {c.a} ({c.a_run})",
        f"B: {c.b} ({c.b_run})",
        "",
        f"{'field':16s} {'F1 A':>6s} {'F1 B':>6s} {'ΔP':>7s} {'ΔR':>7s} {'ΔF1':>7s}",
    ]
    for d in (*c.fields, c.headline, c.rounds):
        name = {"micro": "micro (headline)", "rounds": "round detection"}.get(d.field, d.field)
        lines.append(
            f"{name:16s} {d.a.f1:6.3f} {d.b.f1:6.3f} {d.precision:+7.3f} {d.recall:+7.3f} {d.f1:+7.3f}"
        )
    if (ch := c.headline_change) is not None:
        lines += [
            "",
            f"micro change, {ch.level:.0%} interval over the {ch.articles} articles both scored: "
            f"ΔP {_signed(ch.precision)}, ΔR {_signed(ch.recall)}, ΔF1 {_signed(ch.f1)}",
        ]
    na, nb = c.news_accuracy
    lines += [
        "",
        f"is_funding_news accuracy {na:.3f} -> {nb:.3f} ({nb - na:+.3f}); errors {c.errors[0]} -> {c.errors[1]}",
        "",
        f"{len(c.worse)} article{'' if len(c.worse) == 1 else 's'} got worse" + (":" if c.worse else ""),
    ]
    width = max((len(r.id) for r in c.worse), default=0)
    lines += [f"  {r.id:{width}s}  {r.before:.3f} -> {r.after:.3f}  ({r.delta:+.3f})" for r in c.worse]
    lines.append(f"{len(c.better)} article{'' if len(c.better) == 1 else 's'} got better")
    if c.only_a:
        lines.append(f"only in A: {', '.join(c.only_a)}")
    if c.only_b:
        lines.append(f"only in B: {', '.join(c.only_b)}")
    return "\n".join(lines)
