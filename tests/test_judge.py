"""The round judge of the small-model path: its features, its review of checked rounds, its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.judge.__main__ import main as judge_main
from evals.judge.train import Example, Row, auc, collect, cross_validate, fit, read_rows
from extractor.checks import Checked, Problem
from extractor.forms.roles import RolesForm
from extractor.forms.roles.judge import WEIGHTS, RoundJudge, default_judge, features
from schemas.record import Evidence, Investor, Money, Round

TEXT = (
    "Acme Robotics raises $12 million Series A led by Northwind Capital\n"
    "Acme Robotics, a Lisbon maker of warehouse robots, said on Tuesday it raised $12 million. "
    "Northwind Capital led the round. Acme Robotics will hire forty engineers.\n"
    "Elsewhere, Northwind Capital closed a $300 million fund."
)


def _round(company: str, amount: str | None, value: int | None, **kw: object) -> Round:
    evidence = {"company": _at(company)}
    if amount is not None:
        evidence["amount"] = _at(amount)
    money = Money(value=value, currency="USD") if value is not None else None
    return Round(company=company, amount=money, evidence=evidence, **kw)  # type: ignore[arg-type]


def _at(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(text=quote, start=start, end=start + len(quote))


NEWS = _round("Acme Robotics", "$12 million", 12_000_000, round_type="series_a",
              investors=[Investor(name="Northwind Capital", lead=True)])  # fmt: skip
FUND = _round("Northwind Capital", "$300 million", 300_000_000)


def test_features_read_the_shape_of_a_round_never_its_names_or_figures() -> None:
    f = features(TEXT, FUND, [NEWS])
    assert f["invests_elsewhere"] == 1.0 and f["firm_word"] == 1.0 and f["largest_amount"] == 1.0
    assert f["mentions=3"] == 1.0 and f["in_title"] == 1.0 and f["has_amount"] == 1.0
    news = features(TEXT, NEWS, [FUND])
    assert news["invests_elsewhere"] == 0.0 and news["firm_word"] == 0.0 and news["largest_amount"] == 0.0
    for key in {*f, *news}:
        assert not any(w in key for w in ("Acme", "Northwind", "Robotics", "12", "300", "Lisbon"))


def test_review_removes_doubted_rounds_with_a_warning_and_keeps_the_news_flag() -> None:
    # A judge that doubts a firm that invests elsewhere, and nothing else.
    judge = RoundJudge({"bias": 2.0, "invests_elsewhere": -5.0}, threshold=0.5)
    checked = Checked(is_funding_news=True, rounds=[NEWS, FUND], problems=[Problem("record", "earlier note")])
    out = judge.review(checked, TEXT)
    assert [r.company for r in out.rounds] == ["Acme Robotics"]
    assert out.is_funding_news is True
    assert out.problems[0].message == "earlier note"
    (note,) = out.problems[1:]
    assert note.path == "rounds.1" and not note.reask
    assert (
        "'Northwind Capital' (300,000,000 USD) removed" in note.message
        and "below its threshold 0.50" in note.message
    )
    # Nothing below the threshold: the same object back, untouched.
    assert RoundJudge({"bias": 2.0}, threshold=0.5).review(checked, TEXT) is checked


def test_the_shipped_judge_is_trained_on_dev_rounds_and_versions_the_form(tmp_path: Path) -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert 0.0 < data["threshold"] < 1.0 and data["trained"]["rounds"] > 500
    assert data["trained"]["out_of_fold_auc"] > 0.7
    judge = default_judge()
    assert judge.threshold == data["threshold"] and judge.weights["has_amount"] > 0
    # Scored as a probability, a plain news round clears the shipped threshold.
    assert judge.score(TEXT, NEWS, []) >= judge.threshold
    # New weights are a new form version (caches and reports keyed on it never mix the two).
    other = RoundJudge({**judge.weights, "bias": judge.weights.get("bias", 0.0) + 1}, judge.threshold)
    assert RolesForm(judge=other).version != RolesForm().version
    assert RolesForm().version.startswith("roles-")


def _examples() -> list[Example]:
    """Unmatched rounds here are those of lowercase names; everything else is noise shared by both."""
    out = []
    for i in range(40):
        bad = i % 4 == 0
        x = {"bias": 1.0, "name_lowercase": float(bad), f"noise={i % 3}": 1.0}
        out.append(Example(f"a{i % 10}", x, not bad, tp=0 if bad else 5, fp=4 if bad else 1))
    return out


def test_fit_learns_the_sign_of_a_feature_and_ignores_one_seen_in_a_single_article() -> None:
    data = _examples()
    data[1].x["only_here"] = 1.0
    weights = fit(data)
    assert weights["name_lowercase"] < -1.0 and "only_here" not in weights
    probs = cross_validate(data)
    assert auc(probs, [e.matched for e in data]) > 0.9


def test_collect_takes_dev_rounds_once_and_never_test_ones(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "split.json").write_text(json.dumps({"dev": ["d1"], "test": ["t1"]}))
    out = tmp_path / "out"
    out.mkdir()
    lines = [
        {
            "id": i,
            "status": "ok",
            "extraction": {
                "is_funding_news": True,
                "rounds": [NEWS.model_dump(mode="json"), FUND.model_dump(mode="json")],
            },
        }  # fmt: skip
        for i in ("d1", "t1")
    ]
    (out / "predictions.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    rows: list[Row] = []
    assert collect([out], rows, real) == 2
    assert {r.id for r in rows} == {"d1"} and [len(r.others) for r in rows] == [1, 1]
    assert collect([out], rows, real) == 0  # the same rounds again add nothing
    again = Row.from_json(rows[1].to_json())
    assert again.round == rows[1].round and again.others[0].company == "Acme Robotics"


def test_the_judge_rows_hold_only_dev_articles() -> None:
    split = json.loads(
        (Path(__file__).parents[1] / "evals" / "real" / "split.json").read_text(encoding="utf-8")
    )
    ids = {r.id for r in read_rows()}
    assert ids and ids <= set(split["dev"]) and not ids & set(split["test"])


def test_train_command_names_missing_outputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        judge_main(["collect", str(tmp_path / "nowhere")])
    assert "nowhere: no predictions.jsonl there" in capsys.readouterr().err
