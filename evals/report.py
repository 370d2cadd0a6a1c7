"""Writes an evaluation as report.json (every figure, machine-readable), report.md (for reviews and CI logs)
and report.html: one self-contained page (no external assets) showing the figures and, for each article,
its text with the evidence of every predicted value highlighted beside the differences from gold."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from evals.io import PredictionLine
from evals.scoring import (
    FIELDS,
    ArticleResult,
    Counts,
    Report,
    date_eq,
    fmt_money,
    money_eq,
)
from extractor.parsing.names import names_match
from schemas.gold import Article
from schemas.record import Round

# Evidence kinds (the first part of an evidence path) and their highlight colours.
KINDS: dict[str, tuple[str, str]] = {
    "company": ("company", "#ffe08a"),
    "round_label": ("round", "#d9c8f5"),
    "round_type": ("round", "#d9c8f5"),
    "amount": ("amount", "#a7e3b0"),
    "amount_usd": ("amount (USD)", "#bfe9e3"),
    "announced": ("date", "#b8d8ff"),
    "investors": ("investor", "#ffc4c4"),
    "lead": ("lead investor", "#ff9c9c"),
    "valuation": ("valuation", "#ffd1a6"),
}
_OTHER = ("other", "#e4e7ec")
# When spans coincide exactly (amount and amount_usd of a USD round), the earlier kind gives the colour.
_PRIORITY = {k: n for n, k in enumerate(KINDS)}


def _fmt(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


# ---------------------------------------------------------------------------------------------- markdown


def _md_row(name: str, c: Counts, fp_extra: int) -> str:
    return f"| {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | {fp_extra} | {c.fn} |"


def _run_line(report: Report) -> str:
    bits = [f"model `{report.model or 'unknown'}`", f"prompt `{report.prompt_version or 'unknown'}`"]
    bits.append(f"{report.total_tokens:,} tokens")
    if report.cost_usd is not None:
        bits.append(f"${report.cost_usd:.4f}")
    if report.latency_ms_median is not None and report.latency_ms_mean is not None:
        bits.append(f"latency median {report.latency_ms_median:.0f} ms, mean {report.latency_ms_mean:.0f} ms")
    return ", ".join(bits)


def fp_split(report: Report) -> str:
    """Where the false positives sit: invented rounds call for other fixes than misread values."""
    m, extra = report.micro, report.fp_extra_total
    return (
        f"{extra} of {m.fp} in the {report.rounds.fp} predicted rounds gold does not have, "
        f"{m.fp - extra} wrong values in matched rounds"
    )


def interval_line(report: Report) -> str | None:
    """How uncertain the headline is: on a few dozen articles a target can sit inside the interval."""
    iv = report.intervals
    if iv is None:
        return None
    return (
        f"{iv.level:.0%} interval over articles ({iv.draws} bootstrap draws of {iv.articles}): "
        f"precision {iv.precision}, recall {iv.recall}, micro F1 {iv.f1}"
    )


def markdown(report: Report) -> str:
    """Headline, per-field table, round detection and every article's differences, worst articles first."""
    m, r, extra = report.micro, report.rounds, report.fp_in_extra_rounds
    lines = [
        "# Evaluation report",
        "",
        f"**Micro F1 {m.f1:.3f}** — precision of emitted fields {m.precision:.3f}, recall {m.recall:.3f} "
        f"({m.tp} TP, {m.fp} FP, {m.fn} FN)",
        "",
        *([f"- {line}"] if (line := interval_line(report)) else []),
        f"- articles: {report.n_articles}; errors: {report.n_errors}; no prediction: {report.n_missing}",
        f"- round detection: precision {r.precision:.3f}, recall {r.recall:.3f}, F1 {r.f1:.3f} "
        f"({r.tp} matched, {r.tp + r.fp} predicted, {r.tp + r.fn} gold)",
        f"- false positives: {fp_split(report)}",
        f"- is_funding_news accuracy: {report.news_accuracy:.3f}",
        f"- run: {_run_line(report)}",
        "",
        "## Per field",
        "",
        "| field | precision | recall | F1 | TP | FP | of which in extra rounds | FN |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(_md_row(f, report.fields[f], extra.get(f, 0)) for f in FIELDS),
        _md_row("**micro**", report.micro, report.fp_extra_total),
        "",
        "## Per article",
        "",
    ]
    for a in sorted(report.articles, key=lambda a: (a.f1, a.id)):
        lines.append(f"### {a.id} — F1 {a.f1:.3f}" + ("" if a.status == "ok" else f" ({a.status})"))
        lines += [f"- {d}" for d in a.differences] or ["- matches gold"]
        lines += [f"- _{n}_" for n in a.notes]
        lines.append("")
    return "\n".join(lines)


