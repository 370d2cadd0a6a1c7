from evals.compare import compare, format_compare
from evals.scoring import ArticleResult, Counts, Report


def _report(path, tp, fp, articles):
    fields = {f: Counts(tp=tp, fp=fp) for f in ("company", "round_type", "amount", "amount_usd", "announced",
                                                 "investors", "leads", "valuation")}  # fmt: skip
    micro = Counts(tp=tp * 8, fp=fp * 8)
    results = [ArticleResult(id=i, status="ok", is_funding_news=True, gold_is_funding_news=True,
                             fields={"company": Counts(tp=t, fp=f)}, rounds=Counts()) for i, t, f in articles]  # fmt: skip
    r = Report(n_articles=len(results), n_errors=0, n_missing=0, micro=micro, fields=fields, rounds=Counts(),
               news_accuracy=1.0, articles=results)  # fmt: skip
    path.write_text(r.model_dump_json())
    return path


def test_compare_reports_deltas_and_regressions(tmp_path):
    a = _report(tmp_path / "a.json", 8, 2, [("x", 1, 0), ("y", 1, 0)])
    b = _report(tmp_path / "b.json", 9, 1, [("x", 0, 1), ("y", 1, 0)])
    c = compare(a, b)
    assert round(c.headline.precision, 3) == 0.1
    assert [r.id for r in c.worse] == ["x"] and c.worse[0].before == 1.0 and c.worse[0].after == 0.0
    text = format_compare(c)
    assert "1 articles got worse" in text and "x: 1.000 -> 0.000" in text
