"""Scoring against hand-computed expectations, gold against itself, and perturbations."""

from decimal import Decimal
from pathlib import Path

import pytest

from evals.io import PredictionLine, SetError, load_predictions, load_set
from evals.normalize import normalize
from evals.scoring import score_set
from schemas import Article, Extraction, Investor, Money, Round

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    p for p in (ROOT.parent / "shared" / "devset", ROOT / "evals" / "fixtures") if list(p.glob("*.jsonl"))
]


def _round(**kw):
    base = dict(company="Harbourline", company_aliases=["Harbourline Ltd"], round_type="series_b",
                round_label="Series B", amount=Money(value=20_000_000, currency="EUR"),
                amount_usd=Money(value=21_800_000, currency="USD"), announced="2023-06",
                investors=[Investor(name="Keel Capital", lead=True), Investor(name="Northmoor Ventures")])  # fmt: skip
    base.update(kw)
    return Round(**base)


def _article(*rounds, news=True):
    return Article.model_validate(
        {
            "id": "a1",
            "text": "...",
            "gold": {"is_funding_news": news, "rounds": [r.model_dump() for r in rounds]},
        }
    )


def _pred(*rounds, news=True):
    return {
        "a1": PredictionLine(
            id="a1", status="ok", extraction=Extraction(is_funding_news=news, rounds=list(rounds))
        )
    }


def _score(gold, pred):
    return score_set([gold], pred)


def test_hand_computed_example():
    # gold: 1 round, 8 fields -> company, round_type, amount, amount_usd, announced (5 scalars),
    # 2 investors, 1 lead, valuation null. Prediction: wrong amount, one extra investor, one missing.
    gold = _article(_round())
    pred = _pred(_round(amount=Money(value=25_000_000, currency="EUR"),
                        investors=[Investor(name="Keel Capital", lead=True), Investor(name="Tidal Angels")]))  # fmt: skip
    r = _score(gold, pred)
    # scalars: 4 TP (company, round_type, amount_usd, announced); amount 1 FP + 1 FN
    # investors: TP 1 (Keel), FP 1 (Tidal), FN 1 (Northmoor); leads TP 1
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (4 + 1 + 1, 1 + 1, 1 + 1)
    assert r.micro.precision == pytest.approx(6 / 8) and r.micro.recall == pytest.approx(6 / 8)
    assert (r.fields["amount"].fp, r.fields["amount"].fn) == (1, 1)
    assert r.rounds.tp == 1


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_gold_scored_against_itself_is_exactly_one(path):
    articles = load_set(path)
    preds = {
        a.id: PredictionLine(id=a.id, status="ok", extraction=Extraction(**a.gold.model_dump()))
        for a in articles
    }
    r = score_set(articles, preds)
    assert r.micro.f1 == 1.0 and r.micro.precision == 1.0 and r.micro.recall == 1.0
    assert r.news_accuracy == 1.0
    assert all(a.differences == [] or all("optional" in d for d in a.differences) for a in r.articles)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": Money(value=1, currency="EUR")}, "amount"),
        ({"amount": Money(value=20_000_000, currency="GBP")}, "amount"),
        ({"announced": "2023-07"}, "announced"),
        ({"round_type": "series_c"}, "round_type"),
        ({"amount_usd": Money(value=30_000_000, currency="USD")}, "amount_usd"),
        ({"valuation": {"value": 100_000_000, "currency": "EUR", "basis": "post"}}, "valuation"),
        ({"investors": [Investor(name="Keel Capital", lead=True)]}, "investors"),
        (
            {
                "investors": [
                    Investor(name="Keel Capital", lead=True),
                    Investor(name="Northmoor Ventures"),
                    Investor(name="Extra Fund"),
                ]
            },
            "investors",
        ),  # fmt: skip
        ({"investors": [Investor(name="Keel Capital"), Investor(name="Northmoor Ventures")]}, "leads"),
    ],
)
def test_each_perturbation_lowers_only_its_field(change, field):
    gold = _article(_round())
    r = _score(gold, _pred(_round(**change)))
    assert r.fields[field].f1 < 1.0
    assert all(
        c.f1 == 1.0
        for name, c in r.fields.items()
        if name != field and (name, field) != ("leads", "investors")
    )