# -------------------------------------------------------------------------------------------- highlights


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    title: str
    verdict: str  # ok | wrong | unscored


def _shown(r: Round, path: str) -> str:
    """The predicted value an evidence path supports, for the tooltip."""
    head, _, rest = path.partition(".")
    if head == "company":
        return r.company
    if head in ("round_label", "round_type"):
        return f"{r.round_label or ''} ({r.round_type})".strip()
    if head in ("amount", "amount_usd", "valuation"):
        return fmt_money(getattr(r, head))
    if head == "announced":
        return r.announced or "null"
    if head == "investors" and rest.isdigit() and int(rest) < len(r.investors):
        inv = r.investors[int(rest)]
        return inv.name + (" (lead)" if inv.lead else "")
    return path


def _verdict(p: Round, g: Round | None, path: str) -> tuple[str, str]:
    """Whether the value behind a highlight agrees with gold, and what gold says."""
    if g is None:
        return "wrong", "no gold round matches this round"
    head, _, rest = path.partition(".")
    checks = {
        "company": (True, g.company),
        "round_label": (p.round_type == g.round_type, g.round_type),
        "round_type": (p.round_type == g.round_type, g.round_type),
        "amount": (money_eq(p.amount, g.amount), fmt_money(g.amount)),
        "amount_usd": (money_eq(p.amount_usd, g.amount_usd), fmt_money(g.amount_usd)),
        "valuation": (money_eq(p.valuation, g.valuation), fmt_money(g.valuation)),
        "announced": (date_eq(p.announced, g.announced), g.announced or "null"),
    }
    if head in checks:
        ok, gold = checks[head]
        return ("ok", "matches gold") if ok else ("wrong", f"gold: {gold}")
    if head == "investors" and rest.isdigit() and int(rest) < len(p.investors):
        inv = p.investors[int(rest)]
        same = [x for x in g.investors if names_match(inv.name, x.name, inv.aliases, x.aliases)]
        if not same:
            return "wrong", "not a gold investor of this round"
        if same[0].lead != inv.lead:
            return "wrong", "gold investor, but gold says " + ("lead" if same[0].lead else "not lead")
        return "ok", "matches gold"
    return "unscored", "not scored"


def _spans(
    text: str, pred: PredictionLine | None, result: ArticleResult | None, gold: list[Round]
) -> list[Span]:
    if pred is None or pred.extraction is None:
        return []
    paired = {p.pred: p.gold for p in result.pairs} if result else {}
    optional = {p.pred for p in result.optional} if result else set()
    spans = []
    for i, rnd in enumerate(pred.extraction.rounds):
        for path, ev in rnd.evidence.items():
            start, end = ev.start, ev.end
            if text[start:end] != ev.text:
                # Offsets that miss their quote: trust the quote when it occurs once in the text.
                if ev.text and text.count(ev.text) == 1:
                    start = text.index(ev.text)
                    end = start + len(ev.text)
                else:
                    continue
            if start >= end:
                continue
            kind = path.split(".")[0]
            if kind == "investors" and _shown(rnd, path).endswith("(lead)"):
                kind = "lead"
            if i in optional:
                verdict, why = "unscored", "matches an optional gold round: not scored"
            else:
                j = paired.get(i)
                verdict, why = _verdict(rnd, gold[j] if j is not None else None, path)
            mark = {"ok": "✓", "wrong": "✗", "unscored": "·"}[verdict]
            title = f"rounds[{i}] {rnd.company} — {path}: {_shown(rnd, path)}  {mark} {why}"
            spans.append(Span(start, end, kind, title, verdict))
    return spans


