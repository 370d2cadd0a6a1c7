"""The ceiling: a model that answers exactly the gold loses (almost) nothing in the pipeline.

Each annotated set's gold is sent as the chat draft a perfect model would write, from a loopback
OpenAI-compatible endpoint, through the real prompt, instructor parsing, checks and record, and scored
like any model (`python -m extractor eval SET --oracle`). From now on a change to the checks or parsers
that starts rejecting true answers fails here, with every lost value named in losses.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evals.oracle import answer, answers, by_text, losses
from evals.oracle_server import oracle_extractor
from evals.scoring import score_article
from extractor.errors import BackendError
from schemas.batch import OutputLine
from schemas.gold import Article

ROOT = Path(__file__).resolve().parents[1]
# The shared devset sits beside the project (../shared/devset); EXTRACTOR_DEVSET points elsewhere.
DEVSET = Path(os.environ.get("EXTRACTOR_DEVSET") or ROOT.parent / "shared" / "devset")
SETS = {"fixtures": ROOT / "evals" / "fixtures", "devset": DEVSET, "real": ROOT / "evals" / "real"}
MIN_F1 = 0.98


@pytest.mark.parametrize("name", list(SETS))
def test_a_perfect_answer_survives_the_pipeline(name, tmp_path):
    path = SETS[name]
    if not list(path.glob("*.jsonl")):
        pytest.skip(f"{path} holds no .jsonl set" + (" (set EXTRACTOR_DEVSET to its folder)" if name == "devset" else ""))  # fmt: skip
    out = tmp_path / name
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "eval", str(path), "--oracle", "--report-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads((out / "report.json").read_text())
    lost = json.loads((out / "losses.json").read_text())
    table = (out / "losses.md").read_text()
    assert report["model"] == "oracle" and report["n_errors"] == 0 and report["n_missing"] == 0
    assert report["micro"]["f1"] >= MIN_F1, table
    assert report["news_accuracy"] == 1.0, table
    # Every slot the round trip got wrong is named, and nothing is named that the scorer did not count.
    assert bool(lost) == bool(report["micro"]["fp"] + report["micro"]["fn"]), table
    assert "round trip:" in run.stdout


# -- the harness names what was lost, and why -------------------------------------------------------

TEXT = (
    "Harbourline, a Rotterdam freight platform, said it has raised €20 million ($40 million) in a Series B "
    "round led by Keel Capital. The company also took 5 million in loans from its founders in 2021."
)


def _round(**over):
    base = {
        "company": "Harbourline",
        "round_type": "series_b",
        "round_label": "Series B",
        "amount": {"value": 20_000_000, "currency": "EUR"},
        "amount_usd": None,
        "announced": "2023-06",
        "investors": [{"name": "Keel Capital", "lead": True}],
        "primary": True,
    }
    return {**base, **over}


def round_trip(*rounds, published="2023-06-15", news=True, mode="json_schema"):
    article = Article(
        id="a1", text=TEXT, published=published, gold={"is_funding_news": news, "rounds": list(rounds)}
    )
    oracle = answer(article)
    with oracle_extractor({TEXT: oracle.draft.model_dump_json()}, mode=mode) as extractor:
        record = extractor.extract(TEXT, published)
    line = OutputLine(id="a1", status="ok", extraction=record)
    result = score_article(article, line)
    return record, losses(article, oracle, line, result)


def test_the_exact_gold_comes_back_with_nothing_lost():
    record, lost = round_trip(_round())
    assert lost == []
    assert record.rounds[0].amount.value == 20_000_000 and record.rounds[0].announced == "2023-06"
    assert record.provenance.model == "oracle" and record.provenance.attempts == 1


def test_a_value_no_quote_can_carry_is_a_parser_loss():
    # "5 million" names no currency: the money parser reads no quote of the text as 5,000,000 USD.
    _, lost = round_trip(_round(), _round(round_label=None, round_type="debt", amount={"value": 5_000_000, "currency": "USD"},
                                          announced="2021", investors=[], primary=False))  # fmt: skip
    [loss] = lost
    assert (loss.round, loss.field, loss.stage, loss.gold) == (1, "amount", "parser", "5e6 USD")
    assert "no quote the money parser reads as 5e6 USD" in loss.why and "'€20 million'" in loss.why


def test_a_value_a_check_rejects_is_a_check_loss_with_its_message():
    # $40 million is not what €20 million was worth in June 2023 (about $21.7 million).
    _, lost = round_trip(_round(amount_usd={"value": 40_000_000, "currency": "USD"}))
    [loss] = lost
    assert (loss.field, loss.stage, loss.gold, loss.predicted) == ("amount_usd", "check", "4e7 USD", None)
    assert "'$40 million' does not match '€20 million'" in loss.why


def test_a_name_not_in_the_article_is_a_grounding_loss():
    _, lost = round_trip(
        _round(investors=[{"name": "Keel Capital", "lead": True}, {"name": "Sequoia", "lead": False}])
    )
    [loss] = lost
    assert (loss.field, loss.stage, loss.gold) == ("investors", "grounding", "Sequoia")
    assert loss.why == "investor 'Sequoia' does not occur in the article"


def test_a_value_the_pipeline_adds_is_named_too():
    # Gold leaves the news round undated; the checks date it by the publication month.
    _, lost = round_trip(_round(announced=None))
    [loss] = lost
    assert (loss.field, loss.stage, loss.gold, loss.predicted) == ("announced", "pipeline", None, "2023-06")
    assert "publication month" in loss.why


@pytest.mark.parametrize("mode", ["json", "tools", "llamacpp"])
def test_the_oracle_answers_in_every_mode(mode):
    record, lost = round_trip(_round(), mode=mode)
    assert lost == [] and record.provenance.backend == f"openai:{mode}"


def test_an_article_the_oracle_does_not_know_is_a_clear_error():
    with oracle_extractor({"another article": "{}"}) as extractor, pytest.raises(BackendError, match="400"):
        extractor.extract(TEXT, None)


@pytest.mark.parametrize("flag", [["--model", "gpt-4o"], ["--predictions", "preds.jsonl"]])
def test_oracle_refuses_answers_of_another_origin(tmp_path, flag):
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "eval", str(SETS["fixtures"]), "--oracle", *flag,
         "--report-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 2 and "--oracle serves its own answers" in run.stderr and flag[0] in run.stderr


def test_two_articles_with_one_text_and_different_gold_are_refused():
    same = [
        Article(id=i, text=TEXT, gold={"is_funding_news": news}) for i, news in (("x", True), ("y", False))
    ]
    with pytest.raises(ValueError, match="'x' and 'y' have the same text but different gold"):
        by_text(same, answers(same))
    assert by_text(same[:1], answers(same[:1])) == {TEXT: answer(same[0]).draft.model_dump_json()}