def test_wrong_company_makes_both_rounds_unmatched():
    r = _score(_article(_round()), _pred(_round(company="Other Co", company_aliases=[])))
    assert r.rounds.tp == 0 and r.rounds.fp == 1 and r.rounds.fn == 1
    assert r.fields["company"].fp == 1 and r.fields["company"].fn == 1
    assert r.fields["investors"].fp == 2 and r.fields["investors"].fn == 2


def test_extra_and_missing_rounds_count_every_slot():
    seed = _round(round_type="seed", round_label="seed", amount=Money(value=2_000_000, currency="EUR"),
                  amount_usd=None, announced="2020", investors=[], primary=False)  # fmt: skip
    r = _score(_article(_round(), seed), _pred(_round()))
    assert r.rounds.fn == 1 and r.fields["announced"].fn == 1 and r.fields["amount_usd"].fn == 0
    r = _score(_article(_round()), _pred(_round(), seed))
    assert r.rounds.fp == 1 and r.fields["amount"].fp == 1 and r.fields["company"].fp == 1


def test_optional_rounds_are_neither_rewarded_nor_penalised():
    grant = _round(round_type="grant", amount=Money(value=5_000_000, currency="EUR"), amount_usd=None,
                   investors=[], optional=True)  # fmt: skip
    gold = _article(_round(), grant)
    with_it = _score(gold, _pred(_round(), grant.model_copy(update={"optional": False})))
    without = _score(gold, _pred(_round()))
    assert with_it.micro == without.micro and with_it.micro.f1 == 1.0


def test_aliases_and_legal_suffixes_are_accepted():
    assert normalize("SF International Holdings Limited") == normalize("SF International Holdings")
    assert normalize("The Salarpuria Group") == normalize("Salarpuria Group")
    assert normalize("Zerodha’s Rainmatter") != normalize("Rainmatter")
    r = _score(_article(_round()), _pred(_round(company="Harbourline Ltd.", company_aliases=[])))
    assert r.fields["company"].tp == 1
    gold = _article(_round(investors=[Investor(name="China Internet Investment Fund", aliases=["CIIF"])]))
    r = _score(gold, _pred(_round(investors=[Investor(name="CIIF")])))
    assert r.fields["investors"].tp == 1


def test_dates_compare_at_gold_precision():
    gold = _article(_round(announced="2023-06"))
    assert _score(gold, _pred(_round(announced="2023-06-14"))).fields["announced"].tp == 1
    assert _score(gold, _pred(_round(announced="2023"))).fields["announced"].fn == 1


def test_amounts_within_one_percent_match():
    gold = _article(_round(amount_usd=Money(value=254_000_000, currency="USD")))
    ok = _score(gold, _pred(_round(amount_usd=Money(value=Decimal("253.9e6"), currency="USD"))))
    assert ok.fields["amount_usd"].tp == 1
    off = _score(gold, _pred(_round(amount_usd=Money(value=240_000_000, currency="USD"))))
    assert off.fields["amount_usd"].fp == 1


def test_error_lines_predict_nothing_and_are_counted():
    gold = _article(_round())
    r = score_set([gold], {"a1": PredictionLine(id="a1", status="error", error={"type": "BackendError"})})
    assert r.n_errors == 1 and r.micro.tp == 0 and r.micro.fn == 8
    assert r.articles[0].differences[0] == "no prediction (error)"


def test_bad_set_and_prediction_files_name_file_and_line(tmp_path):
    bad = tmp_path / "set.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\n{"id": "x", "text": "u"}\n')
    with pytest.raises(SetError, match=r"set.jsonl:2: id 'x' already used"):
        load_set(bad)
    bad.write_text('{"id": "y"}\n')
    with pytest.raises(SetError, match=r"set.jsonl:1: text"):
        load_set(bad)
    preds = tmp_path / "p.jsonl"
    preds.write_text('{"id": "a", "status": "ok"}\nnot json\n')
    with pytest.raises(SetError, match=r"p.jsonl:2"):
        load_predictions(preds)