def highlight(text: str, spans: list[Span]) -> str:
    """The text, HTML-escaped, with a <mark> per evidence span. Overlapping spans are cut at every span
    boundary; each piece is coloured by its innermost span and its title lists every span covering it."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b])
        over = [s for s in spans if s.start <= a and b <= s.end]
        if not over:
            out.append(piece)
            continue
        top = min(over, key=lambda s: (s.end - s.start, _PRIORITY.get(s.kind, 99), s.title))
        classes = ["ev", f"ev-{top.kind}", f"v-{top.verdict}"]
        if any(s.verdict == "wrong" for s in over):
            classes.append("v-wrong")
        if len(over) > 1:
            classes.append("multi")
        title = "\n".join(dict.fromkeys(s.title for s in over))
        out.append(
            f'<mark class="{" ".join(dict.fromkeys(classes))}" data-kind="{top.kind}" '
            f'title="{html.escape(title)}">{piece}</mark>'
        )
    return "".join(out)


# -------------------------------------------------------------------------------------------------- html

_CSS = (
    """
:root{--ink:#18202f;--muted:#667085;--line:#e4e7ec;--bg:#f4f5f8;--card:#fff;--good:#12805c;--mid:#b54708;
--bad:#c4320a;--accent:#3b5bdb}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header{background:linear-gradient(120deg,#131a2a,#24324f);color:#fff;padding:28px 40px 32px}
header h1{margin:0;font-size:22px;font-weight:650;letter-spacing:-.01em}
header .run{margin-top:6px;color:#c9d2e3;font-size:13px}
header code{background:#ffffff1a;border-radius:4px;padding:1px 6px;color:#fff}
.kpis{display:flex;gap:14px;flex-wrap:wrap;margin-top:22px}
.kpi{background:#ffffff12;border:1px solid #ffffff22;border-radius:12px;padding:12px 18px;min-width:132px}
.kpi b{display:block;font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.kpi span{font-size:12px;color:#c9d2e3}
.kpi.main{background:#3b5bdb;border-color:#5c7cfa}.kpi.main b{font-size:34px}
main{padding:28px 40px 60px;max-width:1480px;margin:0 auto}
h2{font-size:17px;margin:28px 0 12px}.grid2 h2{margin-top:0}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:6px 8px;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:7px 12px;text-align:right;border-bottom:1px solid var(--line);white-space:nowrap}
th{font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
th:first-child,td:first-child{text-align:left}
tr:last-child td{border-bottom:0}
tr.micro td{font-weight:700;background:#f8f9fc}
.bar{display:inline-block;width:110px;height:8px;background:#eef0f4;border-radius:4px;margin-left:10px;
vertical-align:middle;overflow:hidden}.bar i{display:block;height:100%;border-radius:4px}
.good{color:var(--good)}.mid{color:var(--mid)}.bad{color:var(--bad)}
.bg-good{background:#12b76a}.bg-mid{background:#f79009}.bg-bad{background:#f04438}
.grid2{display:grid;grid-template-columns:2fr 1fr;gap:20px}
.legend{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:4px 0 8px;color:var(--muted);font-size:12px}
.legend mark{padding:1px 7px;border-radius:4px;color:var(--ink)}
.toc{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 4px}
.toc a{text-decoration:none;font-size:12px;border:1px solid var(--line);background:#fff;border-radius:999px;
padding:2px 10px;color:var(--ink)}
.toc a b{margin-left:6px}
.tools{display:flex;gap:16px;align-items:center;margin:8px 0;color:var(--muted);font-size:13px}
.tools input[type=search]{border:1px solid var(--line);border-radius:8px;padding:6px 10px;min-width:240px;font:inherit}
.article{background:var(--card);border:1px solid var(--line);border-radius:14px;margin:18px 0;overflow:hidden}
.article>.head{display:flex;align-items:center;gap:12px;padding:14px 20px;border-bottom:1px solid var(--line)}
.article>.head h3{margin:0;font-size:15px}
.article>.head .title{color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;flex:1}
.badge{font-weight:700;border-radius:999px;padding:2px 10px;font-size:12px;color:#fff;
font-variant-numeric:tabular-nums}
.status{font-size:12px;border-radius:6px;padding:1px 8px;background:#fee4e2;color:var(--bad)}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr)}
.text{white-space:pre-wrap;font:15px/1.7 Georgia,"Iowan Old Style","Times New Roman",serif;padding:16px 22px;
max-height:560px;overflow:auto;border-right:1px solid var(--line)}
mark.ev{border-radius:3px;padding:0 1px;color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.v-wrong{text-decoration:underline wavy #d92d20;text-decoration-thickness:1.5px;text-underline-offset:3px}
mark.v-unscored{outline:1px dashed #98a2b3}
mark.multi{box-shadow:inset 0 -2px 0 #0005}
"""
    + "".join(f"mark.ev-{k},.legend .ev-{k}{{background:{c}}}" for k, (_, c) in KINDS.items())
    + """
.side{padding:16px 20px;font-size:13px}
.side h4{margin:0 0 8px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.round{border:1px solid var(--line);border-radius:10px;padding:8px 12px;margin:0 0 10px}
.round .tag{font:600 11px/1 ui-monospace,Menlo,Consolas,monospace;background:#eef2ff;color:var(--accent);
border-radius:4px;padding:3px 6px;margin-right:6px}
.round .state{float:right;font-size:11px;color:var(--muted)}
.round .state.extra{color:var(--bad)}
.round .inv{color:var(--muted);margin-top:3px}
ul.diffs{list-style:none;padding:0;margin:0 0 12px}
ul.diffs li{padding:5px 8px 5px 26px;border-radius:6px;margin:3px 0;position:relative;background:#fef3f2}
ul.diffs li::before{content:"✗";position:absolute;left:9px;color:var(--bad);font-weight:700}
ul.diffs li.ok{background:#ecfdf3}ul.diffs li.ok::before{content:"✓";color:var(--good)}
ul.diffs li.note{background:#f2f4f7;color:var(--muted)}ul.diffs li.note::before{content:"·";color:var(--muted)}
.counts{color:var(--muted);font-size:12px;margin-top:6px}
.origin{padding:6px 20px;font-size:12px;color:var(--muted);border-bottom:1px solid var(--line);background:#f8f9fc}
.hidden{display:none}
footer{color:var(--muted);font-size:12px;margin-top:30px}
@media (max-width:900px){.cols,.grid2{grid-template-columns:1fr}.text{border-right:0}}
"""
)

# Filtering only; the page reads fully without it. Sets data-ready so a headless check can tell it ran.
_JS = """
(function(){
  var q=document.getElementById('q'), only=document.getElementById('only');
  var cards=Array.prototype.slice.call(document.querySelectorAll('section.article'));
  function apply(){
    var needle=(q.value||'').toLowerCase();
    cards.forEach(function(c){
      var hit=!needle||c.textContent.toLowerCase().indexOf(needle)>=0;
      var diff=c.getAttribute('data-diffs')!=='0';
      c.classList.toggle('hidden',!(hit&&(!only.checked||diff)));
    });
  }
  q.addEventListener('input',apply); only.addEventListener('change',apply); apply();
  document.body.setAttribute('data-ready','1');
})();
"""


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _tone(f1: float) -> str:
    return "good" if f1 >= 0.9 else "mid" if f1 >= 0.6 else "bad"


def _field_row(name: str, c: Counts, cls: str = "") -> str:
    return (
        f"<tr class='{cls}'><td>{html.escape(name)}</td><td>{c.precision:.3f}</td><td>{c.recall:.3f}</td>"
        f"<td class='{_tone(c.f1)}'><b>{c.f1:.3f}</b><span class='bar'><i class='bg-{_tone(c.f1)}' "
        f"style='width:{c.f1 * 100:.0f}%'></i></span></td><td>{c.tp}</td><td>{c.fp}</td><td>{c.fn}</td></tr>"
    )


def _round_card(i: int, r: Round, state: str, cls: str) -> str:
    facts = " · ".join(
        html.escape(x)
        for x in (
            r.round_label or r.round_type,
            fmt_money(r.amount) if r.amount else None,
            f"({fmt_money(r.amount_usd)})" if r.amount_usd and r.amount_usd != r.amount else None,
            r.announced,
            f"valued {fmt_money(r.valuation)}" if r.valuation else None,
        )
        if x
    )
    invs = ", ".join(f"<b>{html.escape(v.name)}</b>" if v.lead else html.escape(v.name) for v in r.investors)
    return (
        f"<div class='round'><span class='state {cls}'>{html.escape(state)}</span>"
        f"<span class='tag'>rounds[{i}]</span><b>{html.escape(r.company)}</b><div>{facts}</div>"
        + (f"<div class='inv'>{invs}</div>" if invs else "")
        + "</div>"
    )


def _shown_text(article: Article, pred: PredictionLine | None) -> tuple[str, str]:
    """The text the evidence indexes, and a note on where it came from. For a web page that is the
    article text read from it (the record's source.text), not the page's HTML."""
    source = pred.extraction.source if pred is not None and pred.extraction is not None else None
    if source is not None:
        bits = [f"article text read from the page by {source.extractor}"]
        if source.published:
            bits.append(f"published {source.published} ({source.published_from})")
        if source.language:
            bits.append(f"language {source.language}")
        if source.url:
            bits.append(source.url)
        return source.text, " · ".join(bits)
    if article.text is not None:
        return article.text, ""
    return "", "web page: no article text was read from it (see the error)"


def _article_section(article: Article, result: ArticleResult, pred: PredictionLine | None) -> str:
    gold = article.gold.rounds if article.gold else []
    text, origin = _shown_text(article, pred)
    spans = _spans(text, pred, result, gold)
    rounds = pred.extraction.rounds if pred is not None and pred.extraction is not None else []
    paired = {p.pred: p.gold for p in result.pairs}
    optional = {p.pred: p.gold for p in result.optional}
    cards = []
    for i, r in enumerate(rounds):
        if i in paired:
            state, cls = f"↔ gold rounds[{paired[i]}]", ""
        elif i in optional:
            state, cls = "optional in gold: not scored", ""
        else:
            state, cls = "extra: no gold round", "extra"
        cards.append(_round_card(i, r, state, cls))
    diffs = "".join(f"<li>{html.escape(d)}</li>" for d in result.differences)
    notes = "".join(f"<li class='note'>{html.escape(n)}</li>" for n in result.notes)
    if not result.differences:
        diffs = "<li class='ok'>matches gold</li>"
    m = result.micro
    status = "" if result.status == "ok" else f"<span class='status'>{html.escape(result.status)}</span>"
    title = html.escape(article.title or "")
    if not title and pred is not None and pred.extraction is not None and pred.extraction.source is not None:
        title = html.escape(pred.extraction.source.title or "")
    return (
        f"<section class='article' id='a-{html.escape(result.id, quote=True)}' "
        f"data-diffs='{len(result.differences)}'>"
        f"<div class='head'><span class='badge bg-{_tone(result.f1)}'>F1 {result.f1:.2f}</span>"
        f"<h3>{html.escape(result.id)}</h3>{status}<span class='title'>{title}</span></div>"
        + (f"<div class='origin'>{html.escape(origin)}</div>" if origin else "")
        + f"<div class='cols'><div class='text'>{highlight(text, spans)}</div>"
        f"<div class='side'><h4>Differences from gold</h4><ul class='diffs'>{diffs}{notes}</ul>"
        f"<h4>Predicted rounds</h4>{''.join(cards) or '<p class=counts>none</p>'}"
        f"<div class='counts'>{m.tp} TP · {m.fp} FP · {m.fn} FN · {len(spans)} highlighted</div>"
        f"</div></div></section>"
    )


def html_report(report: Report, articles: list[Article], predictions: dict[str, PredictionLine]) -> str:
    """The shareable page: headline figures, per-field table, then every article, worst first."""
    by_id = {a.id: a for a in articles}
    m, rd = report.micro, report.rounds
    kpis = [
        ("main", f"{m.f1:.3f}", "micro F1 (headline)"),
        ("", f"{m.precision:.3f}", "precision of emitted fields"),
        ("", f"{m.recall:.3f}", "recall"),
        ("", f"{rd.f1:.3f}", f"round detection F1 (P {rd.precision:.2f} · R {rd.recall:.2f})"),
        ("", f"{report.news_accuracy:.3f}", "is_funding_news accuracy"),
        (
            "",
            f"{report.n_articles}",
            f"articles · {_n(report.n_errors, 'error')} · {report.n_missing} missing",
        ),
    ]
    run = [
        f"model <code>{html.escape(report.model or 'unknown')}</code>",
        f"prompt <code>{html.escape(report.prompt_version or 'unknown')}</code>",
        f"{report.total_tokens:,} tokens",
    ]
    if report.cost_usd is not None:
        run.append(f"${report.cost_usd:.4f}")
    if report.latency_ms_median is not None:
        run.append(
            f"median latency {report.latency_ms_median:,.0f} ms (mean {report.latency_ms_mean or 0:,.0f})"
        )
    ordered = sorted(report.articles, key=lambda a: (a.f1, a.id))
    toc = "".join(
        f"<a href='#a-{html.escape(a.id, quote=True)}'>{html.escape(a.id)}"
        f"<b class='{_tone(a.f1)}'>{a.f1:.2f}</b></a>"
        for a in ordered
    )
    legend = "".join(
        f"<mark class='ev-{k}'>{html.escape(label)}</mark>"
        for k, (label, _) in KINDS.items()
        if k != "round_type"
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>Evaluation · micro F1 {m.f1:.3f}</title><style>{_CSS}</style></head><body>",
        "<header><h1>Funding-round extraction · evaluation</h1>",
        f"<div class='run'>{' · '.join(run)}</div><div class='kpis'>",
        *(f"<div class='kpi {c}'><b>{v}</b><span>{html.escape(k)}</span></div>" for c, v, k in kpis),
        "</div>",
        *(
            [f"<div class='run' id='uncertainty'>{html.escape(line)}</div>"]
            if (line := interval_line(report))
            else []
        ),
        "</header><main><div class='grid2'><div><h2>Per field</h2><div class='panel'>",
        "<table id='fields'><tr><th>field</th><th>precision</th><th>recall</th><th>F1</th>"
        "<th>TP</th><th>FP</th><th>FN</th></tr>",
        *(_field_row(f, report.fields[f]) for f in FIELDS),
        _field_row("micro (all slots)", m, "micro"),
        "</table></div></div><div><h2>Rounds</h2><div class='panel'><table id='rounds'>",
        "<tr><th>round detection</th><th></th></tr>",
        f"<tr><td>matched</td><td>{rd.tp}</td></tr><tr><td>predicted</td><td>{rd.tp + rd.fp}</td></tr>",
        f"<tr><td>gold</td><td>{rd.tp + rd.fn}</td></tr>",
        f"<tr><td>false positives</td><td>{html.escape(fp_split(report))}</td></tr>",
        f"<tr><td>precision</td><td>{rd.precision:.3f}</td></tr><tr><td>recall</td><td>{rd.recall:.3f}</td></tr>",
        f"<tr class='micro'><td>F1</td><td class='{_tone(rd.f1)}'>{rd.f1:.3f}</td></tr>",
        "</table></div></div></div>",
        f"<h2>Articles</h2><div class='toc'>{toc}</div>",
        "<div class='tools'><input id='q' type='search' placeholder='Filter articles…' aria-label='filter'>"
        "<label><input id='only' type='checkbox'> only articles with differences</label></div>",
        f"<div class='legend'>Evidence of predicted values: {legend}"
        "<span>· <u style='text-decoration:underline wavy #d92d20'>wavy</u> = disagrees with gold;"
        " dashed = not scored; hover a highlight for its round, field and value</span></div>",
    ]
    for result in ordered:
        article = by_id.get(result.id)
        if article is not None:
            parts.append(_article_section(article, result, predictions.get(result.id)))
    parts.append(
        "<footer>Scoring: ANNOTATION.md. Rounds are paired one-to-one by company, then amount, date and "
        "type; optional gold rounds are neither rewarded nor penalised.</footer>"
    )
    parts.append(f"</main><script>{_JS}</script></body></html>")
    return "".join(parts)


def write_reports(
    report: Report, articles: list[Article], predictions: dict[str, PredictionLine], out_dir: str | Path
) -> dict[str, Path]:
    """report.json, report.md and report.html in out_dir (created); returns their paths by kind."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(report.model_dump_json(indent=2), encoding="utf-8")
    paths["md"].write_text(markdown(report), encoding="utf-8")
    paths["html"].write_text(html_report(report, articles, predictions), encoding="utf-8")
    return paths


__all__ = ["KINDS", "Span", "highlight", "html_report", "markdown", "write_reports"]
