"""Comparing two report.json files: deltas hand-computed from two small runs over the same set."""

import json

import pytest

from evals.compare import ReportError, compare, format_compare
from evals.io import PredictionLine
from evals.report import write_reports
from evals.scoring import score_set
from schemas import Article, Extraction, Investor, Money, Round

# 5 slots: company, round_type, amount, 1 investor, 1 lead
GOLD = Round(company="Harbourline", round_type="series_a", amount=Money(value=10_000_000, currency="EUR"),
             investors=[Investor(name="Keel Capital", lead=True)])  # fmt: skip
WRONG_AMOUNT = GOLD.model_copy(update={"amount": Money(value=12_000_000, currency="EUR")})
EXTRA_INVESTOR = WRONG_AMOUNT.model_copy(update={"investors": [*GOLD.investors, Investor(name="Tidal")]})


def _articles(ids):
    return [
        Article(id=i, text="...", gold={"is_funding_news": True, "rounds": [GOLD.model_dump()]}) for i in ids
    ]


def _run(tmp_path, name, rounds_by_id, model="m"):
    articles = _articles(rounds_by_id)
    preds = {
        i: PredictionLine(id=i, status="ok", model=model, prompt_version=name,
                          extraction=Extraction(is_funding_news=True, rounds=[r]))
        for i, r in rounds_by_id.items()
    }  # fmt: skip
    return write_reports(score_set(articles, preds), articles, preds, tmp_path / name)["json"]


def test_compare_reports_deltas_and_regressions(tmp_path):
    # A: x right; y amount wrong (TP 4, FP 1, FN 1); z right  -> TP 14, FP 1, FN 1
    a = _run(tmp_path, "a", {"x": GOLD, "y": WRONG_AMOUNT, "z": GOLD})
    # B: x amount wrong and an extra investor (TP 4, FP 2, FN 1); y, z right -> TP 14, FP 2, FN 1
    b = _run(tmp_path, "b", {"x": EXTRA_INVESTOR, "y": GOLD, "z": GOLD})
    c = compare(a, b)
    assert c.headline.a.f1 == pytest.approx(14 / 15)
    assert c.headline.b.f1 == pytest.approx(28 / 31)
    assert c.headline.precision == pytest.approx(14 / 16 - 14 / 15)
    assert c.headline.recall == pytest.approx(0.0)
    assert c.headline.f1 == pytest.approx(28 / 31 - 14 / 15)
    by_field = {d.field: d for d in c.fields}
    assert by_field["amount"].f1 == pytest.approx(0.0)  # one wrong amount on each side
    assert by_field["investors"].precision == pytest.approx(-0.25)  # 3/3 -> 3/4
    assert by_field["investors"].f1 == pytest.approx(6 / 7 - 1)
    assert by_field["company"].f1 == 0.0 and c.rounds.f1 == 0.0
    # x: F1 1.0 -> 8/11; y: 0.8 -> 1.0
    assert [(r.id, r.before, round(r.after, 6)) for r in c.worse] == [("x", 1.0, round(8 / 11, 6))]
    assert [r.id for r in c.better] == ["y"] and c.only_a == c.only_b == []

    text = format_compare(c)
    assert "1 article got worse:" in text and "x  1.000 -> 0.727  (-0.273)" in text
    assert "1 article got better" in text
    assert f"micro (headline)  {14 / 15:.3f}  {28 / 31:.3f}  -0.058  +0.000  -0.030" in text
    assert "investors         1.000  0.857  -0.250  +0.000  -0.143" in text
    assert "(model m, prompt a, 3 articles)" in text
    # Paired over x, y, z: x got worse and y better, so a draw holding more x than y lowers the figures and
    # one holding more y raises them; the change is told apart from noise on neither side.
    ch = c.headline_change
    assert ch is not None and ch.articles == 3
    assert ch.precision.low < 0 < ch.precision.high and ch.recall.low < 0 < ch.recall.high
    assert (
        f"micro change, 95% interval over the 3 articles both scored: ΔP {ch.precision.low:+.3f} to " in text
    )
    assert "(holds 0)" in text


def test_a_change_on_every_article_is_told_apart_from_noise(tmp_path):
    ids = [f"n{i}" for i in range(12)]
    a = _run(tmp_path, "a", dict.fromkeys(ids, EXTRA_INVESTOR))
    b = _run(tmp_path, "b", dict.fromkeys(ids, WRONG_AMOUNT))  # the extra investor gone everywhere
    ch = compare(a, b).headline_change
    assert ch is not None and ch.precision.low == ch.precision.high == pytest.approx(4 / 5 - 4 / 6)


def test_reports_written_before_intervals_still_compare(tmp_path):
    a = _run(tmp_path, "a", {"x": GOLD})
    old = tmp_path / "old.json"
    data = json.loads(a.read_text())
    del data["intervals"]
    old.write_text(json.dumps(data))
    c = compare(old, a)
    assert c.headline.f1 == 0.0 and c.headline_change is not None


def test_compare_lists_articles_only_one_side_scored(tmp_path):
    a = _run(tmp_path, "a", {"x": GOLD, "y": GOLD})
    b = _run(tmp_path, "b", {"y": GOLD, "z": GOLD})
    c = compare(a, b)
    assert (c.only_a, c.only_b, c.worse, c.better) == (["x"], ["z"], [], [])
    text = format_compare(c)
    assert "only in A: x" in text and "only in B: z" in text and "0 articles got worse" in text


def test_unreadable_reports_are_named(tmp_path):
    with pytest.raises(ReportError, match=r"nope.json: cannot read"):
        compare(tmp_path / "nope.json", tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"n_articles": 1}')
    with pytest.raises(ReportError, match=r"bad.json: not a report.json"):
        compare(bad, bad)
