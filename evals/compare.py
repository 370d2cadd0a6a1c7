"""Compares two evaluation reports: per-field deltas and the articles that got worse."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from evals.scoring import FIELDS, Report


class FieldDelta(BaseModel):
    field: str
    precision: float
    recall: float
    f1: float


class Regression(BaseModel):
    id: str
    before: float
    after: float


class Comparison(BaseModel):
    a: str
    b: str
    headline: FieldDelta
    fields: list[FieldDelta]
    worse: list[Regression]
    better: list[Regression]


def load_report(path: str | Path) -> Report:
    return Report.model_validate_json(Path(path).read_text(encoding="utf-8"))


def compare(a_path: str | Path, b_path: str | Path) -> Comparison:
    a, b = load_report(a_path), load_report(b_path)

    def delta(name: str) -> FieldDelta:
        ca = a.micro if name == "micro" else a.fields[name]
        cb = b.micro if name == "micro" else b.fields[name]
        return FieldDelta(
            field=name, precision=cb.precision - ca.precision, recall=cb.recall - ca.recall, f1=cb.f1 - ca.f1
        )

    before = {r.id: r.f1 for r in a.articles}
    moved = [Regression(id=r.id, before=before[r.id], after=r.f1) for r in b.articles if r.id in before]
    return Comparison(
        a=str(a_path),
        b=str(b_path),
        headline=delta("micro"),
        fields=[delta(f) for f in FIELDS],
        worse=sorted((m for m in moved if m.after < m.before - 1e-9), key=lambda m: m.after - m.before),
        better=sorted((m for m in moved if m.after > m.before + 1e-9), key=lambda m: m.before - m.after),
    )


def format_compare(c: Comparison) -> str:
    lines = [f"A: {c.a}", f"B: {c.b}", "", f"{'field':12s} {'ΔP':>8s} {'ΔR':>8s} {'ΔF1':>8s}"]
    for d in (*c.fields, c.headline):
        lines.append(f"{d.field:12s} {d.precision:+8.3f} {d.recall:+8.3f} {d.f1:+8.3f}")
    lines.append("")
    lines.append(f"{len(c.worse)} articles got worse" + (":" if c.worse else ""))
    lines += [f"  {r.id}: {r.before:.3f} -> {r.after:.3f}" for r in c.worse]
    lines.append(f"{len(c.better)} articles got better")
    return "\n".join(lines)
