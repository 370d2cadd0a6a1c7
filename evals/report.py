"""Writes an evaluation as report.json (machine-readable), report.md and a self-contained report.html."""

from __future__ import annotations

import html
from pathlib import Path

from evals.io import PredictionLine
from evals.scoring import FIELDS, Counts, Report
from schemas.gold import Article

_KIND_COLOURS = {
    "company": "#ffd166",
    "round_label": "#c3aed6",
    "amount": "#8fd694",
    "amount_usd": "#b5e8b9",
    "announced": "#9ecbff",
    "investors": "#ffadad",
    "valuation": "#f6c28b",
}


def _row(name: str, c: Counts) -> str:
    return f"| {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | {c.fn} |"


def _headline(report: Report) -> list[str]:
    return [
        f"- **micro F1 {report.micro.f1:.3f}** (precision {report.micro.precision:.3f}, "
        f"recall {report.micro.recall:.3f}) over {report.n_articles} articles",
        f"- round detection: precision {report.rounds.precision:.3f}, recall {report.rounds.recall:.3f}, "
        f"F1 {report.rounds.f1:.3f}",
        f"- is_funding_news accuracy {report.news_accuracy:.3f}; errors {report.n_errors}, "
        f"missing {report.n_missing}",
        f"- model `{report.model}`, prompt `{report.prompt_version}`, {report.total_tokens:,} tokens"
        + (f", cost ${report.cost_usd:.4f}" if report.cost_usd is not None else "")
        + (
            f", median latency {report.latency_ms_median:.0f} ms"
            if report.latency_ms_median is not None
            else ""
        ),
    ]


def markdown(report: Report) -> str:
    lines = ["# Evaluation report", "", *_headline(report), "", "## Per field", ""]
    lines += [
        "| field | precision | recall | F1 | TP | FP | FN |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [_row(f, report.fields[f]) for f in FIELDS]
    lines += [_row("**micro**", report.micro), "", "## Per article", ""]
    for a in sorted(report.articles, key=lambda a: a.f1):
        lines.append(f"### {a.id} — F1 {a.f1:.3f}")
        lines += [f"- {d}" for d in a.differences] or ["- no differences"]
        lines.append("")
    return "\n".join(lines)


def _highlight(text: str, pred: PredictionLine | None) -> str:
    """The article with each predicted value's evidence marked; overlapping spans keep the first."""
    spans: list[tuple[int, int, str, str]] = []
    if pred is not None and pred.extraction is not None:
        for i, rnd in enumerate(pred.extraction.rounds):
            for path, ev in rnd.evidence.items():
                kind = path.split(".")[0]
                spans.append((ev.start, ev.end, kind, f"round {i + 1} ({rnd.company}): {path}"))
    spans.sort()
    out, at = [], 0
    for start, end, kind, title in spans:
        if start < at or end > len(text):
            continue
        out.append(html.escape(text[at:start]))
        colour = _KIND_COLOURS.get(kind, "#ddd")
        out.append(
            f'<mark class="ev ev-{html.escape(kind)}" style="background:{colour}" '
            f'title="{html.escape(title)}">{html.escape(text[start:end])}</mark>'
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:24px 32px}header h1{margin:0 0 8px;font-size:22px}
.kpis{display:flex;gap:16px;flex-wrap:wrap;margin-top:12px}.kpi{background:#2c3446;border-radius:8px;padding:10px 16px}
.kpi b{display:block;font-size:24px}.kpi span{font-size:12px;opacity:.8}
main{padding:24px 32px;max-width:1200px}table{border-collapse:collapse;background:#fff;margin:8px 0 24px}
th,td{padding:6px 12px;border-bottom:1px solid #e3e6eb;text-align:right}th:first-child,td:first-child{text-align:left}
.bar{display:inline-block;height:8px;background:#4c8bf5;border-radius:4px;vertical-align:middle;margin-left:6px}
.article{background:#fff;border-radius:10px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px #0001}
.article h3{margin:0 0 8px}.cols{display:grid;grid-template-columns:3fr 2fr;gap:20px}
.text{white-space:pre-wrap;font-family:Georgia,serif;max-height:420px;overflow:auto;border-left:3px solid #e3e6eb;padding-left:12px}
mark.ev{border-radius:3px;padding:0 2px}.diffs li{margin:2px 0}.ok{color:#1a7f37}.bad{color:#b42318}
.legend mark{margin-right:8px}
"""


def html_report(report: Report, articles: list[Article], predictions: dict[str, PredictionLine]) -> str:
    by_id = {a.id: a for a in articles}
    kpis = [
        ("micro F1", f"{report.micro.f1:.3f}"),
        ("precision", f"{report.micro.precision:.3f}"),
        ("recall", f"{report.micro.recall:.3f}"),
        ("round F1", f"{report.rounds.f1:.3f}"),
        ("funding-news accuracy", f"{report.news_accuracy:.3f}"),
        ("articles", str(report.n_articles)),
    ]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Evaluation report</title>",
        f"<style>{_CSS}</style></head><body><header><h1>Funding-round extraction: evaluation</h1>",
        f"<div>model <code>{html.escape(str(report.model))}</code> · prompt "
        f"<code>{html.escape(str(report.prompt_version))}</code> · {report.total_tokens:,} tokens"
        + (f" · median {report.latency_ms_median:.0f} ms" if report.latency_ms_median is not None else "")
        + "</div><div class='kpis'>",
        *(f"<div class='kpi'><b>{v}</b><span>{k}</span></div>" for k, v in kpis),
        "</div></header><main><h2>Per field</h2><table id='fields'><tr><th>field</th><th>precision</th>"
        "<th>recall</th><th>F1</th><th>TP</th><th>FP</th><th>FN</th></tr>",
    ]
    for name in (*FIELDS, "micro"):
        c = report.micro if name == "micro" else report.fields[name]
        parts.append(
            f"<tr><td>{name}</td><td>{c.precision:.3f}</td><td>{c.recall:.3f}</td>"
            f"<td>{c.f1:.3f}<span class='bar' style='width:{c.f1 * 80:.0f}px'></span></td>"
            f"<td>{c.tp}</td><td>{c.fp}</td><td>{c.fn}</td></tr>"
        )
    parts.append("</table><h2>Articles</h2><p class='legend'>")
    parts += [f"<mark style='background:{c}'>{k}</mark>" for k, c in _KIND_COLOURS.items()]
    parts.append("</p>")
    for result in sorted(report.articles, key=lambda a: a.f1):
        article = by_id[result.id]
        diffs = "".join(f"<li class='bad'>{html.escape(d)}</li>" for d in result.differences) or (
            "<li class='ok'>matches gold</li>"
        )
        parts.append(
            f"<section class='article' id='a-{html.escape(result.id)}'><h3>{html.escape(result.id)} · F1 "
            f"{result.f1:.3f}</h3><div class='cols'><div class='text'>"
            f"{_highlight(article.text, predictions.get(result.id))}</div>"
            f"<div><b>Differences from gold</b><ul class='diffs'>{diffs}</ul></div></div></section>"
        )
    parts.append("</main></body></html>")
    return "".join(parts)


def write_reports(
    report: Report, articles: list[Article], predictions: dict[str, PredictionLine], out_dir: str | Path
) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(report.model_dump_json(indent=2), encoding="utf-8")
    paths["md"].write_text(markdown(report), encoding="utf-8")
    paths["html"].write_text(html_report(report, articles, predictions), encoding="utf-8")
    return paths
